using System.Net;
using EvalBot.Tests.Features.Party;

namespace EvalBot.Tests.Features.Classification;

/// <summary><c>xếp loại</c> for a Party member: the state result with the year's Party rating beside it once the Party round has one.</summary>
public sealed class ResultCardPartyTests
{
    [Fact]
    public async Task A_Party_members_result_shows_the_Party_rating_beside_the_state_level_once_the_round_has_one()
    {
        await using var host = await PartyHost.StartAsync();
        await host.DecideStateAsync();
        var before = await host.AskAsync("aad-01", "xếp loại 2026");
        Assert.Equal(HttpStatusCode.OK, (await host.OpenAsync()).StatusCode);
        var id = (await host.RatingOfAsync("P-01")).Id;
        await host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60.5"));
        await host.PressAsync("party.verify", id, "aad-board", ("party.general", "24"), ("party.task", "60.5"), ("party.note", "Trừ 1 điểm"), ("party.residence", "Tốt"));
        await host.PressAsync("party.decide", id, "aad-top", ("party.level", "HT"), ("party.note", "Chưa chủ động"));

        var after = await host.AskAsync("aad-01", "xếp loại 2026");
        var english = await host.AskAsync("aad-01", "classification 2026", "en-US");

        Assert.Contains("Kết quả xếp loại", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp loại đảng viên", before, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Xếp loại đảng viên\",\"value\":\"Hoàn thành nhiệm vụ\"", after, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Party rating\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa chủ động", after, StringComparison.Ordinal);
    }
}
