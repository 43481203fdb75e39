using System.Globalization;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party track's admin endpoint: <c>POST /admin/years/{year}/party/compile</c> opens the year's Party rating (409, with
/// the units still undecided, while any Party member's state rating for the year is not decided) and sends each member
/// and each collective's head their self-rating card; <c>GET /admin/years/{year}/party-classification.xlsx?org=&lt;id&gt;</c> is
/// the organisation's Party list (<see cref="PartyExport"/>); complaints and their re-checks; re-rating by the superior
/// committee (<see cref="PartyRerating"/>).
/// </summary>
public static class PartyAdmin
{
    public static RouteGroupBuilder MapPartyAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/years/{year:int}/party/compile", async (int year, PartyRound round, PartyDirectory directory, PartyNotices notices,
            Persistence.EvalBotDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (year is < 2000 or > 2100) return Results.BadRequest(new { error = "year out of range" });
            var now = time.GetUtcNow();
            var (result, opened) = await round.OpenAsync(year, Auditing.AuditLog.AdminActor, now, ct);
            if (result.Refused)
            {
                return Results.Conflict(new { error = "state ratings not decided", result.Undecided, result.Excluded });
            }

            var sent = 0;
            foreach (var rating in opened) sent += await notices.SendAsync(await directory.SubjectAsync(rating, ct), now, ct);
            await db.SaveChangesAsync(ct);
            return Results.Ok(new { result.Year, result.Opened, result.Existing, result.Excluded, Sent = sent });
        });
        admin.MapGet("/years/{year:int}/party-classification.xlsx", async (int year, string? org, PartyExport export, CancellationToken ct) =>
            await export.BuildAsync(year, org, ct) is { } file
                ? Results.File(file.Bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Name)
                : Results.NotFound(new { error = "unknown party organisation" }));
        admin.MapPost("/party/ratings/{id:long}/complaints", RecordComplaintAsync);
        admin.MapPost("/party/ratings/{id:long}/rerate", async (long id, PartyRerateRequest request, PartyRerating rerating, Delivery.OutboxSignal signal, CancellationToken ct) =>
        {
            var (result, error) = await rerating.RerateAsync(id, request, ct);
            if (result is null) return error == "unknown rating" ? Results.NotFound(new { error }) : Results.BadRequest(new { error });
            signal.Notify();
            var r = result.Rating;
            return Results.Ok(new { r.Id, r.Version, r.SupersedesId, r.Level, r.DecidedBy, result.CommendationToCancel });
        });
        admin.MapPost("/party/complaints/{id:long}/recheck", RecheckAsync);
        return admin;
    }

    /// <summary>Records a complaint, denunciation or report about a rating: its decision waits for the superior committee's re-check (rule 31).</summary>
    private static async Task<IResult> RecordComplaintAsync(long id, PartyComplaintRequest request, Persistence.EvalBotDbContext db, Auditing.AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || string.IsNullOrWhiteSpace(request.By) || request.Text.Length > 4000 || request.By.Length > 128)
            return Results.BadRequest(new { error = "text and by are required (text up to 4000, by up to 128 characters)" });
        if (!await db.PartyRatings.AnyAsync(r => r.Id == id, ct)) return Results.NotFound(new { error = "unknown rating" });
        var complaint = new PartyComplaint { RatingId = id, Text = request.Text.Trim(), RecordedBy = request.By.Trim(), RecordedAt = time.GetUtcNow() };
        db.PartyComplaints.Add(complaint);
        audit.Record(Auditing.AuditLog.AdminActor, "party.complaint", "party-rating", id.ToString(CultureInfo.InvariantCulture), new { by = complaint.RecordedBy });
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { complaint.Id, complaint.RatingId });
    }

    /// <summary>Records the superior committee's re-check of a complaint: the decision is no longer blocked by it.</summary>
    private static async Task<IResult> RecheckAsync(long id, PartyComplaintRequest request, Persistence.EvalBotDbContext db, Auditing.AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || string.IsNullOrWhiteSpace(request.By) || request.Text.Length > 4000 || request.By.Length > 128)
            return Results.BadRequest(new { error = "text (the re-check's conclusion) and by are required" });
        var complaint = await db.PartyComplaints.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Results.NotFound(new { error = "unknown complaint" });
        if (complaint.RecheckedAt is not null) return Results.Conflict(new { error = "already re-checked" });
        (complaint.RecheckedAt, complaint.RecheckedBy, complaint.RecheckNote) = (time.GetUtcNow(), request.By.Trim(), request.Text.Trim());
        audit.Record(Auditing.AuditLog.AdminActor, "party.recheck", "party-complaint", id.ToString(CultureInfo.InvariantCulture), new { by = complaint.RecheckedBy });
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { complaint.Id, complaint.RatingId, complaint.RecheckedAt });
    }
}

/// <summary>A complaint's text (or a re-check's conclusion) and who recorded it.</summary>
public sealed record PartyComplaintRequest(string? Text, string? By);
