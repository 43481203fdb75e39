using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EvalBot.Tests.Persistence;

/// <summary>Several instances starting at once against one empty PostgreSQL database.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class ConcurrentMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Instances_starting_at_once_on_an_empty_database_all_start_and_apply_every_migration_once()
    {
        var services = new ServiceCollection();
        services.AddDbContext<PostgresEvalBotDbContext>(o => o.UseNpgsql(postgres.ConnectionString));
        services.AddScoped<EvalBotDbContext>(sp => sp.GetRequiredService<PostgresEvalBotDbContext>());
        await using var provider = services.BuildServiceProvider();
        var instances = Enumerable.Range(0, 3)
            .Select(_ => (Readiness: new DatabaseReadiness(), Scopes: provider.GetRequiredService<IServiceScopeFactory>()))
            .Select(i => (i.Readiness, Migrator: new DatabaseMigrator(i.Scopes, Options.Create(new DatabaseOptions { Provider = "postgres" }), i.Readiness)))
            .ToList();

        await Task.WhenAll(instances.Select(i => i.Migrator.StartAsync(default)));

        Assert.All(instances, i => Assert.True(i.Readiness.IsReady));
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
