using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Operations;

/// <summary>
/// Everything stored about one person, for a subject-access request: the profile, every row of every table that
/// belongs to them (any entity with a <c>PersonId</c>: targets, reports, remediation, leave and other records,
/// classifications, messages sent to them), the lines of their reports, the audit entries where they are the actor
/// or the subject, and peer feedback only as they may see it themselves (released aggregates of at least k answers)
/// plus counts of the requests they answered as a reviewer, never any individual answer or whom it was about.
/// </summary>
public sealed class PersonExport(EvalBotDbContext db, IEnumerable<IFeedbackSummaries> feedback)
{
    private static readonly MethodInfo RowsOfMethod = typeof(PersonExport).GetMethod(nameof(RowsOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task<Dictionary<string, object?>?> ExportAsync(string externalId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var tables = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("PersonId") is not null && !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var rows = await (Task<List<object>>)RowsOfMethod.MakeGenericMethod(entity.ClrType, entity.FindProperty("PersonId")!.ClrType).Invoke(this, [person.Id, cancellationToken])!;
            tables[entity.GetTableName() ?? entity.ClrType.Name] = rows;
        }

        var reportIds = db.CheckInReports.Where(r => r.PersonId == person.Id).Select(r => r.Id);
        tables["checkin_lines"] = await db.CheckInLines.AsNoTracking().Where(l => reportIds.Contains(l.ReportId)).OrderBy(l => l.Id).ToListAsync(cancellationToken);

        return new Dictionary<string, object?>
        {
            ["externalId"] = person.ExternalId,
            ["profile"] = person,
            ["data"] = tables,
            ["peerFeedbackReceived"] = feedback.FirstOrDefault() is { } provider ? await provider.ReceivedByAsync(person.Id, cancellationToken) : [],
            ["peerFeedbackGiven"] = await FeedbackGivenAsync(person.Id, cancellationToken),
            ["audit"] = await AuditAsync(person, cancellationToken),
        };
    }

    private async Task<object> FeedbackGivenAsync(long personId, CancellationToken cancellationToken)
    {
        var counts = await db.Set<FeedbackRequest>().AsNoTracking().Where(r => r.ReviewerPersonId == personId)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Status.ToString(), c => c.Count, StringComparer.Ordinal);
    }

    private async Task<List<AuditEntry>> AuditAsync(Person person, CancellationToken cancellationToken)
    {
        var ids = new List<string> { person.ExternalId };
        if (person.AadObjectId is { Length: > 0 } aad)
        {
            ids.Add(aad);
        }

        var external = person.ExternalId;
        var classificationKey = person.Id.ToString(CultureInfo.InvariantCulture) + "/";
        return await db.AuditLog.AsNoTracking()
            .Where(a => ids.Contains(a.Actor)
                || a.EntityId == external
                || a.EntityId.StartsWith(external + "/")
                || (a.EntityType == "classification" && a.EntityId.StartsWith(classificationKey)))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<List<object>> RowsOfAsync<TEntity, TKey>(long personId, CancellationToken cancellationToken)
        where TEntity : class
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var property = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], row, Expression.Constant("PersonId"));
        var match = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(property, Expression.Constant(personId, typeof(TKey))), row);
        var rows = await db.Set<TEntity>().AsNoTracking().Where(match).ToListAsync(cancellationToken);
        return [.. rows.Cast<object>()];
    }
}
