using EvalBot.Domain.Review;

namespace EvalBot.Domain.Tests.Review;

public class MeetingMinutesTests
{
    private static readonly DateTimeOffset At = new(2025, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private const long Chair = 1, Member = 2, Other = 3, Subject = 4;

    private static MeetingMinutes Open() => new(Chair, []);

    private static MeetingMinutes Approved()
    {
        var (m, _) = Open().Comment(Member, Subject, "Hoàn thành tốt nhiệm vụ", At);
        return m.Approve(Chair, At.AddHours(1)).Minutes;
    }

    // action: what is tried; approved: on approved minutes; allowed: whether it is taken.
    public static TheoryData<string, bool, bool> Actions => new()
    {
        { "comment", false, true },
        { "comment", true, false },
        { "edit own", false, true },
        { "edit own", true, false },
        { "edit another's", false, false },
        { "remove own", false, true },
        { "remove own", true, false },
        { "addendum", false, false },
        { "addendum", true, true },
        { "approve by chair", false, true },
        { "approve by chair", true, false },
        { "approve by member", false, false },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Rule24_comments_keep_their_author_and_after_approval_only_addenda_are_taken(string action, bool approved, bool allowed)
    {
        var minutes = approved ? Approved() : Open().Comment(Member, Subject, "Hoàn thành tốt nhiệm vụ", At).Minutes;

        var (after, refusal) = action switch
        {
            "comment" => minutes.Comment(Other, Subject, "Cần chủ động hơn", At.AddMinutes(5)),
            "edit own" => minutes.Edit(0, Member, "Hoàn thành xuất sắc"),
            "edit another's" => minutes.Edit(0, Other, "Không hoàn thành"),
            "remove own" => minutes.Remove(0, Member),
            "addendum" => minutes.Addendum(Other, Subject, "Bổ sung: đã khắc phục", At.AddDays(1)),
            "approve by chair" => minutes.Approve(Chair, At.AddHours(2)),
            _ => minutes.Approve(Member, At.AddHours(2)),
        };

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Equal("R24", refusal!.RuleId);
            Assert.Same(minutes, after);
        }

        Assert.All(after.Entries, e => Assert.True(e.AuthorId is Member or Other));
    }

    [Fact]
    public void Rule24_an_addendum_is_marked_and_the_approved_comments_stay_as_they_were()
    {
        var approved = Approved();

        var (after, refusal) = approved.Addendum(Other, Subject, "Bổ sung", At.AddDays(1));

        Assert.Null(refusal);
        Assert.Equal(approved.Entries[0], after.Entries[0]);
        Assert.True(after.Entries[1].IsAddendum);
        Assert.Equal(Other, after.Entries[1].AuthorId);
        Assert.Equal(approved.ApprovedAt, after.ApprovedAt);
    }
}
