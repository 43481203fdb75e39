namespace EvalBot.Delivery;

/// <summary>Configuration section <c>Delivery</c>: the outbox sender.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Rows claimed per round, capped at <see cref="Concurrency"/>: rows are claimed only when they can be started at
    /// once, so a crash leaves at most <see cref="Concurrency"/> rows of an instance claimed.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages in flight at once. Teams allows about 50 requests per second per app and tenant.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a claimed row stays reserved for this instance.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends of one message (each already retried inside the HTTP pipeline) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
