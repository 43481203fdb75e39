using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Hosting;
using EvalBot.Operations;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Durability and records: WAL with synchronous=FULL, the database-level append-only guard of the audit log, the online
/// backup and the refused-while-running restore, retention, and the per-person export.
/// </summary>
public sealed class RecordsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalbot-rel-records", Guid.NewGuid().ToString("N"));
    private ReliabilityHost _host = null!;

    private string DatabaseFile => Path.Combine(_folder, "evalbot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await ReliabilityHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:EvalBot"] = $"Data Source={DatabaseFile}" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_connection_runs_in_WAL_mode_with_synchronous_FULL_and_a_busy_timeout()
    {
        var (mode, synchronous, busy) = await _host.Bot.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            return (await ScalarAsync(connection, "PRAGMA journal_mode"), await ScalarAsync(connection, "PRAGMA synchronous"), await ScalarAsync(connection, "PRAGMA busy_timeout"));
        });

        Assert.Equal("wal", mode);
        Assert.Equal("2", synchronous);
        Assert.Equal("10000", busy);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET Actor = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("DELETE FROM audit_log WHERE Id = (SELECT max(Id) FROM audit_log)")]
    public async Task The_database_refuses_to_change_or_delete_audit_entries(string sql)
    {
        await SubmitAsync();
        var before = await _host.SnapshotAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => _host.Bot.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains(AuditGuard.Message, error.Message, StringComparison.Ordinal);
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
        Assert.True(before.Rows("audit_log") > 0);
    }

    [Fact]
    public async Task The_audit_guard_also_holds_through_EF_and_inserts_still_work()
    {
        await SubmitAsync();

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _host.Bot.QueryAsync(async db =>
        {
            var entry = await db.AuditLog.FirstAsync();
            entry.Actor = "forged";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains(AuditGuard.Message, error.InnerException?.Message, StringComparison.Ordinal);
        Assert.True(await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "checkin.submit")));
    }

    [Fact]
    public async Task An_online_backup_holds_everything_and_restore_is_refused_while_the_bot_runs_then_brings_it_back()
    {
        await SubmitAsync();
        var backup = Path.Combine(_folder, "backup.db");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await OperationsCommand.RunAsync(["backup", backup], _host.Bot.Services, output, error));
        var atBackup = await _host.SnapshotAsync();
        Assert.Empty(atBackup.Differences(await DbSnapshot.TakeAsync($"Data Source={backup}")));
        Assert.Contains("integrity ok", output.ToString(), StringComparison.Ordinal);

        var changed = _host.ValidReport();
        changed[_host.TargetField(0, "done")] = "10";
        await _host.PostAsync(Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", changed));
        Assert.Equal(2, (await _host.SnapshotAsync()).Rows("checkin_reports"));

        Assert.Equal(1, await OperationsCommand.RunAsync(["restore", backup], _host.Bot.Services, output, error));
        Assert.Contains("stop every instance", error.ToString(), StringComparison.Ordinal);

        await _host.Bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using (var cli = CommandLineServices())
        {
            Assert.Equal(0, await OperationsCommand.RunAsync(["restore", backup], cli.Services, output, error));
        }

        Assert.Empty(atBackup.Differences(await DbSnapshot.TakeAsync($"Data Source={DatabaseFile}")));
        Assert.Single(Directory.EnumerateFiles(_folder, "evalbot.db.before-restore-*"));
        await using var restarted = new EvalBotFactory(new Dictionary<string, string?> { ["ConnectionStrings:EvalBot"] = $"Data Source={DatabaseFile}", ["Scheduling:Enabled"] = "false" });
        Assert.Equal(1, await restarted.QueryAsync(db => db.CheckInReports.CountAsync()));
        await Assert.ThrowsAsync<SqliteException>(() => restarted.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log")));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_an_EvalBot_database_and_changes_nothing()
    {
        var before = await _host.SnapshotAsync();
        var junk = Path.Combine(_folder, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        var error = new StringWriter();

        Assert.Equal(1, await OperationsCommand.RunAsync(["restore", junk], _host.Bot.Services, TextWriter.Null, error));
        Assert.Equal(2, await OperationsCommand.RunAsync(["backup"], _host.Bot.Services, TextWriter.Null, error));
        Assert.Contains("restore refused", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    [Fact]
    public void For_PostgreSQL_backup_prints_the_pg_dump_command_without_the_password()
    {
        var text = DatabaseBackup.PostgresInstructions("Host=db.example;Port=5433;Database=evalbot;Username=bot;Password=s3cret", "/var/backups/evalbot.dump");

        Assert.Contains("pg_dump --format=custom --no-owner --host=db.example --port=5433 --username=bot --dbname=evalbot --file=/var/backups/evalbot.dump", text, StringComparison.Ordinal);
        Assert.Contains("pg_restore", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_purges_old_personal_data_but_keeps_recent_data_classifications_and_the_audit_log()
    {
        var old = TimeProvider.System.GetUtcNow().AddYears(-11);
        var staff = _host.Org.Staff.Id;
        await _host.Bot.QueryAsync(async db =>
        {
            var report = new CheckInReport { PersonId = staff, Period = $"{old.Year}-Q1", Version = 1, CreatedAt = old, Status = CheckInStatus.Confirmed };
            report.Lines.Add(new CheckInLine { TargetId = _host.Org.StaffTargets[0].Id, Done = 1 });
            db.CheckInReports.Add(report);
            db.Set<FeedbackRequest>().Add(new FeedbackRequest { Period = $"{old.Year}-Q1", SubjectPersonId = staff, ReviewerPersonId = _host.Org.Other.Id, Relation = "peer", Status = FeedbackStatus.Answered, Strengths = "old" });
            db.Outbox.Add(new OutboxMessage { DedupeKey = "old-1", Kind = "reply", ServiceUrl = "http://127.0.0.1/", ActivityJson = "{}", Status = OutboxStatus.Sent, CreatedAt = old, NextAttemptAt = old });
            db.ProcessedActivities.Add(new ProcessedActivity { Key = "msteams|a:old|1", ProcessedAt = old });
            db.RemediationItems.Add(new RemediationItemRow { PersonId = staff, Text = "old", OwnerPersonId = staff, RaisedInPeriod = $"{old.Year}-Q1", CreatedAt = old, UpdatedAt = old });
            db.Set<ClassificationRecord>().Add(new ClassificationRecord { PersonId = staff, Year = old.Year, State = ClassificationState.Decided, RuleSetId = "ND90_48", RuleSetVersion = "1", CompiledAt = old, DecidedAt = old, Level = 2 });
            return await db.SaveChangesAsync();
        });
        await SubmitAsync();
        var before = await _host.SnapshotAsync();

        var response = await _host.AdminAsync(HttpMethod.Post, "/admin/retention/run");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(10, (int)result["years"]!);
        foreach (var key in new[] { "reports", "lines", "feedback", "remediation", "outbox", "processedActivities" })
        {
            Assert.True((int)result[key]! == 1, key);
        }

        // Dialog states are gone from the app; the answer keeps the field, always 0.
        Assert.Equal(0, (int)result["dialogStates"]!);

        var after = await _host.SnapshotAsync();
        Assert.Equal(1, after.Rows("checkin_reports"));
        Assert.Equal(before.Rows("classifications"), after.Rows("classifications"));
        Assert.Equal(before.Rows("audit_log") + 1, after.Rows("audit_log"));
        Assert.True(await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "retention.purge")));
        Assert.Equal(0, await _host.Bot.QueryAsync(db => db.ProcessedActivities.CountAsync(p => p.Key == "msteams|a:old|1")));
    }

    [Fact]
    public async Task The_export_of_a_person_holds_their_data_and_never_anyone_elses_individual_answers()
    {
        await SubmitAsync();
        var staff = _host.Org.Staff.Id;
        await _host.Bot.QueryAsync(async db =>
        {
            db.Set<FeedbackRequest>().Add(new FeedbackRequest { Period = TestOrganisation.Period, SubjectPersonId = staff, ReviewerPersonId = _host.Org.Other.Id, Relation = "peer", Status = FeedbackStatus.Answered, Strengths = "SECRET-ANSWER-ABOUT-STAFF", RatingsJson = "{}" });
            db.Set<FeedbackRequest>().Add(new FeedbackRequest { Period = TestOrganisation.Period, SubjectPersonId = _host.Org.Other.Id, ReviewerPersonId = staff, Relation = "peer", Status = FeedbackStatus.Answered, Improvements = "STAFF-OWN-ANSWER-ABOUT-OTHER", RatingsJson = "{}" });
            return await db.SaveChangesAsync();
        });

        var response = await _host.AdminAsync(HttpMethod.Get, $"/admin/people/{_host.Org.Staff.ExternalId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("P-STAFF", (string?)export["profile"]?["externalId"]);
        Assert.Single(export["data"]!["checkin_reports"]!.AsArray());
        Assert.Equal(2, export["data"]!["targets"]!.AsArray().Count);
        Assert.Equal(2, export["data"]!["checkin_lines"]!.AsArray().Count);
        Assert.Contains(export["audit"]!.AsArray(), a => (string?)a!["action"] == "checkin.submit");
        Assert.Equal(1, (int)export["peerFeedbackGiven"]!["Answered"]!);
        Assert.Empty(export["peerFeedbackReceived"]!.AsArray());
        Assert.DoesNotContain("SECRET-ANSWER", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STAFF-OWN-ANSWER", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Org.OtherTarget.Title, text, StringComparison.Ordinal);
        Assert.True(await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "person.export" && a.EntityId == "P-STAFF")));
    }

    private async Task SubmitAsync()
    {
        var response = await _host.PostAsync(Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", _host.ValidReport()));
        response.EnsureSuccessStatusCode();
        Assert.True(await _host.Bot.QueryAsync(db => db.CheckInReports.AnyAsync()));
    }

    private WebApplication CommandLineServices()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:EvalBot"] = $"Data Source={DatabaseFile}";
        builder.AddEvalBot();
        return builder.Build();
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
