using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// The <c>góp ý</c> / <c>feedback</c> card (<c>cards/feedback-list.json</c>): the sender's requests in open periods with
/// a button each, a button to their own feedback, and for a leader the people whose feedback they look after, a page
/// at a time (<see cref="CardsOptions.PageSize"/>: the head of a large unit would otherwise get a card Teams refuses).
/// The same card, with a round's requests only, is what a reviewer gets when a round opens or is reminded.
/// </summary>
public sealed class FeedbackListCard(FeedbackRepository repository, FeedbackForm form, CardTemplates templates, IOptions<CardsOptions> cards)
{
    /// <summary>The card, with page <paramref name="page"/> of the people led (the first when null).</summary>
    public async Task<JsonObject> RenderAsync(Person person, string language, string? notice, int? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var requests = await repository.OpenRequestsForAsync(person.Id, cancellationToken);
        var people = CardPage.Of(await repository.PeopleLedByAsync(person, cancellationToken), page, cards.Value.PageSize);
        return Render(person, [.. requests.Select(r => (r.Request, r.Subject))], language, notice, people);
    }

    /// <summary>
    /// The card of a round's requests to one reviewer (each colleague with a button that opens their feedback form),
    /// from what the round already holds: no query, and nobody named but the reviewer and the colleagues asked about.
    /// </summary>
    public JsonObject RenderRound(Person reviewer, IReadOnlyList<(FeedbackRequest Request, Person Subject)> requests, string language, string notice)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(requests);
        var ordered = requests.OrderBy(r => r.Subject.FullName, StringComparer.Ordinal).ToList();
        return Render(reviewer, ordered, language, notice, CardPage.Of(Array.Empty<Person>(), null, cards.Value.PageSize));
    }

    private JsonObject Render(Person person, List<(FeedbackRequest Request, Person Subject)> requests, string language, string? notice, CardPage<Person> people)
    {
        var text = form.Text(language);
        var data = new JsonObject
        {
            ["personName"] = CardText.Plain(person.FullName),
            ["notice"] = notice ?? "",
            ["hasPending"] = requests.Count > 0,
            ["pendingCount"] = requests.Count(r => r.Request.Status == FeedbackStatus.Pending).ToString(CultureInfo.InvariantCulture),
            ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject
            {
                ["requestId"] = r.Request.Id.ToString(CultureInfo.InvariantCulture),
                ["subjectName"] = CardText.Plain(r.Subject.FullName),
                ["periodLabel"] = text.PeriodLabel(r.Request.Period),
                ["statusText"] = text[FeedbackForm.StatusKey(r.Request.Status)],
                ["button"] = text[r.Request.Status == FeedbackStatus.Pending ? "feedbackListAnswer" : "feedbackListEdit"],
            })]),
            ["isLeader"] = people.Total > 0,
            ["page"] = text.Pager(people),
            ["people"] = new JsonArray([.. people.Items.Select(p => (JsonNode)new JsonObject
            {
                ["personId"] = p.Id.ToString(CultureInfo.InvariantCulture),
                ["name"] = CardText.Plain(p.FullName),
            })]),
        };
        return templates.Render("feedback-list", data, language);
    }
}
