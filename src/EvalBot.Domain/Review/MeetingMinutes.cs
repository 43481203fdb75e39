namespace EvalBot.Domain.Review;

/// <summary>One entry of the minutes: a comment made at the meeting, or an addendum written after the approval.</summary>
/// <param name="AuthorId">Who said it (the person id of the activity's sender).</param>
/// <param name="SubjectId">The person under review it is about.</param>
/// <param name="Text">What was said.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="IsAddendum">Written after the minutes were approved.</param>
public sealed record MinuteEntry(long AuthorId, long SubjectId, string Text, DateTimeOffset At, bool IsAddendum = false);

/// <summary>
/// Rule 24: the minutes of a unit's comment meeting. Every comment is kept with its author and text; the chair approves the
/// minutes once, at the meeting; after that no comment is edited or removed and new text is only an addendum.
/// </summary>
/// <param name="ChairId">The chair (the unit's head), the only one who approves.</param>
/// <param name="Entries">The comments and addenda so far, in order.</param>
/// <param name="ApprovedAt">When the minutes were approved at the meeting; null while the meeting goes on.</param>
public sealed record MeetingMinutes(long ChairId, IReadOnlyList<MinuteEntry> Entries, DateTimeOffset? ApprovedAt = null)
{
    /// <summary>True once the minutes are approved.</summary>
    public bool IsApproved => ApprovedAt is not null;

    /// <summary>Records a comment made at the meeting; refused once the minutes are approved (an addendum then).</summary>
    public (MeetingMinutes Minutes, ReviewRefusal? Refusal) Comment(long authorId, long subjectId, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text)) return (this, Empty);
        if (IsApproved) return (this, Approved);
        return (this with { Entries = [.. Entries, new MinuteEntry(authorId, subjectId, text.Trim(), at)] }, null);
    }

    /// <summary>Changes a comment's text; refused once the minutes are approved, and for anybody but its author.</summary>
    public (MeetingMinutes Minutes, ReviewRefusal? Refusal) Edit(int index, long authorId, string text)
    {
        if (IsApproved) return (this, Approved);
        if (index < 0 || index >= Entries.Count || Entries[index].AuthorId != authorId || string.IsNullOrWhiteSpace(text)) return (this, NotYours);
        var entries = Entries.ToList();
        entries[index] = entries[index] with { Text = text.Trim() };
        return (this with { Entries = entries }, null);
    }

    /// <summary>Removes a comment; refused once the minutes are approved, and for anybody but its author.</summary>
    public (MeetingMinutes Minutes, ReviewRefusal? Refusal) Remove(int index, long authorId)
    {
        if (IsApproved) return (this, Approved);
        if (index < 0 || index >= Entries.Count || Entries[index].AuthorId != authorId) return (this, NotYours);
        var entries = Entries.ToList();
        entries.RemoveAt(index);
        return (this with { Entries = entries }, null);
    }

    /// <summary>Approves the minutes at the meeting: only the chair, only once.</summary>
    public (MeetingMinutes Minutes, ReviewRefusal? Refusal) Approve(long byId, DateTimeOffset at)
    {
        if (byId != ChairId) return (this, NotChair);
        if (IsApproved) return (this, Approved);
        return (this with { ApprovedAt = at }, null);
    }

    /// <summary>Adds an addendum after the approval; before it, a comment is the way.</summary>
    public (MeetingMinutes Minutes, ReviewRefusal? Refusal) Addendum(long authorId, long subjectId, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text)) return (this, Empty);
        if (!IsApproved) return (this, NotYetApproved);
        return (this with { Entries = [.. Entries, new MinuteEntry(authorId, subjectId, text.Trim(), at, IsAddendum: true)] }, null);
    }

    private static readonly ReviewRefusal Approved = new("R24", "Biên bản đã được thông qua tại cuộc họp; không sửa, xóa ý kiến được nữa, chỉ ghi bổ sung.",
        "The minutes were approved at the meeting; comments can no longer be edited or removed, only addenda added.");

    private static readonly ReviewRefusal NotYetApproved = new("R24", "Biên bản chưa được thông qua; ghi ý kiến tại cuộc họp, phần bổ sung chỉ có sau khi thông qua.",
        "The minutes are not approved yet; comment at the meeting, addenda come only after the approval.");

    private static readonly ReviewRefusal NotChair = new("R24", "Chỉ người chủ trì cuộc họp thông qua biên bản.", "Only the chair of the meeting approves the minutes.");

    private static readonly ReviewRefusal NotYours = new("R24", "Chỉ người nêu ý kiến được sửa ý kiến của mình, trước khi biên bản được thông qua.",
        "Only its author may change a comment, before the minutes are approved.");

    private static readonly ReviewRefusal Empty = new("R24", "Ý kiến trống; hãy nhập nội dung.", "The comment is empty; write something.");
}
