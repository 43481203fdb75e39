using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Protocol;

/// <summary>
/// The endpoint with auth on (an app id configured): forged or broken tokens get 401 and leave no trace in the
/// database; a token signed by keys published at Bot:OpenIdMetadataUrl is accepted and the reply carries an outbound token.
/// </summary>
public sealed class MessagesEndpointAuthTests : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory(_issuer.BotConfiguration(), _issuer.ConfigureHttpClients);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public static TheoryData<string> Forgeries => ["no token", "alg none", "HS256 with the public key", "expired", "not yet valid", "wrong audience", "wrong issuer", "unknown key", "key without the channel endorsement", "serviceurl mismatch"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_broken_token_gets_401_and_nothing_is_stored(string forgery)
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help");
        var token = Forge(forgery);

        var response = await PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _bot.QueryAsync(db => db.ConversationReferences.CountAsync()));
        Assert.Equal(0, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.Equal(0, await _bot.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_token_signed_by_the_published_keys_is_accepted_and_the_reply_carries_an_outbound_token()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help");

        var response = await PostAsync(activity, _issuer.CreateBotFrameworkToken(serviceUrl: _teams.ServiceUrl));
        var reply = await _teams.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
        Assert.Equal(1, _issuer.TokenRequestCount);
    }

    [Fact]
    public async Task An_Entra_issued_channel_token_is_accepted()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help");

        var response = await PostAsync(activity, _issuer.CreateEntraToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string? Forge(string forgery)
    {
        var valid = _issuer.BotFrameworkSpec(serviceUrl: _teams.ServiceUrl);
        var now = TimeProvider.System.GetUtcNow();
        return forgery switch
        {
            "no token" => null,
            "alg none" => _issuer.CreateToken(valid with { Algorithm = "none" }),
            "HS256 with the public key" => _issuer.CreateToken(valid with { Algorithm = "HS256" }),
            "expired" => _issuer.CreateToken(valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) }),
            "not yet valid" => _issuer.CreateToken(valid with { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) }),
            "wrong audience" => _issuer.CreateBotFrameworkToken(appId: "11111111-2222-3333-4444-555555555555", serviceUrl: _teams.ServiceUrl),
            "wrong issuer" => _issuer.CreateToken(valid with { Issuer = "https://evil.example.com" }),
            "unknown key" => _issuer.CreateToken(valid with { KeyId = "never-published" }),
            "key without the channel endorsement" => _issuer.CreateBotFrameworkToken(serviceUrl: _teams.ServiceUrl, channelEndorsed: false),
            "serviceurl mismatch" => _issuer.CreateBotFrameworkToken(serviceUrl: "https://attacker.example.com/"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }
}
