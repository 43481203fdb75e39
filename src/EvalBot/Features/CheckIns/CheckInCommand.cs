using EvalBot.Conversation;

namespace EvalBot.Features.CheckIns;

/// <summary><c>báo cáo</c> / <c>checkin</c>: the check-in card of the period open now for the sender.</summary>
public sealed class CheckInCommand(CheckInRepository repository, CheckInForm form) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("checkin", ["báo cáo", "checkin", "check-in"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var person = await turn.SenderAsync(cancellationToken);
        if (person is null)
        {
            turn.Reply(TurnContext.TextMessage(form.Text(turn.Language)["checkinErrNoPerson"]));
            return;
        }

        var language = turn.Language;
        var period = PeriodKey.TryParse(argument.Trim().ToUpperInvariant(), out var typed) ? typed.ToString() : await repository.OpenPeriodForAsync(person, turn.Now, cancellationToken);
        if (period is null)
        {
            turn.Reply(TurnContext.TextMessage(form.Text(language)["checkinNoOpenPeriod"]));
            return;
        }

        turn.Reply(TurnContext.CardMessage(await form.RenderForAsync(person, period, language, null, turn.Now, cancellationToken)));
    }
}
