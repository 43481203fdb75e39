using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Upserts targets and person records by external id, after the organisation rows are saved so that every
/// person, post and unit they name has a database id.
/// </summary>
public sealed class RecordWriter(EvalBotDbContext db, OrganisationIndex index, ImportCounts counts)
{
    public async Task WriteAsync(ParsedFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        await UpsertAsync(db.Targets, ImportKind.Targets, file.Targets, t => t.Id, r => new Target { ExternalId = r.Id, Period = r.Period, Title = r.Title, UnitOfMeasure = r.UnitOfMeasure, QualityRequirement = r.QualityRequirement }, (e, r, c) =>
        {
            c.Set(e.Period, r.Period, v => e.Period = v);
            c.Set(e.PersonId, r.Person is null ? null : index.People[r.Person].Id, v => e.PersonId = v);
            c.Set(e.PostId, r.Post is null ? null : index.Posts[r.Post].Id, v => e.PostId = v);
            c.Set(e.Title, r.Title, v => e.Title = v);
            c.Set(e.UnitOfMeasure, r.UnitOfMeasure, v => e.UnitOfMeasure = v);
            c.Set(e.Quantity, r.Quantity, v => e.Quantity = v);
            c.Set(e.ConversionFactor, r.ConversionFactor, v => e.ConversionFactor = v);
            c.Set(e.Deadline, r.Deadline, v => e.Deadline = v);
            c.Set(e.QualityRequirement, r.QualityRequirement, v => e.QualityRequirement = v);
        }, ct);
        await UpsertAsync(db.Leaves, ImportKind.Leave, file.Leave, r => r.Id, r => new LeaveRecord { ExternalId = r.Id, Kind = r.Kind }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.Kind, r.Kind, v => e.Kind = v);
            c.Set(e.From, r.From, v => e.From = v);
            c.Set(e.To, r.To, v => e.To = v);
        }, ct);
        await UpsertAsync(db.Disciplines, ImportKind.Discipline, file.Discipline, r => r.Id, r => new DisciplineRecord { ExternalId = r.Id, ViolationId = r.ViolationId, Track = r.Track, Sanction = r.Sanction }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.ViolationId, r.ViolationId, v => e.ViolationId = v);
            c.Set(e.DecisionDate, r.DecisionDate, v => e.DecisionDate = v);
            c.Set(e.Track, r.Track, v => e.Track = v);
            c.Set(e.Sanction, r.Sanction, v => e.Sanction = v);
            c.Set(e.OutsidePublicService, r.PublicService.Present ? new Maybe<bool>(true, !r.PublicService.Value) : default, v => e.OutsidePublicService = v);
            c.Set(e.CountedYear, r.CountedYear, v => e.CountedYear = v);
        }, ct);
        await UpsertAsync(db.Findings, ImportKind.Findings, file.Findings, r => r.Id, r => new FindingRecord { ExternalId = r.Id, Kind = r.Kind }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.Kind, r.Kind, v => e.Kind = v);
            c.Set(e.Date, r.Date, v => e.Date = v);
        }, ct);
        await UpsertAsync(db.Transfers, ImportKind.Transfers, file.Transfers, r => r.Id, r => new TransferRecord { ExternalId = r.Id, FromUnitExternalId = r.FromUnit }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.FromUnitExternalId, r.FromUnit, v => e.FromUnitExternalId = v);
            c.Set(e.ToUnitId, index.Units[r.ToUnit].Id, v => e.ToUnitId = v);
            c.Set(e.Date, r.Date, v => e.Date = v);
        }, ct);
        await UpsertAsync(db.PriorScores, ImportKind.PriorScores, file.PriorScores, r => r.Key, r => new PriorScoreRecord { ExternalId = r.Key, Period = r.Period, FromUnitExternalId = r.FromUnit }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.Period, r.Period, v => e.Period = v);
            c.Set(e.FromUnitExternalId, r.FromUnit, v => e.FromUnitExternalId = v);
            c.Set((e.Score, e.GeneralScore), (r.Score, r.General), v => (e.Score, e.GeneralScore) = v);
        }, ct);
        await UpsertAsync(db.ConfidenceVotes, ImportKind.Votes, file.Votes, r => r.Id, r => new ConfidenceVoteRecord { ExternalId = r.Id }, (e, r, c) =>
        {
            c.Set(e.PersonId, PersonId(r.Person), v => e.PersonId = v);
            c.Set(e.Date, r.Date, v => e.Date = v);
            c.Set((e.High, e.Medium, e.Low, e.Present, e.Convened), (r.High, r.Medium, r.Low, r.Present, r.Convened), v => (e.High, e.Medium, e.Low, e.Present, e.Convened) = v);
        }, ct);
    }

    private long PersonId(string externalId) => index.People[externalId].Id;

    private async Task UpsertAsync<TEntity, TRow>(
        DbSet<TEntity> set, ImportKind kind, List<TRow> rows, Func<TRow, string> id, Func<TRow, TEntity> create, Action<TEntity, TRow, ChangeSet> apply, CancellationToken ct)
        where TEntity : class
    {
        if (rows.Count == 0) return;
        var ids = rows.Select(id).ToList();
        var existing = await set.Where(e => ids.Contains(EF.Property<string>(e, "ExternalId"))).ToListAsync(ct);
        var byId = existing.ToDictionary(e => (string)db.Entry(e).Property("ExternalId").CurrentValue!, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var created = !byId.TryGetValue(id(row), out var entity);
            if (entity is null) set.Add(entity = create(row));
            var changes = new ChangeSet([]);
            apply(entity, row, changes);
            counts.Add(kind, created, changes.Changed);
        }
    }
}
