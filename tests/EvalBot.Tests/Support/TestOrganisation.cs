using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Support;

/// <summary>A small organisation written straight into the app's database: one unit, its head, a leader and staff, targets, an open period.</summary>
public sealed record TestOrganisation(Unit Unit, Person Head, Person Leader, Person Staff, Person Other, IReadOnlyList<Target> StaffTargets, Target OtherTarget)
{
    public const string Period = "2026-Q1";

    public static async Task<TestOrganisation> CreateAsync(EvalBotFactory bot, DateTimeOffset now, bool open = true)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return await bot.QueryAsync(async db =>
        {
            var unit = new Unit { ExternalId = "U1", Name = "Phòng Tổng hợp", IsAgency = true };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var head = Person(db, unit, "P-HEAD", "Trần Văn Trưởng", "aad-head");
            await db.SaveChangesAsync();
            unit.HeadPersonId = head.Id;
            var leader = Person(db, unit, "P-LEAD", "Lê Thị Lãnh Đạo", "aad-leader", managerId: head.Id);
            await db.SaveChangesAsync();
            var staff = Person(db, unit, "P-STAFF", "Nguyễn Văn A", "aad-user-1", managerId: leader.Id);
            var other = Person(db, unit, "P-OTHER", "Phạm Thị B", "aad-user-2", managerId: leader.Id);
            await db.SaveChangesAsync();
            var targets = new List<Target>
            {
                Target(db, "T1", staff, "Soạn thảo văn bản tham mưu", 10),
                Target(db, "T2", staff, "Giải quyết hồ sơ một cửa", 40),
            };
            var otherTarget = Target(db, "T3", other, "Báo cáo tổng hợp", 4);
            if (open)
            {
                db.CheckInCampaigns.Add(new CheckInCampaign { Period = Period, OpenedAt = now.AddDays(-1), ClosesAt = now.AddDays(14), OpenedBy = "test" });
            }

            await db.SaveChangesAsync();
            return new TestOrganisation(unit, head, leader, staff, other, targets, otherTarget);
        });
    }

    private static Person Person(EvalBotDbContext db, Unit unit, string id, string name, string aad, long? managerId = null)
    {
        // They have written to the bot before from a Vietnamese Teams client, the locale the test activities carry: a turn
        // then leaves their row as it is, so a test can check that a turn touched nothing of theirs.
        var person = new Person
        {
            ExternalId = id, FullName = name, AadObjectId = aad, UnitId = unit.Id, ManagerId = managerId, Population = Population.CivilServant, SeenLanguage = "vi",
        };
        db.People.Add(person);
        return person;
    }

    private static Target Target(EvalBotDbContext db, string id, Person person, string title, decimal quantity)
    {
        var target = new Target
        {
            ExternalId = id,
            Period = Period,
            PersonId = person.Id,
            Title = title,
            UnitOfMeasure = "văn bản",
            Quantity = quantity,
            ConversionFactor = 1,
            Deadline = new DateOnly(2026, 3, 31),
            QualityRequirement = "Được phê duyệt",
        };
        db.Targets.Add(target);
        return target;
    }
}
