using System.Net.Http.Json;
using EvalBot.Conversation;
using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Conversation;

/// <summary>A turn builds only the handler it calls; what each handler declares is read once for the app.</summary>
public sealed class TurnHandlersTests : IAsyncLifetime
{
    private readonly Built _built = new();
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory(services: services =>
        {
            services.AddSingleton(_built);
            services.AddScoped<ICommandHandler, CountedCommand>();
            services.AddScoped<ICommandHandler, ReadingCommand>();
        });
        _client = _bot.CreateClient();
        // No open check-in campaign: its job, on the real clock, would add its own calls to the ones these tests read.
        await TestOrganisation.CreateAsync(_bot, TimeProvider.System.GetUtcNow(), open: false);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task Turns_for_other_handlers_never_build_a_handler_and_its_own_keyword_builds_it_with_the_turns_services()
    {
        foreach (var text in new[] { "help", "trợ giúp", "something unknown" })
        {
            (await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, text))).EnsureSuccessStatusCode();
            Assert.NotNull((await _teams.NextAsync()).FirstCard);
        }

        // Once, when the router learned the keywords; never for a turn that called another handler.
        Assert.Equal(1, _built.Count);

        (await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "đếm thử một hai"))).EnsureSuccessStatusCode();
        Assert.Equal("counted: một hai", (string?)(await _teams.NextAsync()).Body?["text"]);
        Assert.Equal(2, _built.Count);
    }

    [Fact]
    public async Task A_turn_that_only_reads_runs_its_handler_while_another_unit_of_work_holds_the_writer_and_a_writing_turn_waits()
    {
        // Someone else holds SQLite's writer (a long commit, a batch of marks).
        await using var scope = _bot.Services.CreateAsyncScope();
        var held = await _bot.Services.GetRequiredService<SqliteWriter>().EnterAsync(scope.ServiceProvider.GetRequiredService<EvalBotDbContext>(), CancellationToken.None);

        var reading = _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "đọc thử"));
        var writing = _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "đếm thử", userAad: "aad-user-2"));
        await _built.Read.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        Assert.Equal(1, _built.Count); // built once for the catalog, not for its turn: that turn waits for the writer before reading
        Assert.False(reading.IsCompleted); // the reading turn commits only once it has the writer

        await held.DisposeAsync();
        (await reading).EnsureSuccessStatusCode();
        (await writing).EnsureSuccessStatusCode();
        var replies = new[] { await _teams.NextAsync(), await _teams.NextAsync() }.Select(c => (string?)c.Body?["text"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["counted: ", "read"], replies);
    }

    private sealed class Built
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class ReadingCommand(Built built) : ICommandHandler, IAnswersFromReads
    {
        public IReadOnlyList<string> Keywords { get; } = ["đọc thử"];

        public Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
        {
            built.Read.TrySetResult();
            turn.Reply(TurnContext.TextMessage("read"));
            return Task.CompletedTask;
        }
    }

    private sealed class CountedCommand : ICommandHandler
    {
        public CountedCommand(Built built, EvalBot.Persistence.EvalBotDbContext db)
        {
            ArgumentNullException.ThrowIfNull(db);
            built.Add();
        }

        public IReadOnlyList<string> Keywords { get; } = ["đếm thử"];

        public Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
        {
            turn.Reply(TurnContext.TextMessage("counted: " + argument));
            return Task.CompletedTask;
        }
    }
}
