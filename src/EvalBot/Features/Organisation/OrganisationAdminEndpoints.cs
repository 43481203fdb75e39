using EvalBot.Admin;
using EvalBot.Auditing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Organisation;

/// <summary>
/// <c>POST /admin/org/import</c>: the body is the CSV file (with <c>?kind=</c>) or the XLSX workbook, recognised by
/// its zip signature whatever the content type. 200 with the report, 400 with the line-by-line errors (nothing
/// written), 413 above <c>Admin:MaxImportBytes</c>. The admin group answers 401 and 404 before this runs.
/// </summary>
public static class OrganisationAdminEndpoints
{
    public static RouteGroupBuilder MapOrganisationAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/org/import", ImportAsync)
            .WithName("ImportOrganisation")
            .WithSummary("Imports units, posts, groups, people, targets, records and Party organisation data from CSV or XLSX, all or nothing.")
            .Produces<ImportReport>()
            .Produces<ImportErrorReport>(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status413PayloadTooLarge);
        return admin;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, OrganisationImporter importer, IOptionsMonitor<AdminOptions> options, CancellationToken ct)
    {
        var max = options.CurrentValue.MaxImportBytes;
        if (request.ContentLength > max) return TooLarge(max);

        // The server's own body limit (30 MB by default in Kestrel) must not undercut a larger configured import limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = (long)max + 1;
        var body = await ReadBodyAsync(request.Body, max, ct);
        if (body is null) return TooLarge(max);

        var kindText = request.Query["kind"].ToString();
        var kind = ImportKinds.Parse(kindText);
        if (!ImportFormat.IsXlsx(body) && kind is null)
        {
            var error = kindText.Length == 0
                ? ImportError.File("csv", "Tệp CSV cần tham số ?kind= (units, posts, groups, people, targets, leave, discipline, findings, transfers, votes, party_organisations, party_members, party_collectives).", "A CSV body needs ?kind= (units, posts, groups, people, targets, leave, discipline, findings, transfers, votes, party_organisations, party_members, party_collectives).")
                : ImportError.File("csv", $"Loại dữ liệu '{kindText}' không tồn tại.", $"Unknown kind '{kindText}'.");
            return Results.BadRequest(new ImportErrorReport(1, [error]));
        }

        var result = await importer.ImportAsync(body, kind, AuditLog.AdminActor, ct);
        return result.Succeeded
            ? Results.Ok(result.Report)
            : Results.BadRequest(new ImportErrorReport(result.Errors.Count, result.Errors.Take(ImportLimits.MaxReportedErrors).ToList()));
    }

    private static IResult TooLarge(int max) => Results.Json(
        new ImportErrorReport(1, [ImportError.File("file", $"Tệp lớn hơn {max} byte.", $"The file is larger than {max} bytes.")]),
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, or null as soon as it passes <paramref name="max"/> bytes (chunked bodies have no length up front).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
