namespace EvalBot.Core;

/// <summary>
/// The year as the organisation board follows it, offered to the board card by the classification feature: whether it
/// has been compiled, how many decision lists are decided, the cases waiting for the competent level (the first
/// <see cref="BoardOptions.MaxCases"/>, with the total) and the heads overdue against the legal deadlines.
/// </summary>
public interface IBoardYearStatus
{
    Task<BoardYear> ForAsync(int year, DateTimeOffset now, string language, int maxCases, CancellationToken cancellationToken);
}

public sealed record BoardYear(
    int Year, bool Compiled, int Lists, int ListsDecided, IReadOnlyList<BoardCase> Cases, int CasesTotal, IReadOnlyList<BoardOverdue> Overdue);

/// <summary>A person whose level the rules could not decide: the reason in plain words, and their record.</summary>
public sealed record BoardCase(long PersonId, string Name, string Unit, decimal? Score, string Why);

/// <summary>A head whose list is still undecided after a deadline (<c>dd/MM/yyyy</c>), with how many people wait on it.</summary>
public sealed record BoardOverdue(string Head, string Unit, int Waiting, string Deadline);

/// <summary>A case waiting for the competent level as card data, with the form's level choices (the board card and the competent level's card).</summary>
public static class BoardCaseCards
{
    public static System.Text.Json.Nodes.JsonArray Levels(TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Enum.GetValues<Domain.Level>().Select(l => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = text.LevelName(l),
            ["value"] = l switch { Domain.Level.Excellent => "HTXS", Domain.Level.Good => "HTT", Domain.Level.Complete => "HT", _ => "KHT" },
        })];
    }

    public static System.Text.Json.Nodes.JsonArray Of(IEnumerable<BoardCase> cases, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var levels = Levels(text);
        return [.. cases.Select(c => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["personId"] = c.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = Cards.CardText.Plain(c.Name),
            ["record"] = Cards.CardText.Plain(text.Format("boardCaseRecord", c.Unit, c.Score is { } s ? text.Number(s) : "—")),
            ["why"] = Cards.CardText.Plain(c.Why),
            ["levels"] = levels.DeepClone(),
        })];
    }
}
