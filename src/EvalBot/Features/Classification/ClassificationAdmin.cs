namespace EvalBot.Features.Classification;

/// <summary>
/// The classification admin endpoints: compile now, the official list as XLSX, re-rating by the competent level,
/// and the verification of the decided rows' hash chain.
/// </summary>
public static class ClassificationAdmin
{
    public const string XlsxType = ClassificationExport.XlsxType;

    public static RouteGroupBuilder MapClassificationAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/years/{year:int}/compile", async (int year, AnnualCompiler compiler, CancellationToken ct) =>
            Results.Ok(await compiler.CompileAsync(year, Auditing.AuditLog.AdminActor, ct)));
        admin.MapGet("/years/{year:int}/verify", async (int year, HashChain chain, CancellationToken ct) => Results.Ok(await chain.VerifyAsync(year, ct)));
        admin.MapPost("/years/{year:int}/people/{externalId}/rerate", async (int year, string externalId, RerateRequest request, Rerating rerating, CancellationToken ct) =>
        {
            var (row, error) = await rerating.RerateAsync(year, externalId, request, ct);
            return row is null
                ? Results.BadRequest(new { error })
                : Results.Ok(new { row.Id, row.Version, row.SupersedesId, row.Level, row.Outcome, State = row.State.ToString(), row.Hash });
        });
        admin.MapGet("/years/{year:int}/classification.xlsx", ExportAsync);
        return admin;
    }

    private static async Task<IResult> ExportAsync(int year, string? unit, ClassificationExport export, CancellationToken ct) =>
        await export.BuildAsync(year, unit, ct) is { } file
            ? Results.File(file.Bytes, XlsxType, file.Name)
            : Results.NotFound(new { error = "unknown unit" });
}
