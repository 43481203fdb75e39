using System.Reflection;
using Microsoft.Extensions.Logging;

namespace EvalBot.ArchitectureTests;

/// <summary>Every log line has its own EventId, so a line in the logs names one place in the code.</summary>
public sealed class EventIdTests
{
    [Fact]
    public void Every_logger_message_has_an_event_id_of_its_own()
    {
        var ids = typeof(Protocol.Activity).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.True(ids.Count > 20, $"only {ids.Count} logger messages found: the scan is broken");
        Assert.All(ids, x => Assert.True(x.Attribute!.EventId > 0, $"{x.Method} has no EventId"));
        var shared = ids.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method))}").ToList();
        Assert.True(shared.Count == 0, "EventIds used twice: " + string.Join("; ", shared));
    }
}
