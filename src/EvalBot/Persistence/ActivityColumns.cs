namespace EvalBot.Persistence;

/// <summary>
/// The lengths of the columns that store what an activity names: its ids, the names of its sender and of the bot, its
/// locale. The entity configurations declare these columns with them, and the turn machinery refuses an activity with
/// a longer value before anything is written (PostgreSQL would refuse the row at the commit; SQLite would keep it).
/// </summary>
public static class ActivityColumns
{
    /// <summary>An activity id: the one a reply answers, the card a card action updates.</summary>
    public const int ActivityId = 256;

    public const int ConversationId = 512;

    public const int ServiceUrl = 512;

    public const int ChannelId = 64;

    public const int ConversationType = 32;

    public const int TenantId = 128;

    /// <summary>A channel account's id: the sender's, the bot's.</summary>
    public const int AccountId = 256;

    public const int AadObjectId = 128;

    /// <summary>A channel account's display name.</summary>
    public const int AccountName = 256;

    public const int Locale = 32;

    /// <summary>An outbox message's key; a turn's reply is keyed by its kind, the turn's key and its number.</summary>
    public const int OutboxKey = 512;

    /// <summary>An outbox message's kind.</summary>
    public const int OutboxKind = 64;
}
