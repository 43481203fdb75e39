using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>The decision card states the status it is in, and its title, quota lines, levels and reasons agree with it.</summary>
public sealed class DecisionCardTests
{
    private static JsonObject Data(params (string Key, string Value)[] extra)
    {
        var data = new JsonObject { ["year"] = "2026", ["list"] = "own" };
        foreach (var (k, v) in extra) data[k] = v;
        return data;
    }

    /// <summary>Every text of the card in reading order: text blocks, fact titles and values.</summary>
    private static List<string> Texts(JsonNode? node)
    {
        var result = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var key in new[] { "text", "title", "value" })
                    {
                        if (o[key] is JsonValue v && v.TryGetValue<string>(out var s) && (string?)o["type"] is null or "TextBlock") result.Add(s);
                    }

                    foreach (var (key, child) in o)
                    {
                        if (key is not "text" and not "title" and not "value" and not "data" and not "fallback") Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }

        Walk(node);
        return result;
    }

    /// <summary>A row of the card: its level and its reason (name, unit · state, level, score, reason).</summary>
    private static (string Level, string Why) Row(List<string> texts, string name)
    {
        var i = texts.IndexOf(name);
        Assert.True(i >= 0, $"{name} is not on the card: {string.Join(" | ", texts)}");
        return (texts[i + 2], texts[i + 4]);
    }

    [Fact]
    public async Task The_card_goes_from_draft_to_demoted_to_approved_and_every_text_says_so()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 7, teamIsAgency: true);
        // A public employee (another rule-set in the same agency): rated HT by the competent level, their scope counts nobody.
        await host.Bot.QueryAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.ExternalId == "P-09")).Population = Population.PublicEmployee;
            return await db.SaveChangesAsync();
        });
        await host.SayAsync("help", "aad-head");
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var draft = Texts((await host.InvokeAsync("classification.page", Data(("page", "1")), "aad-head"))["value"]);
        Assert.Contains("Dự thảo xếp loại chất lượng 2026", draft);
        Assert.Contains("Dự thảo, chưa phê duyệt", draft);
        Assert.Contains("Vượt tỷ lệ", draft);

        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-09/rerate", new { level = "HT", reason = "Kết luận thanh tra", by = "Chủ tịch UBND" })).EnsureSuccessStatusCode();
        var ids = $"{host.People["P-01"].Id},{host.People["P-02"].Id}";
        var demoted = Texts((await host.InvokeAsync("classification.demote", Data(("demote.people", ids), ("demote.reason", "Vượt tỷ lệ 20%")), "aad-head"))["value"]);

        Assert.Contains("Đã hạ mức và ghi lý do.", demoted);
        Assert.Contains("Dự thảo, chưa phê duyệt", demoted);
        Assert.DoesNotContain(demoted, t => t.Contains("0 người HTXS, tối đa 0 (trên 0 người HTT)", StringComparison.Ordinal));
        var (level, why) = Row(demoted, "Nhân Viên B");
        Assert.Equal("Hoàn thành tốt nhiệm vụ", level);
        Assert.StartsWith("Kết quả tổng hợp: ", why, StringComparison.Ordinal);
        Assert.EndsWith("Hạ xuống Hoàn thành tốt nhiệm vụ, lý do: Vượt tỷ lệ 20%", why, StringComparison.Ordinal);
        var (authorityLevel, authorityWhy) = Row(demoted, "Nhân Viên J");
        Assert.Equal("Hoàn thành nhiệm vụ", authorityLevel);
        Assert.EndsWith("Cấp có thẩm quyền quyết định Hoàn thành nhiệm vụ, lý do: Kết luận thanh tra", authorityWhy, StringComparison.Ordinal);
        Assert.DoesNotContain("Vượt tỷ lệ", demoted);

        var approved = Texts((await host.InvokeAsync("classification.approve", Data(), "aad-head"))["value"]);

        Assert.Contains("Kết quả xếp loại chất lượng đã phê duyệt 2026", approved);
        Assert.Contains(approved, t => t.StartsWith("Đã phê duyệt ngày ", StringComparison.Ordinal));
        Assert.DoesNotContain(approved, t => t.Contains("Dự thảo", StringComparison.Ordinal));
        Assert.DoesNotContain(approved, t => t.Contains("vượt tỷ lệ", StringComparison.OrdinalIgnoreCase) && !t.Contains("lý do: Vượt tỷ lệ 20%", StringComparison.Ordinal));
        Assert.DoesNotContain(approved, t => t.Contains("0 người HTXS, tối đa 0 (trên 0 người HTT)", StringComparison.Ordinal));
        Assert.Equal(("Hoàn thành tốt nhiệm vụ", "Đã quyết định"), (Row(approved, "Nhân Viên B").Level, approved[approved.IndexOf("Nhân Viên B") + 1].Split(" · ")[1]));
        Assert.EndsWith("Hạ xuống Hoàn thành tốt nhiệm vụ, lý do: Vượt tỷ lệ 20%", Row(approved, "Nhân Viên B").Why, StringComparison.Ordinal);
    }
}
