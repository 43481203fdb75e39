using System.Text.Json.Nodes;
using System.Net.Http.Json;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>Requests, answers, edits, identity and visibility through the real endpoint, as Teams sends Action.Execute invokes.</summary>
public sealed class FeedbackFlowTests : IAsyncLifetime
{
    private FeedbackHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedbackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Person Subject, List<FeedbackRequest> Requests)> SubjectWithRequestsAsync()
    {
        await _host.OpenRoundAsync();
        var requests = await _host.RequestsAsync();
        var subjectId = requests.GroupBy(r => r.SubjectPersonId).First(g => g.Count() >= 3 && g.Key != _host.Head.Id).Key;
        return (_host.Staff.Single(s => s.Id == subjectId), requests.Where(r => r.SubjectPersonId == subjectId).ToList());
    }

    [Fact]
    public async Task Opening_twice_queues_one_card_per_reviewer_listing_all_their_requests_once()
    {
        var first = await _host.OpenRoundAsync();
        var second = await _host.OpenRoundAsync();

        var requests = await _host.RequestsAsync();
        var cards = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "feedback.request").ToListAsync());
        var reviewers = requests.GroupBy(r => r.ReviewerPersonId).ToList();
        Assert.True((int)first["created"]! > 0);
        Assert.Equal(reviewers.Count, (int)first["queued"]!);
        Assert.Equal(0, (int)second["created"]!);
        Assert.Equal(0, (int)second["queued"]!);
        Assert.Equal(reviewers.Count, (int)second["alreadyQueued"]!);
        Assert.Equal(reviewers.Count, cards.Count);
        Assert.True(reviewers.Any(g => g.Count() > 1), "some reviewer is asked about several colleagues");
        foreach (var reviewer in reviewers)
        {
            var card = cards.Single(c => c.PersonId == reviewer.Key);
            var opened = RequestIdsOpenedBy(card.ActivityJson);
            Assert.Equal(reviewer.Select(r => r.Id).Order(), opened.Order());
        }

        Assert.DoesNotContain(requests, r => r.ReviewerPersonId == r.SubjectPersonId);
        Assert.All(reviewers, g => Assert.True(g.Count() <= 5));
        Assert.All(cards, c => Assert.DoesNotContain("feedback.submit", c.ActivityJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pressing_a_colleagues_button_on_the_round_card_opens_that_colleagues_feedback_form()
    {
        await _host.OpenRoundAsync();
        var requests = await _host.RequestsAsync();
        var reviewer = requests.GroupBy(r => r.ReviewerPersonId).First(g => g.Count() > 1);
        var card = await _host.Bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "feedback.request" && o.PersonId == reviewer.Key));

        foreach (var request in reviewer)
        {
            Assert.Contains(request.Id, RequestIdsOpenedBy(card.ActivityJson));
            var subject = _host.Staff.Concat([_host.Head]).Single(p => p.Id == request.SubjectPersonId);
            var form = await _host.InvokeAsync("feedback.open", new JsonObject { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, await _host.AadOfAsync(reviewer.Key));

            var shown = form["value"].Readable();
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)form["type"]);
            Assert.Contains("feedback.submit", shown, StringComparison.Ordinal);
            Assert.Contains(CardText.Plain(subject.FullName), shown, StringComparison.Ordinal);
            Assert.Contains($"\"requestId\":\"{request.Id}\"", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_reminder_is_one_card_per_reviewer_listing_only_what_they_have_not_answered_and_is_sent_once()
    {
        await _host.OpenRoundAsync();
        var requests = await _host.RequestsAsync();
        var busy = requests.GroupBy(r => r.ReviewerPersonId).First(g => g.Count() > 1);
        var answered = busy.First();
        await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(answered.Id, strengths: "Tận tình"), await _host.AadOfAsync(busy.Key));

        (await _host.Client.PostAsync($"/admin/feedback/{FeedbackHost.Period}/remind", null)).EnsureSuccessStatusCode();
        (await _host.Client.PostAsync($"/admin/feedback/{FeedbackHost.Period}/remind", null)).EnsureSuccessStatusCode();

        var reminders = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "feedback.reminder").ToListAsync());
        Assert.Equal(requests.Where(r => r.Id != answered.Id).Select(r => r.ReviewerPersonId).Distinct().Count(), reminders.Count);
        var card = reminders.Single(c => c.PersonId == busy.Key);
        Assert.Equal(busy.Where(r => r.Id != answered.Id).Select(r => r.Id).Order(), RequestIdsOpenedBy(card.ActivityJson).Order());
    }

    /// <summary>The requests a card's <c>feedback.open</c> buttons open.</summary>
    private static List<long> RequestIdsOpenedBy(string activityJson) =>
        [.. System.Text.RegularExpressions.Regex.Matches(activityJson, "\"verb\":\"feedback.open\",\"data\":\\{\"requestId\":\"(\\d+)\"")
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task An_answer_is_stored_and_a_new_submit_replaces_it_until_the_period_closes()
    {
        var (_, requests) = await SubjectWithRequestsAsync();
        var request = requests[0];
        var reviewer = await _host.AadOfAsync(request.ReviewerPersonId);

        await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id, strengths: "Tận tình"), reviewer);
        var edited = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id, politics: "2", strengths: "Đã sửa"), reviewer);
        await _host.CloseAsync();
        var late = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id, politics: "5"), reviewer);

        var stored = (await _host.RequestsAsync()).Single(r => r.Id == request.Id);
        Assert.Equal(FeedbackStatus.Answered, stored.Status);
        Assert.Equal("Đã sửa", stored.Strengths);
        Assert.Contains("\"politics\":2", stored.RatingsJson, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)edited["type"]);
        Assert.DoesNotContain("feedback.submit", late["value"]!.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_a_request_addressed_to_someone_else_is_refused_and_changes_nothing()
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        var request = requests[0];
        var intruder = _host.Staff.First(s => s.Id != request.ReviewerPersonId && s.Id != subject.Id);

        var answer = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id), intruder.AadObjectId!);
        var self = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id), subject.AadObjectId!);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)self["type"]);
        Assert.Equal(FeedbackStatus.Pending, (await _host.RequestsAsync()).Single(r => r.Id == request.Id).Status);
    }

    [Fact]
    public async Task An_invalid_rating_comes_back_with_the_error_and_nothing_is_stored()
    {
        var (_, requests) = await SubjectWithRequestsAsync();
        var reviewer = await _host.AadOfAsync(requests[0].ReviewerPersonId);

        var answer = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(requests[0].Id, politics: "9", strengths: new string('x', 1001)), reviewer);

        Assert.Equal(FeedbackStatus.Pending, (await _host.RequestsAsync()).Single(r => r.Id == requests[0].Id).Status);
        var card = answer["value"]!.Readable();
        Assert.Contains("1000", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_subject_sees_nothing_below_k_nothing_while_open_and_only_aggregates_after_close()
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        for (var i = 0; i < 2; i++)
        {
            await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(requests[i].Id, strengths: $"Điểm mạnh {i}"), await _host.AadOfAsync(requests[i].ReviewerPersonId));
        }

        var belowK = await _host.InvokeAsync("feedback.view", [], subject.AadObjectId!);
        await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(requests[2].Id, strengths: "Điểm mạnh 2"), await _host.AadOfAsync(requests[2].ReviewerPersonId));
        var openWithK = await _host.InvokeAsync("feedback.view", new JsonObject { ["scope"] = FeedbackHost.Period }, subject.AadObjectId!);
        await _host.CloseAsync();
        var closed = await _host.InvokeAsync("feedback.view", new JsonObject { ["scope"] = FeedbackHost.Period }, subject.AadObjectId!);
        var leader = await _host.InvokeAsync("feedback.view", new JsonObject { ["scope"] = FeedbackHost.Period, ["personId"] = subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "aad-head");
        var colleague = _host.Staff.First(s => s.Id != subject.Id);
        var nosy = await _host.InvokeAsync("feedback.view", new JsonObject { ["scope"] = FeedbackHost.Period, ["personId"] = subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, colleague.AadObjectId!);

        Assert.DoesNotContain("Điểm mạnh", belowK.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("Điểm mạnh", openWithK.Readable(), StringComparison.Ordinal);
        var shown = closed["value"]!.Readable();
        Assert.Contains("Điểm mạnh 0", shown, StringComparison.Ordinal);
        Assert.Contains("Điểm mạnh 2", shown, StringComparison.Ordinal);
        foreach (var r in requests)
        {
            var name = (await _host.Bot.QueryAsync(db => db.People.SingleAsync(p => p.Id == r.ReviewerPersonId))).FullName;
            Assert.DoesNotContain(name, shown, StringComparison.Ordinal);
        }

        Assert.Contains("Điểm mạnh 1", leader["value"]!.Readable(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)nosy["type"]);
    }

    [Theory]
    [InlineData("[x](https://evil)")]
    [InlineData("<at>Boss</at>")]
    [InlineData("**đậm** ![img](https://evil/x.png)")]
    [InlineData("\"}]},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil\"}")]
    [InlineData("${$root.t.feedbackTitle}")]
    public async Task Hostile_comments_are_stored_as_typed_and_shown_only_escaped_in_one_text_block(string hostile)
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        for (var i = 0; i < 3; i++)
        {
            await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(requests[i].Id, improvements: i == 0 ? hostile : $"ok {i}"), await _host.AadOfAsync(requests[i].ReviewerPersonId));
        }

        await _host.CloseAsync();
        var card = (await _host.InvokeAsync("feedback.view", new JsonObject { ["scope"] = FeedbackHost.Period }, subject.AadObjectId!))["value"]!.AsObject();

        Assert.Equal(hostile, (await _host.RequestsAsync()).Single(r => r.Id == requests[0].Id).Improvements);
        var texts = Texts(card).ToList();
        Assert.Contains(CardText.Plain(hostile), texts);
        Assert.DoesNotContain(texts, t => t.Contains("<at>", StringComparison.Ordinal) || t.Contains("](", StringComparison.Ordinal));
        Assert.DoesNotContain("Action.OpenUrl", Types(card));
    }

    [Fact]
    public async Task A_conflict_of_interest_flags_the_request_tells_the_leader_and_the_leader_replaces_the_reviewer()
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        var request = requests[0];
        var reviewer = await _host.AadOfAsync(request.ReviewerPersonId);

        await _host.InvokeAsync("feedback.skip", new JsonObject { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["skipReason"] = "conflict" }, reviewer);
        var flagged = (await _host.RequestsAsync()).Single(r => r.Id == request.Id);
        var notice = await _host.Bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "feedback.flagged"));
        var view = await _host.InvokeAsync("feedback.view", new JsonObject { ["personId"] = subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "aad-head");
        await _host.InvokeAsync("feedback.replace", new JsonObject { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "aad-head");
        var after = await _host.RequestsAsync();
        var late = await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(request.Id), reviewer);

        Assert.True(flagged.Flagged);
        Assert.Equal(FeedbackStatus.Skipped, flagged.Status);
        Assert.Equal("aad-head", notice.RecipientAadObjectId);
        Assert.Contains("feedback.replace", view["value"]!.Readable(), StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Replaced, after.Single(r => r.Id == request.Id).Status);
        var added = Assert.Single(after, r => r.Relation == "added");
        Assert.Equal(subject.Id, added.SubjectPersonId);
        Assert.NotEqual(request.ReviewerPersonId, added.ReviewerPersonId);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)late["type"]);
        Assert.True(await _host.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "feedback.request" && o.PersonId == added.ReviewerPersonId)));
    }

    [Fact]
    public async Task A_leader_cannot_replace_an_answered_request_that_was_not_flagged()
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        var reviewer = await _host.AadOfAsync(requests[0].ReviewerPersonId);
        await _host.InvokeAsync("feedback.submit", FeedbackHost.Answer(requests[0].Id, strengths: "Tận tụy"), reviewer);

        var answer = await _host.InvokeAsync("feedback.replace", new JsonObject { ["requestId"] = requests[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["replacement." + requests[0].Id] = "auto" }, "aad-head");
        var admin = await _host.Client.PostAsJsonAsync($"/admin/feedback/{FeedbackHost.Period}/reviewers", new { person = subject.ExternalId, replace = (await _host.Bot.QueryAsync(db => db.People.SingleAsync(p => p.Id == requests[0].ReviewerPersonId))).ExternalId });
        var after = (await _host.RequestsAsync()).Single(r => r.Id == requests[0].Id);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Contains("xung đột lợi ích", (string?)answer["value"], StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, admin.StatusCode);
        Assert.Equal(FeedbackStatus.Answered, after.Status);
        Assert.Equal("Tận tụy", after.Strengths);
        Assert.DoesNotContain(await _host.RequestsAsync(), r => r.Relation == "added");
    }

    [Fact]
    public async Task A_colleague_cannot_replace_reviewers()
    {
        var (subject, requests) = await SubjectWithRequestsAsync();
        var colleague = _host.Staff.First(s => s.Id != subject.Id);

        var answer = await _host.InvokeAsync("feedback.replace", new JsonObject { ["requestId"] = requests[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, colleague.AadObjectId!);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.DoesNotContain(await _host.RequestsAsync(), r => r.Status == FeedbackStatus.Replaced);
    }

    [Fact]
    public async Task The_feedback_command_lists_what_is_pending_for_the_sender_with_buttons()
    {
        var (_, requests) = await SubjectWithRequestsAsync();
        var reviewer = await _host.AadOfAsync(requests[0].ReviewerPersonId);

        var response = await _host.Client.PostAsJsonAsync("/api/messages", Activities.Message(_host.Teams.ServiceUrl, "góp ý", userAad: reviewer));
        response.EnsureSuccessStatusCode();
        var reply = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "reply").OrderByDescending(o => o.Id).FirstAsync());

        Assert.Contains("feedback.open", reply.ActivityJson, StringComparison.Ordinal);
        Assert.Contains(requests[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.ActivityJson, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Types(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : Enumerable.Empty<string>()).Concat(o.SelectMany(p => Types(p.Value))),
        JsonArray a => a.SelectMany(Types),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => ((string?)o["type"] == "TextBlock" && o["text"] is JsonValue v ? [(string)v!] : Enumerable.Empty<string>()).Concat(o.SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
