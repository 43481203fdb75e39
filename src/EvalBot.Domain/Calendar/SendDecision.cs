namespace EvalBot.Domain.Calendar;

/// <summary>Whether a step's message may go out now.</summary>
public enum SendVerdict
{
    /// <summary>Send it now.</summary>
    Now = 0,

    /// <summary>Not now; <see cref="SendDecision.At"/> is the next allowed instant.</summary>
    Later = 1,

    /// <summary>No allowed instant is left before the campaign closes: drop it.</summary>
    Never = 2,
}

/// <summary>The answer to "may this go out now?", with the instant to retry when it may not.</summary>
/// <param name="Verdict">Now, later or never.</param>
/// <param name="At">The instant to send: "now" for <see cref="SendVerdict.Now"/>, the next allowed one for <see cref="SendVerdict.Later"/>, null for <see cref="SendVerdict.Never"/>.</param>
public readonly record struct SendDecision(SendVerdict Verdict, DateTimeOffset? At)
{
    /// <summary>True when the message may go out now.</summary>
    public bool SendNow => Verdict == SendVerdict.Now;

    internal static SendDecision Never => new(SendVerdict.Never, null);
}
