using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class DevelopmentModeTests : AuthTestBase
{
    protected override IReadOnlyDictionary<string, string?> ConfigurationOverrides => new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "" };

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://LOCALHOST:3978/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("https://127.42.0.9/")]
    [InlineData("http://[::1]:8080/")]
    public async Task Header_less_request_for_a_loopback_service_url_is_anonymous(string serviceUrl)
    {
        var result = await Authenticator.AuthenticateAsync(null, "msteams", serviceUrl, CancellationToken.None);

        Assert.Equal(ChannelAuthResult.AnonymousDevelopment, result);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://127.0.0.1@attacker.example/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Header_less_request_for_any_other_service_url_is_refused(string? serviceUrl)
    {
        var result = await Authenticator.AuthenticateAsync(null, "msteams", serviceUrl, CancellationToken.None);

        AssertRefused(result, "not a loopback address");
    }

    [Fact]
    public async Task Request_with_a_token_is_refused_when_auth_is_off()
    {
        var result = await Authenticator.AuthenticateAsync("Bearer " + Issuer.CreateBotFrameworkToken(), "msteams", "http://localhost:3978/", CancellationToken.None);

        AssertRefused(result, "auth is off");
    }

    [Fact]
    public async Task No_outbound_token_is_fetched_when_auth_is_off()
    {
        var token = await Services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.Equal(0, Issuer.TokenRequestCount);
    }
}
