using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EvalBot.Persistence;

/// <summary>Stores instants as Unix milliseconds (UTC) on SQLite so they sort and compare in SQL.</summary>
public sealed class DateTimeOffsetToUnixMillisConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
