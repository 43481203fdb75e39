namespace EvalBot.Operations;

/// <summary><c>Retention</c>: how long personal working data is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Reports and their lines, peer feedback, remediation items, outbox rows, processed-activity marks and dialog
    /// states older than this many years are purged. Decided classifications and the audit log are kept.
    /// </summary>
    public int Years { get; set; } = 10;
}
