using System.Globalization;

namespace EvalBot.Features.PeerFeedback;

/// <summary>Outbox kinds and dedupe keys: one request and one reminder per reviewer, subject and period, ever.</summary>
public static class FeedbackKeys
{
    public const string RequestKind = "feedback.request";
    public const string ReminderKind = "feedback.reminder";
    public const string FlaggedKind = "feedback.flagged";
    public const string AuditEntity = "feedback_round";

    public static string Request(string period, long reviewerId, long subjectId) => Invariant($"feedback.request:{period}:{reviewerId}:{subjectId}");

    public static string Reminder(string period, long reviewerId, long subjectId) => Invariant($"feedback.reminder:{period}:{reviewerId}:{subjectId}");

    public static string Flagged(long requestId) => Invariant($"feedback.flagged:{requestId}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
