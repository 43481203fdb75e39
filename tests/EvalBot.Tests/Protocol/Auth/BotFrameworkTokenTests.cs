using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class BotFrameworkTokenTests : AuthTestBase
{
    [Fact]
    public async Task Valid_bot_framework_token_is_accepted()
    {
        var result = await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken());

        Assert.Equal(ChannelAuthResult.Authenticated, result);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Other_rsa_algorithms_are_accepted(string algorithm)
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Algorithm = algorithm });

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Request_without_authorization_header_is_refused()
    {
        var result = await Authenticator.AuthenticateAsync(null, TestIssuer.DefaultChannelId, TestIssuer.DefaultServiceUrl, CancellationToken.None);

        AssertRefused(result, "no Authorization header");
    }

    [Theory]
    [InlineData("Basic {token}")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("bearer {token}")]
    [InlineData("Bearer {token} extra")]
    [InlineData("Bearer  {token}")]
    [InlineData("{token}")]
    public async Task Malformed_authorization_header_is_refused(string header)
    {
        var value = header.Replace("{token}", Issuer.CreateBotFrameworkToken(), StringComparison.Ordinal);

        var result = await Authenticator.AuthenticateAsync(value, TestIssuer.DefaultChannelId, TestIssuer.DefaultServiceUrl, CancellationToken.None);

        AssertRefused(result, "not 'Bearer <token>'");
    }

    [Fact]
    public async Task Bearer_value_that_is_not_a_jwt_is_refused()
    {
        AssertRefused(await Authenticator.AuthenticateTokenAsync("not-a-jwt"), "not a signed JWT");
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Algorithm = "none" });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "algorithm 'none' not allowed");
    }

    [Fact]
    public async Task Hs256_token_signed_with_the_public_key_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Algorithm = "HS256" });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "algorithm 'HS256' not allowed");
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_kid_is_refused()
    {
        using var forger = new TestSigningKey(Issuer.EndorsedKey.KeyId);
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = forger });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "signature invalid");
    }

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { NotBefore = Clock.GetUtcNow().AddHours(-2), Expires = Clock.GetUtcNow().AddMinutes(-6) });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "token expired");
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { NotBefore = Clock.GetUtcNow().AddHours(-2), Expires = Clock.GetUtcNow().AddMinutes(-4) });

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Token_that_expires_while_the_clock_moves_on_is_refused()
    {
        var token = Issuer.CreateBotFrameworkToken();
        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);

        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "token expired");
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_clock_skew_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { NotBefore = Clock.GetUtcNow().AddMinutes(6) });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "not yet valid");
    }

    [Fact]
    public async Task Token_not_yet_valid_within_the_clock_skew_is_accepted()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { NotBefore = Clock.GetUtcNow().AddMinutes(4) });

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Token_without_expiry_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { OmitExpiry = true });

        Assert.False((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Theory]
    [InlineData("7f3c1d9e-0000-4c55-8a2e-2f6f3c1d9e01")]
    [InlineData("api://" + TestIssuer.DefaultAppId)]
    [InlineData("https://api.botframework.com")]
    public async Task Token_for_another_audience_is_refused(string audience)
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec(appId: audience));

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "audience is not this bot");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://sts.windows.net/00000000-0000-0000-0000-000000000001/")]
    public async Task Token_from_an_unknown_issuer_is_refused(string issuer)
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Issuer = issuer });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "issuer not accepted");
    }

    [Fact]
    public async Task Key_without_endorsements_is_refused()
    {
        var token = Issuer.CreateBotFrameworkToken(channelEndorsed: false);

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "no endorsements");
    }

    [Fact]
    public async Task Key_endorsed_only_for_another_channel_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = Issuer.OtherChannelKey });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "not endorsed for the activity's channel");
    }

    [Fact]
    public async Task Activity_from_a_channel_the_key_does_not_endorse_is_refused()
    {
        var result = await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken(), channelId: "slack");

        AssertRefused(result, "not endorsed for the activity's channel");
    }

    [Theory]
    [InlineData("https://attacker.example/teams/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData(null)]
    public async Task Serviceurl_claim_that_differs_from_the_activity_is_refused(string? claimed)
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec(serviceUrl: claimed));

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "serviceurl claim does not match");
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("https://SMBA.trafficmanager.net/Teams/")]
    public async Task Serviceurl_claim_differing_only_in_case_or_trailing_slash_is_accepted(string claimed)
    {
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec(serviceUrl: claimed));

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }
}
