namespace EvalBot.Core;

/// <summary>What one run of a campaign step did: messages queued now, found already queued, and people left out and why.</summary>
public sealed record CampaignStepResult(string Period, string Step, int Queued, int AlreadyQueued, IReadOnlyList<SkippedPerson> Skipped)
{
    /// <summary>Why the step did nothing (<c>closed</c>, <c>notOpened</c>), or null when it ran.</summary>
    public string? Refused { get; init; }

    public IReadOnlyDictionary<string, int> SkippedByReason =>
        Skipped.GroupBy(s => s.Reason, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static CampaignStepResult Refuse(string period, string step, string reason) => new(period, step, 0, 0, []) { Refused = reason };
}

/// <summary>Someone a step did not write to, by external id, with a reason from <see cref="SkipReasons"/>.</summary>
public sealed record SkippedPerson(string ExternalId, string Reason);

public static class SkipReasons
{
    /// <summary>No Entra object id: the bot cannot reach them in Teams.</summary>
    public const string NoTeamsIdentity = "noTeamsIdentity";

    /// <summary>No tenant or bot account known yet to open a chat with them.</summary>
    public const string NoTeamsAddress = "noTeamsAddress";

    /// <summary>On recorded leave from the step until the campaign closes.</summary>
    public const string OnLeave = "onLeaveUntilClose";

    /// <summary>No working hour left before the campaign closes.</summary>
    public const string WindowClosed = "windowClosed";

    /// <summary>Their Teams chat refused earlier messages (blocked or uninstalled): not chased further.</summary>
    public const string Unreachable = "unreachable";
}
