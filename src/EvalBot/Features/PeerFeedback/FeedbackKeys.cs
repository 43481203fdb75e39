using System.Globalization;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Outbox kinds and dedupe keys: a round's card and its reminder once per reviewer and period; a request announced on
/// its own (a replacement reviewer; before requests were grouped, every request) once per reviewer, subject and period.
/// </summary>
public static class FeedbackKeys
{
    public const string RequestKind = "feedback.request";
    public const string ReminderKind = "feedback.reminder";
    public const string FlaggedKind = "feedback.flagged";
    public const string AuditEntity = "feedback_round";

    public static string Round(string period, long reviewerId) => RoundPrefix(period) + Number(reviewerId);

    public static string RoundReminder(string period, long reviewerId) => RoundReminderPrefix(period) + Number(reviewerId);

    public static string RoundPrefix(string period) => $"feedback.round:{period}:";

    public static string RoundReminderPrefix(string period) => $"feedback.round-reminder:{period}:";

    public static string Request(string period, long reviewerId, long subjectId) => Invariant($"feedback.request:{period}:{reviewerId}:{subjectId}");

    public static string Reminder(string period, long reviewerId, long subjectId) => Invariant($"feedback.reminder:{period}:{reviewerId}:{subjectId}");

    public static string RequestPrefix(string period) => $"feedback.request:{period}:";

    public static string ReminderPrefix(string period) => $"feedback.reminder:{period}:";

    public static string Flagged(long requestId) => Invariant($"feedback.flagged:{requestId}");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
