namespace EvalBot.Domain;

/// <summary>
/// The four annual levels of Law 80/2025 Art. 26, best first (HTXS, HTT, HT, KHT).
/// The numeric order matters: a larger value is a worse level, so caps are a simple maximum.
/// </summary>
public enum Level
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ (HTXSNV).</summary>
    Excellent = 0,

    /// <summary>Hoàn thành tốt nhiệm vụ (HTTNV).</summary>
    Good = 1,

    /// <summary>Hoàn thành nhiệm vụ (HTNV).</summary>
    Complete = 2,

    /// <summary>Không hoàn thành nhiệm vụ (KHTNV).</summary>
    NotComplete = 3,
}
