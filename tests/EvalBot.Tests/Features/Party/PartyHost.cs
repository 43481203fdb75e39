using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// The classification host's agency (on 10 December 2026) with a Party committee whose competent level is the
/// organisation board, its cell (competent: the chair "aad-top", advisory body: "aad-board"), four members in the cell
/// (two staff, the unit head, the chair) and a fifth admitted in October, and the leadership collective (the chair heads
/// it, the unit head is in it) rated by the committee. The four members on the list have their quarterly records
/// (Form 05) of the first three quarters.
/// </summary>
public sealed class PartyHost : IAsyncDisposable
{
    private PartyHost(ClassificationHost inner) => Inner = inner;

    public ClassificationHost Inner { get; }
    public Dictionary<string, long> Ids { get; private set; } = [];
    public long Leadership { get; private set; }

    /// <summary>The host's clock (10 December 2026 at the start), moved forward with <see cref="ShiftedTimeProvider.Skip"/>.</summary>
    public ShiftedTimeProvider Time { get; private init; } = null!;

    public static async Task<PartyHost> StartAsync()
    {
        var time = new ShiftedTimeProvider(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));
        var inner = await ClassificationHost.StartAsync(excellent: 1, good: 2, services: s => s.AddSingleton<TimeProvider>(time));
        var host = new PartyHost(inner) { Time = time };
        await inner.CompileAsync();
        host.Ids = await inner.Bot.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        host.Leadership = await inner.Bot.QueryAsync(host.SeedAsync);
        return host;
    }

    /// <summary>A host whose state ratings are decided and whose Party round is open.</summary>
    public static async Task<PartyHost> StartOpenAsync()
    {
        var host = await StartAsync();
        await host.DecideStateAsync();
        var opened = await host.OpenAsync();
        if (opened.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"The Party round did not open: {opened.StatusCode}.");
        return host;
    }

    private async Task<long> SeedAsync(EvalBot.Persistence.EvalBotDbContext db)
    {
        var committee = new PartyOrganisation { ExternalId = "DU", Name = "Đảng ủy xã", Kind = PartyOrganisationKinds.Committee };
        db.PartyOrganisations.Add(committee);
        await db.SaveChangesAsync();
        var cell = new PartyOrganisation
        {
            ExternalId = "CB", Name = "Chi bộ Văn phòng", Kind = PartyOrganisationKinds.Cell, ParentId = committee.Id,
            CompetentPersonId = Ids["P-TOP"], AdvisoryPersonId = Ids["P-BOARD"],
        };
        db.PartyOrganisations.Add(cell);
        await db.SaveChangesAsync();
        foreach (var (person, admitted) in new[] { ("P-00", 2010), ("P-01", 2015), ("P-HEAD", 2005), ("P-TOP", 2000) })
        {
            db.PartyMemberships.Add(new PartyMembership { ExternalId = person, PersonId = Ids[person], CellId = cell.Id, AdmittedOn = new DateOnly(admitted, 3, 1) });
        }

        db.PartyMemberships.Add(new PartyMembership { ExternalId = "P-02", PersonId = Ids["P-02"], CellId = cell.Id, AdmittedOn = new DateOnly(2026, 10, 1) });

        // The quarterly self-assessments (Form 05) of the three quarters ended by 10 December, as the year's confirmed
        // check-ins left them for the members on the list: their annual self-rating accounts for every quarter (rule 9).
        foreach (var person in new[] { "P-00", "P-01", "P-HEAD", "P-TOP" })
        {
            for (var quarter = 1; quarter <= 3; quarter++)
            {
                db.PartyQuarterRecords.Add(new PartyQuarterRecord
                {
                    PersonId = Ids[person], Year = ClassificationHost.Year, Quarter = quarter, GeneralPoints = 25, TaskPoints = 60, Total = 85,
                    Level = (int)EvalBot.Domain.Level.Good, Periods = $"{ClassificationHost.Year}-Q{quarter}", CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow(),
                });
            }
        }

        var leadership = new PartyCollective { ExternalId = "LD", Name = "Tập thể lãnh đạo UBND xã", Kind = PartyCollectiveKinds.Leadership, PartyOrganisationId = committee.Id, HeadPersonId = Ids["P-TOP"] };
        db.PartyCollectives.Add(leadership);
        await db.SaveChangesAsync();
        db.PartyCollectiveMembers.AddRange(new PartyCollectiveMember { CollectiveId = leadership.Id, PersonId = Ids["P-TOP"] }, new PartyCollectiveMember { CollectiveId = leadership.Id, PersonId = Ids["P-HEAD"] });
        await db.People.Where(p => p.ExternalId.StartsWith("P-0") || p.ExternalId == "P-HEAD" || p.ExternalId == "P-TOP").ExecuteUpdateAsync(u => u.SetProperty(p => p.IsPartyMember, true));
        await db.SaveChangesAsync();
        return leadership.Id;
    }

    /// <summary>Every state rating of the year decided, as the heads would have done by 15 December.</summary>
    public Task DecideStateAsync() => Inner.Bot.QueryAsync(db => db.Set<ClassificationRecord>()
        .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, ClassificationState.Decided)));

    public async Task<HttpResponseMessage> OpenAsync() => await Inner.Admin.PostAsync($"/admin/years/{ClassificationHost.Year}/party/compile", null);

    public Task<PartyRating> RatingOfAsync(string person) =>
        Inner.Bot.QueryAsync(db => db.PartyRatings.AsNoTracking().SingleAsync(r => r.PersonId == Ids[person]));

    public Task<PartyRating> CollectiveRatingAsync() =>
        Inner.Bot.QueryAsync(db => db.PartyRatings.AsNoTracking().SingleAsync(r => r.CollectiveId == Leadership));

    /// <summary>
    /// A collective's Form 01 figures as a card's inputs; by default every condition of HTXS met: 10 tasks planned, all
    /// done on time, 3 exceeded (30 %), both shortcomings of the previous review remedied.
    /// </summary>
    public static (string Id, string Value)[] Form01(int planned = 10, int done = 10, int onTime = 10, int exceeded = 3, int pointed = 2, int remedied = 2) =>
    [
        ("party.tasksPlanned", Invariant(planned)), ("party.tasksDone", Invariant(done)), ("party.tasksOnTime", Invariant(onTime)),
        ("party.tasksExceeded", Invariant(exceeded)), ("party.shortcomingsPointed", Invariant(pointed)), ("party.shortcomingsRemedied", Invariant(remedied)),
    ];

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Presses a Party card button as <paramref name="user"/> with the form's values.</summary>
    public Task<JsonObject> PressAsync(string verb, long rating, string user, params (string Id, string Value)[] form)
    {
        var data = new JsonObject { ["rating"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (id, value) in form) data[id] = value;
        return Inner.InvokeAsync(verb, data, user);
    }

    /// <summary>A report of <paramref name="person"/> for <paramref name="period"/> submitted and waiting for the leader: one product fully delivered.</summary>
    public Task<long> SubmittedReportAsync(string person, string period) => Inner.Bot.QueryAsync(async db =>
    {
        var who = await db.People.SingleAsync(p => p.Id == Ids[person]);
        ClassificationHost.Report(db, who, period, 24);
        await db.SaveChangesAsync();
        var report = await db.CheckInReports.SingleAsync(r => r.PersonId == who.Id && r.Period == period);
        (report.Status, report.ConfirmedGeneralJson, report.Score) = (CheckInStatus.Submitted, null, null);
        await db.SaveChangesAsync();
        return report.Id;
    });

    /// <summary>The leader <paramref name="leader"/> confirms the report on the review card, with 8 points for each general criterion.</summary>
    public Task<JsonObject> ConfirmAsync(long report, string leader) => Inner.InvokeAsync("checkin.confirm", new JsonObject
    {
        ["reportId"] = report.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["general.politics"] = "8", ["general.competence"] = "8", ["general.innovation"] = "8",
    }, leader);

    public async Task<JsonObject> AdminPostAsync(string path, object body)
    {
        var response = await Inner.Admin.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Says <paramref name="command"/> as <paramref name="user"/> and returns the reply queued for it, unescaped.</summary>
    public async Task<string> AskAsync(string user, string command, string? locale = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await Inner.Client.PostAsJsonAsync("/api/messages", Activities.Message(Inner.Teams.ServiceUrl, command, userAad: user, id: id, locale: locale));
        response.EnsureSuccessStatusCode();
        var reply = await Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).SingleAsync());
        return System.Text.RegularExpressions.Regex.Unescape(reply);
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
