using EvalBot.Features.CheckIns.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>Campaign thresholds are configuration, checked when the app starts; a bad rhythm stops it with the reason.</summary>
public sealed class CampaignOptionsTests
{
    [Fact]
    public async Task Configured_thresholds_replace_the_defaults()
    {
        await using var app = CampaignHost.Create(CampaignHost.NewFolder(), extra: new Dictionary<string, string?>
        {
            ["Campaigns:ReminderDays:0"] = "2",
            ["Campaigns:EscalateToLeaderDay"] = "4",
            ["Campaigns:EscalateToHeadDay"] = "0",
            ["Campaigns:CloseDay"] = "6",
            ["Campaigns:SendAt"] = "09:30",
            ["Campaigns:TickInterval"] = "00:05:00",
        });

        var settings = app.Services.GetRequiredService<CampaignCalendar>().Settings;

        Assert.Equal([2], settings.ReminderDays);
        Assert.Equal(4, settings.EscalateToLeaderDay);
        Assert.Null(settings.EscalateToHeadDay);
        Assert.Equal(6, settings.CloseDay);
        Assert.Equal(new TimeOnly(9, 30), settings.SendAt);
        Assert.Equal(TimeSpan.FromMinutes(5), app.Services.GetRequiredService<IOptions<CampaignOptions>>().Value.TickInterval);
    }

    [Theory]
    [InlineData("Campaigns:CloseDay", "5", "CloseDay (5) must come after")]
    [InlineData("Campaigns:TimeZone", "Mars/Olympus", "not a known IANA time zone")]
    [InlineData("Campaigns:BatchSize", "0", "BatchSize must be between")]
    [InlineData("Calendar:TetDaysFromNewYear", "0", "TetDaysFromNewYear must be between")]
    public async Task Invalid_settings_stop_the_start_with_the_reason(string key, string value, string message)
    {
        await using var app = CampaignHost.Create(CampaignHost.NewFolder(), extra: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
