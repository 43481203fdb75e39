using System.Security.Cryptography;
using System.Text;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Issues and spends <see cref="ExportGrant"/>s. A secret is 32 random bytes (base64url); only its SHA-256 is stored, so
/// the table gives nobody a working link. Spending is one conditional UPDATE (unused, unexpired, the right purpose and,
/// for a consent, the same person), so two instances cannot both spend the same grant.
/// </summary>
public sealed class ExportGrants(EvalBotDbContext db)
{
    private const int SecretBytes = 32;

    /// <summary>Adds a grant to the unit of work (saved with the turn) and returns its secret.</summary>
    public string Issue(string purpose, long personId, int year, long unitId, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        db.ExportGrants.Add(new ExportGrant
        {
            TokenHash = Hash(secret), Purpose = purpose, PersonId = personId, Year = year, UnitId = unitId, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        return secret;
    }

    /// <summary>Deletes the grants that expired: nobody can use them any more.</summary>
    public Task<int> PruneAsync(DateTimeOffset now, CancellationToken ct) => db.ExportGrants.Where(g => g.ExpiresAt <= now).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Spends the grant of <paramref name="secret"/> and returns it, or null when there is none: unknown, altered, used,
    /// expired, of another purpose or (when <paramref name="personId"/> is given) issued to someone else.
    /// </summary>
    public async Task<ExportGrant?> SpendAsync(string? secret, string purpose, long? personId, DateTimeOffset now, CancellationToken ct)
    {
        if (secret is null || secret.Length != 43 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var hash = Hash(secret);
        var spent = await db.ExportGrants
            .Where(g => g.TokenHash == hash && g.Purpose == purpose && g.UsedAt == null && g.ExpiresAt > now && (personId == null || g.PersonId == personId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.UsedAt, (DateTimeOffset?)now), ct);
        return spent == 1 ? await db.ExportGrants.AsNoTracking().SingleAsync(g => g.TokenHash == hash, ct) : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
