using EvalBot.Auditing;
using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Seeds the demo organisation (demo/*.csv, through the same importer as admins use) and three years of confirmed
/// reports (<see cref="DemoHistory"/>), when <c>EvalBot:SeedDemo</c> is on and the database has no people. Registered after the
/// database migrator, so the schema is in place. Refuses to run in Production: demo people there would be evaluated.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes, IOptions<DemoSeedOptions> options, IHostEnvironment environment, TimeProvider time, OrganisationClock clock, ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>The demo files, in the order the importer applies them.</summary>
    public static readonly IReadOnlyList<(string File, ImportKind Kind)> Files =
    [
        ("units.csv", ImportKind.Units), ("posts.csv", ImportKind.Posts), ("groups.csv", ImportKind.Groups),
        ("people.csv", ImportKind.People), ("targets.csv", ImportKind.Targets), ("score_sheets.csv", ImportKind.ScoreSheets),
        ("leave.csv", ImportKind.Leave),
        ("party_organisations.csv", ImportKind.PartyOrganisations), ("party_members.csv", ImportKind.PartyMembers),
        ("party_collectives.csv", ImportKind.PartyCollectives),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo) return;
        if (environment.IsProduction())
        {
            const string reason = "EvalBot:SeedDemo=true is refused in Production; demo people would be evaluated and messaged.";
            OrganisationLog.DemoRefused(logger, reason);
            throw new InvalidOperationException(reason);
        }

        await SeedAsync(cancellationToken);
    }

    /// <summary>Seeds now if the database has no people; returns false when it had some and nothing was done.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        if (await db.People.AnyAsync(ct))
        {
            OrganisationLog.DemoSkipped(logger);
            return false;
        }

        var folder = DemoFolder.Find(options.Value.DemoFolder, environment.ContentRootPath);
        var now = time.GetUtcNow();
        var current = DemoQuarters.Current(clock, now);
        var tables = new List<ImportTable>();
        foreach (var (file, kind) in Files)
        {
            var (table, errors) = CsvTableReader.Read(await File.ReadAllBytesAsync(Path.Combine(folder, file), ct), kind);
            tables.Add(DemoTemplate.Expand(table ?? throw DemoFileError(file, errors), current, clock.Today(now)));
        }

        var result = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(tables, "csv", AuditLog.SystemActor, ct);
        if (!result.Succeeded) throw DemoFileError("demo", result.Errors);
        var history = new DemoHistory(db, scope.ServiceProvider.GetRequiredService<RuleSetCatalog>());
        var earlier = DemoTemplate.Quarters(current).Where(o => o < 0).Select(o => DemoTemplate.Shift(current, o)).ToList();
        var reports = await history.WriteAsync(earlier, current, ct);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(AuditLog.SystemActor, "demo.seed", "organisation", "demo", new { current = current.Label, reports });
        await db.SaveChangesAsync(ct);
        OrganisationLog.DemoSeeded(logger, folder, result.Report!.For(ImportKind.People)?.Created ?? 0, reports);
        return true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException DemoFileError(string file, IReadOnlyList<ImportError> errors) =>
        new($"The demo file {file} is invalid: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Sheet} row {e.Row} {e.Column}: {e.MessageEn}")));
}
