using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// One person's conversation served by two bot processes in turn and at once: the report continues from one instance
/// to the other, a redelivery to the other instance changes nothing, and concurrent saves are serialised (the loser
/// of a conflicting write runs its turn again) into one consistent report, with no error answered.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class TwoInstanceConversationTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const string Staff = "aad-mi-staff";
    private const string Conversation = "a:mi-staff";
    private static readonly string Period = Cluster.PastQuarter(1);

    private FakeTeamsConnector _teams = null!;
    private BotProcess _a = null!;
    private BotProcess _b = null!;
    private long _staffId;
    private long _t1;
    private long _t2;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        await Cluster.MigrateAsync(postgres);
        await SeedAsync();
        var started = await Task.WhenAll(
            BotProcess.StartAsync("A", Cluster.Settings(postgres.ConnectionString)),
            BotProcess.StartAsync("B", Cluster.Settings(postgres.ConnectionString)));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task A_report_continues_across_instances_and_concurrent_saves_through_both_end_consistent()
    {
        // In turn: A, B, A, B. Each instance carries on from what the other stored.
        await SaveAsync(_a, Form(3));
        Assert.Equal((1, CheckInStatus.Draft, 3m, 3m), await CurrentAsync());
        await SaveAsync(_b, Form(4));
        Assert.Equal((1, CheckInStatus.Draft, 4m, 4m), await CurrentAsync());
        var submit = Activities.Invoke(_teams.ServiceUrl, "checkin.submit", Form(5, submit: true), userAad: Staff, conversationId: Conversation);
        await PostAsync(_a, submit);
        Assert.Equal((1, CheckInStatus.Submitted, 5m, 5m), await CurrentAsync());

        // Teams redelivers the submit to the other instance: the stored answer, nothing new.
        await PostAsync(_b, submit);
        // The same figures submitted again through the other instance (a double click): still one version.
        await PostAsync(_b, Activities.Invoke(_teams.ServiceUrl, "checkin.submit", Form(5, submit: true), userAad: Staff, conversationId: Conversation));
        Assert.Equal((1, CheckInStatus.Submitted, 5m, 5m), await CurrentAsync());
        await Cluster.UntilAsync(() => Task.FromResult(ReviewCards() >= 1), TimeSpan.FromSeconds(60), "the review card to reach the leader", _a, _b);

        // At once through both: the first round both start version 2 (a unique clash), the next ones edit the same draft.
        var saved = new List<decimal>();
        const int rounds = 6;
        for (var round = 0; round < rounds; round++)
        {
            var (va, vb) = (10 + (2 * round), 11 + (2 * round));
            await Task.WhenAll(SaveAsync(_a, Form(va)), SaveAsync(_b, Form(vb)));
            saved.AddRange([va, vb]);
            var (version, status, t1, t2) = await CurrentAsync();
            Assert.Equal((2, CheckInStatus.Draft), (version, status));
            Assert.Equal(t1, t2);
            Assert.Contains(t1, new[] { (decimal)va, vb });
        }

        await using var db = Cluster.Db(postgres);
        var reports = await db.CheckInReports.AsNoTracking().Where(r => r.PersonId == _staffId).OrderBy(r => r.Version).ToListAsync();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Actor == Staff).GroupBy(a => a.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var processed = await db.ProcessedActivities.CountAsync();
        var retried = Retries(_a) + Retries(_b);
        output.WriteLine($"{saved.Count} concurrent saves through A and B: {retried} turns re-run after a conflicting write; review cards sent: {ReviewCards()}");

        Assert.Equal([1, 2], reports.Select(r => r.Version));
        Assert.Single(reports, r => r.IsCurrent);
        Assert.Equal(2 + saved.Count, audit.GetValueOrDefault("checkin.save"));
        Assert.Equal(1, ReviewCards());
        Assert.Equal(4 + saved.Count, processed);
        // EF Core logs each failed save as an error; those belong to the turns that were run again, nothing else may fail.
        var errors = _a.Output.Concat(_b.Output).Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal)).ToList();
        var failedSaves = errors.Count(l => l.StartsWith("fail: Microsoft.EntityFrameworkCore.Update[", StringComparison.Ordinal));
        Assert.True(errors.Count == failedSaves, string.Join("\n", errors));
        Assert.InRange(failedSaves, 0, retried);
    }

    private JsonObject Form(decimal value, bool submit = false)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var form = new JsonObject { ["period"] = Period };
        foreach (var target in new[] { _t1, _t2 })
        {
            form[$"target.{target}.done"] = text;
            form[$"target.{target}.qualityOk"] = text;
            form[$"target.{target}.onTime"] = text;
            form[$"target.{target}.evidence"] = "Sổ theo dõi";
        }

        if (submit)
        {
            form["general.politics"] = "9";
            form["general.competence"] = "9";
            form["general.innovation"] = "8";
        }

        return form;
    }

    private Task SaveAsync(BotProcess bot, JsonObject form) =>
        PostAsync(bot, Activities.Invoke(_teams.ServiceUrl, "checkin.save", form, userAad: Staff, conversationId: Conversation));

    private static async Task PostAsync(BotProcess bot, JsonObject activity)
    {
        using var response = await bot.Http.PostAsJsonAsync(new Uri("api/messages", UriKind.Relative), activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{bot.Name} answered {(int)response.StatusCode}: {body}\n{bot.Tail()}");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)JsonNode.Parse(body)?["type"]);
    }

    private async Task<(int Version, CheckInStatus Status, decimal T1, decimal T2)> CurrentAsync()
    {
        await using var db = Cluster.Db(postgres);
        var report = await db.CheckInReports.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.PersonId == _staffId && r.IsCurrent);
        return (report.Version, report.Status, report.Lines.Single(l => l.TargetId == _t1).Done, report.Lines.Single(l => l.TargetId == _t2).Done);
    }

    private int ReviewCards() => _teams.Received.Count(c => c.DecodedPath.Contains("a:mi-leader", StringComparison.Ordinal) && c.Body?.ToJsonString().Contains("checkin.confirm", StringComparison.Ordinal) == true);

    private static int Retries(BotProcess bot) => bot.Count(l => l.Contains("Concurrent write on attempt", StringComparison.Ordinal));

    private async Task SeedAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        await using var db = Cluster.Db(postgres);
        var unit = new Unit { ExternalId = "MU-CONV", Name = "Phòng Tổng hợp", IsAgency = true };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        var leader = new Person { ExternalId = "mi-leader", FullName = "Lê Thị Lãnh Đạo", AadObjectId = "aad-mi-leader", UnitId = unit.Id, IsLeader = true };
        db.People.Add(leader);
        await db.SaveChangesAsync();
        unit.HeadPersonId = leader.Id;
        var staff = new Person { ExternalId = "mi-staff", FullName = "Nguyễn Văn A", AadObjectId = Staff, UnitId = unit.Id, ManagerId = leader.Id };
        db.People.Add(staff);
        await db.SaveChangesAsync();
        var targets = new[] { "T-CONV-1", "T-CONV-2" }.Select(id => new Target
        {
            ExternalId = id,
            Period = Period,
            PersonId = staff.Id,
            Title = "Giải quyết hồ sơ " + id,
            UnitOfMeasure = "hồ sơ",
            Quantity = 40,
            Deadline = new DateOnly(2026, 12, 31),
            QualityRequirement = "Đúng hạn",
        }).ToList();
        db.Targets.AddRange(targets);
        // The period is open; its prompts count as queued, so the campaign tick leaves it alone.
        db.CheckInCampaigns.Add(new CheckInCampaign { Period = Period, OpenedAt = now.AddDays(-1), ClosesAt = now.AddDays(14), OpenedBy = "test", PromptsQueuedAt = now });
        db.ConversationReferences.AddRange(new[] { ("aad-mi-leader", "a:mi-leader"), (Staff, Conversation) }.Select(p => new ConversationReference
        {
            ConversationId = p.Item2,
            ServiceUrl = _teams.ServiceUrl,
            ChannelId = "msteams",
            ConversationType = "personal",
            TenantId = Cluster.Tenant,
            BotId = Cluster.Bot,
            UserAadObjectId = p.Item1,
            CreatedAt = now,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
        (_staffId, _t1, _t2) = (staff.Id, targets[0].Id, targets[1].Id);
    }
}
