namespace EvalBot.Cards;

/// <summary>Options section <c>Cards</c>.</summary>
public sealed record CardsOptions
{
    public const string SectionName = "Cards";

    /// <summary>The folder holding <c>*.json</c> templates and <c>strings/</c>; relative paths are under the app folder. Default: <c>cards</c>.</summary>
    public string TemplatesPath { get; init; } = "cards";

    /// <summary>
    /// People listed per page on cards that list people (the decision card, the classification list, the unit summary's
    /// lists). Teams refuses messages over about 100 KB; the default keeps the largest card near 30 KB.
    /// </summary>
    public int PageSize { get; init; } = 25;
}
