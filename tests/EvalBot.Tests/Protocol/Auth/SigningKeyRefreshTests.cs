using EvalBot.Tests.Support;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class SigningKeyRefreshTests : AuthTestBase
{
    [Fact]
    public async Task Keys_are_fetched_once_and_cached_across_requests()
    {
        await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken());
        await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken());

        Assert.Equal(1, Issuer.BotFrameworkKeyRequests);
    }

    [Fact]
    public async Task Unknown_kid_causes_exactly_one_refresh_and_is_then_refused()
    {
        using var unpublished = new TestSigningKey(endorsements: [TestIssuer.DefaultChannelId]);
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = unpublished });

        var first = await Authenticator.AuthenticateTokenAsync(token);
        var second = await Authenticator.AuthenticateTokenAsync(token);

        AssertRefused(first, "signing key unknown");
        AssertRefused(second, "signing key unknown");
        Assert.Equal(2, Issuer.BotFrameworkKeyRequests);
    }

    [Fact]
    public async Task Key_rotated_in_on_the_server_is_accepted_after_one_refresh()
    {
        Assert.True((await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken())).Succeeded);
        var rotated = Issuer.PublishBotFrameworkKey();
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = rotated });

        var result = await Authenticator.AuthenticateTokenAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, Issuer.BotFrameworkKeyRequests);
    }

    [Fact]
    public async Task Another_refresh_is_allowed_once_the_minimum_interval_has_passed()
    {
        using var unpublished = new TestSigningKey(endorsements: [TestIssuer.DefaultChannelId]);
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = unpublished, Expires = Clock.GetUtcNow().AddHours(2) });
        await Authenticator.AuthenticateTokenAsync(token);
        Clock.Advance(TimeSpan.FromMinutes(4));
        await Authenticator.AuthenticateTokenAsync(token);
        Assert.Equal(2, Issuer.BotFrameworkKeyRequests);

        // The manager's own wall-clock gate is one second; keep clear of it.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Clock.Advance(TimeSpan.FromMinutes(1));
        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "signing key unknown");

        Assert.Equal(3, Issuer.BotFrameworkKeyRequests);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_the_request()
    {
        var services = AuthTestServices.Build(Issuer, Clock, new Dictionary<string, string?> { ["Bot:OpenIdMetadataUrl"] = Issuer.HttpBaseUrl + "/missing" });
        await using var _ = services;

        var result = await services.Authenticator().AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken());

        AssertRefused(result, "signing keys unavailable");
    }
}
