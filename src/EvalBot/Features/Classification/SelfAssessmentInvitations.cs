using System.Globalization;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// At the compile, each person with a draft of the year gets their annual self-assessment card in personal chat (rule
/// 23's first step), pre-filled from the year's confirmed periods and open remediation items, once per person and year.
/// Nobody who has submitted theirs, whose unit's meeting minutes are approved, or whom the rules do not rate is sent one.
/// </summary>
public sealed class SelfAssessmentInvitations(EvalBotDbContext db, SelfAssessmentCard card, CardTemplates templates, OutboxWriter outbox,
    ProactiveAddressing addressing, IOptions<ClassificationOptions> options)
{
    /// <summary>People read, rendered and saved at a time, so a province's cards are never all in memory.</summary>
    internal const int SliceSize = 500;

    /// <summary>The outbox key of a person's invitation for a year.</summary>
    public static string Key(int year, long personId) => KeyPrefix(year) + personId.ToString(CultureInfo.InvariantCulture);

    private static string KeyPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"classification.selfassess:{year}:");

    /// <summary>
    /// Who among the year's current rows (as the compile left them) may be due a card: the people with a draft the rules
    /// rate, in order. The compile keeps only these ids, so the year's rows are let go before the cards are rendered.
    /// </summary>
    public static List<long> Drafts(IEnumerable<ClassificationRecord> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return [.. current
            .Where(r => r.State == ClassificationState.Draft && r.Outcome != ClassificationOutcome.NotRated)
            .Select(r => r.PersonId)
            .Distinct().Order()];
    }

    /// <summary>
    /// Queues and saves the cards for <paramref name="drafts"/> (from <see cref="Drafts"/>), but for those who have
    /// submitted theirs or were sent one; returns how many were queued. Writes as it goes, a slice at a time: call it
    /// after the caller's own changes are saved.
    /// </summary>
    public async Task<int> SendAsync(int year, IReadOnlyCollection<long> drafts, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (!options.Value.SelfAssessmentAtCompile) return 0;
        var keyPrefix = KeyPrefix(year);
        var sent = (await db.Outbox.AsNoTracking().Where(o => o.DedupeKey.StartsWith(keyPrefix)).Select(o => o.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var submitted = (await db.ReviewSelfAssessments.AsNoTracking().Where(s => s.Year == year).Select(s => s.PersonId).ToListAsync(ct)).ToHashSet();
        var due = drafts.Where(id => !submitted.Contains(id) && !sent.Contains(Key(year, id))).ToList();
        var queued = 0;
        foreach (var ids in due.Chunk(SliceSize))
        {
            var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
            await addressing.PrepareAsync(people, ct);
            var years = await card.LoadAsync(people, year, ct);
            var addressed = new List<(Person Person, ProactiveRecipient To, SelfAssessmentYear Facts)>(people.Count);
            foreach (var person in people)
            {
                var facts = years[person.Id];
                if (facts.Closed || await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
                addressed.Add((person, to, facts));
            }

            // Rendering changes nothing shared (it reads the singleton templates, as concurrent turns do): it runs on every core.
            var rows = new OutboxMessage[addressed.Count];
            Parallel.For(0, addressed.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var (person, to, facts) = addressed[i];
                var language = person.MessageLanguage();
                var notice = new TextTable(templates, language).Format("selfAssessInvite", year);
                var rendered = card.Render(person, year, language, notice, null, SelfAssessmentTexts.Empty, facts);
                rows[i] = outbox.ToPerson(Key(year, person.Id), "classification.selfassess", to, PreparedMessage.From(TurnContext.CardMessage(rendered)).Json, now);
            });

            // Each slice is written as one prepared insert (through the change tracker it took longer than rendering the
            // cards), committed unless the caller has a transaction, so a province's cards are never all in memory.
            await outbox.InsertAsync(rows, ct);
            queued += rows.Length;
        }

        return queued;
    }
}
