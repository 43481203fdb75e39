namespace EvalBot.Protocol;

/// <summary>Configuration section <c>Protocol</c>.</summary>
public sealed class ProtocolOptions
{
    public const string Section = "Protocol";

    /// <summary>Largest activity accepted, in bytes (Teams itself caps activities near 100 KB). Larger bodies get 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
