namespace EvalBot.Admin;

/// <summary>Configuration section <c>Admin</c>. Without an API key the admin API is off (every call gets 404).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string ApiKey { get; set; } = "";

    /// <summary>Largest import file accepted, in bytes.</summary>
    public int MaxImportBytes { get; set; } = 20 * 1024 * 1024;
}
