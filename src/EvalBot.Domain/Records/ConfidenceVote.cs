namespace EvalBot.Domain.Records;

/// <summary>An imported confidence vote (lấy phiếu tín nhiệm); the counts decide validity and the QD366 ground.</summary>
/// <param name="Date">Date of the vote.</param>
/// <param name="High">Tín nhiệm cao.</param>
/// <param name="Medium">Tín nhiệm.</param>
/// <param name="Low">Tín nhiệm thấp.</param>
/// <param name="Present">Voters present.</param>
/// <param name="Convened">Voters convened.</param>
public sealed record ConfidenceVote(DateOnly Date, int High, int Medium, int Low, int Present, int Convened)
{
    /// <summary>Ballots counted.</summary>
    public int ValidBallots => High + Medium + Low;
}
