using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

/// <summary>The outcome of a step: an error to show on the card, or a notice and the rating moved on.</summary>
/// <param name="Error">What is wrong with the form (nothing recorded).</param>
/// <param name="Notice">What was recorded.</param>
public sealed record PartyStepResult(string? Error, string? Notice);

/// <summary>
/// The three steps of a Party rating recorded from a card (rule 31): the self-rating by the member or the collective's
/// head, with a collective's Form 01 figures; the verification and proposal by the advisory body (a reason when the points
/// or a collective's figures change; the review dates of a leader, rule 33), the decision by the competent level (a comment when it departs from the proposal). Each checks the
/// order rules first (rules 2, 31–33) and says what must happen first; the level comes from the domain's proposal. A
/// member's self-rating accounts for every ended quarter of the year (rule 9, <see cref="PartyQuarterLinks"/>).
/// </summary>
public sealed class PartySteps(PartyDirectory directory, PartyConditions conditions, PartyQuota quota, PartyQuarterLinks quarters, PartyDossier dossier, AuditLog audit, OrganisationClock clock, WorkCalendar calendar, IOptions<PartyOptions> options)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<PartyStepResult> SelfRateAsync(PartySubject subject, Person me, JsonObject form, TextTable text, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(me);
        if (Refused(PartyProcedure.MaySelfRate(await directory.CaseAsync(subject, ct)), text) is { } refused) return refused;
        if (Points(form, "party.general") is not { } general || Points(form, "party.task") is not { } task) return new(text["partyErrPoints"], null);
        var r = subject.Rating;
        var report = Report(subject, form, text);
        if (report.Error is { } reportError) return new(reportError, null);
        var meeting = subject.Collective is null ? default : Meeting(form, r.Year, clock.Today(now), text);
        if (meeting.Error is { } meetingError) return new(meetingError, null);
        var proposal = await conditions.ProposeAsync(subject, general, task, report.Report, now, ct);
        if (proposal.Status == ClassificationStatus.Rejected) return new(text["partyErrPoints"], null);
        var (missing, reasons) = await quarters.CheckAsync(subject, form, now, ct);
        if (Refused(missing is null ? [] : [missing], text) is { } unjustified) return unjustified;
        await quarters.SaveAsync(r, reasons, now, ct);
        if (subject.Collective is not null) (r.DraftSentOn, r.MeetingOn) = (clock.Today(now), meeting.Day);
        report.Report?.WriteSelf(r);
        (r.SelfGeneral, r.SelfTask, r.SelfLevel) = (general, task, Level(proposal));
        (r.Strengths, r.Shortcomings, r.Direction) = (Text(form, "party.strengths"), Text(form, "party.shortcomings"), Text(form, "party.direction"));
        (r.SelfRatedAt, r.SelfRatedBy, r.Step) = (now, Actor(me), PartyRatingStep.SelfRated);
        r.ExplanationJson = Explain(proposal);
        audit.Record(Actor(me), "party.self", "party-rating", Target(r), new { general, task, level = r.SelfLevel, meeting = r.MeetingOn, missingQuarters = reasons.Select(q => q.Quarter) }, now);
        return new(null, subject.Collective is null
            ? text.Format("partySelfSaved", LevelText(proposal, text))
            : text.Format("partyDraftSent", LevelText(proposal, text), TextTable.Date(r.MeetingOn!.Value)));
    }

    public async Task<PartyStepResult> VerifyAsync(PartySubject subject, Person me, JsonObject form, TextTable text, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(me);
        var c = await directory.CaseAsync(subject, ct);
        if (Refused(PartyProcedure.MayVerify(c), text) is { } refused) return refused;
        var r = subject.Rating;
        if (Points(form, "party.general") is not { } general || Points(form, "party.task") is not { } task) return new(text["partyErrPoints"], null);
        var note = Text(form, "party.note");
        var report = Report(subject, form, text);
        if (report.Error is { } reportError) return new(reportError, null);
        var corrected = report.Report is { } figures && figures != PartyCollectiveReport.Self(r);
        if ((general != r.SelfGeneral || task != r.SelfTask || corrected) && note is null) return new(text["partyErrNote"], null);
        var today = clock.Today(now);
        if (!Day(form, "party.cellDate", r.Year, today, out var cell) || !Day(form, "party.collectiveDate", r.Year, today, out var collective))
            return new(text.Format("partyErrDate", r.Year.ToString(Invariant)), null);
        if (c.IsLeader && PartyProcedure.ReviewOrder(cell ?? r.CellReviewedOn, collective ?? r.CollectiveReviewedOn) is { } order)
            return new(text.Language == "en" ? order.TextEn : order.TextVi, null);
        var proposal = await conditions.ProposeAsync(subject, general, task, report.Report, now, ct);
        if (proposal.Status == ClassificationStatus.Rejected) return new(text["partyErrPoints"], null);
        report.Report?.WriteVerified(r);
        (r.VerifiedGeneral, r.VerifiedTask, r.ProposedLevel, r.VerificationNote) = (general, task, Level(proposal), note);
        (r.CellReviewedOn, r.CollectiveReviewedOn) = (cell ?? r.CellReviewedOn, c.IsLeader ? collective ?? r.CollectiveReviewedOn : null);
        if (subject.Member is not null)
        {
            (r.ResidenceComment, r.ResidenceException, r.TemporaryCellComment, r.OldUnitComment) =
                (Text(form, "party.residence"), Text(form, "party.residenceException"), Text(form, "party.temporaryCell"), Text(form, "party.oldUnit"));
        }

        (r.VerifiedAt, r.VerifiedBy, r.Step) = (now, Actor(me), PartyRatingStep.Verified);
        r.ExplanationJson = Explain(proposal);
        audit.Record(Actor(me), "party.verify", "party-rating", Target(r), new { general, task, level = r.ProposedLevel, changed = note is not null, corrected }, now);
        return new(null, text.Format("partyVerified", LevelText(proposal, text)));
    }

    public async Task<PartyStepResult> DecideAsync(PartySubject subject, Person me, JsonObject form, TextTable text, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(me);
        if (Refused(PartyProcedure.MayDecide(await directory.CaseAsync(subject, ct)), text) is { } refused) return refused;
        var r = subject.Rating;
        if (ParseLevel(JsonRead.Text(form, "party.level")) is not { } level) return new(text["partyErrLevel"], null);
        var note = Text(form, "party.note");
        if ((int)level != r.ProposedLevel && note is null) return new(text["partyErrDecisionNote"], null);
        if (await quota.RefusalAsync(subject, level, me, form, text, now, ct) is { } over) return new(over, null);
        (r.Level, r.DecisionNote, r.DecidedAt, r.DecidedBy, r.Step) = ((int)level, note, now, Actor(me), PartyRatingStep.Decided);
        await dossier.SealAsync(subject, ct);
        audit.Record(Actor(me), "party.decide", "party-rating", Target(r), new { level = (int)level, proposed = r.ProposedLevel, dossier = r.DossierHash }, now);
        return new(null, text.Format("partyDecided", text.LevelName(level), subject.Name));
    }

    public static Level? ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "HTXS" => Domain.Level.Excellent,
        "HTT" => Domain.Level.Good,
        "HT" => Domain.Level.Complete,
        "KHT" => Domain.Level.NotComplete,
        _ => null,
    };

    private static PartyStepResult? Refused(IReadOnlyList<PartyRefusal> refusals, TextTable text) => refusals.Count == 0
        ? null
        : new(string.Join(" ", refusals.Select(f => text.Language == "en" ? f.TextEn : f.TextVi)), null);

    private static int? Level(PartyProposal proposal) => proposal.Level is { } l ? (int)l : null;

    private static string LevelText(PartyProposal proposal, TextTable text) =>
        proposal.Status == ClassificationStatus.NotRated ? text["partyNotRated"] : text.LevelName(proposal.Level);

    private static string Actor(Person me) => me.AadObjectId ?? me.ExternalId;

    private static string Target(PartyRating r) => r.Id.ToString(Invariant);

    private static string Explain(PartyProposal proposal) => JsonSerializer.Serialize(proposal.Applications.Select(a => new { a.RuleId, a.Level, a.TextVi, a.TextEn }));

    private static decimal? Points(JsonObject form, string id) =>
        decimal.TryParse(JsonRead.Text(form, id)?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, Invariant, out var value) && value <= 100m ? value : null;

    private static string? Text(JsonObject form, string id) =>
        JsonRead.Text(form, id)?.Trim() is { Length: > 0 } value ? value[..Math.Min(value.Length, 2000)] : null;

    /// <summary>A collective's Form 01 figures from the form (none for a member); the error names the field.</summary>
    private static (PartyCollectiveReport? Report, string? Error) Report(PartySubject subject, JsonObject form, TextTable text) =>
        subject.Collective is { } c ? PartyCollectiveReport.Parse(form, c.Kind == PartyCollectiveKinds.Leadership, text) : default;

    /// <summary>A collective's review meeting from the self-rating form: a date, at least the configured working days after today (rule 34).</summary>
    private (DateOnly? Day, string? Error) Meeting(JsonObject form, int year, DateOnly today, TextTable text)
    {
        var days = options.Value.DraftWorkingDaysBeforeMeeting;
        var earliest = CollectiveMeeting.Earliest(today, days, calendar);
        if (JsonRead.Text(form, "party.meetingOn")?.Trim() is not { Length: > 0 } value
            || !DateOnly.TryParseExact(value, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day) || day.Year < year)
        {
            return (null, text.Format("partyErrMeeting", TextTable.Date(earliest)));
        }

        return CollectiveMeeting.MaySchedule(today, day, days, calendar) is { } refusal
            ? (null, text.Language == "en" ? refusal.TextEn : refusal.TextVi)
            : (day, null);
    }

    /// <summary>An optional date: absent is fine; present must be a date in the year or later and not after today.</summary>
    private static bool Day(JsonObject form, string id, int year, DateOnly today, out DateOnly? day)
    {
        day = null;
        if (JsonRead.Text(form, id)?.Trim() is not { Length: > 0 } value) return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var parsed) || parsed.Year < year || parsed > today) return false;
        day = parsed;
        return true;
    }
}
