namespace EvalBot.Core;

/// <summary>
/// A command a feature starts, as the feature declares it: the help topic it opens (the <c>topic</c> data of
/// <c>help.show</c>) and the keywords a user types, Vietnamese first with English aliases. The feature that owns the
/// command registers its topic (<see cref="CommandTopicSetup.AddCommandTopic"/>); the help card reads all of them.
/// </summary>
public sealed record CommandTopic(string Key, IReadOnlyList<string> Keywords, bool BoardOnly = false);

public static class CommandTopicSetup
{
    /// <summary>Registers a feature's command topic so that help can explain it and recognise its keywords.</summary>
    public static IServiceCollection AddCommandTopic(this IServiceCollection services, CommandTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return services.AddSingleton(topic);
    }
}
