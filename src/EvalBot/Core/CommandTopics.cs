namespace EvalBot.Core;

/// <summary>The commands the help card explains; the topic keys are the <c>topic</c> data of <c>help.show</c>.</summary>
public static class CommandTopics
{
    public const string CheckIn = "checkin";
    public const string Feedback = "feedback";
    public const string Summary = "summary";
    public const string Unit = "unit";
    public const string Dossier = "dossier";
    public const string Classification = "classification";
    public const string Help = "help";

    public static IReadOnlyList<string> All { get; } = [CheckIn, Feedback, Summary, Unit, Dossier, Classification, Help];

    /// <summary>Typed keywords, Vietnamese first, with English aliases, per topic.</summary>
    public static IReadOnlyDictionary<string, string[]> Keywords { get; } = new Dictionary<string, string[]>
    {
        [CheckIn] = ["báo cáo", "checkin", "check-in"],
        [Feedback] = ["góp ý", "feedback"],
        [Summary] = ["tóm tắt", "summary"],
        [Unit] = ["đơn vị", "unit"],
        [Dossier] = ["hồ sơ", "dossier"],
        [Classification] = ["xếp loại", "classification"],
        [Help] = ["trợ giúp", "help", "hướng dẫn", "menu"],
    };
}
