using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Hashes that are the same on every machine and every run (unlike <see cref="string.GetHashCode()"/>): they break
/// ties in the reviewer selection and order comments, so neither depends on insertion order or time.
/// </summary>
public static class StableHash
{
    public static ulong Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    /// <summary>A keyed hash of a text: the order of comments follows the text alone, never who wrote it or when.</summary>
    public static string Keyed(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }
}
