using System.Text.Json;
using EvalBot.Auditing;
using EvalBot.Persistence;

namespace EvalBot.Operations;

/// <summary>
/// Operations: the database-level audit guard, the running lock (SQLite), retention and the per-person export.
/// The backup and restore commands are in <see cref="OperationsCommand"/>.
/// </summary>
public static class OperationsSetup
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.Years is >= 1 and <= 100, "Retention:Years must be between 1 and 100.")
            .ValidateOnStart();
        services.AddHostedService<AuditGuardInstaller>();
        services.AddHostedService<RunningLock>();
        services.AddScoped<RetentionPurge>();
        services.AddScoped<PersonExport>();
        return services;
    }

    public static RouteGroupBuilder MapOperationsAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/retention/run", async (RetentionPurge purge, CancellationToken ct) => Results.Ok(await purge.RunAsync(AuditLog.AdminActor, ct)))
            .WithName("RunRetention").WithSummary("Purge personal working data older than Retention:Years");
        admin.MapGet("/people/{externalId}/export", ExportAsync)
            .WithName("ExportPerson").WithSummary("Everything stored about one person, as JSON");
        return admin;
    }

    private static async Task<IResult> ExportAsync(string externalId, PersonExport export, AuditLog audit, EvalBotDbContext db, CancellationToken cancellationToken)
    {
        var data = await export.ExportAsync(externalId, cancellationToken);
        if (data is null)
        {
            return Results.NotFound(new { error = $"No person with external id '{externalId}'." });
        }

        audit.Record(AuditLog.AdminActor, "person.export", "Person", externalId);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(data, ExportJson);
    }
}
