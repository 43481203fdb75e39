using System.Globalization;
using System.Text;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Header, sheet and vocabulary matching: "Mã đơn vị", "ma_don_vi" and "MA DON VI" are the same name, so admins
/// can keep the headers their own register exports.
/// </summary>
public static class ImportText
{
    /// <summary>Lower case, diacritics and đ removed, runs of anything else than letters and digits turned into one underscore.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                result.Append(lower);
            }
            else if (result.Length > 0 && result[^1] != '_')
            {
                result.Append('_');
            }
        }

        return result.ToString().TrimEnd('_');
    }
}
