namespace EvalBot.Delivery;

/// <summary>This process's name as a lease owner of outbox rows: the sender's claims and a turn's own replies.</summary>
public sealed class OutboxInstance
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
