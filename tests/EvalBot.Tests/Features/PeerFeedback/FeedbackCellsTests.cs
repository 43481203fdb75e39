using System.Text.Json;
using EvalBot.Features.CheckIns;
using EvalBot.Features.PeerFeedback;
using EvalBot.Persistence.Entities;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>The anonymity rule on its own: thresholds, per-criterion thresholds, the viewer's own answers, and views built from whole cells.</summary>
public sealed class FeedbackCellsTests
{
    private const int K = 3;
    private static readonly GeneralCriterion[] Criteria = [new() { Id = "politics", NameVi = "a", NameEn = "a" }, new() { Id = "competence", NameVi = "b", NameEn = "b" }];

    private static FeedbackRequest Answer(long subject, string period, long reviewer, int? politics = 4, int? competence = 3, string? strengths = null) => new()
    {
        Period = period,
        SubjectPersonId = subject,
        ReviewerPersonId = reviewer,
        Relation = "peer",
        Status = FeedbackStatus.Answered,
        RatingsJson = JsonSerializer.Serialize(new Dictionary<string, int?> { ["politics"] = politics, ["competence"] = competence }),
        Strengths = strengths,
    };

    [Fact]
    public void K_minus_one_answers_release_nothing_and_K_answers_release_the_cell()
    {
        var two = new[] { Answer(1, "2026-Q1", 10), Answer(1, "2026-Q1", 11) };
        var three = two.Append(Answer(1, "2026-Q1", 12)).ToList();

        Assert.Empty(FeedbackCells.Released(two, viewerId: 1, K));
        Assert.Single(FeedbackCells.Released(three, viewerId: 1, K));
    }

    [Fact]
    public void Pending_skipped_and_replaced_requests_do_not_count()
    {
        var rows = new[] { Answer(1, "2026-Q1", 10), Answer(1, "2026-Q1", 11), Answer(1, "2026-Q1", 12) };
        rows[2].Status = FeedbackStatus.Skipped;

        Assert.Empty(FeedbackCells.Released(rows, 1, K));
    }

    [Fact]
    public void A_viewer_who_answered_needs_K_answers_from_others_so_they_cannot_subtract_their_own()
    {
        var rows = new[] { Answer(1, "2026-Q1", 10), Answer(1, "2026-Q1", 11), Answer(1, "2026-Q1", 12) };

        Assert.Empty(FeedbackCells.Released(rows, viewerId: 12, K));
        Assert.Single(FeedbackCells.Released(rows.Append(Answer(1, "2026-Q1", 13)), viewerId: 12, K));
    }

    [Fact]
    public void A_criterion_rated_by_fewer_than_K_is_not_shown_even_in_a_released_cell()
    {
        var rows = new[] { Answer(1, "2026-Q1", 10, competence: null), Answer(1, "2026-Q1", 11, competence: null), Answer(1, "2026-Q1", 12, competence: 1) };

        var criteria = FeedbackCells.Criteria(FeedbackCells.Released(rows, 1, K), Criteria, 1, K);

        Assert.Equal(4m, criteria.Single(c => c.CriterionId == "politics").Mean);
        Assert.Null(criteria.Single(c => c.CriterionId == "competence").Mean);
        Assert.Equal(0, criteria.Single(c => c.CriterionId == "competence").Ratings);
    }

    [Fact]
    public void A_year_never_differs_from_a_shown_period_by_one_answer_the_short_period_is_left_out_of_both()
    {
        // Q1 has 3 answers (shown); Q2 has 1 (not shown). Were the year to pool 4, year minus Q1 would be Q2's single answer.
        var rows = new[]
        {
            Answer(1, "2026-Q1", 10, 5, 5), Answer(1, "2026-Q1", 11, 5, 5), Answer(1, "2026-Q1", 12, 5, 5),
            Answer(1, "2026-Q2", 13, 1, 1),
        };

        var year = FeedbackCells.Released(rows, 1, K);

        Assert.Equal(3, year.Sum(c => c.Answers.Count));
        Assert.Equal(5m, FeedbackCells.Criteria(year, Criteria, 1, K).First().Mean);
    }

    [Fact]
    public void A_unit_never_differs_from_a_shown_person_by_one_answer()
    {
        // Person 1 has 3 answers, person 2 has 1: the unit pools person 1 only, so unit minus person 1 is empty, not one answer.
        var rows = new[] { Answer(1, "2026-Q1", 10), Answer(1, "2026-Q1", 11), Answer(1, "2026-Q1", 12), Answer(2, "2026-Q1", 10, 1, 1) };

        var unit = FeedbackCells.Released(rows, viewerId: 99, K);
        var person = FeedbackCells.Released(rows.Where(r => r.SubjectPersonId == 1), viewerId: 99, K);

        Assert.Equal(person.Sum(c => c.Answers.Count), unit.Sum(c => c.Answers.Count));
    }

    [Fact]
    public void Any_two_views_differ_by_zero_or_at_least_K_answers()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 300)
            .Select(i => Answer(random.Next(1, 8), $"2026-Q{random.Next(1, 5)}", 100 + i, random.Next(1, 6), random.Next(1, 6)))
            .ToList();
        var views = new List<int>();
        foreach (var subjects in new[] { new long[] { 1 }, [1, 2], [1, 2, 3, 4, 5, 6, 7] })
        {
            foreach (var periods in new[] { new[] { "2026-Q1" }, ["2026-Q1", "2026-Q2"], ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] })
            {
                views.Add(FeedbackCells.Released(rows.Where(r => subjects.Contains(r.SubjectPersonId) && periods.Contains(r.Period)), 99, K).Sum(c => c.Answers.Count));
            }
        }

        Assert.All(views.SelectMany(a => views.Select(b => Math.Abs(a - b))), d => Assert.True(d == 0 || d >= K, $"views differ by {d}"));
    }

    [Fact]
    public void Comments_are_ordered_by_a_keyed_hash_of_their_text_not_by_author_or_order_given()
    {
        var rows = new[] { Answer(1, "2026-Q1", 10, strengths: "c"), Answer(1, "2026-Q1", 11, strengths: "a"), Answer(1, "2026-Q1", 12, strengths: "b") };
        var reversed = rows.Reverse().Select((r, i) => { r.ReviewerPersonId = 50 + i; return r; }).ToArray();

        var one = FeedbackCells.Comments(FeedbackCells.Released(rows, 1, K), a => a.Strengths, "key");
        var two = FeedbackCells.Comments(FeedbackCells.Released(reversed, 1, K), a => a.Strengths, "key");

        Assert.Equal(one, two);
        Assert.Equal(3, one.Count);
    }
}
