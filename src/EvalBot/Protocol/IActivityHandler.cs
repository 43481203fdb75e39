using System.Text.Json.Nodes;

namespace EvalBot.Protocol;

/// <summary>
/// What <c>POST /api/messages</c> hands a well-formed, authenticated, routable activity to. Protocol owns this seam and
/// knows nothing above it; the turn machinery implements it.
/// </summary>
public interface IActivityHandler
{
    Task<ActivityOutcome> HandleAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The HTTP answer to an activity: a status and, for invokes, the JSON body Teams expects.</summary>
public sealed record ActivityOutcome(int Status, JsonObject? Body = null)
{
    public static ActivityOutcome Ok { get; } = new(StatusCodes.Status200OK);

    /// <summary>Refused before anything was stored (another tenant, someone else's personal chat).</summary>
    public static ActivityOutcome Forbidden { get; } = new(StatusCodes.Status403Forbidden);
}
