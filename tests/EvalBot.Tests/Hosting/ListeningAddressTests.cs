using EvalBot.Hosting;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace EvalBot.Tests.Hosting;

/// <summary>Port 3978 is only the default: the command line and the conventional variables always win.</summary>
public sealed class ListeningAddressTests
{
    public static TheoryData<string?, string?, string?, string, string?> Cases => new()
    {
        // urls (command line --urls, ASPNETCORE_URLS, DOTNET_URLS, Urls), http_ports, https_ports, environment → default used
        { null, null, null, "Development", "http://localhost:3978" },
        { null, null, null, "Production", "http://0.0.0.0:3978" },
        { "http://+:5000", null, null, "Production", null },
        { null, "8080", null, "Production", null },
        { null, null, "8443", "Production", null },
        { "", " ", null, "Development", "http://localhost:3978" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_default_applies_only_when_nothing_names_an_address(string? urls, string? httpPorts, string? httpsPorts, string environment, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["http_ports"] = httpPorts,
            ["https_ports"] = httpsPorts,
        }).Build();

        Assert.Equal(expected, ListeningAddress.DefaultWhenUnset(configuration, new Environment(environment)));
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task The_bot_listens_where_the_platform_variable_says(string variable)
    {
        var data = Directory.CreateTempSubdirectory("evalbot-port-");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "sqlite",
                ["Database__DataDirectory"] = data.FullName,
                ["EvalBot__SeedDemo"] = "false",
                ["Scheduling__Enabled"] = "false",
            };
            await using var bot = await BotProcess.StartAsync("port", settings, TimeSpan.FromSeconds(90), addressVariable: variable);

            // Ready means /healthz answered on the port the variable named (appsettings no longer pin 3978).
            Assert.False(bot.HasExited);
            Assert.NotEqual(ListeningAddress.DefaultPort, bot.Port);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EvalBot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
