using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EvalBot.Persistence;

/// <summary>Stores instants as Unix milliseconds (UTC) on SQLite so they sort and compare in SQL.</summary>
public sealed class DateTimeOffsetToUnixMillisConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));

/// <summary>Stores instants in UTC on PostgreSQL (<c>timestamp with time zone</c> takes no other offset); read back in UTC.</summary>
public sealed class DateTimeOffsetToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());
