using System.Globalization;

namespace EvalBot.Domain.Tracks;

/// <summary>What a Party member's decided levels make them eligible to be proposed for (rule 41): flags, never awards.</summary>
public enum PartyCommendation
{
    /// <summary>HTXS in the year: eligible for the certificate of merit (giấy khen).</summary>
    CertificateOfMerit = 0,

    /// <summary>HTXS in each of the consecutive years required (5 by default): eligible for a higher award.</summary>
    HigherAward = 1,
}

/// <summary>A commendation flag, with the years it rests on and its explanation in both languages.</summary>
public sealed record PartyCommendationFlag(PartyCommendation Kind, int FromYear, int ToYear, string TextVi, string TextEn);

/// <summary>
/// Rule 41 (Guidance 06 §19.2): an HTXS Party-member rating in year Y flags eligibility for the certificate of merit;
/// HTXS in the required number of consecutive years ending in Y flags the higher awards. Only decided levels count; a
/// year missing from the record breaks the run.
/// </summary>
public static class PartyCommendations
{
    /// <summary>The default number of consecutive HTXS years for a higher award.</summary>
    public const int DefaultConsecutiveYears = 5;

    /// <summary>The flags of <paramref name="year"/> from the decided level of each year.</summary>
    public static IReadOnlyList<PartyCommendationFlag> Flags(int year, IReadOnlyDictionary<int, Level> decided, int consecutiveYears = DefaultConsecutiveYears)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveYears, 2);
        if (!decided.TryGetValue(year, out var level) || level != Level.Excellent) return [];
        var y = year.ToString(CultureInfo.InvariantCulture);
        var flags = new List<PartyCommendationFlag>
        {
            new(PartyCommendation.CertificateOfMerit, year, year,
                $"Hoàn thành xuất sắc nhiệm vụ năm {y}: đủ điều kiện đề nghị tặng Giấy khen.",
                $"Excellent (HTXS) in {y}: eligible to be proposed for a certificate of merit."),
        };
        var run = 1;
        while (decided.TryGetValue(year - run, out var earlier) && earlier == Level.Excellent) run++;
        if (run >= consecutiveYears)
        {
            var from = (year - consecutiveYears + 1).ToString(CultureInfo.InvariantCulture);
            var n = consecutiveYears.ToString(CultureInfo.InvariantCulture);
            flags.Add(new(PartyCommendation.HigherAward, year - consecutiveYears + 1, year,
                $"{n} năm liên tục hoàn thành xuất sắc nhiệm vụ ({from}–{y}): đủ điều kiện đề nghị khen thưởng cấp trên.",
                $"{n} consecutive years rated Excellent ({from}–{y}): eligible to be proposed for a higher award."));
        }

        return flags;
    }
}
