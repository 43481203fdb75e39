namespace EvalBot.Persistence.Entities;

/// <summary>
/// What one export offer allows: the official list of <see cref="Year"/> for <see cref="UnitId"/> and below, to the person
/// who asked, once, before <see cref="ExpiresAt"/>. Rows are found by the SHA-256 of a random secret (a download link's
/// token, or the id carried by a file consent card's context); the secret itself is never stored. The list is built
/// again for the person at the moment of use, as they may see it then.
/// </summary>
public sealed class ExportGrant
{
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string TokenHash { get; set; }

    /// <summary>How the secret travels: <see cref="LinkPurpose"/> or <see cref="ConsentPurpose"/>.</summary>
    public required string Purpose { get; set; }

    public long PersonId { get; set; }
    public int Year { get; set; }
    public long UnitId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set once, atomically, by the first use; a grant with a value here is spent.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>A signed download link served by the bot.</summary>
    public const string LinkPurpose = "link";

    /// <summary>The context of a file consent card in the requester's personal chat.</summary>
    public const string ConsentPurpose = "consent";
}
