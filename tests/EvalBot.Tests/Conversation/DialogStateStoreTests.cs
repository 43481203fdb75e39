using System.Text.Json.Nodes;
using EvalBot.Conversation;
using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Conversation;

public sealed class DialogStateStoreTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"evalbot-dialogs-{Guid.NewGuid():N}.db");

    private Dictionary<string, string?> Settings => new() { ["ConnectionStrings:EvalBot"] = $"Data Source={_db};Pooling=False" };

    [Fact]
    public async Task A_dialog_continues_after_the_app_restarts()
    {
        using (var first = new EvalBotFactory(Settings))
        {
            await WithStoreAsync(first, async (store, db) =>
            {
                await store.SetAsync("a:conv", "user-1", new DialogState("disambiguate", 2, new JsonObject { ["candidates"] = new JsonArray("p1", "p2") }), default);
                await db.SaveChangesAsync();
            });
        }

        using var second = new EvalBotFactory(Settings);
        var state = await WithStoreAsync(second, (store, _) => store.GetAsync("a:conv", "user-1", default));

        Assert.NotNull(state);
        Assert.Equal("disambiguate", state.DialogId);
        Assert.Equal(2, state.Step);
        Assert.Equal(2, state.Data["candidates"]!.AsArray().Count);
    }

    [Fact]
    public async Task State_is_kept_apart_per_conversation_and_user()
    {
        using var bot = new EvalBotFactory(Settings);
        await WithStoreAsync(bot, async (store, db) =>
        {
            await store.SetAsync("a:conv", "user-1", new DialogState("one", 1, []), default);
            await store.SetAsync("a:conv", "user-2", new DialogState("two", 1, []), default);
            await db.SaveChangesAsync();
        });

        var other = await WithStoreAsync(bot, (store, _) => store.GetAsync("a:other", "user-1", default));
        var second = await WithStoreAsync(bot, (store, _) => store.GetAsync("a:conv", "user-2", default));

        Assert.Null(other);
        Assert.Equal("two", second!.DialogId);
    }

    [Fact]
    public async Task Two_writers_of_the_same_dialog_cannot_both_win_silently()
    {
        using var bot = new EvalBotFactory(Settings);
        await WithStoreAsync(bot, async (store, db) =>
        {
            await store.SetAsync("a:conv", "user-1", new DialogState("form", 1, []), default);
            await db.SaveChangesAsync();
        });

        await using var scopeA = bot.Services.CreateAsyncScope();
        await using var scopeB = bot.Services.CreateAsyncScope();
        var storeA = scopeA.ServiceProvider.GetRequiredService<DialogStateStore>();
        var storeB = scopeB.ServiceProvider.GetRequiredService<DialogStateStore>();
        await storeA.GetAsync("a:conv", "user-1", default);
        await storeB.GetAsync("a:conv", "user-1", default);
        await storeA.SetAsync("a:conv", "user-1", new DialogState("form", 2, []), default);
        await storeB.SetAsync("a:conv", "user-1", new DialogState("form", 3, []), default);
        await scopeA.ServiceProvider.GetRequiredService<EvalBotDbContext>().SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => scopeB.ServiceProvider.GetRequiredService<EvalBotDbContext>().SaveChangesAsync());
    }

    private static async Task<T> WithStoreAsync<T>(EvalBotFactory bot, Func<DialogStateStore, EvalBotDbContext, Task<T>> action)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DialogStateStore>(), scope.ServiceProvider.GetRequiredService<EvalBotDbContext>());
    }

    private static Task<bool> WithStoreAsync(EvalBotFactory bot, Func<DialogStateStore, EvalBotDbContext, Task> action) =>
        WithStoreAsync(bot, async (store, db) =>
        {
            await action(store, db);
            return true;
        });

    public void Dispose() => File.Delete(_db);
}
