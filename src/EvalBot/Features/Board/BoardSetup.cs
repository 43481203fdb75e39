using EvalBot.Conversation;

namespace EvalBot.Features.Board;

public static class BoardSetup
{
    /// <summary>
    /// The organisation board in Teams: the <c>quản trị</c> / <c>admin</c> card, its buttons and the background worker
    /// that runs the operations other features register (<see cref="IBoardOperation"/>); options in <c>Board</c>.
    /// </summary>
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>()
            .Bind(configuration.GetSection(BoardOptions.Section))
            .Validate(o => o.ProgressSeconds is >= 1 and <= 60 && o.PollMilliseconds is >= 50 and <= 60_000 && o.WatchMinutes is >= 0 and <= 1440
                && o.StaleMinutes is >= 1 and <= 1440 && o.MaxCases is >= 0 and <= 50,
                "Board: ProgressSeconds 1–60, PollMilliseconds 50–60000, WatchMinutes 0–1440, StaleMinutes 1–1440, MaxCases 0–50.")
            .ValidateOnStart();
        services.AddScoped<BoardStatus>();
        services.AddScoped<BoardTasks>();
        services.AddScoped<BoardCard>();
        services.AddScoped<DeliveryProgress>();
        services.AddScoped<IBoardCard, BoardCardForTurn>();
        services.AddScoped<ICardActionHandler, BoardActions>();
        services.AddScoped<ICommandHandler, BoardCommand>();
        services.AddCommandTopic(BoardCommand.Topic);
        services.AddHostedService<BoardWorker>();
        return services;
    }
}
