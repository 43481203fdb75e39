using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
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
    EvalBotDbContext db, CheckInScoring scoring, PersonYearBuilder builder, QuotaReview quota,
    DecisionNotices notices, AuditLog audit, TimeProvider time, Delivery.OutboxSignal signal, IServiceScopeFactory scopes, OrganisationClock clock)
{
    /// <summary>People per slice: each slice's reports, lines and targets are read, compiled, saved and let go before the next.</summary>
    internal const int SliceSize = 1000;

    public async Task<CompileReport> CompileAsync(int year, string actor, CancellationToken ct)
    {
        // The compile's working set (the register, totals, levels) is let go before the cards are rendered.
        var (report, current) = await CompileDraftsAsync(year, actor, ct);
        db.ChangeTracker.Clear();
        await notices.SendDecisionCardsAsync(year, null, current, ct);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return report;
    }

    /// <summary>Compiles and saves the drafts without queuing the decision cards (the demo's past years, decided at once).</summary>
    internal async Task<CompileReport> CompileDraftsOnlyAsync(int year, string actor, CancellationToken ct)
    {
        var (report, _) = await CompileDraftsAsync(year, actor, ct);
        db.ChangeTracker.Clear();
        return report;
    }

    /// <summary>Compiles and saves the drafts; returns the report and the year's current rows (with only their "why").</summary>
    private async Task<(CompileReport Report, List<ClassificationRecord> Current)> CompileDraftsAsync(int year, string actor, CancellationToken ct)
    {
        var chunks = await CompileChunks.LoadAsync(db, year, ct);
        var tree = new OrgTree(chunks.Units);
        var groups = await db.TaskGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var now = time.GetUtcNow();
        var reviewDate = clock.Today(now);
        var order = CompileOrder(chunks.People, chunks.Units, tree).ToList();
        var peopleByUnit = chunks.People.ToLookup(p => p.UnitId);
        var levels = new Dictionary<long, Level?>();
        // Each person's line totals, kept for the leaders' unit results once their slice is let go.
        var totals = new Dictionary<long, LineTotals>();
        // The short "why" of every row compiled, by row id, for the report and the cards (not the full explanations), and
        // its score as compiled (the cards' dedupe fingerprint formats the score as held in memory, scale included).
        var compiledById = new Dictionary<long, (string Why, decimal? Score)>();
        // Many people share the same reason (same rule, same numbers): one string each.
        var whyPool = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = 0;
        // Slices are saved as they go, in one transaction, so the compile still writes all or nothing.
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // New drafts and their audit entries go through one prepared insert each where the provider allows it (SQLite).
        using var draftInserter = RowInserter<ClassificationRecord>.TryCreate(db);
        using var auditInserter = draftInserter is null ? null : RowInserter<AuditEntry>.TryCreate(db);
        // The next slice is read on a context of its own while this one compiles and saves (reading is half the work).
        await using var readerScope = scopes.CreateAsyncScope();
        var reader = readerScope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        List<Persistence.Entities.Person> SliceAt(int start) => order.GetRange(start, Math.Min(SliceSize, order.Count - start));
        Task<YearData>? next = order.Count > 0 ? chunks.SliceAsync(reader, SliceAt(0), ct) : null;
        try
        {
            for (var start = 0; start < order.Count; start += SliceSize)
            {
                var slice = SliceAt(start);
                var data = await next!;
                next = start + SliceSize < order.Count ? chunks.SliceAsync(reader, SliceAt(start + SliceSize), ct) : null;
                foreach (var person in slice)
                {
                    totals[person.Id] = LineTotals.Of(data.Reports[person.Id], data.Targets);
                }

                var ids = slice.Select(p => p.Id).ToList();
                var existing = (await db.Set<ClassificationRecord>().Where(r => r.Year == year && ids.Contains(r.PersonId)).ToListAsync(ct))
                    .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
                var compiled = new List<(ClassificationRecord Row, string Why)>(slice.Count);
                var newRows = new List<ClassificationRecord>();
                var newAudit = new List<AuditEntry>();
                foreach (var person in slice)
                {
                    if (scoring.RuleSetFor(person, year) is not { } ruleSet) continue;
                    existing.TryGetValue(person.Id, out var row);
                    if (row is { State: ClassificationState.Decided })
                    {
                        levels[person.Id] = row.Level is { } decided ? (Level)decided : null;
                        continue;
                    }

                    UnitResult? unitResult = null;
                    if (person.IsLeader)
                    {
                        await EnsureTotalsAsync(chunks, LeaderUnitResults.MemberIds(person, chunks.Units, tree, peopleByUnit), totals, ct);
                        unitResult = LeaderUnitResults.FromTotals(person, chunks.Units, tree, peopleByUnit, totals, levels);
                    }

                    var result = AnnualClassifier.Classify(builder.Build(person, data, tree, ruleSet, reviewDate, unitResult), ruleSet);
                    levels[person.Id] = result.Level;
                    var group = person.TaskGroupId is { } g && groups.TryGetValue(g, out var name) ? name : "—";
                    row ??= new ClassificationRecord { PersonId = person.Id, Year = year, RuleSetId = result.RuleSetId, RuleSetVersion = result.RuleSetVersion };
                    if (Apply(row, person, result, tree, group, now))
                    {
                        changed++;
                        var entry = new { level = row.Level, score = row.Score, outcome = row.Outcome, ruleSet = $"{row.RuleSetId} v{row.RuleSetVersion}" };
                        if (auditInserter is null)
                        {
                            if (row.Id == 0) db.Add(row);
                            audit.Record(actor, "classification.compile", "classification", $"{person.ExternalId}/{year}", entry);
                        }
                        else
                        {
                            if (row.Id == 0) newRows.Add(row);
                            newAudit.Add(audit.Entry(actor, "classification.compile", "classification", $"{person.ExternalId}/{year}", entry));
                        }
                    }

                    var why = Explanations.WhyOnly(result.Applications.Concat(result.MissingPrerequisites));
                    compiled.Add((row, whyPool.TryGetValue(why, out var shared) ? shared : whyPool[why] = why));
                }

                await db.SaveChangesAsync(ct);
                if (auditInserter is not null)
                {
                    await draftInserter!.InsertAsync(newRows, ct);
                    await auditInserter.InsertAsync(newAudit, ct);
                }

                foreach (var (row, why) in compiled)
                {
                    compiledById[row.Id] = (why, row.Score);
                }

                // The slice's drafts and audit entries are written; left tracked, every later save would walk them again.
                db.ChangeTracker.Clear();
            }

            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            if (next is not null)
            {
                // A failed slice leaves the next read running: it must end before its context is disposed (its own
                // failure, if any, is observed and dropped: the compile's exception is the one that matters).
                await Task.WhenAny(next);
                _ = next.Exception;
            }

            if (transaction is not null) await transaction.DisposeAsync();
        }

        return await ReportAsync(year, chunks, tree, changed, compiledById, ct);
    }

    /// <summary>Totals of people not compiled yet (a leader heading a unit outside the order's reach): read them now.</summary>
    private static async Task EnsureTotalsAsync(CompileChunks chunks, IEnumerable<long> memberIds, Dictionary<long, LineTotals> totals, CancellationToken ct)
    {
        var missing = memberIds.Where(id => !totals.ContainsKey(id)).ToHashSet();
        if (missing.Count == 0) return;
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

    /// <summary>Writes the result into the draft; returns false when nothing changed (idempotent re-runs).</summary>
    private static bool Apply(ClassificationRecord row, Persistence.Entities.Person person, ClassificationResult result, OrgTree tree, string group, DateTimeOffset now)
    {
        var compiled = result.Level is { } l ? (int)l : (int?)null;
        var explanation = Explanations.Serialize(result.Applications.Concat(result.MissingPrerequisites));
        var outcome = ClassificationOutcomes.Of(result);
        // A head's demotion or an authority's decision on the same compiled result is kept; a changed result resets it.
        var keepDecision = row.Id != 0 && row.Reason is not null && row.CompiledLevel == compiled && row.ExplanationJson == explanation;
        var level = keepDecision ? row.Level : compiled;
        var unchanged = row.Id != 0 && row.CompiledLevel == compiled && row.Level == level && row.Score == result.Score && row.ExplanationJson == explanation
            && row.RuleSetId == result.RuleSetId && row.RuleSetVersion == result.RuleSetVersion && row.UnitId == person.UnitId
            && row.DeciderPersonId == tree.DeciderOf(person) && row.GroupKey == group && (keepDecision || row.Outcome == outcome);
        if (unchanged) return false;
        row.UnitId = person.UnitId;
        row.AgencyUnitId = tree.AgencyOf(person.UnitId).Id;
        row.GroupKey = group;
        row.DeciderPersonId = tree.DeciderOf(person);
        row.Outcome = keepDecision ? row.Outcome : outcome;
        row.CompiledLevel = compiled;
        row.Level = level;
        row.Reason = keepDecision ? row.Reason : null;
        row.Score = result.Score;
        row.RuleSetId = result.RuleSetId;
        row.RuleSetVersion = result.RuleSetVersion;
        row.ExplanationJson = explanation;
        row.CompiledAt = now;
        return true;
    }

    private async Task<(CompileReport Report, List<ClassificationRecord> Current)> ReportAsync(int year, CompileChunks data, OrgTree tree, int changed,
        Dictionary<long, (string Why, decimal? Score)> compiledById, CancellationToken ct)
    {
        var rows = await CurrentWhyOnlyAsync(year, compiledById, ct);
        var quotas = await quota.ForAgenciesAsync([.. rows.Select(r => r.AgencyUnitId).Distinct()], rows, year, ct);
        var externalIds = data.People.ToDictionary(p => p.Id, p => p.ExternalId);
        var byKey = data.People.ToDictionary(p => AgencyQuota.Key(p.Id), p => p.ExternalId, StringComparer.Ordinal);
        var units = rows.GroupBy(r => r.UnitId).OrderBy(g => tree.Depth(g.Key)).ThenBy(g => g.Key).Select(g =>
        {
            var unit = data.Units[g.Key];
            var q = quotas[tree.AgencyOf(unit.Id).Id];
            return new UnitCompileResult(unit.ExternalId, unit.Name, g.Count(),
                Enum.GetValues<Level>().ToDictionary(l => l.ToString(), l => g.Count(r => r.Level == (int)l)),
                g.Count(r => r.Outcome == ClassificationOutcome.NotRated),
                [.. g.Where(r => r.Outcome.NeedsDecision())
                    .Select(r => new FlaggedCase(externalIds[r.PersonId], r.Outcome.ToString(), Explanations.Why(r.ExplanationJson, "en")))],
                new QuotaSummary(q.AgencyName, q.CanFinalise, [.. q.Scopes.Select(s => new QuotaScopeSummary(s.ScopeId, s.Good, s.Excellent, s.Cap))],
                    [.. q.Excess.Select(c => byKey[c.PersonId])], q.Exception?.DecisionNumber),
                g.Count(r => r.State == ClassificationState.Decided));
        }).ToList();
        return (new CompileReport(year, changed, units), rows);
    }

    /// <summary>
    /// The year's current rows (as <see cref="ClassificationStore.CurrentAsync(int, bool, CancellationToken)"/>, untracked)
    /// with each explanation reduced to its "why" (<see cref="Explanations.WhyOnly(string)"/>), all that the report and
    /// the decision cards read: the full explanations of a province are hundreds of megabytes. The rows just compiled
    /// take it, and their score as compiled, from <paramref name="compiledById"/> (the rows as the compile left them in
    /// memory); the others (decided rows) are read in slices.
    /// </summary>
    private async Task<List<ClassificationRecord>> CurrentWhyOnlyAsync(int year, Dictionary<long, (string Why, decimal? Score)> compiledById, CancellationToken ct)
    {
        var all = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year == year).Select(r => new ClassificationRecord
        {
            Id = r.Id,
            PersonId = r.PersonId,
            Year = r.Year,
            Version = r.Version,
            SupersedesId = r.SupersedesId,
            State = r.State,
            UnitId = r.UnitId,
            AgencyUnitId = r.AgencyUnitId,
            GroupKey = r.GroupKey,
            DeciderPersonId = r.DeciderPersonId,
            Outcome = r.Outcome,
            Level = r.Level,
            CompiledLevel = r.CompiledLevel,
            Score = r.Score,
            RuleSetId = r.RuleSetId,
            RuleSetVersion = r.RuleSetVersion,
            ExplanationJson = "",
            Reason = r.Reason,
            CompiledAt = r.CompiledAt,
            DecidedAt = r.DecidedAt,
            DecidedBy = r.DecidedBy,
            ChainSeq = r.ChainSeq,
            PreviousHash = r.PreviousHash,
            Hash = r.Hash,
        }).ToListAsync(ct);
        List<ClassificationRecord> rows = [.. all.GroupBy(r => r.PersonId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Id)];
        var missing = new List<ClassificationRecord>();
        foreach (var row in rows)
        {
            if (compiledById.TryGetValue(row.Id, out var compiled))
            {
                row.ExplanationJson = compiled.Why;
                row.Score = compiled.Score;
            }
            else
            {
                missing.Add(row);
            }
        }

        for (var start = 0; start < missing.Count; start += SliceSize)
        {
            var slice = missing.GetRange(start, Math.Min(SliceSize, missing.Count - start));
            var ids = slice.Select(r => r.Id).ToList();
            var stored = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.ExplanationJson }).ToDictionaryAsync(r => r.Id, r => r.ExplanationJson, ct);
            foreach (var row in slice)
            {
                row.ExplanationJson = Explanations.WhyOnly(stored[row.Id]);
            }
        }

        return rows;
    }
}
