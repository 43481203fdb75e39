using System.Reflection;
using NetArchTest.Rules;

namespace EvalBot.ArchitectureTests;

/// <summary>
/// The one-way layers of docs/ARCHITECTURE.md, checked on the compiled assemblies: each row names a layer (a namespace,
/// sub-namespaces included) and what it must never use. A new dependency against the arrows fails here with the types
/// that took it.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Host = typeof(Protocol.Activity).Assembly;
    private static readonly Assembly Domain = typeof(Domain.Level).Assembly;

    public static TheoryData<string, string[]> HostRules => new()
    {
        // Protocol is the bottom of the turn: it hands an activity to an interface it owns and knows nothing above it.
        { "EvalBot.Protocol", ["EvalBot.Conversation", "EvalBot.Features", "EvalBot.Persistence", "EvalBot.Delivery", "EvalBot.Cards", "EvalBot.Scheduling"] },
        // The shared core every feature may use uses no feature (docs/ARCHITECTURE.md).
        { "EvalBot.Core", ["EvalBot.Features", "EvalBot.Scheduling", "EvalBot.Operations", "EvalBot.Admin", "EvalBot.Hosting"] },
        // The turn machinery knows no feature: handlers declare what it needs (shared-conversation safety, no answer record).
        { "EvalBot.Conversation", ["EvalBot.Features", "EvalBot.Scheduling", "EvalBot.Operations", "EvalBot.Admin"] },
        { "EvalBot.Cards", ["EvalBot.Features", "EvalBot.Conversation", "EvalBot.Delivery", "EvalBot.Persistence"] },
        { "EvalBot.Delivery", ["EvalBot.Features", "EvalBot.Conversation", "EvalBot.Cards"] },
        { "EvalBot.Persistence", ["EvalBot.Features", "EvalBot.Conversation", "EvalBot.Delivery", "EvalBot.Cards", "EvalBot.Protocol"] },
        { "EvalBot.Auditing", ["EvalBot.Features", "EvalBot.Conversation", "EvalBot.Delivery"] },
        { "EvalBot.Rules", ["EvalBot.Features", "EvalBot.Conversation", "EvalBot.Delivery", "EvalBot.Persistence"] },
        // Quartz wiring registers every feature's jobs through the core, never by knowing a feature.
        { "EvalBot.Scheduling", ["EvalBot.Features"] },
        // Backup, retention and the subject-access export reach feature data only through the core's seams.
        { "EvalBot.Operations", ["EvalBot.Features"] },
    };

    [Theory]
    [MemberData(nameof(HostRules))]
    public void A_layer_never_uses_what_sits_above_it(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(Host).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(Types.InAssembly(Host).That().ResideInNamespace(layer).GetTypes().Any(), $"{layer} has no types: the rule checks nothing");
        Assert.True(result.IsSuccessful, $"{layer} uses {string.Join(", ", forbidden)} in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static readonly string[] FeatureNames = ["CheckIns", "Classification", "Help", "Organisation", "PeerFeedback", "Summaries", "Welcome"];

    public static TheoryData<string> Features => new(FeatureNames);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_never_uses_another_feature(string feature)
    {
        var others = FeatureNames.Where(f => f != feature).Select(f => "EvalBot.Features." + f).ToArray();

        var result = Types.InAssembly(Host).That().ResideInNamespace("EvalBot.Features." + feature).ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(Types.InAssembly(Host).That().ResideInNamespace("EvalBot.Features." + feature).GetTypes().Any(), $"{feature} has no types");
        Assert.True(result.IsSuccessful, $"{feature} uses another feature in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_check_sees_a_real_dependency_the_composition_root_using_every_feature()
    {
        // Hosting composes the app, so it must use the features: if this ever passes as "no dependency", the rules above
        // would pass for nothing.
        var result = Types.InAssembly(Host).That().ResideInNamespace("EvalBot.Hosting").ShouldNot().HaveDependencyOn("EvalBot.Features.CheckIns").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("EvalBot.Hosting.EvalBotSetup", result.FailingTypeNames ?? []);
    }

    [Fact]
    public void The_domain_is_pure_no_host_no_framework_no_io()
    {
        string[] forbidden = ["EvalBot.Protocol", "EvalBot.Conversation", "EvalBot.Features", "EvalBot.Persistence", "EvalBot.Delivery", "EvalBot.Cards",
            "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Quartz", "System.Net.Http", "System.IO.File", "System.Data"];

        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"The domain uses the host or I/O in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
