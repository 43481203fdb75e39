using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CsCheck;
using EvalBot.Features.CheckIns;
using EvalBot.Features.PeerFeedback;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>
/// Every view of peer feedback (the feedback card, the summary, the dossier) is computed for its viewer by one rule: the
/// viewer's own answers never count toward k. A leader who answered about someone cannot subtract their own answer from
/// that person's summary.
/// </summary>
public sealed class FeedbackViewerRuleTests
{
    [Theory]
    [InlineData("tóm tắt Nhân viên 1")]
    [InlineData("hồ sơ Nhân viên 1")]
    public async Task A_viewer_who_answered_does_not_count_toward_k_in_summaries_and_dossiers(string command)
    {
        await using var host = await FeedbackHost.StartAsync();
        var board = await AddBoardMemberAsync(host);
        // Three answers about Nhân viên 1 in a closed period: the head's own and two colleagues'.
        await AnswersAsync(host, host.Staff[0], host.Head, host.Staff[1], host.Staff[2]);

        var head = await ReplyAsync(host, command, "aad-head");
        var other = await ReplyAsync(host, command, board);

        Assert.Contains("Nhân viên 1", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Số ý kiến", head, StringComparison.Ordinal);
        Assert.Contains("Số ý kiến: 3", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_shows_a_viewer_exactly_what_the_feedback_card_shows_them()
    {
        await using var host = await FeedbackHost.StartAsync(new Dictionary<string, string?> { ["PeerFeedback:MinAnswers"] = "2" });
        var board = await AddBoardMemberAsync(host);
        await AnswersAsync(host, host.Staff[0], host.Head, host.Staff[1], host.Staff[2]);

        // With k = 2 the head sees the cell (two answers besides theirs), so both views show the three answers; the board
        // member too. Nobody sees a view that a single answer could change.
        foreach (var user in new[] { "aad-head", board })
        {
            var summary = await ReplyAsync(host, "tóm tắt Nhân viên 1", user);
            var card = (await host.InvokeAsync("feedback.view", new System.Text.Json.Nodes.JsonObject { ["personId"] = host.Staff[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["scope"] = FeedbackHost.Period[..4] }, user)).ToJsonString();
            Assert.Contains("Số ý kiến: 3", summary, StringComparison.Ordinal);
            Assert.Contains("Số câu trả lời: 3", Regex.Unescape(card), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Property: over random answers and viewers, a released cell always holds at least k answers from people other
    /// than the viewer, a criterion mean at least k ratings from others, and a reviewer's view never differs from an
    /// outsider's view of the same cells by a single answer.
    /// </summary>
    [Fact]
    public void No_view_is_released_on_fewer_than_k_answers_of_others()
    {
        var criteria = new[] { new GeneralCriterion { Id = "politics", NameVi = "Chính trị", NameEn = "Politics" } };
        var gen = Gen.Select(Gen.Int[2, 4], Gen.Select(Gen.Int[1, 4], Gen.Int[1, 8], Gen.Int[0, 5], Gen.Bool).Array[0, 40], Gen.Int[1, 8]);
        gen.Sample((k, raw, viewer) =>
        {
            var answers = raw
                .Select((a, i) => new FeedbackRequest
                {
                    Id = i + 1, SubjectPersonId = a.Item1, ReviewerPersonId = a.Item2, Period = a.Item4 ? "2026-Q1" : "2026-Q2", Relation = "peer",
                    Status = FeedbackStatus.Answered, RatingsJson = a.Item3 == 0 ? "{}" : $"{{\"politics\":{a.Item3}}}",
                })
                .Where(a => a.SubjectPersonId != a.ReviewerPersonId)
                .DistinctBy(a => (a.SubjectPersonId, a.ReviewerPersonId, a.Period))
                .ToList();
            var cells = FeedbackCells.Released(answers, viewer, k);
            foreach (var cell in cells)
            {
                Assert.True(cell.Answers.Count(a => a.ReviewerPersonId != viewer) >= k);
            }

            var mean = FeedbackCells.Criteria(cells, criteria, viewer, k).Single();
            var others = cells.Sum(c => c.Answers.Count(a => a.ReviewerPersonId != viewer && a.RatingsJson != "{}"));
            Assert.True(mean.Ratings == 0 || others >= k, $"a mean of {mean.Ratings} ratings with {others} from others");

            // An outsider (id 0 never reviews) and the viewer: any cell the viewer sees, the outsider sees too, and a cell
            // the outsider sees but the viewer does not is one the viewer answered in and would otherwise hold < k others.
            var outsider = FeedbackCells.Released(answers, 0, k);
            Assert.All(cells, c => Assert.Contains(outsider, o => o.SubjectId == c.SubjectId && o.Period == c.Period));
            Assert.All(outsider.Where(o => !cells.Any(c => c.SubjectId == o.SubjectId && c.Period == o.Period)),
                o => Assert.Contains(o.Answers, a => a.ReviewerPersonId == viewer));
        });
    }

    private static async Task<string> AddBoardMemberAsync(FeedbackHost host)
    {
        await host.Bot.QueryAsync(async db =>
        {
            var unit = await db.Units.SingleAsync();
            db.People.Add(new Person { ExternalId = "P-BOARD", FullName = "Ban Tổ Chức", AadObjectId = "aad-board", UnitId = unit.Id, IsOrganisationBoard = true });
            return await db.SaveChangesAsync();
        });
        return "aad-board";
    }

    /// <summary>Answered requests about <paramref name="subject"/> in the host's period, then the period closed.</summary>
    private static async Task AnswersAsync(FeedbackHost host, Person subject, params Person[] reviewers)
    {
        await host.Bot.QueryAsync(async db =>
        {
            foreach (var reviewer in reviewers)
            {
                db.Set<FeedbackRequest>().Add(new FeedbackRequest
                {
                    Period = FeedbackHost.Period, SubjectPersonId = subject.Id, ReviewerPersonId = reviewer.Id, Relation = "peer",
                    Status = FeedbackStatus.Answered, RatingsJson = "{\"politics\":4,\"competence\":5}",
                });
            }

            return await db.SaveChangesAsync();
        });
        await host.CloseAsync();
    }

    private static async Task<string> ReplyAsync(FeedbackHost host, string text, string user)
    {
        var id = Guid.NewGuid().ToString("N");
        (await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(host.Teams.ServiceUrl, text, userAad: user, id: id))).EnsureSuccessStatusCode();
        var rows = await host.Bot.QueryAsync(db => db.Outbox.Where(o => o.ReplyToId == id).Select(o => o.ActivityJson).ToListAsync());
        return Regex.Unescape(string.Concat(rows));
    }
}
