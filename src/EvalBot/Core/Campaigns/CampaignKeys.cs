using System.Globalization;

namespace EvalBot.Core;

/// <summary>
/// Outbox kinds and dedupe keys of campaign messages, and the audit actions that record a finished step. The keys
/// make each message unique per step, period and person, which is what makes every step safe to re-run.
/// </summary>
public static class CampaignKeys
{
    public const string AuditEntity = "checkin_campaign";
    public const string PromptKind = "checkin.prompt";

    public static string ReminderKind(int number) => Invariant($"checkin.reminder.{number}");

    public static string EscalationKind(int level) => Invariant($"checkin.escalation.{level}");

    public static string Prompt(string period, long personId) => Invariant($"checkin.prompt:{period}:{personId}");

    public static string Reminder(int number, string period, long personId) => Invariant($"checkin.reminder.{number}:{period}:{personId}");

    public static string Escalation(int level, string period, long leaderId) => Invariant($"checkin.escalation.{level}:{period}:{leaderId}");

    /// <summary>Audit action written when a step has finished, so the tick runs each step once.</summary>
    public static string StepDone(string step) => "campaign." + step;

    public static string ReminderStep(int number) => Invariant($"reminder.{number}");

    public static string EscalationStep(int level) => Invariant($"escalation.{level}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
