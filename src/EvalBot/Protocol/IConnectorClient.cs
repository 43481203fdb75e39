using System.Text.Json.Nodes;

namespace EvalBot.Protocol;

/// <summary>Outbound calls to Teams. Returns the activity id Teams assigned, when it gives one.</summary>
public interface IConnectorClient
{
    Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken);

    /// <summary>Sends an activity already serialized (an outbox row's JSON): its bytes go out as stored, not parsed and written again.</summary>
    Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, string activityJson, CancellationToken cancellationToken);

    /// <summary>Replies with an activity already serialized, as <see cref="SendToConversationAsync(string, string, string, CancellationToken)"/>.</summary>
    Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, string activityJson, CancellationToken cancellationToken);

    Task<string?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken);

    Task<string> CreatePersonalConversationAsync(string serviceUrl, CreateConversation request, CancellationToken cancellationToken);

    Task<MembersPage> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
