using EvalBot.Domain;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public sealed class PartyCommendationsTests
{
    /// <summary>Levels from 2022 to 2026, written as codes; "-" is a year without a decided level.</summary>
    [Theory]
    [InlineData("HTXS HTXS HTXS HTXS HTXS", "CertificateOfMerit HigherAward")]
    [InlineData("HTT HTXS HTXS HTXS HTXS", "CertificateOfMerit")]
    [InlineData("HTXS HTXS - HTXS HTXS", "CertificateOfMerit")]
    [InlineData("HTXS HTXS HTXS HTXS HTT", "")]
    [InlineData("HTXS HTXS HTXS HTXS -", "")]
    [InlineData("- - - - HTXS", "CertificateOfMerit")]
    public void Rule41_HTXS_flags_the_certificate_of_merit_and_five_consecutive_HTXS_years_a_higher_award(string levels, string expected)
    {
        var decided = levels.Split(' ').Select((code, i) => (Year: 2022 + i, Code: code)).Where(x => x.Code != "-")
            .ToDictionary(x => x.Year, x => x.Code == "HTXS" ? Level.Excellent : Level.Good);

        var flags = PartyCommendations.Flags(2026, decided);

        Assert.Equal(expected, string.Join(' ', flags.Select(f => f.Kind)));
        Assert.All(flags, f => Assert.Equal(2026, f.ToYear));
    }

    [Fact]
    public void Rule41_the_run_for_a_higher_award_is_configurable_and_named_with_its_years()
    {
        var decided = new Dictionary<int, Level> { [2024] = Level.Excellent, [2025] = Level.Excellent, [2026] = Level.Excellent };

        var flag = PartyCommendations.Flags(2026, decided, consecutiveYears: 3).Single(f => f.Kind == PartyCommendation.HigherAward);

        Assert.Equal((2024, 2026), (flag.FromYear, flag.ToYear));
        Assert.Contains("3 năm liên tục hoàn thành xuất sắc nhiệm vụ (2024–2026)", flag.TextVi, StringComparison.Ordinal);
        Assert.Contains("3 consecutive years", flag.TextEn, StringComparison.Ordinal);
    }
}
