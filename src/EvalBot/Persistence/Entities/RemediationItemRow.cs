using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalBot.Persistence.Entities;

/// <summary>A shortcoming to remedy (hạn chế, khuyết điểm), with an owner and a due date; open items block HTXS.</summary>
public sealed class RemediationItemRow
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public required string Text { get; set; }
    public long OwnerPersonId { get; set; }
    public DateOnly DueDate { get; set; }
    public RemediationItemStatus Status { get; set; } = RemediationItemStatus.Open;
    public int ProgressPercent { get; set; }
    public required string RaisedInPeriod { get; set; }
    public long CreatedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Where a shortcoming stands. Written everywhere (database, JSON, the check-in card's choices) as the text of
/// <see cref="RemediationItemStatuses.Text"/>: <c>open</c>, <c>in_progress</c>, <c>remedied</c>, <c>not_remedied</c>.
/// </summary>
[JsonConverter(typeof(RemediationItemStatusJsonConverter))]
public enum RemediationItemStatus
{
    /// <summary>Raised at a review; the person has not reported on it yet.</summary>
    Open = 0,
    InProgress = 1,
    Remedied = 2,
    NotRemedied = 3,
}

/// <summary>The one place a remediation status becomes text and back, and how an open item reads.</summary>
public static class RemediationItemStatuses
{
    public static string Text(this RemediationItemStatus status) => status switch
    {
        RemediationItemStatus.Open => "open",
        RemediationItemStatus.InProgress => "in_progress",
        RemediationItemStatus.Remedied => "remedied",
        RemediationItemStatus.NotRemedied => "not_remedied",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out RemediationItemStatus status)
    {
        foreach (var candidate in Enum.GetValues<RemediationItemStatus>())
        {
            if (candidate.Text() == text)
            {
                status = candidate;
                return true;
            }
        }

        status = RemediationItemStatus.Open;
        return false;
    }

    /// <summary>
    /// A status the person may report on the check-in card: any but <see cref="RemediationItemStatus.Open"/>, which
    /// only a review sets.
    /// </summary>
    public static bool TryParseReported(string? text, out RemediationItemStatus status) =>
        TryParse(text, out status) && status != RemediationItemStatus.Open;

    /// <summary>
    /// The stored text as read from the database. Only the four texts are ever written; anything else reads as
    /// <see cref="RemediationItemStatus.Open"/>, as it always has (not remedied for the rules, open in summaries).
    /// </summary>
    public static RemediationItemStatus FromStored(string text) => TryParse(text, out var status) ? status : RemediationItemStatus.Open;

    /// <summary>
    /// The status as reported: an item nobody has reported on yet (<see cref="RemediationItemStatus.Open"/>) counts as
    /// not remedied, which is what the check-in card preselects and what the classification rules see.
    /// </summary>
    public static RemediationItemStatus AsReported(this RemediationItemStatus status) =>
        status == RemediationItemStatus.Open ? RemediationItemStatus.NotRemedied : status;
}

/// <summary>Writes and reads a <see cref="RemediationItemStatus"/> as its stored text, so JSON and the database agree.</summary>
public sealed class RemediationItemStatusJsonConverter : JsonConverter<RemediationItemStatus>
{
    public override RemediationItemStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RemediationItemStatuses.TryParse(reader.GetString(), out var status) ? status : throw new JsonException("Not a remediation status.");

    public override void Write(Utf8JsonWriter writer, RemediationItemStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text());
    }
}
