using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Conversation;

/// <summary>
/// One language per person in a turn: the person's preferred language when set, else the Teams locale of the activity,
/// else the last locale seen from them in that chat, else Vietnamese; the same for the welcome, help, errors and
/// feature cards.
/// </summary>
public sealed class TurnLanguageTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory();
        _client = _bot.CreateClient();
        await TestOrganisation.CreateAsync(_bot, TimeProvider.System.GetUtcNow());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Theory]
    [InlineData("vi", "en-US", "vi")]
    [InlineData("en", "vi-VN", "en")]
    [InlineData(null, "en-US", "en")]
    [InlineData(null, "vi-VN", "vi")]
    public async Task The_welcome_is_in_the_persons_language_whatever_the_Teams_locale(string? preferred, string teamsLocale, string expected)
    {
        await PreferAsync("aad-user-1", preferred);
        var install = Activities.Install(_teams.ServiceUrl);
        install["locale"] = teamsLocale;

        (await _client.PostAsJsonAsync("/api/messages", install)).EnsureSuccessStatusCode();
        var welcome = await NextCardAsync(Render("welcome", "vi"), Render("welcome", "en"));

        Assert.Equal(Render("welcome", expected), welcome.FirstCard!.ToJsonString());
        Assert.NotEqual(Render("welcome", expected == "vi" ? "en" : "vi"), welcome.FirstCard!.ToJsonString());
    }

    [Theory]
    [InlineData("vi", "en-US", "vi")]
    [InlineData("en", "vi-VN", "en")]
    [InlineData(null, "en-US", "en")]
    public async Task Help_and_an_unknown_verb_answer_in_the_persons_language(string? preferred, string teamsLocale, string expected)
    {
        await PreferAsync("aad-user-1", preferred);
        var help = _bot.Services.GetRequiredService<EvalBot.Features.Help.HelpCard>();

        (await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", locale: teamsLocale))).EnsureSuccessStatusCode();
        var answer = await NextCardAsync(help.Render("vi").ToJsonString(), help.Render("en").ToJsonString());
        var unknown = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, "nothing.here", new JsonObject(), locale: teamsLocale));

        Assert.Equal(help.Render(expected).ToJsonString(), answer.FirstCard!.ToJsonString());
        var errors = _bot.Services.GetRequiredService<ErrorCards>();
        Assert.Contains(errors.Text(expected, "errorUnknownAction"), await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_locale_is_answered_in_the_last_locale_seen_from_that_person_in_the_chat()
    {
        var help = _bot.Services.GetRequiredService<EvalBot.Features.Help.HelpCard>();
        (await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", locale: "en-US"))).EnsureSuccessStatusCode();
        await NextCardAsync(help.Render("vi").ToJsonString(), help.Render("en").ToJsonString());
        var bare = Activities.Message(_teams.ServiceUrl, "help");
        bare.Remove("locale");
        bare.Remove("entities");

        (await _client.PostAsJsonAsync("/api/messages", bare)).EnsureSuccessStatusCode();
        var answer = await NextCardAsync(help.Render("vi").ToJsonString(), help.Render("en").ToJsonString());

        Assert.Equal(help.Render("en").ToJsonString(), answer.FirstCard!.ToJsonString());
    }

    /// <summary>
    /// The next message whose card is one of <paramref name="cards"/> (the card under test, in either language). The
    /// organisation has an open check-in campaign, whose job runs on the real clock: once, in a full run of the suite, a
    /// call without a card came first after an install, most likely the campaign opening a chat for its prompt. Other
    /// calls are not what these tests check; the card's language still is.
    /// </summary>
    private Task<ConnectorCall> NextCardAsync(params string[] cards) => _teams.NextCardAsync(cards.Contains);

    private Task<int> PreferAsync(string aad, string? language) =>
        _bot.QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.AadObjectId == aad);
            person.PreferredLanguage = language;
            return await db.SaveChangesAsync();
        });

    /// <summary>The card as the app renders it for the test user (named "Nguyễn Văn A" by the activity) in a language.</summary>
    private string Render(string template, string language) =>
        _bot.Services.GetRequiredService<CardTemplates>().Render(template, new JsonObject { ["name"] = CardText.Plain("Nguyễn Văn A") }, language).ToJsonString();
}
