namespace EvalBot.Features.Classification;

/// <summary>The official list sent in a personal chat (configuration section <c>Export</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>How long a download link works (it works once): 10 minutes by default.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a file consent card can be accepted (once): a day by default.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest the upload of an accepted file to Teams may take.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
