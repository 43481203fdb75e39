using System.Globalization;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>GET /files/{token}</c>: the download link sent beside the file consent card, for clients without that card. The
/// token is spent on first use (also across instances: the grant is in the database), expires after
/// <see cref="ExportOptions.LinkLifetime"/>, and gives the list as its holder may see it at download time. Anything
/// wrong (forged, altered, reused, expired, a person who left or lost the right) is a plain 404.
/// </summary>
public static class ExportLinkEndpoint
{
    public const string Prefix = "/files";

    public static IEndpointRouteBuilder MapExportLinks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Prefix + "/{token}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string token, HttpContext context, ExportGrants grants, ExportAccess access, ClassificationExport export, EvalBotDbContext db, Auditing.AuditLog audit, TimeProvider time,
        CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var now = time.GetUtcNow();
        var grant = await grants.SpendAsync(token, Persistence.Entities.ExportGrant.LinkPurpose, personId: null, now, ct);
        var person = grant is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == grant.PersonId && p.IsActive, ct);
        if (grant is null || person is null || !await access.MayExportAsync(person, grant.UnitId, ct) || await export.BuildAsync(grant.Year, grant.UnitId, ct) is not { } file)
        {
            return Results.NotFound();
        }

        audit.Record(person.AadObjectId ?? person.ExternalId, "classification.export.link.used", "classification", grant.Year.ToString(CultureInfo.InvariantCulture),
            new { unit = file.Root.ExternalId, bytes = file.Bytes.Length }, now);
        await db.SaveChangesAsync(ct);
        return Results.File(file.Bytes, ClassificationExport.XlsxType, file.Name);
    }
}
