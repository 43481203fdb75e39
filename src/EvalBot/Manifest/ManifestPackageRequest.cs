namespace EvalBot.Manifest;

/// <summary>What to put in a Teams app package. <see cref="AppId"/> null means derived from the bot id; <see cref="Domain"/> null means no validDomains.</summary>
public sealed record ManifestPackageRequest(string BotId, string OutputPath, string? AppId = null, string? Domain = null);
