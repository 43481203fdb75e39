using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Bench.FanOut;

/// <summary>
/// A province-sized organisation in a fresh SQLite file: an agency, units of 100 people, each person with an Entra id,
/// three personal targets for the period and a personal chat the bot already has with them (the app installed, as
/// after the first campaign). Written through EF with change tracking off, in chunks.
/// </summary>
public static class Seeder
{
    public const string TenantId = "bench-tenant";
    public const string BotId = "28:bench-bot";

    public static async Task SeedAsync(string databasePath, int people, string period, string serviceUrl, DateTimeOffset now)
    {
        var options = new DbContextOptionsBuilder<SqliteEvalBotDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using (var db = new SqliteEvalBotDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Units.Add(new Unit { ExternalId = "agency", Name = "Sở Nội vụ", IsAgency = true });
            await db.SaveChangesAsync();
        }

        var agencyId = 1L;
        const int perUnit = 100;
        const int chunk = 5000;
        var deadline = new DateOnly(int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture), 12, 20);
        for (var start = 0; start < people; start += chunk)
        {
            await using var db = new SqliteEvalBotDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = Math.Min(chunk, people - start);
            var units = new Dictionary<int, Unit>();
            for (var u = start / perUnit; u <= (start + count - 1) / perUnit; u++)
            {
                units[u] = new Unit { ExternalId = $"u{u:00000}", Name = $"Phòng {u}", ParentId = agencyId };
                db.Units.Add(units[u]);
            }

            await db.SaveChangesAsync();
            var batch = new List<Person>(count);
            for (var i = start; i < start + count; i++)
            {
                var person = new Person
                {
                    ExternalId = $"p{i:000000}",
                    FullName = $"Nguyễn Văn {i}",
                    AadObjectId = $"00000000-0000-4000-8000-{i:000000000000}",
                    UnitId = units[i / perUnit].Id,
                };
                batch.Add(person);
                db.People.Add(person);
            }

            await db.SaveChangesAsync();
            foreach (var person in batch)
            {
                for (var t = 1; t <= 3; t++)
                {
                    db.Targets.Add(new Target
                    {
                        ExternalId = $"{person.ExternalId}-{period}-{t}",
                        Period = period,
                        PersonId = person.Id,
                        Title = $"Sản phẩm {t}",
                        UnitOfMeasure = "hồ sơ",
                        Quantity = 10 * t,
                        Deadline = deadline,
                        QualityRequirement = "Đúng hạn, đúng quy định",
                    });
                }

                db.ConversationReferences.Add(new ConversationReference
                {
                    ConversationId = "a:chat-" + person.ExternalId,
                    ServiceUrl = serviceUrl,
                    ChannelId = "msteams",
                    ConversationType = "personal",
                    TenantId = TenantId,
                    BotId = BotId,
                    UserId = "29:" + person.ExternalId,
                    UserAadObjectId = person.AadObjectId,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
    }
}
