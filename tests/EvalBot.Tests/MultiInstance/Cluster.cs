using System.Diagnostics;
using System.Globalization;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// What the two-instance tests share: the database of the test class, an organisation written straight into it (each
/// person with the personal chat the bot already has with them, so prompts go to
/// <c>POST /v3/conversations/{id}/activities</c>), instance settings, and counting at the fake Teams.
/// </summary>
public static class Cluster
{
    public const string Tenant = Activities.TenantId;
    public const string Bot = "28:evalbot-multi";

    /// <summary>
    /// Settings of an instance: PostgreSQL, fast delivery, a short lease, a fast cluster check-in, and a working calendar
    /// that makes "now" a working hour of a working day whatever the day the tests run, so prompts go at once.
    /// </summary>
    public static Dictionary<string, string> Settings(string connectionString, IDictionary<string, string>? extra = null)
    {
        var settings = BotProcess.Settings(connectionString);
        settings["Delivery__Lease"] = "00:00:10";
        settings["Scheduling__ClusterCheckinInterval"] = "00:00:02";
        settings["Scheduling__ClusterCheckinMisfireThreshold"] = "00:00:05";
        settings["Campaigns__WorkingHoursStart"] = "00:00:00";
        settings["Campaigns__WorkingHoursEnd"] = "23:59:59";
        settings["Campaigns__SendAt"] = "00:00:00";
        var today = Today();
        for (var i = -1; i <= 1; i++)
        {
            settings[$"Calendar__ExtraWorkingDays__{i + 1}"] = today.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A quarter that ended at least three months ago, e.g. <c>2026-Q2</c> in November 2026.</summary>
    public static string PastQuarter(int quartersBack)
    {
        var date = Today().AddMonths(-3 * quartersBack);
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{((date.Month - 1) / 3) + 1}");
    }

    public static PostgresEvalBotDbContext Db(PostgresFixture postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        return new PostgresEvalBotDbContext(new DbContextOptionsBuilder<PostgresEvalBotDbContext>().UseNpgsql(postgres.ConnectionString).Options);
    }

    public static async Task MigrateAsync(PostgresFixture postgres)
    {
        await using var db = Db(postgres);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Writes <paramref name="people"/> people in units of 100 (the first of each is its head), each with one target per
    /// period and a personal chat <c>a:mi-{n}</c> on <paramref name="serviceUrl"/>. Returns person id → conversation id.
    /// </summary>
    public static async Task<Dictionary<long, string>> SeedAsync(PostgresFixture postgres, int people, string serviceUrl, params string[] periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var now = TimeProvider.System.GetUtcNow();
        await using var db = Db(postgres);
        // One transaction: running instances see the whole organisation at once, never half of it.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var units = Enumerable.Range(0, (people + 99) / 100)
            .Select(u => new Unit { ExternalId = $"MU{u:000}", Name = $"Phòng {u:000}", IsAgency = u == 0 })
            .ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync();

        var persons = Enumerable.Range(0, people).Select(n => new Person
        {
            ExternalId = $"mi-{n:0000}",
            FullName = $"Nguyễn Văn {n:0000}",
            AadObjectId = $"aad-mi-{n:0000}",
            UnitId = units[n / 100].Id,
        }).ToList();
        db.People.AddRange(persons);
        await db.SaveChangesAsync();

        foreach (var unit in units)
        {
            unit.HeadPersonId = persons.First(p => p.UnitId == unit.Id).Id;
        }

        db.ChangeTracker.DetectChanges();
        db.Targets.AddRange(persons.SelectMany(p => periods.Select(period => new Target
        {
            ExternalId = $"T-{p.ExternalId}-{period}",
            Period = period,
            PersonId = p.Id,
            Title = "Giải quyết hồ sơ một cửa",
            UnitOfMeasure = "hồ sơ",
            Quantity = 40,
            Deadline = new DateOnly(2026, 12, 31),
            QualityRequirement = "Đúng hạn, đúng quy định",
        })));
        db.ConversationReferences.AddRange(persons.Select(p => new ConversationReference
        {
            ConversationId = ConversationOf(p.ExternalId),
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            ConversationType = "personal",
            TenantId = Tenant,
            BotId = Bot,
            UserId = "29:" + p.AadObjectId,
            UserAadObjectId = p.AadObjectId,
            CreatedAt = now,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return persons.ToDictionary(p => p.Id, p => ConversationOf(p.ExternalId));
    }

    /// <summary>Person id → conversation id of the organisation already written, empty when none is.</summary>
    public static async Task<Dictionary<long, string>> ConversationsAsync(PostgresFixture postgres)
    {
        await using var db = Db(postgres);
        return await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => ConversationOf(p.ExternalId));
    }

    /// <summary>Points every conversation at this fake Teams (each test has its own).</summary>
    public static async Task UseTeamsAsync(PostgresFixture postgres, FakeTeamsConnector teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        await using var db = Db(postgres);
        await db.ConversationReferences.ExecuteUpdateAsync(u => u.SetProperty(c => c.ServiceUrl, teams.ServiceUrl));
    }

    public static string ConversationOf(string externalId) => "a:" + externalId;

    /// <summary>
    /// Messages the fake received per conversation (POST .../v3/conversations/{id}/activities), only those whose body
    /// contains <paramref name="containing"/> when given (e.g. a card's verb).
    /// </summary>
    public static Dictionary<string, int> PostsPerConversation(FakeTeamsConnector teams, string? containing = null)
    {
        ArgumentNullException.ThrowIfNull(teams);
        const string prefix = "/teams/v3/conversations/";
        return teams.Received
            .Where(c => c.Method == "POST" && c.DecodedPath.StartsWith(prefix, StringComparison.Ordinal) && c.DecodedPath.EndsWith("/activities", StringComparison.Ordinal))
            .Where(c => containing is null || c.Body?.ToJsonString().Contains(containing, StringComparison.Ordinal) == true)
            .GroupBy(c => c.DecodedPath[prefix.Length..^"/activities".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Messages an instance started sending to Teams, from its own log.</summary>
    public static int Sends(BotProcess bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.Count(line => line.Contains("Start processing HTTP request POST", StringComparison.Ordinal) && line.Contains("/activities", StringComparison.Ordinal));
    }

    /// <summary>Polls until the condition holds; fails with <paramref name="what"/> and the instances' last output after the deadline.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what, params BotProcess[] bots)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                Assert.Fail($"Timed out after {within} waiting for {what}.\n" + string.Join("\n", bots.Select(b => b.Tail())));
            }

            await Task.Delay(250);
        }
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
}
