using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>xuất &lt;năm&gt; [đơn vị]</c> / <c>export &lt;year&gt; [unit]</c>, and the card button <c>classification.export</c> (data
/// <c>{ year, unit? }</c>, on the decision card and any other card that offers the list): the official list of the year
/// (the current year in the organisation by default) through Teams' file consent card in the requester's personal chat.
/// </summary>
public sealed class ExportCommand(ExportOffer offer, CardTemplates templates, OrganisationClock clock) : ICommandHandler, ICardActionHandler
{
    public const string Verb = "classification.export";

    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("export", ["xuất", "export"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public IReadOnlyList<string> Verbs { get; } = [Verb];

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(argument);
        int? year = null;
        string? unit = null;
        foreach (var word in argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (year is null && Year(word) is { } y) year = y;
            else unit ??= word;
        }

        await offer.OfferAsync(turn, await turn.SenderAsync(cancellationToken), year ?? clock.Year(turn.Now), unit, cancellationToken);
    }

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var year = Year(JsonRead.Text(action.Data, "year")) ?? clock.Year(turn.Now);
        var unit = JsonRead.Text(action.Data, "unit") is { Length: > 0 } u ? u : null;
        var sent = await offer.OfferAsync(turn, await turn.SenderAsync(cancellationToken), year, unit, cancellationToken);
        return InvokeResponse.Message(new TextTable(templates, turn.Language)[sent ? "exportSent" : "exportNotAllowed"]);
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1999 and < 2101 ? y : null;
}
