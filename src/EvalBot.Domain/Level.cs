namespace EvalBot.Domain;

/// <summary>The four annual levels, best first (HTXS, HTT, HT, KHT).</summary>
public enum Level
{
    Excellent = 0,
    Good = 1,
    Complete = 2,
    NotComplete = 3,
}
