namespace EvalBot.Domain;

/// <summary>Ordering and names of <see cref="Level"/>, so every rule compares and explains levels the same way.</summary>
public static class Levels
{
    /// <summary>The worse of two levels: a cap or a forced level can only lower a result.</summary>
    public static Level Worse(Level a, Level b) => (Level)Math.Max((int)a, (int)b);

    /// <summary>True when <paramref name="level"/> is <paramref name="minimum"/> or better.</summary>
    public static bool IsAtLeast(this Level level, Level minimum) => (int)level <= (int)minimum;

    /// <summary>The short code used in the legal texts and in exports (HTXS, HTT, HT, KHT).</summary>
    public static string Code(this Level level) => level switch
    {
        Level.Excellent => "HTXS",
        Level.Good => "HTT",
        Level.Complete => "HT",
        _ => "KHT",
    };

    /// <summary>The full Vietnamese name, as written on the official list.</summary>
    public static string NameVi(this Level level) => level switch
    {
        Level.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Level.Good => "Hoàn thành tốt nhiệm vụ",
        Level.Complete => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };

    /// <summary>The English name.</summary>
    public static string NameEn(this Level level) => level switch
    {
        Level.Excellent => "Excellent (completed tasks excellently)",
        Level.Good => "Good (completed tasks well)",
        Level.Complete => "Complete (completed tasks)",
        _ => "Not complete (did not complete tasks)",
    };
}
