using System.Globalization;
using System.Text.Json;
using EvalBot.Domain.Calendar;
using AssignedProduct = EvalBot.Domain.Records.AssignedProduct;
using PeriodReport = EvalBot.Domain.Records.PeriodReport;
using Population = EvalBot.Domain.Records.Population;
using ProductReport = EvalBot.Domain.Records.ProductReport;
using WorkStatus = EvalBot.Domain.Records.WorkStatus;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using DomainPeriod = EvalBot.Domain.Records.Period;

namespace EvalBot.Bench.YearEnd;

/// <summary>What to generate: how many people, the shape of the tree, and which periods have reports.</summary>
/// <param name="People">Everyone in the organisation, heads included.</param>
/// <param name="TeamSize">People in a leaf team (its head included).</param>
/// <param name="DepartmentsPerAgency">Departments (phòng) under each agency.</param>
/// <param name="TeamsPerDepartment">Teams (tổ) under each department.</param>
/// <param name="Periods">Quarters with reports, oldest first; the last one is still open when <paramref name="LastOpen"/>.</param>
/// <param name="LastOpen">The last period is the campaign open now: fewer confirmed, some submitted, drafts, nobody yet.</param>
/// <param name="Seed">Fixed seed: the same options give the same data.</param>
public sealed record GenerationOptions(int People, int TeamSize, int DepartmentsPerAgency, int TeamsPerDepartment, IReadOnlyList<DomainPeriod> Periods, bool LastOpen, int Seed = 20261201);

/// <summary>What was generated, for the benchmarks to find their subjects and report sizes.</summary>
public sealed record GeneratedOrganisation(int People, int Units, int Agencies, long Rows, string FirstAgencyHeadAad, long FirstAgencyId, int FirstAgencyPeople);

/// <summary>
/// A province-like organisation: a root (the provincial committee, with the organisation board), agencies (sở, huyện),
/// departments and teams, each headed by a leader who confirms their members' reports. Every person has five fully
/// quantified targets per quarter and a report per quarter scored by the rule engine under their rule-set, like the demo
/// history: most products delivered in full, some short or late, a few exceeded; reports confirmed or adjusted by the
/// leader, a few only submitted, a few resubmitted (an older version kept), a few missing; some maternity leave, discipline,
/// transfers and remediation items. Written with <see cref="BulkWriter"/> in one transaction.
/// </summary>
public sealed class OrgGenerator(IServiceProvider services)
{
    private const string TenantId = "00000000-0000-0000-0000-00000000b001";
    private const string BotId = "28:evalbot-bench";
    private static readonly string[] Criteria = ["politics", "competence", "innovation"];
    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middle = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Đức", "Ngọc", "Quang", "Thu", "Xuân", "Hoài", "Gia"];
    private static readonly string[] Given = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhung", "Phong", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến"];
    private static readonly (string Title, string Measure, decimal Quantity)[] Products =
    [
        ("Soạn thảo văn bản tham mưu", "văn bản", 12m),
        ("Giải quyết hồ sơ thủ tục hành chính", "hồ sơ", 40m),
        ("Báo cáo chuyên đề", "báo cáo", 3m),
        ("Kiểm tra, thẩm định hồ sơ", "hồ sơ", 20m),
        ("Tổng hợp số liệu thống kê", "biểu", 6m),
    ];

    private readonly Random _random = new(0);
    private long _targetId;
    private long _reportId;
    private long _lineId;
    private long _otherId;

    public async Task<GeneratedOrganisation> WriteAsync(GenerationOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<RuleSetCatalog>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var writer = new BulkWriter(db, connection, transaction);

        var (units, people, groups, firstAgency) = Tree(options, random);
        await writer.InsertAsync(units, ct);
        await writer.InsertAsync(groups, ct);
        await writer.InsertAsync(people, ct);
        var heads = people.Where(p => p.IsLeader).ToList();
        await writer.InsertAsync(heads.Select((p, i) => new ConversationReference
        {
            Id = i + 1, ConversationId = "a:bench-" + p.AadObjectId, ServiceUrl = "http://127.0.0.1:9/teams/", ChannelId = "msteams",
            ConversationType = "personal", TenantId = TenantId, BotId = BotId, BotName = "EvalBot", UserId = "29:" + p.AadObjectId,
            UserAadObjectId = p.AadObjectId, UserName = p.FullName, Locale = "vi-VN", CreatedAt = Utc(2024, 1, 2), UpdatedAt = Utc(2024, 1, 2),
        }).ToList(), ct);
        await writer.InsertAsync(options.Periods.Select((p, i) => new CheckInCampaign
        {
            Id = i + 1, Period = p.Label, OpenedAt = Utc(p.End.AddDays(2)), ClosesAt = Utc(p.End.AddDays(23)),
            ClosedAt = options.LastOpen && i == options.Periods.Count - 1 ? null : Utc(p.End.AddDays(23)),
            OpenedBy = "schedule", PromptsQueuedAt = Utc(p.End.AddDays(2)),
        }).ToList(), ct);

        var unitById = units.ToDictionary(u => u.Id);
        var leave = people.Where(_ => random.Next(200) == 0).Select(p => p.Id).ToHashSet();
        await writer.InsertAsync(Others(people, units, options, leave, random), ct);
        await writer.InsertAsync(Disciplines(people, options, random), ct);
        await writer.InsertAsync(Transfers(people, units, options, random), ct);
        await writer.InsertAsync(Remediation(people, options, random), ct);

        const int chunk = 2000;
        for (var start = 0; start < people.Count; start += chunk)
        {
            var targets = new List<Target>();
            var reports = new List<CheckInReport>();
            var lines = new List<CheckInLine>();
            foreach (var person in people.Skip(start).Take(chunk))
            {
                for (var i = 0; i < options.Periods.Count; i++)
                {
                    var period = options.Periods[i];
                    if (leave.Contains(person.Id) && period.Year == options.Periods[^1].Year && period.Index == 2) continue;
                    var open = options.LastOpen && i == options.Periods.Count - 1;
                    var mine = TargetsFor(person, period, targets);
                    Reports(person, unitById[person.UnitId], period, open, mine, reports, lines, catalog, random);
                }
            }
            await writer.InsertAsync(targets, ct);
            await writer.InsertAsync(reports, ct);
            await writer.InsertAsync(lines, ct);
        }

        await transaction.CommitAsync(ct);
        if (db.Database.IsNpgsql())
        {
            foreach (var table in writer.Tables)
            {
#pragma warning disable EF1002 // table names come from the EF model, not from input
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"), false)", ct);
#pragma warning restore EF1002
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        await db.Database.CloseConnectionAsync();
        var agencies = units.Count(u => u.IsAgency && u.ParentId is not null);
        var firstAgencyPeople = people.Count(p => Under(unitById, p.UnitId, firstAgency.Id));
        return new GeneratedOrganisation(people.Count, units.Count, agencies, writer.Rows,
            people.Single(p => p.Id == firstAgency.HeadPersonId).AadObjectId!, firstAgency.Id, firstAgencyPeople);
    }

    private static bool Under(Dictionary<long, Unit> units, long unitId, long ancestor)
    {
        for (long? id = unitId; id is { } u; id = units[u].ParentId)
        {
            if (u == ancestor) return true;
        }

        return false;
    }

    private static (List<Unit> Units, List<Person> People, List<TaskGroup> Groups, Unit FirstAgency) Tree(GenerationOptions options, Random random)
    {
        var units = new List<Unit>();
        var people = new List<Person>();
        var groups = new List<TaskGroup>();
        Unit NewUnit(string id, string name, Unit? parent, bool agency)
        {
            var unit = new Unit { Id = units.Count + 1, ExternalId = id, Name = name, ParentId = parent?.Id, IsAgency = agency };
            units.Add(unit);
            return unit;
        }

        Person NewPerson(Unit unit, long? manager, bool leader, long groupId, bool board = false)
        {
            var n = people.Count + 1;
            var roll = random.Next(100);
            var person = new Person
            {
                Id = n,
                ExternalId = "P" + n.ToString("000000", CultureInfo.InvariantCulture),
                FullName = $"{Family[random.Next(Family.Length)]} {Middle[random.Next(Middle.Length)]} {Given[random.Next(Given.Length)]} {n.ToString(CultureInfo.InvariantCulture)}",
                Email = $"p{n.ToString(CultureInfo.InvariantCulture)}@bench.gov.vn",
                AadObjectId = "aad-bench-" + n.ToString(CultureInfo.InvariantCulture),
                UnitId = unit.Id,
                TaskGroupId = groupId,
                ManagerId = manager,
                Population = leader && roll < 20 ? Population.Cadre : roll < 60 ? Population.CivilServant : Population.PublicEmployee,
                IsPartyMember = leader || random.Next(100) < 40,
                IsLeader = leader,
                IsOrganisationBoard = board,
            };
            people.Add(person);
            if (leader) unit.HeadPersonId ??= person.Id;
            return person;
        }

        long[] NewGroups(Unit agency)
        {
            string[] names = ["Lãnh đạo, quản lý", "Chuyên môn, nghiệp vụ", "Hỗ trợ, phục vụ"];
            return [.. names.Select((name, i) =>
            {
                var group = new TaskGroup { Id = groups.Count + 1, ExternalId = $"{agency.ExternalId}-G{i + 1}", Name = $"{name} ({agency.Name})", UnitId = agency.Id };
                groups.Add(group);
                return group.Id;
            })];
        }

        var root = NewUnit("ROOT", "Ủy ban nhân dân tỉnh Bench", null, agency: true);
        var rootGroups = NewGroups(root);
        var chair = NewPerson(root, null, leader: true, rootGroups[0]);
        for (var b = 0; b < 3; b++) NewPerson(root, chair.Id, leader: false, rootGroups[1], board: true);
        Unit? first = null;
        for (var a = 1; people.Count < options.People; a++)
        {
            var agency = NewUnit($"A{a:000}", $"Sở Bench {a}", root, agency: true);
            first ??= agency;
            var g = NewGroups(agency);
            var director = NewPerson(agency, chair.Id, leader: true, g[0]);
            for (var d = 1; d <= options.DepartmentsPerAgency && people.Count < options.People; d++)
            {
                var department = NewUnit($"A{a:000}-D{d:00}", $"Phòng {d} - Sở Bench {a}", agency, agency: false);
                var head = NewPerson(department, director.Id, leader: true, g[0]);
                for (var t = 1; t <= options.TeamsPerDepartment && people.Count < options.People; t++)
                {
                    var team = NewUnit($"A{a:000}-D{d:00}-T{t:00}", $"Tổ {t} - Phòng {d} - Sở Bench {a}", department, agency: false);
                    var lead = NewPerson(team, head.Id, leader: true, g[0]);
                    for (var m = 1; m < options.TeamSize && people.Count < options.People; m++)
                    {
                        NewPerson(team, lead.Id, leader: false, g[random.Next(10) < 7 ? 1 : 2]);
                    }
                }
            }
        }

        return (units, people, groups, first ?? root);
    }

    private List<Target> TargetsFor(Person person, DomainPeriod period, List<Target> all)
    {
        var mine = new List<Target>(Products.Length);
        foreach (var (title, measure, quantity) in Products)
        {
            var id = ++_targetId;
            var target = new Target
            {
                Id = id, ExternalId = "T" + id.ToString(CultureInfo.InvariantCulture), Period = period.Label, PersonId = person.Id, Title = title,
                UnitOfMeasure = measure, Quantity = quantity, ConversionFactor = 1m, Deadline = period.End, QualityRequirement = "Đúng quy định, được lãnh đạo phê duyệt",
            };
            mine.Add(target);
            all.Add(target);
        }

        return mine;
    }

    private void Reports(Person person, Unit unit, DomainPeriod period, bool open, List<Target> targets, List<CheckInReport> reports, List<CheckInLine> lines, RuleSetCatalog catalog, Random random)
    {
        var roll = random.Next(100);
        // Closed periods: 2 % never reported, 3 % submitted but not confirmed, 10 % adjusted, the rest confirmed.
        // The open period: 20 % not started, 10 % drafts, 20 % submitted, the rest already confirmed.
        var status = open
            ? roll < 20 ? (CheckInStatus?)null : roll < 30 ? CheckInStatus.Draft : roll < 50 ? CheckInStatus.Submitted : CheckInStatus.Confirmed
            : roll < 2 ? null : roll < 5 ? CheckInStatus.Submitted : roll < 15 ? CheckInStatus.Adjusted : CheckInStatus.Confirmed;
        if (status is not { } s) return;
        var end = new DateTimeOffset(period.End.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        var version = 1;
        if (s != CheckInStatus.Draft && random.Next(100) < 5)
        {
            // An earlier submission, superseded by a resubmission: kept, not current.
            var (oldLines, _) = Lines(targets, period, random, adjusted: false);
            reports.Add(NewReport(person, period, 1, false, CheckInStatus.Submitted, General(random), null, end.AddDays(1), null, null, oldLines));
            lines.AddRange(oldLines);
            version = 2;
        }

        var (current, adjusted) = Lines(targets, period, random, s == CheckInStatus.Adjusted);
        var general = General(random);
        var confirmedGeneral = s is CheckInStatus.Confirmed or CheckInStatus.Adjusted
            ? s == CheckInStatus.Adjusted ? general.ToDictionary(g => g.Key, g => Math.Max(5m, g.Value - 1m), StringComparer.Ordinal) : general
            : null;
        var score = Score(person, unit, period, targets, adjusted, (confirmedGeneral ?? general).Values.Sum(), catalog);
        reports.Add(NewReport(person, period, version, true, s, general, confirmedGeneral, end.AddDays(version == 2 ? 4 : 2),
            s is CheckInStatus.Confirmed or CheckInStatus.Adjusted ? person.ManagerId ?? person.Id : null, score, adjusted));
        lines.AddRange(adjusted);
    }

    private CheckInReport NewReport(Person person, DomainPeriod period, int version, bool current, CheckInStatus status, Dictionary<string, decimal> general,
        Dictionary<string, decimal>? confirmed, DateTimeOffset submitted, long? reviewer, decimal? score, List<CheckInLine> lines)
    {
        var id = ++_reportId;
        foreach (var line in lines) line.ReportId = id;
        return new CheckInReport
        {
            Id = id, ConcurrencyStamp = Guid.NewGuid(), PersonId = person.Id, Period = period.Label, Version = version, IsCurrent = current, Status = status,
            SelfCriticism = "Hoàn thành nhiệm vụ được giao; cần chủ động hơn trong tham mưu.",
            GeneralJson = JsonSerializer.Serialize(general), ConfirmedGeneralJson = confirmed is null ? null : JsonSerializer.Serialize(confirmed),
            CreatedAt = submitted.AddDays(-1), SubmittedAt = status == CheckInStatus.Draft ? null : submitted,
            ReviewedByPersonId = reviewer, ReviewedAt = reviewer is null ? null : submitted.AddDays(3),
            ReviewComment = reviewer is null ? null : status == CheckInStatus.Adjusted ? "Điều chỉnh theo kết quả kiểm tra." : "Xác nhận kết quả.",
            Score = score, Lines = [],
        };
    }

    /// <summary>The lines as reported, and as confirmed (the leader's adjustment lowers one product with a reason).</summary>
    private (List<CheckInLine> Reported, List<CheckInLine> Confirmed) Lines(List<Target> targets, DomainPeriod period, Random random, bool adjusted)
    {
        var reported = new List<CheckInLine>(targets.Count);
        foreach (var t in targets)
        {
            var roll = random.Next(10);
            var share = roll < 3 ? 0.8m + (0.05m * random.Next(4)) : roll == 3 && random.Next(10) == 0 ? 0.4m : 1m;
            var extra = share == 1m && roll == 9 && t.Quantity >= 10m ? random.Next(1, 3) : 0;
            var done = Math.Round(t.Quantity * share, MidpointRounding.AwayFromZero) + extra;
            var late = roll == 4 ? Math.Ceiling(done * 0.2m) : 0m;
            reported.Add(new CheckInLine
            {
                Id = ++_lineId, TargetId = t.Id, Done = done, QualityOk = done, OnTime = Math.Max(0m, done - late),
                Evidence = $"Hồ sơ công việc {period.Label}, mục {t.ExternalId}",
            });
        }

        if (!adjusted) return (reported, reported);
        var which = random.Next(reported.Count);
        var failed = random.Next(2);
        var confirmed = reported.Select((l, i) => i != which ? l : new CheckInLine
        {
            Id = l.Id, TargetId = l.TargetId, Done = Math.Max(0m, l.Done - 1m), QualityOk = Math.Max(0m, l.Done - 1m - failed), OnTime = Math.Max(0m, Math.Min(l.OnTime, l.Done - 1m)),
            Evidence = l.Evidence, FailedChecks = failed, Delays = 1 - failed, AdjustReason = "Một sản phẩm chưa đạt yêu cầu khi kiểm tra.",
        }).ToList();
        return (reported, confirmed);
    }

    private static Dictionary<string, decimal> General(Random random) =>
        Criteria.ToDictionary(c => c, _ => 6.5m + (0.5m * random.Next(0, 8)), StringComparer.Ordinal);

    private static decimal? Score(Person person, Unit unit, DomainPeriod period, List<Target> targets, List<CheckInLine> lines, decimal general, RuleSetCatalog catalog)
    {
        var selection = RuleSetSelector.Select(person.Population, period.Year, person.IsPartyMember, catalog);
        if ((selection.State ?? selection.Party) is not { } ruleSet) return null;
        var products = targets.Zip(lines, (t, l) => new ProductReport(
            new AssignedProduct(t.ExternalId, t.Quantity, t.ConversionFactor, t.Deadline, t.QualityRequirement), l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays)).ToList();
        var report = new PeriodReport(period with { UnitId = unit.ExternalId }, WorkStatus.Worked, products, Math.Min(general, ruleSet.Scale.GeneralMax));
        return Math.Round(PeriodScorer.Score(report, ruleSet, person.IsLeader).Total, 2, MidpointRounding.AwayFromZero);
    }

    private List<LeaveRecord> Others(List<Person> people, List<Unit> units, GenerationOptions options, HashSet<long> leave, Random random)
    {
        _ = units;
        _ = random;
        var year = options.Periods[^1].Year;
        return [.. people.Where(p => leave.Contains(p.Id)).Select(p => new LeaveRecord
        {
            Id = ++_otherId, ExternalId = "L" + p.Id.ToString(CultureInfo.InvariantCulture), PersonId = p.Id, Kind = "maternity",
            From = new DateOnly(year, 3, 25), To = new DateOnly(year, 7, 10),
        })];
    }

    private static List<DisciplineRecord> Disciplines(List<Person> people, GenerationOptions options, Random random)
    {
        var year = options.Periods[^1].Year;
        var id = 0L;
        return [.. people.Where(_ => random.Next(300) == 0).Select(p => new DisciplineRecord
        {
            Id = ++id, ExternalId = "D" + p.Id.ToString(CultureInfo.InvariantCulture), PersonId = p.Id, ViolationId = "V" + p.Id.ToString(CultureInfo.InvariantCulture),
            DecisionDate = new DateOnly(year, 1 + random.Next(9), 1 + random.Next(28)), Track = "administrative", Sanction = random.Next(4) == 0 ? "warning" : "reprimand",
        })];
    }

    private static List<TransferRecord> Transfers(List<Person> people, List<Unit> units, GenerationOptions options, Random random)
    {
        var year = options.Periods[^1].Year;
        var teams = units.Where(u => u.ExternalId.Contains("-T", StringComparison.Ordinal)).ToList();
        var id = 0L;
        return [.. people.Where(p => !p.IsLeader && random.Next(500) == 0).Select(p => new TransferRecord
        {
            Id = ++id, ExternalId = "X" + p.Id.ToString(CultureInfo.InvariantCulture), PersonId = p.Id,
            FromUnitExternalId = teams[random.Next(teams.Count)].ExternalId, ToUnitId = p.UnitId, Date = new DateOnly(year, 7, 1),
        })];
    }

    private static List<RemediationItemRow> Remediation(List<Person> people, GenerationOptions options, Random random)
    {
        var last = options.Periods[^1];
        var id = 0L;
        return [.. people.Where(_ => random.Next(33) == 0).Select(p =>
        {
            var status = random.Next(3) switch { 0 => RemediationItemStatus.Open, 1 => RemediationItemStatus.InProgress, _ => RemediationItemStatus.Remedied };
            var raised = Utc(last.Start.AddDays(10));
            return new RemediationItemRow
            {
                Id = ++id, PersonId = p.Id, Text = "Bảo đảm tiến độ xử lý hồ sơ; báo cáo lãnh đạo phòng hằng tuần.", OwnerPersonId = p.Id,
                DueDate = last.End.AddDays(30), Status = status, ProgressPercent = status == RemediationItemStatus.Remedied ? 100 : status == RemediationItemStatus.Open ? 0 : 50,
                RaisedInPeriod = last.Label, CreatedByPersonId = p.ManagerId ?? p.Id, CreatedAt = raised, UpdatedAt = raised,
            };
        })];
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 1, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
}
