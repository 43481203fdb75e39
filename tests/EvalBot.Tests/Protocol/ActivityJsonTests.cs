using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Protocol;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Protocol;

/// <summary>Real activities (captured from the Agents Playground, and Teams-shaped ones) survive a round trip untouched.</summary>
public sealed class ActivityJsonTests
{
    private static string SamplesFolder => Path.Combine(RepoPaths.Root, "tests", "EvalBot.Tests", "Protocol", "Samples");

    public static TheoryData<string> Samples => [.. Directory.EnumerateFiles(SamplesFolder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_activity_round_trips_with_every_field_kept(string sample)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesFolder, sample)))!;

        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), ProtocolJson.Options)!;
        var written = JsonSerializer.SerializeToNode(activity, ProtocolJson.Options)!;

        Assert.True(JsonNode.DeepEquals(original, written), $"{sample} changed:\n{written.ToJsonString()}");
    }

    [Fact]
    public void The_tenant_falls_back_to_channelData_when_the_conversation_has_none()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"message","conversation":{"id":"a:1"},"channelData":{"tenant":{"id":"t-1"}}}""", ProtocolJson.Options)!;

        Assert.Equal("t-1", activity.TenantId);
    }

    [Theory]
    [InlineData("""{"type":"message","channelData":{"tenant":[1,2]}}""")]
    [InlineData("""{"type":"message","channelData":{"tenant":{"id":42}}}""")]
    [InlineData("""{"type":"message","entities":[{"type":"clientInfo","locale":7}]}""")]
    public void Odd_shapes_in_loosely_typed_fields_read_as_absent_instead_of_throwing(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;

        Assert.Null(activity.TenantId);
        Assert.Null(activity.EffectiveLocale);
    }

    [Theory]
    [InlineData("vi-VN", "vi")]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "vi")]
    [InlineData(null, "vi")]
    public void Vietnamese_is_the_default_and_English_follows_an_English_locale(string? locale, string expected)
    {
        Assert.Equal(expected, EvalBot.Conversation.UserLocale.From(locale));
    }
}
