namespace EvalBot.Features.Party;

/// <summary>The Party track's settings (section <c>Party</c>), each with the default of Regulation 366 and Guidance 43.</summary>
public sealed class PartyOptions
{
    public const string Section = "Party";

    /// <summary>Working days between sending a collective's draft report to the participants and its review meeting (rule 34).</summary>
    public int DraftWorkingDaysBeforeMeeting { get; set; } = 3;

    /// <summary>Whether a member's decision needs the residence party committee's comment, or a recorded reason (rule 37, QĐ366 Art. 17).</summary>
    public bool RequireResidenceComment { get; set; } = true;

    /// <summary>Consecutive HTXS years that flag a member for a higher award (rule 41, Guidance 06 §19.2).</summary>
    public int HigherAwardConsecutiveYears { get; set; } = Domain.Tracks.PartyCommendations.DefaultConsecutiveYears;
}
