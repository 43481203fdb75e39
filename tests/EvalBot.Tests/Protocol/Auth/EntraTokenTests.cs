using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class EntraTokenTests : AuthTestBase
{
    private const string BotTenant = "3c0ffee0-1234-4abc-9def-0123456789ab";

    protected override IReadOnlyDictionary<string, string?> ConfigurationOverrides => new Dictionary<string, string?> { ["Bot:TenantId"] = BotTenant };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Valid_entra_token_from_the_bot_framework_tenant_is_accepted(bool v2)
    {
        var result = await Authenticator.AuthenticateTokenAsync(Issuer.CreateEntraToken(v2: v2));

        Assert.Equal(ChannelAuthResult.Authenticated, result);
    }

    [Theory]
    [InlineData("f8cdef31-a31e-4b4a-93e4-5f571e91255a", true)]
    [InlineData("69e9b82d-4842-4902-8d1e-abc5b98a55e8", false)]
    [InlineData(BotTenant, true)]
    [InlineData(BotTenant, false)]
    public async Task Entra_tokens_of_the_other_accepted_tenants_are_accepted(string tenantId, bool v2)
    {
        Assert.True((await Authenticator.AuthenticateTokenAsync(Issuer.CreateEntraToken(tenantId: tenantId, v2: v2))).Succeeded);
    }

    [Fact]
    public async Task Entra_token_for_the_api_uri_of_the_app_is_accepted()
    {
        var token = Issuer.CreateToken(Issuer.EntraSpec(appId: "api://" + TestIssuer.DefaultAppId));

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Entra_token_from_a_tenant_not_allowed_is_refused(bool v2)
    {
        var token = Issuer.CreateEntraToken(tenantId: "0badc0de-0000-4000-8000-000000000000", v2: v2);

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "issuer not accepted");
    }

    [Fact]
    public async Task Entra_token_for_another_app_is_refused()
    {
        var token = Issuer.CreateEntraToken(appId: "11111111-2222-4333-8444-555555555555");

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "audience is not this bot");
    }

    [Fact]
    public async Task Entra_token_whose_tid_differs_from_its_issuer_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.EntraSpec() with { TenantId = BotTenant });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "tid claim does not match");
    }

    [Fact]
    public async Task Entra_token_signed_by_a_key_bound_to_another_tenant_is_refused()
    {
        var key = Issuer.PublishEntraKey(issuer: ChannelIssuers.EntraV2Issuer(BotTenant));
        var token = Issuer.CreateToken(Issuer.EntraSpec() with { Key = key });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "another tenant");
    }

    [Fact]
    public async Task Entra_token_signed_by_a_key_bound_to_its_own_tenant_is_accepted()
    {
        var key = Issuer.PublishEntraKey(issuer: ChannelIssuers.EntraV1Issuer(BotTenant));
        var token = Issuer.CreateToken(Issuer.EntraSpec(tenantId: BotTenant, v2: true) with { Key = key });

        Assert.True((await Authenticator.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Entra_token_signed_with_a_bot_framework_key_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.EntraSpec() with { Key = Issuer.EndorsedKey });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "signing key unknown");
    }

    [Fact]
    public async Task Entra_token_with_a_mismatching_serviceurl_claim_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.EntraSpec() with { ServiceUrl = "https://attacker.example/" });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "serviceurl claim does not match");
    }

    [Fact]
    public async Task Expired_entra_token_is_refused()
    {
        var token = Issuer.CreateToken(Issuer.EntraSpec() with { NotBefore = Clock.GetUtcNow().AddHours(-2), Expires = Clock.GetUtcNow().AddMinutes(-10) });

        AssertRefused(await Authenticator.AuthenticateTokenAsync(token), "token expired");
    }
}
