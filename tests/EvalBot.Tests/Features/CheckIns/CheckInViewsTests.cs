using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Features.CheckIns;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>
/// One view per turn: the criteria, the general points and the period score of a report worked out once, from what the
/// turn holds, and the same figures whichever card renders them.
/// </summary>
public sealed class CheckInViewsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly CheckInScoring Scoring = new(RuleSetCatalog.Defaults, Options.Create(new CheckInOptions()));
    private readonly CheckInViews _views = new(Scoring);

    [Fact]
    public void A_stored_report_is_viewed_with_its_criteria_points_and_score()
    {
        var context = Context(Report("""{"competence":9,"innovation":8,"politics":9}"""));

        var view = _views.Of(context, Now);

        Assert.Equal(["politics", "competence", "innovation"], view.Criteria.Select(c => c.Criterion.Id));
        Assert.Equal(Scoring.Criteria(context.RuleSet!), view.Criteria);
        Assert.Equal(9m, view.ReportedGeneral["politics"]);
        Assert.Same(view.ReportedGeneral, view.CountedGeneral);
        Assert.NotNull(view.Score);
        Assert.Equal(26m, view.Score.GeneralPoints);
        Assert.Equal(Bands.LevelFor(view.Score.Total, context.RuleSet!), view.Level);
    }

    [Fact]
    public void Rule06_a_period_with_no_countable_product_shows_no_provisional_level_instead_of_a_0_percent_one()
    {
        var view = _views.Of(Context(Report("""{"competence":9,"innovation":8,"politics":9}""")), Now);

        var uncounted = view with { Score = view.Score! with { Counted = false } };

        Assert.NotNull(view.Level);
        Assert.Null(uncounted.Level);
    }

    [Fact]
    public void Points_confirmed_by_the_leader_count_and_the_persons_own_stay_shown()
    {
        var report = Report("""{"competence":9,"innovation":8,"politics":9}""");
        report.ConfirmedGeneralJson = """{"competence":7,"innovation":8,"politics":9}""";

        var view = _views.Of(Context(report), Now);

        Assert.Equal(9m, view.ReportedGeneral["competence"]);
        Assert.Equal(7m, view.CountedGeneral["competence"]);
        Assert.Equal(24m, view.Score!.GeneralPoints);
    }

    [Fact]
    public void Points_the_turn_has_just_stored_are_taken_as_given_and_not_read_back()
    {
        // Not JSON at all: reading the stored points back would throw.
        var context = Context(Report(generalJson: "not read"));
        var criteria = _views.Criteria(context);
        var reported = new Dictionary<string, decimal> { ["politics"] = 10, ["competence"] = 10, ["innovation"] = 10 };

        var view = _views.Of(context, Now, criteria, reported: reported);

        Assert.Same(criteria, view.Criteria);
        Assert.Same(reported, view.ReportedGeneral);
        Assert.Same(reported, view.CountedGeneral);
        Assert.Equal(30m, view.Score!.GeneralPoints);
    }

    [Fact]
    public void Confirmed_points_the_turn_has_just_stored_count_over_the_reported_ones()
    {
        var context = Context(Report("""{"competence":9,"innovation":8,"politics":9}"""));
        var counted = new Dictionary<string, decimal> { ["politics"] = 5, ["competence"] = 5, ["innovation"] = 5 };

        var view = _views.Of(context, Now, _views.Criteria(context), counted: counted);

        Assert.Equal(9m, view.ReportedGeneral["politics"]);
        Assert.Same(counted, view.CountedGeneral);
        Assert.Equal(15m, view.Score!.GeneralPoints);
    }

    [Fact]
    public void Points_above_a_criterions_maximum_count_as_its_maximum()
    {
        var view = _views.Of(Context(Report("""{"competence":50,"innovation":0,"politics":0}""")), Now);

        Assert.Equal(view.Criteria.Single(c => c.Criterion.Id == "competence").Max, view.Score!.GeneralPoints);
    }

    [Fact]
    public void Without_a_report_there_are_criteria_but_no_points_and_no_score()
    {
        var view = _views.Of(Context(report: null), Now);

        Assert.NotEmpty(view.Criteria);
        Assert.Empty(view.ReportedGeneral);
        Assert.Null(view.Score);
        Assert.Null(view.Level);
    }

    [Fact]
    public void Without_a_rule_set_there_are_no_criteria_and_no_score()
    {
        var context = Context(Report("""{"politics":9}""")) with { RuleSet = null };

        var view = _views.Of(context, Now);

        Assert.Empty(view.Criteria);
        Assert.Equal(9m, view.ReportedGeneral["politics"]);
        Assert.Null(view.Score);
        Assert.Null(view.Level);
    }

    [Fact]
    public void The_products_reported_are_scored_and_those_not_yet_reported_count_as_nothing_done()
    {
        var done = _views.Of(Context(Report("{}", done: 10)), Now);
        var none = _views.Of(Context(Report("{}", done: null)), Now);

        Assert.Equal(100m, done.Score!.QuantityPercent);
        Assert.Equal(0m, none.Score!.QuantityPercent);
    }

    [Theory]
    [InlineData(-2, false)]
    [InlineData(0, true)]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void The_view_is_open_only_while_the_campaign_is_at_the_turns_moment(int days, bool open)
    {
        var view = _views.Of(Context(report: null), Now.AddDays(days));

        Assert.Equal(open, view.IsOpen);
    }

    private static readonly Unit Unit = new() { Id = 1, ExternalId = "U1", Name = "Phòng Tổng hợp" };
    private static readonly Person Person = new() { Id = 7, ExternalId = "P-STAFF", FullName = "Nguyễn Văn A", UnitId = 1, Unit = Unit, Population = EvalBot.Domain.Records.Population.CivilServant };
    private static readonly Target Target = new()
    {
        Id = 11, ExternalId = "T1", Period = "2026-Q1", PersonId = 7, Title = "Soạn thảo văn bản", UnitOfMeasure = "văn bản", Quantity = 10,
        Deadline = new DateOnly(2026, 3, 31), QualityRequirement = "Được phê duyệt",
    };

    private static CheckInReport Report(string generalJson, decimal? done = 10)
    {
        var report = new CheckInReport { Id = 3, PersonId = 7, Period = "2026-Q1", Version = 1, Status = CheckInStatus.Submitted, GeneralJson = generalJson };
        if (done is { } d)
        {
            report.Lines.Add(new CheckInLine { TargetId = Target.Id, Done = d, QualityOk = d, OnTime = d });
        }

        return report;
    }

    private static CheckInContext Context(CheckInReport? report)
    {
        var campaign = new CheckInCampaign { Period = "2026-Q1", OpenedAt = Now.AddDays(-1), ClosesAt = Now.AddDays(14), OpenedBy = "test" };
        return new CheckInContext(Person, Unit, "2026-Q1", campaign, Scoring.RuleSetFor(Person, 2026), [Target], report, [], TimeZoneInfo.Utc);
    }
}
