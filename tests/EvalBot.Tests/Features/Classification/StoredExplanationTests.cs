using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Core;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>How a draft's explanation is stored, and a compile over drafts whose explanations an earlier version stored.</summary>
public sealed class StoredExplanationTests
{
    /// <summary>The serializer's defaults, as explanations were stored before.</summary>
    private static readonly JsonSerializerOptions Earlier = new(JsonSerializerDefaults.Web);

    /// <summary>The form explanations were stored in before: every non-ASCII letter escaped, and each application's canonical line.</summary>
    private static string EarlierForm(string json) => JsonSerializer.Serialize(Explanations.Read(json).ToList(), Earlier);

    [Fact]
    public async Task A_draft_stores_its_explanation_in_plain_Vietnamese_without_the_canonical_line_and_reads_the_same()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 3, teamIsAgency: true);
        await host.CompileAsync();

        var stored = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().Select(r => r.ExplanationJson).ToListAsync());

        Assert.NotEmpty(stored);
        Assert.All(stored, json =>
        {
            Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\"canonical\"", json, StringComparison.Ordinal);
            Assert.NotEmpty(Explanations.Read(json));
            Assert.True(Explanations.Same(EarlierForm(json), json));
        });
        Assert.Contains(stored, json => json.Contains("Nghị định", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compiling_again_over_explanations_stored_in_the_earlier_form_changes_nothing_and_keeps_a_heads_demotion()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 7, teamIsAgency: true);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();
        var demoted = host.People["P-01"].Id;
        await host.InvokeAsync("classification.demote", new JsonObject
        {
            ["year"] = "2026", ["list"] = "own", ["demote.people"] = demoted.ToString(System.Globalization.CultureInfo.InvariantCulture), ["demote.reason"] = "Vượt tỷ lệ 20%",
        }, "aad-head");
        var rewritten = await host.Bot.QueryAsync(async db =>
        {
            var rows = await db.Set<ClassificationRecord>().ToListAsync();
            foreach (var row in rows) row.ExplanationJson = EarlierForm(row.ExplanationJson);
            await db.SaveChangesAsync();
            return rows.ToDictionary(r => r.Id, r => r.ExplanationJson);
        });
        var compileEntries = await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "classification.compile"));

        var again = await host.CompileAsync();

        Assert.Equal(0, (int)again["changed"]!);
        var rows = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().ToListAsync());
        Assert.Equal(rewritten, rows.ToDictionary(r => r.Id, r => r.ExplanationJson));
        var kept = rows.Single(r => r.PersonId == demoted);
        Assert.Equal(("Vượt tỷ lệ 20%", 1, 0), (kept.Reason, kept.Level, kept.CompiledLevel));
        Assert.Equal(compileEntries, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "classification.compile")));
    }
}
