using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Party;

/// <summary>
/// What the rating card shows of a collective's Form 01 (Reg. 366 Art. 11): its figures (as verified, with the head's
/// figure beside a corrected one), the recorded conclusion of wrongdoing, and the reasons of the proposed level, in the
/// reader's language; and the figures that prefill the form of the viewer's step.
/// </summary>
public static class PartyCollectiveView
{
    /// <summary>The figures as facts; empty before the self-rating or for a member.</summary>
    public static JsonArray Facts(PartySubject subject, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        if (subject.Collective is null || PartyCollectiveReport.Self(subject.Rating) is not { } self) return [];
        var shown = PartyCollectiveReport.Verified(subject.Rating) ?? self;
        var facts = new JsonArray();
        for (var i = 0; i < PartyCollectiveReport.Figures.Length; i++)
        {
            var (value, reported) = (shown.Values[i], self.Values[i]);
            facts.Add(Fact(text[PartyCollectiveReport.Figures[i].Label], value == reported
                ? text.Number(value)
                : text.Format("partyCollCorrected", text.Number(value), text.Number(reported))));
        }

        if (subject.Collective.Kind == PartyCollectiveKinds.Leadership)
        {
            var wrongdoing = shown.Wrongdoing ?? text["partyCollNoWrongdoing"];
            facts.Add(Fact(text["partyCollWrongdoing"], shown.Wrongdoing == self.Wrongdoing
                ? wrongdoing
                : text.Format("partyCollCorrected", wrongdoing, self.Wrongdoing ?? text["partyCollNoWrongdoing"])));
        }

        return facts;
    }

    /// <summary>Each reason of the proposed level (the band, the grounds, the conditions) in the reader's language; a member's are not shown here.</summary>
    public static JsonArray Reasons(PartySubject subject, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        if (subject.Collective is null || string.IsNullOrWhiteSpace(subject.Rating.ExplanationJson)) return [];
        using var doc = JsonDocument.Parse(subject.Rating.ExplanationJson);
        var key = text.Language == "en" ? "TextEn" : "TextVi";
        return [.. doc.RootElement.EnumerateArray()
            .Select(a => a.TryGetProperty(key, out var t) ? t.GetString() : null)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => (JsonNode)new JsonObject { ["text"] = CardText.Plain(t) })];
    }

    /// <summary>The form's values for the viewer's step: the head's figures to self-rate, the verified (or the head's) to verify.</summary>
    public static void Prefill(JsonObject data, PartySubject subject, PartyRole role)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(subject);
        var asks = subject.Collective is not null && role is PartyRole.SelfRate or PartyRole.Verify;
        var figures = role == PartyRole.Verify ? PartyCollectiveReport.Verified(subject.Rating) ?? PartyCollectiveReport.Self(subject.Rating) : PartyCollectiveReport.Self(subject.Rating);
        data["askCollective"] = asks;
        data["askWrongdoing"] = asks && subject.Collective!.Kind == PartyCollectiveKinds.Leadership;
        data["wrongdoing"] = figures?.Wrongdoing ?? "";
        foreach (var (figure, i) in PartyCollectiveReport.Figures.Select((f, i) => (f, i)))
        {
            data[figure.Field + "Value"] = figures is null ? "" : figures.Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = CardText.Plain(value) };
}
