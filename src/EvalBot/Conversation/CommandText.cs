using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalBot.Conversation;

/// <summary>
/// Turns what a user typed into a command keyword and its argument. Mentions of the bot are removed, and keywords
/// match with or without Vietnamese diacritics ("tro giup" = "trợ giúp"), in any case.
/// </summary>
public static partial class CommandText
{
    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();

    /// <summary>The text without bot mentions, trimmed, with runs of spaces collapsed, in Unicode NFC.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var noMentions = Mention().Replace(text.Normalize(NormalizationForm.FormC), " ");
        return Spaces().Replace(noMentions, " ").Trim();
    }

    /// <summary>A comparison key: lower case, no diacritics, đ as d.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Keywords are few and fixed (the features' own), so each is folded once for the process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedKeywords = new(StringComparer.Ordinal);

    private const int MaxFoldedKeywords = 1024;

    private static string FoldedKeyword(string keyword)
    {
        if (FoldedKeywords.TryGetValue(keyword, out var folded))
        {
            return folded;
        }

        folded = Fold(keyword);
        if (FoldedKeywords.Count < MaxFoldedKeywords)
        {
            FoldedKeywords.TryAdd(keyword, folded);
        }

        return folded;
    }

    /// <summary>
    /// Finds the longest keyword the cleaned text starts with (as whole words) and returns the rest as the argument.
    /// </summary>
    public static (string Keyword, string Argument)? Match(string cleaned, IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        var folded = Fold(cleaned);
        foreach (var keyword in keywords.OrderByDescending(k => k.Length))
        {
            var key = FoldedKeyword(keyword);
            if (folded == key)
            {
                return (keyword, "");
            }

            if (folded.StartsWith(key + " ", StringComparison.Ordinal))
            {
                // Folding keeps the length of Vietnamese text (one base letter per letter), so the argument is cut from the original.
                return (keyword, cleaned[Math.Min(cleaned.Length, key.Length)..].Trim());
            }
        }

        return null;
    }
}
