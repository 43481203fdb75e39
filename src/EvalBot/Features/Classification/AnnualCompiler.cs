using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The year-end compile: each active person's stored records become a <c>PersonYear</c>, classified under the person's
/// rule-set, units deepest first and, within a unit, members before its head, so a leader's unit result can read the
/// levels below. Results are stored as drafts (decided rows are never touched), the quota is checked per agency and
/// group, and each head is sent the decision card. Running it again changes nothing that did not change.
/// </summary>
public sealed class AnnualCompiler(
    EvalBotDbContext db, CheckInScoring scoring, PersonYearBuilder builder, CompileReports reports,
    DecisionNotices notices, SelfAssessmentInvitations invitations, AuditLog audit, TimeProvider time, Delivery.OutboxSignal signal, IServiceScopeFactory scopes,
    OrganisationClock clock)
{
    /// <summary>People per slice: each slice's reports, lines and targets are read, compiled, saved and let go before the next.</summary>
    internal const int SliceSize = 1000;

    public Task<CompileReport> CompileAsync(int year, string actor, CancellationToken ct) => CompileAsync(year, actor, null, ct);

    /// <summary>
    /// Compiles the year and queues the decision cards and everyone's self-assessment card; <paramref name="progress"/>
    /// hears of each slice compiled (people done of all).
    /// </summary>
    public async Task<CompileReport> CompileAsync(int year, string actor, BoardProgress? progress, CancellationToken ct)
    {
        // The compile's working set (the register, totals, levels) and the year's rows are let go before the
        // self-assessment cards are rendered: only the ids of the people due one are kept.
        var (report, drafts) = await CompileAndQueueDecisionsAsync(year, actor, progress, ct);
        await invitations.SendAsync(year, drafts, time.GetUtcNow(), ct);
        signal.Notify();
        return report;
    }

    /// <summary>
    /// Compiles the drafts and queues the decision cards; returns the report and who may be due a self-assessment card.
    /// The year's rows live in this method's frame only (an async method keeps its locals until it returns).
    /// </summary>
    private async Task<(CompileReport Report, List<long> Drafts)> CompileAndQueueDecisionsAsync(int year, string actor, BoardProgress? progress, CancellationToken ct)
    {
        var (report, current) = await CompileDraftsAsync(year, actor, progress, ct);
        db.ChangeTracker.Clear();
        await notices.SendDecisionCardsAsync(year, null, current, ct);
        await db.SaveChangesAsync(ct);
        return (report, SelfAssessmentInvitations.Drafts(current));
    }

    /// <summary>Compiles and saves the drafts without queuing the decision cards (the demo's past years, decided at once).</summary>
    internal async Task<CompileReport> CompileDraftsOnlyAsync(int year, string actor, CancellationToken ct)
    {
        var (report, _) = await CompileDraftsAsync(year, actor, null, ct);
        db.ChangeTracker.Clear();
        return report;
    }

    /// <summary>Compiles and saves the drafts; returns the report and the year's current rows (with only their "why").</summary>
    private async Task<(CompileReport Report, List<ClassificationRecord> Current)> CompileDraftsAsync(int year, string actor, BoardProgress? progress, CancellationToken ct)
    {
        var chunks = await CompileChunks.LoadAsync(db, year, ct);
        var tree = new OrgTree(chunks.Units);
        var groups = await db.TaskGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var now = time.GetUtcNow();
        var run = new CompileRun(year, actor, chunks, tree, groups, now, clock.Today(now));
        var slices = CompileOrder(chunks.People, chunks.Units, tree).Chunk(SliceSize).Select(c => c.ToList()).ToList();
        // Slices are saved as they go, in one transaction, so the compile still writes all or nothing.
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // New drafts and their audit entries go through one prepared insert each where the provider allows it.
            using var draftInserter = RowInserter<ClassificationRecord>.TryCreate(db);
            using var auditInserter = draftInserter is null ? null : RowInserter<AuditEntry>.TryCreate(db);
            var inserters = draftInserter is not null && auditInserter is not null ? (draftInserter, auditInserter) : ((RowInserter<ClassificationRecord>, RowInserter<AuditEntry>)?)null;
            await CompileSlicesAsync(run, slices, inserters, pipeline: transaction is not null && inserters is not null, progress, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }

        return await reports.ReportAsync(year, chunks, tree, run.Changed, run.CompiledById, ct);
    }

    /// <summary>
    /// Compiles the slices in order. The next slice is read on a context of its own, on another thread, while this one
    /// compiles and saves (reading is half the work). On another thread: SQLite's provider runs its "async" reads
    /// synchronously, so a read merely started here would run to its end before the slice it should overlap began. As a
    /// <paramref name="pipeline"/> (the compile owns its transaction and has the prepared inserts), the reader also reads
    /// the slice's existing drafts, and each slice's writes run while the next slice compiles; otherwise (a caller's
    /// transaction may hold rows the reader cannot see) the drafts are read and written on the compile's own context, one
    /// slice after the other.
    /// </summary>
    private async Task CompileSlicesAsync(CompileRun run, List<List<Persistence.Entities.Person>> slices,
        (RowInserter<ClassificationRecord> Drafts, RowInserter<AuditEntry> Audit)? inserters, bool pipeline, BoardProgress? progress, CancellationToken ct)
    {
        await using var readerScope = scopes.CreateAsyncScope();
        var reader = readerScope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        Task<(YearData Data, Dictionary<long, ClassificationRecord>? Existing)> Read(int index) => Task.Run(async () => (
            await run.Chunks.SliceAsync(reader, slices[index], ct),
            pipeline ? await CompileSliceWrites.ExistingAsync(reader, run.Year, [.. slices[index].Select(p => p.Id)], tracked: false, ct) : null), ct);
        var next = slices.Count > 0 ? Read(0) : null;
        var total = slices.Sum(c => c.Count);
        var people = 0;
        try
        {
            for (var i = 0; i < slices.Count; i++)
            {
                var (data, existing) = await next!;
                next = i + 1 < slices.Count ? Read(i + 1) : null;
                var done = people += slices[i].Count; // a copy per slice: the pipelined write reports it later
                if (inserters is not { } insert)
                {
                    await CompileTrackedSliceAsync(run, slices[i], data, ct);
                    if (progress is not null) await progress(done, total, ct);
                    continue;
                }

                // With the prepared inserts a slice's drafts are read untracked and written by its CompileSliceWrites:
                // beside the next slice in a pipeline, here and now otherwise.
                existing ??= await CompileSliceWrites.ExistingAsync(db, run.Year, [.. slices[i].Select(p => p.Id)], tracked: false, ct);
                var writes = new CompileSliceWrites();
                await CompilePeopleAsync(run, slices[i], data, existing, writes, ct);
                await run.PendingWrite;
                if (pipeline) run.PendingWrite = Task.Run(() => WriteSliceAsync(run, writes, insert, progress, done, total, ct), ct);
                else await WriteSliceAsync(run, writes, insert, progress, done, total, ct);
            }

            await run.PendingWrite;
        }
        finally
        {
            // A failed slice leaves the next read, and perhaps a write, running: they end before their contexts and the
            // transaction are disposed.
            await PendingWork.SettleAsync(next);
            await PendingWork.SettleAsync(run.PendingWrite);
        }
    }

    /// <summary>
    /// Compiles one slice of people through the change tracker (no prepared inserts for this provider) and saves it, then
    /// lets it go.
    /// </summary>
    private async Task CompileTrackedSliceAsync(CompileRun run, List<Persistence.Entities.Person> slice, YearData data, CancellationToken ct)
    {
        var existing = await CompileSliceWrites.ExistingAsync(db, run.Year, [.. slice.Select(p => p.Id)], tracked: true, ct);
        var compiled = await CompilePeopleAsync(run, slice, data, existing, null, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (row, why) in compiled)
        {
            run.CompiledById[row.Id] = (why, row.Score);
        }

        // The slice's drafts and audit entries are written; left tracked, every later save would walk them again.
        db.ChangeTracker.Clear();
    }

    /// <summary>A slice's writes on this compile's context (in a pipeline, while the next slice compiles); then its progress.</summary>
    private async Task WriteSliceAsync(CompileRun run, CompileSliceWrites writes,
        (RowInserter<ClassificationRecord> Drafts, RowInserter<AuditEntry> Audit) inserters, BoardProgress? progress, int done, int total, CancellationToken ct)
    {
        await writes.WriteAsync(db, inserters.Drafts, inserters.Audit, run.CompiledById, ct);
        if (progress is not null) await progress(done, total, ct);
    }

    /// <summary>
    /// Compiles a slice's people against their existing drafts; the new and changed drafts (read untracked) and their audit
    /// entries go to <paramref name="writes"/> when given, otherwise new drafts are added to the context (changed ones are
    /// tracked) and entries recorded there. Returns each compiled row with its short "why" (kept in <paramref name="writes"/> too).
    /// </summary>
    private async Task<List<(ClassificationRecord Row, string Why)>> CompilePeopleAsync(CompileRun run, List<Persistence.Entities.Person> slice, YearData data,
        Dictionary<long, ClassificationRecord> existing, CompileSliceWrites? writes, CancellationToken ct)
    {
        foreach (var person in slice)
        {
            run.Totals[person.Id] = LineTotals.Of(data.Reports[person.Id], data.Targets);
        }

        var compiled = writes?.Compiled ?? new List<(ClassificationRecord Row, string Why)>(slice.Count);
        foreach (var person in slice)
        {
            if (scoring.RuleSetFor(person, run.Year) is not { } ruleSet) continue;
            existing.TryGetValue(person.Id, out var row);
            if (row is { State: ClassificationState.Decided })
            {
                run.Levels[person.Id] = row.Level is { } decided ? (Level)decided : null;
                continue;
            }

            var result = await ClassifyAsync(run, person, data, ruleSet, ct);
            row ??= new ClassificationRecord { PersonId = person.Id, Year = run.Year, RuleSetId = result.RuleSetId, RuleSetVersion = result.RuleSetVersion };
            if (CompileSliceWrites.Apply(row, person, result, run.Tree, run.GroupOf(person), run.Now))
            {
                run.Changed++;
                Record(run, person, row, writes);
            }

            compiled.Add((row, run.Why(result)));
        }

        return compiled;
    }

    /// <summary>A changed draft and its audit entry: tracked for the next save, or collected for the slice's writes.</summary>
    private void Record(CompileRun run, Persistence.Entities.Person person, ClassificationRecord row, CompileSliceWrites? writes)
    {
        var entry = new { level = row.Level, score = row.Score, outcome = row.Outcome, ruleSet = $"{row.RuleSetId} v{row.RuleSetVersion}" };
        var target = $"{person.ExternalId}/{run.Year}";
        if (writes is null)
        {
            if (row.Id == 0) db.Add(row);
            audit.Record(run.Actor, "classification.compile", "classification", target, entry);
            return;
        }

        (row.Id == 0 ? writes.New : writes.Updated).Add(row);
        writes.Audit.Add(audit.Entry(run.Actor, "classification.compile", "classification", target, entry));
    }

    /// <summary>One person's year classified under their rule-set; a leader's unit result reads the levels below.</summary>
    private async Task<ClassificationResult> ClassifyAsync(CompileRun run, Persistence.Entities.Person person, YearData data, RuleSet ruleSet, CancellationToken ct)
    {
        UnitResult? unitResult = null;
        if (person.IsLeader)
        {
            var units = run.Chunks.Units;
            await EnsureTotalsAsync(run, LeaderUnitResults.MemberIds(person, units, run.Tree, run.PeopleByUnit), ct);
            unitResult = LeaderUnitResults.FromTotals(person, units, run.Tree, run.PeopleByUnit, run.Totals, run.Levels);
        }

        var result = AnnualClassifier.Classify(builder.Build(person, data, run.Tree, ruleSet, run.ReviewDate, unitResult), ruleSet);
        run.Levels[person.Id] = result.Level;
        return result;
    }

    /// <summary>Totals of people not compiled yet (a leader heading a unit outside the order's reach): read them now.</summary>
    private static async Task EnsureTotalsAsync(CompileRun run, IEnumerable<long> memberIds, CancellationToken ct)
    {
        var (chunks, totals) = (run.Chunks, run.Totals);
        var missing = memberIds.Where(id => !totals.ContainsKey(id)).ToHashSet();
        if (missing.Count == 0) return;
        // They are read on the compile's own context: a slice's writes still running there end first.
        await run.PendingWrite;
        var people = chunks.People.Where(p => missing.Contains(p.Id)).ToList();
        for (var start = 0; start < people.Count; start += SliceSize)
        {
            var slice = people.GetRange(start, Math.Min(SliceSize, people.Count - start));
            var data = await chunks.SliceAsync(slice, ct);
            foreach (var person in slice)
            {
                totals[person.Id] = LineTotals.Of(data.Reports[person.Id], data.Targets);
            }
        }
    }

    /// <summary>Units deepest first; in a unit, its members before its head.</summary>
    private static IEnumerable<Persistence.Entities.Person> CompileOrder(IReadOnlyList<Persistence.Entities.Person> people, IReadOnlyDictionary<long, Unit> units, OrgTree tree) =>
        people
            .OrderByDescending(p => tree.Depth(p.UnitId))
            .ThenBy(p => p.UnitId)
            .ThenBy(p => units[p.UnitId].HeadPersonId == p.Id ? 1 : 0)
            .ThenBy(p => p.Id);
}
