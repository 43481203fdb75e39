using System.Net;
using EvalBot.Tests.Features.Party;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>
/// A Party member's dossier shows both tracks side by side each year: the state level and the Party rating (levels only);
/// the unit summary shows how far the Party round is among the unit's Party members.
/// </summary>
public sealed class DossierPartyTests
{
    [Fact]
    public async Task A_Party_members_dossier_shows_the_Party_rating_beside_the_state_level_and_the_unit_summary_the_rounds_progress()
    {
        await using var host = await PartyHost.StartAsync();
        await host.DecideStateAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.OpenAsync()).StatusCode);
        var id = (await host.RatingOfAsync("P-01")).Id;
        await host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60.5"));

        var draft = await host.AskAsync("aad-head", "hồ sơ nhan vien b");
        await host.PressAsync("party.verify", id, "aad-board", ("party.general", "24"), ("party.task", "60.5"), ("party.note", "Trừ 1 điểm"), ("party.residence", "Tốt"));
        await host.PressAsync("party.decide", id, "aad-top", ("party.level", "HT"), ("party.note", "Chưa chủ động"));
        var decided = await host.AskAsync("aad-head", "hồ sơ nhan vien b");
        var english = await host.AskAsync("aad-head", "dossier nhan vien b", "en-US");

        Assert.Contains("· Xếp loại đảng viên: Hoàn thành tốt nhiệm vụ (Dự thảo)", draft, StringComparison.Ordinal);
        Assert.Contains("· Xếp loại đảng viên: Hoàn thành nhiệm vụ\"", decided, StringComparison.Ordinal);
        Assert.Contains("· Party rating: ", english, StringComparison.Ordinal);
        foreach (var secret in new[] { "Chưa chủ động", "Trừ 1 điểm", "60.5" }) Assert.DoesNotContain(secret, decided, StringComparison.Ordinal);

        var unit = await host.AskAsync("aad-head", "đơn vị");
        Assert.Contains("Kiểm điểm đảng viên", unit, StringComparison.Ordinal);
        Assert.Contains("1/3 đã quyết định · 0 đang kiểm điểm · 2 chưa tự đánh giá", unit, StringComparison.Ordinal);
    }
}
