using System.Text.Json.Nodes;

namespace EvalBot.Protocol;

/// <summary>Outbound calls to Teams. Returns the activity id Teams assigned, when it gives one.</summary>
public interface IConnectorClient
{
    Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken);

    Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken);

    Task<string?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken);

    Task<string> CreatePersonalConversationAsync(string serviceUrl, CreateConversation request, CancellationToken cancellationToken);

    Task<MembersPage> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
