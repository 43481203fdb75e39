namespace EvalBot.Protocol;

/// <summary>Activity type and invoke names EvalBot handles. Anything else is accepted and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";

    /// <summary>
    /// Whether EvalBot acts on activities of this type: an unusable one of these gets 400, any other is accepted and
    /// ignored (200).
    /// </summary>
    public static bool IsActedOn(string? type) => type is Message or Invoke or ConversationUpdate or InstallationUpdate;

    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The user's answer to a file consent card (personal chat only).</summary>
    public const string FileConsent = "fileConsent/invoke";
    public const string FileConsentCardContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoCardContentType = "application/vnd.microsoft.teams.card.file.info";
}
