using System.Text;
using EvalBot.Auditing;
using EvalBot.Features.Organisation;
using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// The app in a test host with the organisation feature registered, and helpers to import through the service.
/// Until the composition maps <c>MapOrganisationAdmin</c>, a startup filter maps it under the real admin group,
/// only when no such endpoint exists yet, so the tests keep passing once it is wired.
/// </summary>
public sealed class ImportHost : IDisposable
{
    public ImportHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Factory = new EvalBotFactory(settings, s =>
        {
            s.AddOrganisation();
            s.AddSingleton<IStartupFilter, OrganisationRoutesWhenMissing>();
            services?.Invoke(s);
        });
        _ = Factory.Services;
    }

    public EvalBotFactory Factory { get; }

    public Task<ImportResult> CsvAsync(ImportKind kind, string text) => BytesAsync(Encoding.UTF8.GetBytes(text), kind);

    public async Task<ImportResult> BytesAsync(byte[] bytes, ImportKind? kind = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(bytes, kind, AuditLog.AdminActor, CancellationToken.None);
    }

    public Task<T> QueryAsync<T>(Func<EvalBotDbContext, Task<T>> query) => Factory.QueryAsync(query);

    public void Dispose() => Factory.Dispose();

    private sealed class OrganisationRoutesWhenMissing : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var mapped = app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints
                .Any(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "ImportOrganisation");
            if (!mapped)
            {
                app.UseRouting();
                app.UseEndpoints(e => e.MapAdminGroupForTests().MapOrganisationAdmin());
            }

            next(app);
        };
    }
}

internal static class AdminGroupForTests
{
    public static RouteGroupBuilder MapAdminGroupForTests(this IEndpointRouteBuilder endpoints) => EvalBot.Admin.AdminApi.MapAdminGroup(endpoints);
}
