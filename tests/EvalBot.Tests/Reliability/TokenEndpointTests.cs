using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// protocol.md §6 item 2 through the real endpoint, for the cases <c>Protocol/MessagesEndpointAuthTests</c> does not
/// post (they are proven at unit level in <c>Protocol/Auth/*</c>): each forged token gets 401 with an empty body and
/// leaves every table unchanged; an unknown key id costs exactly one metadata refresh, then is refused.
/// </summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private const string BotTenant = "3c0ffee0-1234-4abc-9def-0123456789ab";

    private TestIssuer _issuer = null!;
    private ReliabilityHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        var settings = _issuer.BotConfiguration(tenantId: BotTenant);
        _host = await ReliabilityHost.StartAsync(settings, services: _issuer.ConfigureHttpClients);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public static TheoryData<string> Forgeries => [
        "signed by another key under a published kid",
        "RS256 token without expiry",
        "expired beyond the 5 minute skew",
        "activity channel not endorsed by the key",
        "Entra token from a tenant not allowed",
        "Entra token whose tid differs from its issuer",
        "Entra token signed by a key bound to another tenant",
        "Entra token signed with a Bot Framework key",
        "one character of the signature changed",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_through_the_endpoint_gets_401_and_changes_no_table(string forgery)
    {
        var activity = InBotTenant(Activities.Message(_host.Teams.ServiceUrl, "help"));
        if (forgery == "activity channel not endorsed by the key")
        {
            activity["channelId"] = "slack";
        }

        var before = await _host.SnapshotAsync();

        var response = await PostAsync(activity, Forge(forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    [Fact]
    public async Task An_unknown_key_id_costs_one_metadata_refresh_then_is_refused_and_stores_nothing()
    {
        var activity = InBotTenant(Activities.Message(_host.Teams.ServiceUrl, "help"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity, _issuer.CreateBotFrameworkToken(serviceUrl: _host.Teams.ServiceUrl))).StatusCode);
        var fetches = _issuer.BotFrameworkKeyRequests;
        using var unpublished = new TestSigningKey(endorsements: [TestIssuer.DefaultChannelId]);
        var token = _issuer.CreateToken(_issuer.BotFrameworkSpec(serviceUrl: _host.Teams.ServiceUrl) with { Key = unpublished });
        var before = await _host.SnapshotAsync();

        var first = await PostAsync(InBotTenant(Activities.Message(_host.Teams.ServiceUrl, "help")), token);
        var second = await PostAsync(InBotTenant(Activities.Message(_host.Teams.ServiceUrl, "help")), token);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(fetches + 1, _issuer.BotFrameworkKeyRequests);
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    private string Forge(string forgery)
    {
        var valid = _issuer.BotFrameworkSpec(serviceUrl: _host.Teams.ServiceUrl);
        var now = TimeProvider.System.GetUtcNow();
        switch (forgery)
        {
            case "signed by another key under a published kid":
                using (var other = new TestSigningKey(endorsements: [TestIssuer.DefaultChannelId]))
                {
                    return _issuer.CreateToken(valid with { Key = other, KeyId = _issuer.EndorsedKey.KeyId });
                }

            case "RS256 token without expiry":
                return _issuer.CreateToken(valid with { OmitExpiry = true });
            case "expired beyond the 5 minute skew":
                return _issuer.CreateToken(valid with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-6) });
            case "activity channel not endorsed by the key":
                return _issuer.CreateBotFrameworkToken(serviceUrl: _host.Teams.ServiceUrl);
            case "Entra token from a tenant not allowed":
                return _issuer.CreateToken(_issuer.EntraSpec(tenantId: "0badc0de-0000-4000-8000-000000000000") with { ServiceUrl = _host.Teams.ServiceUrl });
            case "Entra token whose tid differs from its issuer":
                return _issuer.CreateToken(_issuer.EntraSpec() with { TenantId = "0badc0de-0000-4000-8000-000000000000", ServiceUrl = _host.Teams.ServiceUrl });
            case "Entra token signed by a key bound to another tenant":
                var bound = _issuer.PublishEntraKey(issuer: EvalBot.Protocol.Auth.ChannelIssuers.EntraV2Issuer(BotTenant));
                return _issuer.CreateToken(_issuer.EntraSpec() with { Key = bound, ServiceUrl = _host.Teams.ServiceUrl });
            case "Entra token signed with a Bot Framework key":
                return _issuer.CreateToken(_issuer.EntraSpec() with { Key = _issuer.EndorsedKey, ServiceUrl = _host.Teams.ServiceUrl });
            case "one character of the signature changed":
                var token = _issuer.CreateBotFrameworkToken(serviceUrl: _host.Teams.ServiceUrl);
                var last = token[^2];
                return token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery));
        }
    }

    private async Task<HttpResponseMessage> PostAsync(System.Text.Json.Nodes.JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _host.Client.SendAsync(request);
    }

    /// <summary>Bot:TenantId is the organisation's tenant: only its activities are served (a token's tenant is checked apart).</summary>
    private static System.Text.Json.Nodes.JsonObject InBotTenant(System.Text.Json.Nodes.JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = BotTenant;
        activity["channelData"]!["tenant"]!["id"] = BotTenant;
        return activity;
    }
}
