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
    ProactiveAddressing addressing, IOptions<ClassificationOptions> options, IServiceScopeFactory scopes)
{
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
    /// after the caller's own changes are saved. Outside a caller's transaction the next slice is read and rendered on a
    /// context of its own, on another thread, while this one is written (writing is half the work, and on SQLite mostly
    /// the kernel's); inside one (rows the other context cannot see) the slices are read and written one after the other.
    /// </summary>
    public async Task<int> SendAsync(int year, IReadOnlyCollection<long> drafts, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (!options.Value.SelfAssessmentAtCompile) return 0;
        var keyPrefix = KeyPrefix(year);
        var sent = (await db.Outbox.AsNoTracking().Where(o => o.DedupeKey.StartsWith(keyPrefix)).Select(o => o.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var submitted = (await db.ReviewSelfAssessments.AsNoTracking().Where(s => s.Year == year).Select(s => s.PersonId).ToListAsync(ct)).ToHashSet();
        var slices = drafts.Where(id => !submitted.Contains(id) && !sent.Contains(Key(year, id))).Chunk(Math.Max(1, options.Value.SelfAssessmentSlice)).ToList();
        var queued = 0;
        if (slices.Count < 2 || db.Database.CurrentTransaction is not null)
        {
            foreach (var ids in slices) queued += await WriteAsync(await RenderAsync(card, addressing, ids, year, now, ct), ct);
            return queued;
        }

        await using var readerScope = scopes.CreateAsyncScope();
        var readerCard = readerScope.ServiceProvider.GetRequiredService<SelfAssessmentCard>();
        var readerAddressing = readerScope.ServiceProvider.GetRequiredService<ProactiveAddressing>();
        // On another thread: SQLite's provider runs its "async" reads synchronously.
        Task<OutboxMessage[]> Read(int index) => Task.Run(() => RenderAsync(readerCard, readerAddressing, slices[index], year, now, ct), ct);
        Task<OutboxMessage[]>? next = Read(0);
        try
        {
            for (var i = 0; i < slices.Count; i++)
            {
                var rows = await next!;
                next = i + 1 < slices.Count ? Read(i + 1) : null;
                queued += await WriteAsync(rows, ct);
            }
        }
        finally
        {
            // A failed write leaves the next slice's reading running: it ends before its context is disposed.
            await PendingWork.SettleAsync(next);
        }

        return queued;
    }

    /// <summary>
    /// One slice's cards, read through <paramref name="reader"/> and <paramref name="to"/> (this context's or the reader's)
    /// and rendered on every core: rendering changes nothing shared (it reads the singleton templates, as concurrent turns do).
    /// </summary>
    private async Task<OutboxMessage[]> RenderAsync(SelfAssessmentCard reader, ProactiveAddressing to, long[] ids, int year, DateTimeOffset now, CancellationToken ct)
    {
        var people = await reader.PeopleAsync(ids, ct);
        await to.PrepareAsync(people, ct);
        var years = await reader.LoadAsync(people, year, ct);
        var addressed = new List<(Person Person, ProactiveRecipient To, SelfAssessmentYear Facts)>(people.Count);
        foreach (var person in people)
        {
            var facts = years[person.Id];
            if (facts.Closed || await to.ForAsync(person, null, null, ct) is not { } recipient) continue;
            addressed.Add((person, recipient, facts));
        }

        var rows = new OutboxMessage[addressed.Count];
        Parallel.For(0, addressed.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (person, recipient, facts) = addressed[i];
            var language = person.MessageLanguage();
            var notice = new TextTable(templates, language).Format("selfAssessInvite", year);
            var rendered = reader.Render(person, year, language, notice, null, SelfAssessmentTexts.Empty, facts);
            rows[i] = outbox.ToPerson(Key(year, person.Id), "classification.selfassess", recipient, PreparedMessage.From(TurnContext.CardMessage(rendered)).Json, now);
        });
        return rows;
    }

    /// <summary>
    /// Writes one slice as one prepared insert on this context (through the change tracker it took longer than rendering
    /// the cards), committed unless the caller has a transaction, so a province's cards are never all in memory.
    /// </summary>
    private async Task<int> WriteAsync(OutboxMessage[] rows, CancellationToken ct)
    {
        await outbox.InsertAsync(rows, ct);
        return rows.Length;
    }
}
