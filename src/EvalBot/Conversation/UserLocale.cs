namespace EvalBot.Conversation;

/// <summary>Vietnamese first; English only when the user's Teams locale is English.</summary>
public static class UserLocale
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static string From(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;
}
