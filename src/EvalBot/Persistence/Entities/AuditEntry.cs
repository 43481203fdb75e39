namespace EvalBot.Persistence.Entities;

/// <summary>
/// An append-only record of a change to a score, report, deduction, exemption or level: who, when, what.
/// The application only ever inserts these rows.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The actor: a person's Entra object id, <c>admin</c> for the admin API, or <c>system</c> for jobs.</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string DataJson { get; set; } = "{}";
}
