using CsCheck;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalBot.Tests.Protocol.Auth;

public sealed class TokenTamperingTests : AuthTestBase
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public async Task Any_single_character_change_to_a_valid_token_is_refused()
    {
        var token = Issuer.CreateBotFrameworkToken();
        var authenticator = Authenticator;
        Assert.True((await authenticator.AuthenticateTokenAsync(token)).Succeeded);

        // The last character of a base64url segment may carry unused bits, so only full-weight positions are changed.
        var positions = Enumerable.Range(0, token.Length - 1).Where(i => token[i] != '.' && token[i + 1] != '.').ToArray();
        var gen = Gen.Int[0, positions.Length - 1].Select(Gen.Int[1, Base64UrlAlphabet.Length - 1]);

        await gen.SampleAsync(async (index, shift) =>
        {
            var position = positions[index];
            var replacement = Base64UrlAlphabet[(Base64UrlAlphabet.IndexOf(token[position], StringComparison.Ordinal) + shift) % Base64UrlAlphabet.Length];
            var tampered = string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));

            Assert.False((await authenticator.AuthenticateTokenAsync(tampered)).Succeeded);
        }, iter: 300);
    }

    [Fact]
    public async Task Concurrent_requests_naming_a_new_key_share_one_refresh()
    {
        Assert.True((await Authenticator.AuthenticateTokenAsync(Issuer.CreateBotFrameworkToken())).Succeeded);
        var rotated = Issuer.PublishBotFrameworkKey();
        var token = Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Key = rotated });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Authenticator.AuthenticateTokenAsync(token))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(2, Issuer.BotFrameworkKeyRequests);
    }

    [Fact]
    public async Task Refusals_are_logged_with_a_reason_but_never_the_token()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = AuthTestServices.Build(Issuer, Clock, configure: s => s.AddLogging(b => b.AddProvider(logs)));
        var authenticator = services.Authenticator();
        var token = Issuer.CreateBotFrameworkToken(channelEndorsed: false);

        await authenticator.AuthenticateTokenAsync(token);
        await authenticator.AuthenticateTokenAsync(Issuer.CreateToken(Issuer.BotFrameworkSpec() with { Algorithm = "none" }));

        Assert.Contains(logs.Messages, m => m.Contains("no endorsements", StringComparison.Ordinal));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(logs.Messages, m => m.Contains(signature, StringComparison.Ordinal) || m.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception) + " " + exception);

        public void Dispose()
        {
        }
    }
}
