using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The compile writes its new drafts and audit entries without the change tracker: one prepared insert per row on
/// SQLite, keys from the sequence and multi-row inserts on PostgreSQL. The same seeded agency compiled on both stores
/// the same drafts and the same audit entries, every draft's key is its own, the compile's report finds every reason
/// by those keys, and rows saved afterwards through the change tracker take keys of their own.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class CompileOnPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_compile_on_PostgreSQL_stores_the_same_drafts_and_audit_entries_as_on_SQLite()
    {
        await using var sqlite = await ClassificationHost.StartAsync(excellent: 4, good: 7);
        await using var onPostgres = await ClassificationHost.StartAsync(excellent: 4, good: 7, settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:EvalBot"] = postgres.ConnectionString,
        });

        var sqliteReport = await sqlite.CompileAsync();
        var postgresReport = await onPostgres.CompileAsync();

        var expected = await DraftsAsync(sqlite);
        var stored = await DraftsAsync(onPostgres);
        Assert.Equal(14, expected.Count);
        Assert.Equal(expected.Count, stored.Count);
        foreach (var (want, got) in expected.Zip(stored)) Assert.Equal(want.Shape, got.Shape);
        Assert.Equal(stored.Count, stored.Select(d => d.Id).Distinct().Count());
        var expectedAudit = await AuditAsync(sqlite);
        var storedAudit = await AuditAsync(onPostgres);
        Assert.Equal(expectedAudit.Count, storedAudit.Count);
        foreach (var (want, got) in expectedAudit.Zip(storedAudit)) Assert.Equal(want, got);
        Assert.Equal(Reasons(sqliteReport.ToJsonString()), Reasons(postgresReport.ToJsonString()));

        // Compiled again: nothing changed, nothing written; then a row saved through the change tracker gets a new key.
        var again = await onPostgres.CompileAsync();
        Assert.Equal(0, (int?)again["changed"]);
        var next = await onPostgres.Bot.QueryAsync(async db =>
        {
            var entry = new AuditEntry { At = DateTimeOffset.UnixEpoch, Actor = "test", Action = "test.after-compile", EntityType = "test", EntityId = "1", DataJson = "{}" };
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync();
            return (entry.Id, Max: await db.AuditLog.Where(e => e.Action == "classification.compile").MaxAsync(e => e.Id));
        });
        Assert.True(next.Id > next.Max, $"the key after the compile ({next.Id}) is not past the compile's ({next.Max})");
    }

    /// <summary>Each draft as text, ordered; scores without trailing zeros (PostgreSQL's numeric keeps its column's scale).</summary>
    private static Task<List<(long Id, string Shape)>> DraftsAsync(ClassificationHost host) => host.Bot.QueryAsync(async db =>
    {
        var people = await db.People.ToDictionaryAsync(p => p.Id, p => p.ExternalId);
        var rows = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year == ClassificationHost.Year).ToListAsync();
        return rows
            .Select(r => (r.Id, Shape: string.Join(" | ", people[r.PersonId], r.Version, r.State, r.Outcome, r.CompiledLevel, r.Level,
                r.Score?.ToString("G29", System.Globalization.CultureInfo.InvariantCulture), r.RuleSetId, r.RuleSetVersion,
                r.GroupKey, r.Reason, r.ExplanationJson, r.DeciderPersonId is { } d ? people[d] : "-")))
            .OrderBy(r => r.Shape, StringComparer.Ordinal)
            .ToList();
    });

    /// <summary>
    /// Decimals in the audit entries' data as their value: a store keeps its column's scale (10 read back as 10.0000 from
    /// PostgreSQL's numeric, 10.0 from SQLite's text). The explanations are compared as stored: their inputs are written
    /// without trailing zeros, so they do not depend on the store.
    /// </summary>
    private static string WithoutTrailingZeros(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "(\\d+)\\.(\\d*?)0+(?!\\d)", m => m.Groups[2].Length == 0 ? m.Groups[1].Value : $"{m.Groups[1].Value}.{m.Groups[2].Value}");

    private static Task<List<string>> AuditAsync(ClassificationHost host) => host.Bot.QueryAsync(async db =>
        (await db.AuditLog.AsNoTracking().Where(e => e.Action == "classification.compile").Select(e => e.Actor + " " + e.EntityType + " " + e.EntityId + " " + e.DataJson).ToListAsync())
            .Select(WithoutTrailingZeros)
            .Order(StringComparer.Ordinal).ToList());

    /// <summary>The report without the keys of its rows (each store numbers its own).</summary>
    private static string Reasons(string report) => System.Text.RegularExpressions.Regex.Replace(report, "\"(id|classificationId|recordId)\":\\d+", "\"$1\":0");
}
