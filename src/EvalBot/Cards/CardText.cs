using System.Text;
using System.Text.RegularExpressions;

namespace EvalBot.Cards;

/// <summary>
/// Neutralises untrusted text (names, comments, evidence) before it goes into a TextBlock, whose Teams markdown
/// subset would otherwise turn it into links, images, emphasis, lists, headings or <c>&lt;at&gt;</c> mentions.
/// Binding is value-based, so structure cannot be injected anyway; this is about what the text looks like.
/// </summary>
public static partial class CardText
{
    private const string Special = "\\`*_~[](){}<>#!|&";

    /// <summary>Escapes markdown punctuation with backslashes and defuses list or heading markers at line starts.</summary>
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(PlainLine));
    }

    private static string PlainLine(string line)
    {
        var builder = new StringBuilder(line.Length + 8);
        var marker = OrderedMarker().Match(line);
        var start = 0;
        if (marker.Success)
        {
            builder.Append(line, 0, marker.Groups[1].Length).Append('\\').Append(marker.Groups[2].Value);
            start = marker.Length;
        }
        else if (BulletMarker().Match(line) is { Success: true } bullet)
        {
            builder.Append(line, 0, bullet.Groups[1].Length).Append('\\').Append(bullet.Groups[2].Value);
            start = bullet.Length;
        }

        for (var i = start; i < line.Length; i++)
        {
            if (Special.Contains(line[i], StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(line[i]);
        }

        return builder.ToString();
    }

    /// <summary>"1. " or "1) " at the start of a line: the delimiter is escaped so no numbered list starts.</summary>
    [GeneratedRegex(@"^(\s*\d+)([.)])")]
    private static partial Regex OrderedMarker();

    /// <summary>"- ", "+ " or "* " at the start of a line.</summary>
    [GeneratedRegex(@"^(\s*)([-+*])(?=\s|$)")]
    private static partial Regex BulletMarker();
}
