using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Rules;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Rules;

public sealed class RuleSetLoaderTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "rulesets");
    private readonly string _temp = Directory.CreateTempSubdirectory("rulesets-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static RuleSet HaiPhong() => RuleSetLoader.Load([Shipped]).Find("HP212_2025")!;

    [Fact]
    public void The_shipped_folder_loads_with_the_three_national_defaults_and_the_Hai_Phong_overlay()
    {
        var catalog = RuleSetLoader.Load([Shipped]);

        Assert.Equal(["HP212_2025", "ND335", "ND90_48", "QD366"], catalog.RuleSets.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_Hai_Phong_overlay_is_20_80_with_over_90_and_over_80_bands_and_inherits_the_rest_of_ND90_48()
    {
        var hp = HaiPhong();
        var nd90 = Nd90Defaults.Create();

        Assert.Equal(new ScaleSettings(true, 20m, 80m, 100m), hp.Scale);
        Assert.Equal([new Band(Level.Excellent, 90m, Comparison.Above), new Band(Level.Good, 80m, Comparison.Above), new Band(Level.Complete, 50m, Comparison.AtLeast)], hp.Bands);
        Assert.Equal("HaiPhong", hp.Jurisdiction);
        Assert.Equal(nd90.Overrides, hp.Overrides);
        Assert.Equal(nd90.TimeInYear, hp.TimeInYear);
        Assert.Equal(nd90.Leader.Complete, hp.Leader.Complete);
        Assert.Equal(nd90.TaskConditions!.Excellent, hp.TaskConditions!.Excellent);
    }

    [Theory]
    [InlineData(90.00, Level.Good)]
    [InlineData(90.01, Level.Excellent)]
    [InlineData(80.00, Level.Complete)]
    [InlineData(80.01, Level.Good)]
    [InlineData(49.99, Level.NotComplete)]
    public void The_Hai_Phong_overlay_rates_over_90_and_over_80(decimal total, Level expected)
    {
        // 20 general points at 20 % of the total, 80 task points at the same percentage: the total is exact.
        var periods = Enumerable.Range(1, 12).Select(i => new PeriodReport(
            new Period(2025, PeriodKind.Month, i, "U1"), WorkStatus.Worked,
            [new ProductReport(new AssignedProduct("sp", 100m, 1m, new DateOnly(2025, 12, 31), "đạt"), total, total, total)],
            total * 0.2m)).ToList();
        var input = new PersonYear(new Person("p1", Population.PublicEmployee, false, "viên chức", false, "U1", "G1"), 2025, new DateOnly(2025, 12, 10), 12m, periods)
        {
            Tasks = new TaskSummary(10, 10, 10, 6, 0, 0),
        };

        var result = AnnualClassifier.Classify(input, HaiPhong());

        Assert.Equal(total, result.Score);
        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void The_selector_picks_the_overlay_for_Hai_Phong_public_employees_only()
    {
        var catalog = RuleSetLoader.Load([Shipped]);

        Assert.Equal("HP212_2025", RuleSetSelector.Select(Population.PublicEmployee, 2025, false, catalog, "HaiPhong").State?.Id);
        Assert.Equal("ND335", RuleSetSelector.Select(Population.CivilServant, 2026, false, catalog, "HaiPhong").State?.Id);
        Assert.Equal("ND90_48", RuleSetSelector.Select(Population.PublicEmployee, 2025, false, catalog, "HaNoi").State?.Id);
    }

    [Theory]
    [InlineData("bad-bands.json", """{ "id": "X", "version": "1", "basedOn": "ND335", "bands": [ { "level": "Good", "threshold": 90, "comparison": "AtLeast" }, { "level": "Excellent", "threshold": 95, "comparison": "AtLeast" } ] }""", "bands must list levels best first")]
    [InlineData("bad-scale.json", """{ "id": "X", "version": "1", "basedOn": "ND335", "scale": { "generalMax": 40 } }""", "must equal totalMax")]
    [InlineData("typo.json", """{ "id": "X", "version": "1", "basedOn": "ND335", "quota": { "percnt": 30 } }""", "percnt")]
    [InlineData("unknown-base.json", """{ "id": "X", "version": "1", "basedOn": "ND999" }""", "unknown rule-set 'ND999'")]
    [InlineData("broken.json", """{ "id": "X", """, "broken.json")]
    [InlineData("missing.json", """{ "id": "X", "version": "1" }""", "missing.json")]
    public void Invalid_configuration_is_refused_at_start_up_with_the_file_and_the_problem(string file, string json, string expected)
    {
        File.WriteAllText(Path.Combine(_temp, file), json);

        var ex = Assert.Throws<RuleSetConfigurationException>(() => RuleSetLoader.Load([_temp]));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_the_id_and_version_of_a_national_default_replaces_it()
    {
        File.WriteAllText(Path.Combine(_temp, "nd335.json"), """{ "id": "ND335", "version": "2026.1", "basedOn": "ND335", "quota": { "exceptionPercent": 30 } }""");

        var catalog = RuleSetLoader.Load([_temp]);

        Assert.Equal(30m, Assert.Single(catalog.RuleSets, r => r.Id == "ND335").Quota.ExceptionPercent);
    }

    [Fact]
    public void AddRuleSets_registers_the_catalog_and_fails_when_the_configured_folder_is_invalid()
    {
        var extra = Directory.CreateDirectory(Path.Combine(_temp, "extra")).FullName;
        File.WriteAllText(Path.Combine(extra, "local.json"), """{ "id": "LOCAL_TEST", "version": "2026.1", "basedOn": "ND335", "jurisdiction": "Test" }""");
        var ok = new ServiceCollection().AddRuleSets(Config(extra)).BuildServiceProvider();
        var catalog = ok.GetRequiredService<RuleSetCatalog>();

        // The shipped overlays next to the app and the configured folder are both loaded.
        Assert.NotNull(catalog.Find("HP212_2025"));
        Assert.NotNull(catalog.Find("LOCAL_TEST"));

        Assert.Throws<RuleSetConfigurationException>(() => new ServiceCollection().AddRuleSets(Config(Path.Combine(_temp, "nope"))));
    }

    private static IConfiguration Config(string folder) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RuleSetSetup.FolderKey] = folder }).Build();
}
