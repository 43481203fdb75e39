namespace EvalBot.Hosting;

/// <summary>
/// Where the bot listens: port 3978 only when nothing else names an address. The command line (<c>--urls</c>),
/// <c>ASPNETCORE_URLS</c> / <c>DOTNET_URLS</c> / <c>Urls</c> and <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>
/// (what containers and hosting platforms set) always win over the default (PRODUCT.md, stable interface 10).
/// </summary>
public static class ListeningAddress
{
    public const int DefaultPort = 3978;

    /// <summary>
    /// The default address when the configuration names none, else null (ASP.NET Core then uses what was named).
    /// Development listens on loopback only; every other environment on all interfaces.
    /// </summary>
    public static string? DefaultWhenUnset(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            return null;
        }

        return environment.IsDevelopment() ? $"http://localhost:{DefaultPort}" : $"http://0.0.0.0:{DefaultPort}";
    }
}
