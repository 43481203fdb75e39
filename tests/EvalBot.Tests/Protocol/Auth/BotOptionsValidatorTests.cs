using EvalBot.Protocol.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "5b0a1c7e-9d1f-4c55-8a2e-2f6f3c1d9e01";

    [Fact]
    public async Task Production_host_with_an_empty_app_id_refuses_to_start()
    {
        using var host = BuildHost(Environments.Production, new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Auth may only be off in Development or testing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_host_with_an_empty_app_id_starts()
    {
        using var host = BuildHost(Environments.Development, new Dictionary<string, string?>());

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void Production_with_app_id_and_secret_is_valid()
    {
        Assert.True(Validate(Environments.Production, new BotOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" }).Succeeded);
    }

    [Fact]
    public void App_id_without_secret_or_certificate_is_refused()
    {
        var result = Validate(Environments.Development, new BotOptions { MicrosoftAppId = AppId });

        Assert.Contains("neither Bot:MicrosoftAppPassword nor Bot:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_secret_and_certificate_are_refused()
    {
        var result = Validate(Environments.Development, new BotOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s", CertificatePath = "/nonexistent.pfx" });

        Assert.Contains("not both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void App_id_that_is_not_a_guid_is_refused()
    {
        var result = Validate(Environments.Development, new BotOptions { MicrosoftAppId = "my-bot", MicrosoftAppPassword = "s" });

        Assert.Contains("GUID", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example/keys")]
    [InlineData("relative/path")]
    public void Metadata_address_over_plain_http_off_box_is_refused(string url)
    {
        var result = Validate(Environments.Development, new BotOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s", OpenIdMetadataUrl = url });

        Assert.Contains("Bot:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(string environment, BotOptions options) =>
        new BotOptionsValidator(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);

    private static IHost BuildHost(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotAuthentication(builder.Configuration);
        return builder.Build();
    }
}
