namespace EvalBot.Domain.RuleSets;

/// <summary>The two parallel ratings of one person: the state rating feeds the Party rating (Decree 90 Art. 2.4, Reg. 366 Art. 3.4).</summary>
public enum Track
{
    /// <summary>State rating: ND335 or ND90_48 (or a local overlay of them).</summary>
    State = 0,

    /// <summary>Party rating: QD366.</summary>
    Party = 1,
}
