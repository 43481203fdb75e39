using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;

namespace EvalBot.Features.Party;

/// <summary>
/// A collective's Form 01 figures (Reg. 366 Art. 11) as entered on the rating card by its head (step 1) and as the advisory
/// body verifies them (step 2): the year's tasks planned, done, done on time, exceeded; the shortcomings pointed out at the
/// previous review and how many are remedied; a recorded conclusion of wrongdoing (a leadership collective).
/// </summary>
/// <param name="Planned">Tasks planned for the year.</param>
/// <param name="Done">Tasks done.</param>
/// <param name="OnTime">Tasks done on time, with quality and efficiency.</param>
/// <param name="Exceeded">Tasks exceeded.</param>
/// <param name="Pointed">Shortcomings pointed out at the previous review.</param>
/// <param name="Remedied">How many of them are remedied.</param>
/// <param name="Wrongdoing">A conclusion of wrongdoing in personnel work, disunity, factions or buying posts; null when none.</param>
public sealed record PartyCollectiveReport(int Planned, int Done, int OnTime, int Exceeded, int Pointed, int Remedied, string? Wrongdoing)
{
    /// <summary>The largest count a card may give: a year's tasks are counted in units, not in thousands of thousands.</summary>
    private const int MaxCount = 100_000;

    /// <summary>Each figure's form input and label key, in the card's order, by the field name the domain's check uses.</summary>
    public static readonly (string Field, string Input, string Label)[] Figures =
    [
        ("planned", "party.tasksPlanned", "partyCollPlanned"), ("done", "party.tasksDone", "partyCollDone"),
        ("onTime", "party.tasksOnTime", "partyCollOnTime"), ("exceeded", "party.tasksExceeded", "partyCollExceeded"),
        ("pointed", "party.shortcomingsPointed", "partyCollPointed"), ("remedied", "party.shortcomingsRemedied", "partyCollRemedied"),
    ];

    /// <summary>The figures from an untrusted form: each a whole number 0–100,000, consistent with the others; the error names the field.</summary>
    public static (PartyCollectiveReport? Report, string? Error) Parse(JsonObject form, bool leadership, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new int[Figures.Length];
        for (var i = 0; i < Figures.Length; i++)
        {
            var raw = JsonRead.Text(form, Figures[i].Input)?.Trim();
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] > MaxCount)
                return (null, text.Format("partyErrCount", text[Figures[i].Label], text.Number(MaxCount)));
        }

        var wrongdoing = leadership && JsonRead.Text(form, "party.wrongdoing")?.Trim() is { Length: > 0 } w ? w[..Math.Min(w.Length, 2000)] : null;
        var report = new PartyCollectiveReport(values[0], values[1], values[2], values[3], values[4], values[5], wrongdoing);
        var problems = report.ToYear(0, CollectiveKind.Other, [], []).Problems();
        return problems.Count == 0 ? (report, null) : (null, text["partyErrColl_" + problems[0]]);
    }

    /// <summary>The figures the head reported, or null before the self-rating (or for a rating self-rated before they were asked).</summary>
    public static PartyCollectiveReport? Self(PartyRating r) =>
        r is { SelfTasksPlanned: { } p, SelfTasksDone: { } d, SelfTasksOnTime: { } o, SelfTasksExceeded: { } e, SelfShortcomingsPointed: { } sp, SelfShortcomingsRemedied: { } sr }
            ? new(p, d, o, e, sp, sr, r.SelfWrongdoing)
            : null;

    /// <summary>The figures the advisory body verified, or null before the verification.</summary>
    public static PartyCollectiveReport? Verified(PartyRating r) =>
        r is { VerifiedTasksPlanned: { } p, VerifiedTasksDone: { } d, VerifiedTasksOnTime: { } o, VerifiedTasksExceeded: { } e, VerifiedShortcomingsPointed: { } vp, VerifiedShortcomingsRemedied: { } vr }
            ? new(p, d, o, e, vp, vr, r.VerifiedWrongdoing)
            : null;

    public void WriteSelf(PartyRating r)
    {
        ArgumentNullException.ThrowIfNull(r);
        (r.SelfTasksPlanned, r.SelfTasksDone, r.SelfTasksOnTime, r.SelfTasksExceeded) = (Planned, Done, OnTime, Exceeded);
        (r.SelfShortcomingsPointed, r.SelfShortcomingsRemedied, r.SelfWrongdoing) = (Pointed, Remedied, Wrongdoing);
    }

    public void WriteVerified(PartyRating r)
    {
        ArgumentNullException.ThrowIfNull(r);
        (r.VerifiedTasksPlanned, r.VerifiedTasksDone, r.VerifiedTasksOnTime, r.VerifiedTasksExceeded) = (Planned, Done, OnTime, Exceeded);
        (r.VerifiedShortcomingsPointed, r.VerifiedShortcomingsRemedied, r.VerifiedWrongdoing) = (Pointed, Remedied, Wrongdoing);
    }

    /// <summary>The figures, in <see cref="Figures"/> order.</summary>
    public int[] Values => [Planned, Done, OnTime, Exceeded, Pointed, Remedied];

    /// <summary>The domain's view of the collective's year, with its members' sanctions and degradations.</summary>
    public CollectiveYear ToYear(int year, CollectiveKind kind, IReadOnlyList<Domain.Records.DisciplineRecord> sanctions, IReadOnlyList<Domain.Records.DegradationFinding> degradations) =>
        new(year, kind, new CollectiveTasks(Planned, Done, OnTime, Exceeded), Pointed, Remedied, Wrongdoing, sanctions, degradations);
}
