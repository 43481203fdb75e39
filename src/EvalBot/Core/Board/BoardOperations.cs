namespace EvalBot.Core;

/// <summary>
/// A piece of the year's work the organisation board starts from its card in Teams (open or close a period, send
/// reminders, start a feedback round, compile the year), carried out by the feature that owns it. The board feature
/// queues it, runs it in the background on whichever instance claims it, and shows its progress on the card; the
/// owning feature registers it with <see cref="BoardOperationSetup.AddBoardOperation{T}"/> and never learns about the card.
/// </summary>
public interface IBoardOperation
{
    /// <summary>The stable name of the operation, e.g. <c>period.open</c> (the <c>op</c> of the <c>board.run</c> action).</summary>
    string Kind { get; }

    /// <summary>Whether <paramref name="argument"/> (a period like <c>2026-Q1</c>, or a year) is one this operation takes.</summary>
    bool Accepts(string argument);

    /// <summary>
    /// Does the work on its own unit of work, reporting <c>done</c> of <c>total</c> as it goes (at most every few seconds
    /// is shown), and says what came of it as a key of the card string tables and its arguments.
    /// </summary>
    Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken);
}

/// <summary>Reports progress: <paramref name="done"/> of <paramref name="total"/> (people, messages…).</summary>
public delegate Task BoardProgress(int done, int total, CancellationToken cancellationToken);

/// <summary>What the board member asked for: the argument, who they are (audit actor and person id) and when.</summary>
public sealed record BoardOperationRequest(string Argument, string Actor, long PersonId, DateTimeOffset Now);

/// <summary>
/// The outcome, in words the card shows: a key of the card string tables (Vietnamese and English) and its arguments,
/// and whether the operation was refused or failed (shown as an error).
/// </summary>
public sealed record BoardOperationResult(string TextKey, IReadOnlyList<string> Args, bool Refused = false)
{
    public static BoardOperationResult Done(string textKey, params object[] args) => new(textKey, Strings(args));

    public static BoardOperationResult Refuse(string textKey, params object[] args) => new(textKey, Strings(args), Refused: true);

    private static string[] Strings(object[] args) =>
        [.. args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "")];
}

/// <summary>
/// The board card, as other features may show it again after an action of theirs on it (a decision recorded by the
/// competent level): rendered for the acting board member, with a notice or an error on top.
/// </summary>
public interface IBoardCard
{
    Task<System.Text.Json.Nodes.JsonObject> RenderAsync(Conversation.TurnContext turn, string? notice, string? problem, CancellationToken cancellationToken);
}

public static class BoardOperationSetup
{
    /// <summary>Registers an operation the board card offers (scoped: it gets its own database context when it runs).</summary>
    public static IServiceCollection AddBoardOperation<T>(this IServiceCollection services)
        where T : class, IBoardOperation => services.AddScoped<IBoardOperation, T>();
}
