using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>What the viewer of a Party rating card may do on it now.</summary>
public enum PartyRole
{
    View,
    SelfRate,
    Verify,
    Decide,
}

/// <summary>
/// The Party rating card (<c>cards/party-rating.json</c>): one rating with its steps so far (suggested, self-rated,
/// verified, decided points and levels; the texts of the self-rating and the comments), the remediation items of earlier
/// reviews (section III of Forms 2A/2B/2C), a member's quarterly records of the year (Form 05) or the reasons for the
/// missing ones (rule 9), what must happen first, and the form of the step the viewer takes, if any.
/// </summary>
public sealed class PartyCard(EvalBotDbContext db, PartyDirectory directory, CardTemplates templates, PartyMeetingDays meetingDays, PartyHonours honours, PartyQuarterLinks quarters, TimeProvider time)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The viewer's step on the rating now, or <see cref="PartyRole.View"/>.</summary>
    public async Task<PartyRole> RoleAsync(Person me, PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(subject);
        var step = subject.Rating.Step;
        if (step is PartyRatingStep.Open or PartyRatingStep.SelfRated && me.Id == subject.SelfRaterId) return PartyRole.SelfRate;
        if (step == PartyRatingStep.Verified && PartyDirectory.Takes(me, await directory.DeciderAsync(subject, ct), subject)) return PartyRole.Decide;

        // The advisory body may verify again until the decision (to add a review date or correct the proposal).
        return step is PartyRatingStep.SelfRated or PartyRatingStep.Verified && PartyDirectory.Takes(me, await directory.VerifierAsync(subject, ct), subject)
            ? PartyRole.Verify
            : PartyRole.View;
    }

    public async Task<JsonObject> RenderAsync(PartySubject subject, PartyRole role, string language, string? notice, string? error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var text = new TextTable(templates, language);
        var r = subject.Rating;
        var c = role == PartyRole.View ? null : await directory.CaseAsync(subject, ct);
        var refusals = role switch
        {
            PartyRole.SelfRate => PartyProcedure.MaySelfRate(c!),
            PartyRole.Verify => PartyProcedure.MayVerify(c!),
            PartyRole.Decide => PartyProcedure.MayDecide(c!),
            _ => [],
        };
        // The quarters asked for: as of now while the member may still self-rate, as of the self-rating afterwards.
        var asOf = r.Step is PartyRatingStep.Open or PartyRatingStep.SelfRated ? time.GetUtcNow() : r.SelfRatedAt ?? time.GetUtcNow();
        var links = await quarters.LinksAsync(subject, asOf, ct);
        var (general, task) = role == PartyRole.SelfRate ? (r.SelfGeneral ?? r.SuggestedGeneral, r.SelfTask ?? r.SuggestedTask) : (r.SelfGeneral, r.SelfTask);
        var data = new JsonObject
        {
            ["title"] = CardText.Plain(text.Format(subject.Collective is null ? "partyTitleMember" : "partyTitleCollective", r.Year.ToString(Invariant), subject.Name)),
            ["status"] = CardText.Plain(text.Format(StepKey(r.Step), subject.Organisation.Name)),
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["ratingId"] = r.Id.ToString(Invariant),
            ["refusals"] = new JsonArray([.. refusals.Select(f => (JsonNode)new JsonObject { ["text"] = CardText.Plain(language == "en" ? f.TextEn : f.TextVi) })]),
            ["facts"] = Facts(subject, text, await honours.FlagsAsync(subject.Rating, ct)),
            ["remediation"] = await RemediationAsync(subject, text, ct),
            ["quarters"] = PartyQuarterLinks.Lines(links, text),
            ["missingQuarters"] = role == PartyRole.SelfRate ? PartyQuarterLinks.Inputs(links, text) : new JsonArray(),
            ["texts"] = Texts(r, text, role is PartyRole.Verify or PartyRole.Decide),
            ["canSelf"] = role == PartyRole.SelfRate,
            ["canVerify"] = role == PartyRole.Verify,
            ["canDecide"] = role == PartyRole.Decide,
            ["general"] = Points(general),
            ["task"] = Points(task),
            ["strengths"] = r.Strengths ?? "",
            ["shortcomings"] = r.Shortcomings ?? "",
            ["direction"] = r.Direction ?? "",
            ["note"] = "",
            ["cellDate"] = r.CellReviewedOn?.ToString("yyyy-MM-dd", Invariant) ?? "",
            ["collectiveDate"] = r.CollectiveReviewedOn?.ToString("yyyy-MM-dd", Invariant) ?? "",
            ["isCollective"] = subject.Collective is not null,
            ["meetingOn"] = r.MeetingOn?.ToString("yyyy-MM-dd", Invariant) ?? "",
            ["meetingHint"] = role == PartyRole.SelfRate && subject.Collective is not null ? MeetingHint(text) : "",
            ["askException"] = role == PartyRole.Decide && subject.Member is not null,
            ["reviewedTwice"] = role == PartyRole.Verify && c is { IsCollective: false, IsLeader: true },
            ["levels"] = Core.BoardCaseCards.Levels(text),
            ["levelDefault"] = r.ProposedLevel is { } proposed ? ((Level)proposed).Code() : "",
            ["footer"] = r.Step == PartyRatingStep.Decided ? text["partyFooter"] : "",
            ["dossier"] = PartyDossier.Lines(r, text),
            ["collectiveFacts"] = PartyCollectiveView.Facts(subject, text),
            ["reasons"] = PartyCollectiveView.Reasons(subject, text),
        };
        await AddOpinionsAsync(data, subject, role, text, ct);
        PartyCollectiveView.Prefill(data, subject, role);
        return templates.Render("party-rating", data, language);
    }

    /// <summary>The verification's checklist of required opinions (rule 37): which are asked, and what is recorded.</summary>
    private async Task AddOpinionsAsync(JsonObject data, PartySubject subject, PartyRole role, TextTable text, CancellationToken ct)
    {
        var r = subject.Rating;
        var opinions = role == PartyRole.Verify && subject.Member is not null ? await directory.OpinionFileAsync(r, ct) : null;
        var oldUnit = opinions?.HasTransfer == true ? await directory.OldUnitAsync(r, ct) : null;
        data["askResidence"] = opinions?.ResidenceRequired == true;
        data["askTemporaryCell"] = opinions?.HasTemporaryCell == true;
        data["residence"] = r.ResidenceComment ?? "";
        data["residenceException"] = r.ResidenceException ?? "";
        data["temporaryCell"] = r.TemporaryCellComment ?? "";
        data["askOldUnit"] = oldUnit is not null;
        data["oldUnitLabel"] = oldUnit is null ? "" : CardText.Plain(text.Format("partyOldUnit", oldUnit));
        data["oldUnit"] = r.OldUnitComment ?? "";
    }

    private string MeetingHint(TextTable text)
    {
        var (days, earliest) = meetingDays.Earliest();
        return text.Format("partyMeetingHint", days, TextTable.Date(earliest));
    }

    private static string StepKey(PartyRatingStep step) => step switch
    {
        PartyRatingStep.Open => "partyStepOpen",
        PartyRatingStep.SelfRated => "partyStepSelfRated",
        PartyRatingStep.Verified => "partyStepVerified",
        _ => "partyStepDecided",
    };

    private static string Points(decimal? value) => value?.ToString("0.##", Invariant) ?? "";

    private static JsonArray Facts(PartySubject subject, TextTable text, IReadOnlyList<PartyCommendationFlag> honours)
    {
        var r = subject.Rating;
        var facts = new List<(string, string)> { (text["partyFactOrganisation"], subject.Organisation.Name) };
        if (r.SuggestedGeneral is { } sg && r.SuggestedTask is { } st) facts.Add((text["partyFactSuggested"], Sum(text, sg, st, null)));
        if (subject.Member is not null) facts.Add((text["partyFactState"], text.LevelName(r.StateLevel is { } s ? (Level)s : null)));
        facts.Add((text["partyFactSelf"], r.SelfGeneral is { } g && r.SelfTask is { } t ? Sum(text, g, t, r.SelfLevel) : text["partyNone"]));
        if (r.VerifiedGeneral is { } vg && r.VerifiedTask is { } vt) facts.Add((text["partyFactVerified"], Sum(text, vg, vt, r.ProposedLevel)));
        if (r.MeetingOn is { } meeting && r.DraftSentOn is { } sent) facts.Add((text["partyFactMeeting"], text.Format("partyMeetingFact", TextTable.Date(meeting), TextTable.Date(sent))));
        if (r.Level is { } level) facts.Add((text["partyFactDecided"], text.LevelName((Level)level)));
        foreach (var flag in honours) facts.Add((text["partyFactHonour"], text.Language == "en" ? flag.TextEn : flag.TextVi));
        return [.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Item1, ["value"] = CardText.Plain(f.Item2) })];
    }

    private static string Sum(TextTable text, decimal general, decimal task, int? level) =>
        text.Format("partyPoints", text.Number(general), text.Number(task), text.Number(general + task), level is { } l ? text.LevelName((Level)l) : "—");

    /// <summary>The texts of the steps; the required opinions only to the advisory body and the competent level (rule 39).</summary>
    private static JsonArray Texts(PartyRating r, TextTable text, bool opinions)
    {
        var texts = new (string Key, string? Value)[]
        {
            ("partyTextStrengths", r.Strengths), ("partyTextShortcomings", r.Shortcomings), ("partyTextDirection", r.Direction),
            ("partyTextResidence", opinions ? r.ResidenceComment : null), ("partyTextResidenceException", opinions ? r.ResidenceException : null),
            ("partyTextTemporaryCell", opinions ? r.TemporaryCellComment : null), ("partyTextOldUnit", opinions ? r.OldUnitComment : null),
            ("partyTextVerification", r.VerificationNote), ("partyTextDecision", r.DecisionNote),
        };
        return [.. texts.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => (JsonNode)new JsonObject { ["title"] = text[t.Key], ["value"] = CardText.Plain(t.Value) })];
    }

    /// <summary>A member's remediation items of earlier reviews with their status (Forms 2A/2B/2C, section III).</summary>
    private async Task<JsonArray> RemediationAsync(PartySubject subject, TextTable text, CancellationToken ct)
    {
        if (subject.Member is not { } member) return [];
        var items = await db.RemediationItems.AsNoTracking().Where(i => i.PersonId == member.Id).OrderBy(i => i.DueDate).Take(20).ToListAsync(ct);
        return [.. items.Select(i => (JsonNode)new JsonObject
        {
            ["text"] = CardText.Plain(text.Format("partyRemediationItem", i.Text, TextTable.Date(i.DueDate), text[RemediationKey(i.Status.AsReported())])),
        })];
    }

    private static string RemediationKey(RemediationItemStatus status) => status switch
    {
        RemediationItemStatus.Remedied => "remediationRemedied",
        RemediationItemStatus.InProgress => "remediationInProgress",
        _ => "remediationNotRemedied",
    };
}
