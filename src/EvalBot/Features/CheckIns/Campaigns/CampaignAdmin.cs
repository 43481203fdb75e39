using EvalBot.Auditing;
using EvalBot.Persistence;
using EvalBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// Admin endpoints for campaigns (under the <c>/admin</c> group and its <c>X-Admin-Key</c>): open or close a period now,
/// the delivery report of a period, and the scheduler's jobs.
/// </summary>
public static class CampaignAdmin
{
    public static RouteGroupBuilder MapCampaignAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/periods/{period}/open", OpenAsync).WithName("OpenPeriod").WithSummary("Run the check-in campaign for the period now");
        admin.MapPost("/periods/{period}/close", CloseAsync).WithName("ClosePeriod").WithSummary("Close the period: reports become read-only");
        admin.MapGet("/periods/{period}/deliveries", DeliveriesAsync).WithName("PeriodDeliveries").WithSummary("Campaign messages of the period per recipient");
        admin.MapSchedulerJobs();
        return admin;
    }

    private static async Task<IResult> OpenAsync(string period, CampaignRunner runner, EvalBotDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!CampaignPeriods.TryParse(period, out var parsed, out var error))
        {
            return Results.BadRequest(new { error });
        }

        var result = await runner.OpenAsync(parsed.Label, AuditLog.AdminActor, cancellationToken);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == parsed.Label, cancellationToken);
        audit.Record(AuditLog.AdminActor, "campaign.open-requested", CampaignKeys.AuditEntity, parsed.Label,
            new { result.Queued, result.AlreadyQueued, Skipped = result.SkippedByReason, result.Refused });
        await db.SaveChangesAsync(cancellationToken);
        var body = new
        {
            period = parsed.Label,
            openedAt = campaign.OpenedAt.ToUniversalTime(),
            closesAt = campaign.ClosesAt.ToUniversalTime(),
            closedAt = campaign.ClosedAt?.ToUniversalTime(),
            queued = result.Queued,
            alreadyQueued = result.AlreadyQueued,
            skipped = result.Skipped.Count,
            skippedByReason = result.SkippedByReason,
            skippedPeople = result.Skipped,
            error = result.Refused is null ? null : $"The campaign for {parsed.Label} is closed; nothing was queued.",
        };
        return result.Refused is null ? Results.Ok(body) : Results.Conflict(body);
    }

    private static async Task<IResult> CloseAsync(string period, CampaignRunner runner, EvalBotDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!CampaignPeriods.TryParse(period, out var parsed, out var error))
        {
            return Results.BadRequest(new { error });
        }

        var result = await runner.CloseAsync(parsed.Label, cancellationToken);
        if (result.Refused is not null)
        {
            return Results.NotFound(new { error = $"No campaign has been opened for {parsed.Label}." });
        }

        audit.Record(AuditLog.AdminActor, "campaign.close-requested", CampaignKeys.AuditEntity, parsed.Label);
        await db.SaveChangesAsync(cancellationToken);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == parsed.Label, cancellationToken);
        return Results.Ok(new { period = parsed.Label, closedAt = campaign.ClosedAt?.ToUniversalTime() });
    }

    private static async Task<IResult> DeliveriesAsync(string period, DeliveryReport report, CancellationToken cancellationToken) =>
        CampaignPeriods.TryParse(period, out var parsed, out var error)
            ? Results.Ok(await report.ForAsync(parsed.Label, cancellationToken))
            : Results.BadRequest(new { error });
}
