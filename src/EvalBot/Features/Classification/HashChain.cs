using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The tamper-evidence of decided classifications: each decided row's hash is SHA-256 over a canonical JSON of the row
/// (fixed field order, invariant numbers, instants as Unix milliseconds) followed by the previous decided row's hash.
/// Changing any field of any decided row, or removing one, breaks the chain from that row on.
/// </summary>
public sealed class HashChain(EvalBotDbContext db)
{
    /// <summary>Links the row to the end of the chain. Its ChainSeq is unique, so a concurrent decision fails instead of forking.</summary>
    public async Task SealAsync(ClassificationRecord row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var pending = db.ChangeTracker.Entries<ClassificationRecord>().Select(e => e.Entity).Where(r => r.ChainSeq is not null && r != row).ToList();
        var stored = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.ChainSeq != null).OrderByDescending(r => r.ChainSeq).FirstOrDefaultAsync(ct);
        var last = pending.Append(stored).OfType<ClassificationRecord>().MaxBy(r => r.ChainSeq);
        row.ChainSeq = (last?.ChainSeq ?? 0) + 1;
        row.PreviousHash = last?.Hash ?? "";
        row.Hash = Compute(row, row.PreviousHash);
    }

    public static string Compute(ClassificationRecord row, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(row);
        var canonical = Canonical(row);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(canonical + "\n" + previousHash));
        return Convert.ToHexStringLower(bytes);
    }

    public static string Canonical(ClassificationRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("id", row.Id);
            w.WriteNumber("personId", row.PersonId);
            w.WriteNumber("year", row.Year);
            w.WriteNumber("version", row.Version);
            w.WriteString("supersedesId", row.SupersedesId?.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("chainSeq", row.ChainSeq ?? 0);
            w.WriteString("outcome", row.Outcome.ToString());
            w.WriteString("level", row.Level?.ToString(CultureInfo.InvariantCulture));
            w.WriteString("compiledLevel", row.CompiledLevel?.ToString(CultureInfo.InvariantCulture));
            w.WriteString("score", row.Score?.ToString("0.00", CultureInfo.InvariantCulture));
            w.WriteString("ruleSet", row.RuleSetId + " v" + row.RuleSetVersion);
            w.WriteString("explanation", row.ExplanationJson);
            w.WriteString("reason", row.Reason);
            w.WriteNumber("unitId", row.UnitId);
            w.WriteNumber("decidedAt", row.DecidedAt?.ToUnixTimeMilliseconds() ?? 0);
            w.WriteString("decidedBy", row.DecidedBy);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Recomputes the whole chain (a year's rows depend on every earlier one) and reports the first broken link.</summary>
    public async Task<ChainVerification> VerifyAsync(int? year, CancellationToken ct)
    {
        var rows = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.ChainSeq != null).OrderBy(r => r.ChainSeq).ToListAsync(ct);
        var previous = "";
        long expectedSeq = 1;
        var checkedRows = 0;
        var yearRows = rows.Count(r => year is null || r.Year == year);
        foreach (var row in rows)
        {
            var problem = row.ChainSeq != expectedSeq ? "a decided row is missing before this one"
                : row.PreviousHash != previous ? "the link to the previous row does not match"
                : row.Hash != Compute(row, previous) ? "the row's content does not match its hash"
                : null;
            if (problem is not null) return new ChainVerification(false, rows.Count, yearRows, checkedRows, row.Id, row.Year, problem);
            previous = row.Hash ?? "";
            expectedSeq++;
            checkedRows++;
        }

        return new ChainVerification(true, rows.Count, yearRows, checkedRows, null, null, null);
    }
}

/// <summary>The answer of <c>GET /admin/years/{year}/verify</c>.</summary>
public sealed record ChainVerification(bool Valid, int Rows, int RowsOfYear, int Verified, long? BrokenAtId, int? BrokenAtYear, string? Problem);
