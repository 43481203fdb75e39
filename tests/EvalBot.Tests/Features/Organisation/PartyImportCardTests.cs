using EvalBot.Cards;
using EvalBot.Core;
using EvalBot.Features.Organisation;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The import-result card names the Party kinds in Vietnamese and in English.</summary>
public sealed class PartyImportCardTests
{
    [Theory]
    [InlineData("vi", "Tổ chức đảng", "Đảng viên sinh hoạt", "Tập thể")]
    [InlineData("en", "Party organisations", "Party members", "Party collectives")]
    public void The_result_card_names_the_party_kinds(string language, string organisations, string members, string collectives)
    {
        var templates = new CardTemplates(RepoPaths.Cards);
        var report = new ImportReport("xlsx", [new KindCounts("party_organisations", 4, 0, 0), new KindCounts("party_members", 17, 0, 0), new KindCounts("party_collectives", 0, 1, 1)]);

        var card = new ImportResultCard(templates).Render("dang.xlsx", new ImportResult(report, []), new TextTable(templates, language));

        var names = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains($"\"{organisations}\"", names, StringComparison.Ordinal);
        Assert.Contains($"\"{members}\"", names, StringComparison.Ordinal);
        Assert.Contains($"\"{collectives}\"", names, StringComparison.Ordinal);
    }
}
