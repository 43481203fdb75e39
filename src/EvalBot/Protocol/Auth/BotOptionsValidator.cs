using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// Refuses start-up with bot settings that would leave the bot open or unable to answer: auth off in Production,
/// an app id without a way to get outbound tokens, or metadata served over plain http off-box.
/// </summary>
public sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!options.AuthEnabled)
        {
            if (environment.IsProduction())
            {
                failures.Add("Bot:MicrosoftAppId is empty, which turns inbound authentication off. Auth may only be off in "
                    + "Development or testing; in Production set Bot:MicrosoftAppId, Bot:TenantId and Bot:MicrosoftAppPassword (or Bot:CertificatePath).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("Bot:MicrosoftAppId must be the Entra application (client) id, a GUID.");
        }

        var hasSecret = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasCertificate = !string.IsNullOrEmpty(options.CertificatePath);
        if (hasSecret == hasCertificate)
        {
            failures.Add(hasSecret
                ? "Set either Bot:MicrosoftAppPassword or Bot:CertificatePath, not both."
                : "Bot:MicrosoftAppId is set but neither Bot:MicrosoftAppPassword nor Bot:CertificatePath is: the bot could not get tokens to reply.");
        }

        if (hasCertificate && !File.Exists(options.CertificatePath))
        {
            failures.Add($"Bot:CertificatePath '{options.CertificatePath}' does not exist.");
        }

        AddIfBadAddress(failures, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        AddIfBadAddress(failures, "Bot:EntraMetadataUrl", options.EntraMetadataUrl);
        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Bot:AuthorityHost must be an absolute https URL.");
        }

        if (options.SigningKeyRefreshMinimumInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Bot:SigningKeyRefreshMinimumInterval must be at least 1 second.");
        }

        if (options.SigningKeyAutomaticRefreshInterval < TimeSpan.FromMinutes(5))
        {
            failures.Add("Bot:SigningKeyAutomaticRefreshInterval must be at least 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfBadAddress(List<string> failures, string key, string value)
    {
        if (!LoopbackUrl.IsAcceptableMetadataAddress(value))
        {
            failures.Add($"{key} must be an absolute https URL (http is allowed only on loopback).");
        }
    }
}
