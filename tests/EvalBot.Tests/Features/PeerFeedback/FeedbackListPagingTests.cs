using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>A head leading many people gets them a page at a time on the <c>góp ý</c> card, each page a card Teams accepts.</summary>
public sealed class FeedbackListPagingTests
{
    [Fact]
    public async Task A_head_of_60_pages_through_the_people_led_and_sees_each_once()
    {
        await using var host = await FeedbackHost.StartAsync();
        await host.Bot.QueryAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.People.Add(new Person { ExternalId = $"P-X{i}", FullName = $"Người Được Lãnh Đạo {i:00}", AadObjectId = $"aad-x{i}", UnitId = host.Head.UnitId, ManagerId = host.Head.Id });
            }

            return await db.SaveChangesAsync();
        });
        var led = await host.Bot.QueryAsync(db => db.People.CountAsync(p => p.IsActive && p.Id != host.Head.Id && (p.ManagerId == host.Head.Id || p.UnitId == host.Head.UnitId)));
        var pages = (led + 24) / 25;

        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var card = (await host.InvokeAsync("feedback.list", new JsonObject { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "aad-head"))["value"]!.AsObject();
            Assert.InRange(Encoding.UTF8.GetByteCount(card.ToJsonString()), 1, 40 * 1024);
            Assert.Contains($"Trang {page}/{pages}", card.Readable(), StringComparison.Ordinal);
            seen.AddRange(Views(card));
        }

        Assert.Equal(led, seen.Count);
        Assert.Equal(led, seen.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The person ids of the card's "view feedback" buttons.</summary>
    private static IEnumerable<string> Views(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["verb"] == "feedback.view" && o["data"]?["personId"] is JsonValue id => [id.GetValue<string>()],
        JsonObject o => o.SelectMany(p => Views(p.Value)),
        JsonArray a => a.SelectMany(Views),
        _ => [],
    };
}
