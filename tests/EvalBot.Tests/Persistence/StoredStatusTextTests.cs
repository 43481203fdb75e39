using System.Text.Json;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Persistence;

/// <summary>Statuses are enums in code and the same text as always in the database and in JSON.</summary>
public sealed class StoredStatusTextTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"evalbot-status-text-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Statuses_are_stored_as_the_text_they_always_had_and_read_back()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            var unit = new Unit { ExternalId = "U1", Name = "Unit" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var person = new Person { ExternalId = "P1", FullName = "Person", UnitId = unit.Id, Population = Population.PublicEmployee };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.RemediationItems.Add(new RemediationItemRow { PersonId = person.Id, Text = "a", RaisedInPeriod = "2026-Q1", Status = RemediationItemStatus.InProgress });
            db.RemediationItems.Add(new RemediationItemRow { PersonId = person.Id, Text = "b", RaisedInPeriod = "2026-Q1" });
            db.Add(new ClassificationRecord { PersonId = person.Id, Year = 2026, RuleSetId = "ND335", RuleSetVersion = "1", Outcome = ClassificationOutcome.NeedsAuthorityDecision });
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            Assert.Equal(["PublicEmployee"], await Texts(db, """SELECT "Population" AS "Value" FROM people"""));
            Assert.Equal(["in_progress", "open"], await Texts(db, """SELECT "Status" AS "Value" FROM remediation_items ORDER BY "Text" """));
            Assert.Equal(["NeedsAuthorityDecision"], await Texts(db, """SELECT "Outcome" AS "Value" FROM classifications"""));

            Assert.Equal(Population.PublicEmployee, (await db.People.SingleAsync()).Population);
            Assert.Equal([RemediationItemStatus.InProgress, RemediationItemStatus.Open], await db.RemediationItems.OrderBy(r => r.Text).Select(r => r.Status).ToListAsync());
            Assert.Equal(1, await db.RemediationItems.CountAsync(r => r.Status == RemediationItemStatus.Open));
            Assert.Equal(ClassificationOutcome.NeedsAuthorityDecision, (await db.Set<ClassificationRecord>().SingleAsync()).Outcome);
        }
    }

    [Fact]
    public async Task Texts_written_before_the_enums_read_as_they_did()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO units ("ExternalId", "Name", "IsAgency", "PeriodKind", "TimeZone") VALUES ('U1', 'Unit', 0, 'quarter', 'Asia/Ho_Chi_Minh')""");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO people ("ExternalId", "FullName", "UnitId", "Population", "IsPartyMember", "IsLeader", "IsOrganisationBoard", "IsActive")
                VALUES ('P1', 'One', 1, 'cadre', 0, 0, 0, 1), ('P2', 'Two', 1, 'Unknown', 0, 0, 0, 1)
                """);
        }

        await using (var db = Open())
        {
            Assert.Equal([Population.Cadre, Population.CivilServant], await db.People.OrderBy(p => p.ExternalId).Select(p => p.Population).ToListAsync());
        }
    }

    [Fact]
    public void JSON_carries_the_same_text_as_the_database()
    {
        var json = JsonSerializer.Serialize(new { from = RemediationItemStatus.Open, to = RemediationItemStatus.NotRemedied, outcome = ClassificationOutcome.Rerated }, ProtocolJson.Options);
        var person = JsonSerializer.Serialize(new Person { ExternalId = "P1", FullName = "One", Population = Population.Cadre }, ProtocolJson.Options);

        Assert.Equal("""{"from":"open","to":"not_remedied","outcome":"Rerated"}""", json);
        Assert.Contains("\"population\":\"Cadre\"", person, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RemediationItemStatus.Open, RemediationItemStatus.NotRemedied)]
    [InlineData(RemediationItemStatus.InProgress, RemediationItemStatus.InProgress)]
    [InlineData(RemediationItemStatus.Remedied, RemediationItemStatus.Remedied)]
    [InlineData(RemediationItemStatus.NotRemedied, RemediationItemStatus.NotRemedied)]
    public void An_item_nobody_has_reported_on_reads_as_not_remedied(RemediationItemStatus stored, RemediationItemStatus reported) =>
        Assert.Equal(reported, stored.AsReported());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private SqliteEvalBotDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
            .UseSqlite($"Data Source={_file};Pooling=False")
            .AddInterceptors(new SqliteConnectionSetup())
            .Options);

    private static Task<List<string>> Texts(EvalBotDbContext db, string sql) => db.Database.SqlQueryRaw<string>(sql).ToListAsync();
}
