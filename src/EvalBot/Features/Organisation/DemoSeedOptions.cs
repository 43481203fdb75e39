namespace EvalBot.Features.Organisation;

/// <summary>
/// Configuration section <c>EvalBot</c>: <c>SeedDemo</c> seeds the demo organisation on an empty database
/// (on in appsettings.Development.json; refused in Production); <c>DemoFolder</c> overrides where its CSV files are.
/// </summary>
public sealed class DemoSeedOptions
{
    public const string Section = "EvalBot";

    public bool SeedDemo { get; set; }

    public string? DemoFolder { get; set; }
}
