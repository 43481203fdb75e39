using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class MsalBotTokenProviderTests : AuthTestBase
{
    private IBotTokenProvider Provider => Services.GetRequiredService<IBotTokenProvider>();

    [Fact]
    public async Task First_call_fetches_a_token_from_the_authority_and_the_second_uses_the_cache()
    {
        var first = await Provider.GetTokenAsync(CancellationToken.None);
        var second = await Provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("test-access-token-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, Issuer.TokenRequestCount);
    }

    [Fact]
    public async Task A_kept_token_is_handed_out_until_five_minutes_before_it_expires_and_then_asked_for_again()
    {
        // MSAL dates the token by the system clock; the provider's clock starts there, as it does in production.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var services = AuthTestServices.Build(Issuer, clock, new Dictionary<string, string?>());
        var provider = services.GetRequiredService<IBotTokenProvider>();
        var first = await provider.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        var kept = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, kept);
        Assert.Equal(1, Issuer.TokenRequestCount);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(string.IsNullOrEmpty(await provider.GetTokenAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Token_request_uses_client_credentials_for_the_bot_connector_scope()
    {
        await Provider.GetTokenAsync(CancellationToken.None);

        var form = Assert.Single(Issuer.TokenRequests).Form;
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestIssuer.DefaultAppId, form["client_id"]);
        Assert.Equal(TestIssuer.ClientSecret, form["client_secret"]);
        Assert.Contains(MsalBotTokenProvider.Scope, form["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tenant_id_the_legacy_multi_tenant_authority_is_used()
    {
        await Provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(MsalBotTokenProvider.MultiTenantAuthorityTenant, Assert.Single(Issuer.TokenRequests).Tenant);
    }

    [Fact]
    public async Task With_a_tenant_id_the_bots_own_tenant_is_the_authority()
    {
        const string tenant = "3c0ffee0-1234-4abc-9def-0123456789ab";
        await using var services = AuthTestServices.Build(Issuer, Clock, new Dictionary<string, string?> { ["Bot:TenantId"] = tenant });

        await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Equal(tenant, Assert.Single(Issuer.TokenRequests).Tenant);
    }

    [Fact]
    public async Task With_a_certificate_the_request_carries_a_signed_client_assertion()
    {
        var path = Path.Combine(Path.GetTempPath(), $"evalbot-test-{Guid.NewGuid():N}.pfx");
        try
        {
            await File.WriteAllBytesAsync(path, CreatePfx());
            await using var services = AuthTestServices.Build(Issuer, Clock, new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppPassword"] = "",
                ["Bot:CertificatePath"] = path,
            });

            await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None);

            var form = Assert.Single(Issuer.TokenRequests).Form;
            Assert.False(form.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            Assert.False(string.IsNullOrEmpty(form["client_assertion"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Registered_services_are_process_wide_singletons()
    {
        Assert.Same(Services.GetRequiredService<IBotTokenProvider>(), Services.GetRequiredService<IBotTokenProvider>());
        Assert.Same(Services.GetRequiredService<IChannelRequestAuthenticator>(), Services.GetRequiredService<IChannelRequestAuthenticator>());
    }

    private static byte[] CreatePfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=evalbot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return certificate.Export(X509ContentType.Pfx);
    }
}
