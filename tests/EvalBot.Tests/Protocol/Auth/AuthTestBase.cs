using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Protocol.Auth;

/// <summary>Per test: a fresh issuer server, a fake clock shared by issuer and validator, and the app's auth services.</summary>
public abstract class AuthTestBase : IAsyncLifetime
{
    private ServiceProvider? _services;
    private TestIssuer? _issuer;

    protected FakeTimeProvider Clock { get; } = AuthTestServices.NewClock();

    protected TestIssuer Issuer => _issuer ?? throw new InvalidOperationException("Issuer not started.");

    /// <summary>Configuration overrides for this test class (e.g. a tenant id).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? ConfigurationOverrides => null;

    protected ServiceProvider Services => _services ??= AuthTestServices.Build(Issuer, Clock, ConfigurationOverrides);

    protected IChannelRequestAuthenticator Authenticator => Services.Authenticator();

    public async Task InitializeAsync() => _issuer = await TestIssuer.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }

    protected static void AssertRefused(ChannelAuthResult result, string reasonFragment)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(reasonFragment, result.FailureReason, StringComparison.Ordinal);
    }
}
