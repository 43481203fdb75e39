using EvalBot.Persistence;
using EvalBot.Persistence.Entities;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>Organisation rows for campaign tests, written straight to the database.</summary>
public static class CampaignSeed
{
    public const string Tenant = "tenant-1";
    public const string Bot = "28:evalbot";

    public static Unit Unit(EvalBotDbContext db, string externalId, string periodKind = "quarter", string zone = "Asia/Ho_Chi_Minh")
    {
        ArgumentNullException.ThrowIfNull(db);
        var unit = new Unit { ExternalId = externalId, Name = "Phòng " + externalId, PeriodKind = periodKind, TimeZone = zone };
        db.Units.Add(unit);
        return unit;
    }

    public static Person Person(EvalBotDbContext db, Unit unit, string externalId, string? aad = "", Person? manager = null, string? zone = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = new Person
        {
            ExternalId = externalId,
            FullName = "Người " + externalId,
            AadObjectId = aad == "" ? "aad-" + externalId : aad,
            Unit = unit,
            TimeZone = zone,
            PreferredLanguage = language,
        };
        db.People.Add(person);
        if (manager is not null)
        {
            db.SaveChanges();
            person.ManagerId = manager.Id;
        }

        return person;
    }

    /// <summary>A conversation the bot already has (with someone else): it tells the sender the tenant, bot and serviceUrl.</summary>
    public static void KnownTenant(EvalBotDbContext db, string serviceUrl, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ConversationReferences.Add(new ConversationReference
        {
            ConversationId = "a:admin-chat",
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            ConversationType = "personal",
            TenantId = Tenant,
            BotId = Bot,
            UserAadObjectId = "aad-someone-else",
            CreatedAt = at,
            UpdatedAt = at,
        });
    }

    public static void Leave(EvalBotDbContext db, Person person, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        db.Leaves.Add(new LeaveRecord { ExternalId = $"leave-{person.ExternalId}-{from:yyyyMMdd}", PersonId = person.Id, Kind = "sick", From = from, To = to });
    }

    public static void Submitted(EvalBotDbContext db, Person person, string period, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        db.CheckInReports.Add(new CheckInReport { PersonId = person.Id, Period = period, Version = 1, Status = CheckInStatus.Submitted, CreatedAt = at, SubmittedAt = at });
    }
}
