namespace EvalBot.Cards;

/// <summary>Options section <c>Cards</c>.</summary>
public sealed record CardsOptions
{
    public const string SectionName = "Cards";

    /// <summary>The folder holding <c>*.json</c> templates and <c>strings/</c>; relative paths are under the app folder. Default: <c>cards</c>.</summary>
    public string TemplatesPath { get; init; } = "cards";
}
