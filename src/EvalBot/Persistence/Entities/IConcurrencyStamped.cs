namespace EvalBot.Persistence.Entities;

/// <summary>
/// Rows that two instances may write at once. The stamp is renewed on every save and checked by the database, so the
/// second of two concurrent writers gets a concurrency conflict (and its turn is run again) instead of silently
/// overwriting the first.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
