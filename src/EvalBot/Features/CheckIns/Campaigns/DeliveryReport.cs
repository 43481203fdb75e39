using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>Every campaign message of a period, per recipient, with its delivery state: what an admin checks after a campaign.</summary>
public sealed class DeliveryReport(EvalBotDbContext db)
{
    public async Task<DeliveryReportView> ForAsync(string period, CancellationToken cancellationToken)
    {
        var rows = await (
            from o in db.Outbox.AsNoTracking()
            where o.Period == period && o.Kind.StartsWith("checkin.")
            join p in db.People.AsNoTracking() on o.PersonId equals p.Id into people
            from p in people.DefaultIfEmpty()
            orderby o.Id
            select new { o.Kind, o.Status, o.Attempts, o.LastStatusCode, o.LastError, o.SentAt, o.NextAttemptAt, ExternalId = p == null ? null : p.ExternalId, Name = p == null ? null : p.FullName })
            .ToListAsync(cancellationToken);
        var deliveries = rows.Select(r => new DeliveryView(
            r.ExternalId, r.Name, r.Kind, r.Status.ToString(), r.Attempts, r.LastStatusCode, r.LastError,
            r.NextAttemptAt.ToUniversalTime(), r.SentAt?.ToUniversalTime())).ToList();
        var totals = new DeliveryTotals(
            rows.Count,
            rows.Count(r => r.Status == OutboxStatus.Pending),
            rows.Count(r => r.Status == OutboxStatus.Sending),
            rows.Count(r => r.Status == OutboxStatus.Sent),
            rows.Count(r => r.Status == OutboxStatus.Failed));
        var byKind = rows.GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DeliveryReportView(period, totals, byKind, deliveries);
    }
}

public sealed record DeliveryReportView(string Period, DeliveryTotals Totals, IReadOnlyDictionary<string, int> ByKind, IReadOnlyList<DeliveryView> Deliveries);

public sealed record DeliveryTotals(int Total, int Pending, int Sending, int Sent, int Failed);

/// <summary>One message: who (external id and name), what kind, its state, attempts, Teams' last status and error, when it may go and when it went (UTC).</summary>
public sealed record DeliveryView(
    string? PersonExternalId, string? Name, string Kind, string Status, int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset NotBefore, DateTimeOffset? SentAt);
