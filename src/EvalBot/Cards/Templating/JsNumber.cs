using System.Globalization;
using System.Text;

namespace EvalBot.Cards.Templating;

/// <summary>Number formatting exactly as JavaScript and the d3-format library (used by adaptive-expressions) print numbers.</summary>
internal static class JsNumber
{
    private const char MinusSign = '\u2212';

    /// <summary>JavaScript's Number.prototype.toString(): shortest round-trip digits, exponent outside 1e-7..1e21.</summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + ToString(-value);
        }

        var (digits, point) = Decompose(value);
        var k = digits.Length;
        if (k <= point && point <= 21)
        {
            return digits + new string('0', point - k);
        }

        if (point > 0 && point <= 21)
        {
            return digits[..point] + "." + digits[point..];
        }

        if (point > -6 && point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        var exponent = point - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>d3-format's <c>",.{precision}f"</c>: fixed decimals, thousands grouped by commas, U+2212 for negatives.</summary>
    public static string FormatFixedGrouped(double value, int precision)
    {
        var text = Math.Abs(value).ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? text : text[..dot];
        var builder = new StringBuilder();
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                builder.Append(',');
            }

            builder.Append(integer[i]);
        }

        var result = builder + (dot < 0 ? string.Empty : text[dot..]);
        var isNegative = value < 0 && result.Any(c => c is >= '1' and <= '9');
        return isNegative ? MinusSign + result : result;
    }

    /// <summary>Math.round(x * 10^p) / 10^p, JavaScript style (halves round up).</summary>
    public static double RoundToPrecision(double value, int precision)
    {
        var scale = Math.Pow(10, precision);
        return Math.Floor(value * scale + 0.5) / scale;
    }

    private static (string Digits, int Point) Decompose(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? mantissa : mantissa[..dot];
        var digits = integer + (dot < 0 ? string.Empty : mantissa[(dot + 1)..]);
        var point = integer.Length + exponent;
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        return (trimmed.TrimEnd('0'), point);
    }
}
