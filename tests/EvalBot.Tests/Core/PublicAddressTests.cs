using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EvalBot.Tests.Core;

public sealed class PublicAddressTests
{
    private static PublicAddress Address(string? configured, string? requestHost)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PublicAddress.Setting] = configured }).Build();
        var accessor = new HttpContextAccessor();
        if (requestHost is not null)
        {
            var context = new DefaultHttpContext();
            context.Request.Scheme = "https";
            context.Request.Host = new HostString(requestHost);
            accessor.HttpContext = context;
        }

        return new PublicAddress(configuration, accessor);
    }

    [Theory]
    [InlineData("https://evalbot.example.org/", "internal:8080", "https://evalbot.example.org")]
    [InlineData("https://evalbot.example.org/bot", null, "https://evalbot.example.org/bot")]
    [InlineData("", "bot.example.org", "https://bot.example.org")]
    [InlineData("ftp://evalbot.example.org", "bot.example.org", "https://bot.example.org")]
    [InlineData("not a url", null, null)]
    public void The_setting_wins_and_the_request_host_is_the_fallback(string configured, string? requestHost, string? expected)
    {
        Assert.Equal(expected, Address(configured, requestHost).BaseUrl());
    }
}
