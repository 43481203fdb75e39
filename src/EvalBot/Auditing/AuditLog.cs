using System.Text.Json;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;

namespace EvalBot.Auditing;

/// <summary>
/// Appends audit entries in the caller's unit of work, so the entry commits with the change it describes.
/// There is no update or delete path.
/// </summary>
public sealed class AuditLog(EvalBotDbContext db, TimeProvider time)
{
    public const string SystemActor = "system";
    public const string AdminActor = "admin";

    /// <summary>
    /// Adds an entry stamped <paramref name="at"/>: the moment of the turn or job that writes it, so everything one turn
    /// writes carries the same time; the clock's when not given.
    /// </summary>
    public void Record(string actor, string action, string entityType, string entityId, object? data = null, DateTimeOffset? at = null) =>
        db.AuditLog.Add(Entry(actor, action, entityType, entityId, data, at));

    /// <summary>The entry <see cref="Record"/> adds, not added: for a caller that writes many entries in bulk (the compile).</summary>
    public AuditEntry Entry(string actor, string action, string entityType, string entityId, object? data = null, DateTimeOffset? at = null) => new()
    {
        At = at ?? time.GetUtcNow(),
        Actor = actor,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        DataJson = data is null ? "{}" : JsonSerializer.Serialize(data, ProtocolJson.Options),
    };
}
