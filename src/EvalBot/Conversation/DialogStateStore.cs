using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Conversation;

/// <summary>Where a user is in a multi-step exchange (a disambiguation, a form in progress).</summary>
public sealed record DialogState(string DialogId, int Step, JsonObject Data);

/// <summary>
/// Dialog state per conversation and user, in the database and not in memory, so that a restart or another instance
/// continues the same dialog. Writes carry a version; two instances writing the same row at once make one of the
/// turns fail with a concurrency conflict, and the turn processor runs that turn again on fresh data.
/// </summary>
public sealed class DialogStateStore(EvalBotDbContext db, TimeProvider time)
{
    public async Task<DialogState?> GetAsync(string conversationId, string userKey, CancellationToken cancellationToken)
    {
        var row = await FindAsync(conversationId, userKey, cancellationToken);
        return row is null ? null : new DialogState(row.DialogId, row.Step, JsonNode.Parse(row.DataJson) as JsonObject ?? []);
    }

    /// <summary>Saves the state in the caller's unit of work (committed with the rest of the turn).</summary>
    public async Task SetAsync(string conversationId, string userKey, DialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = await FindAsync(conversationId, userKey, cancellationToken);
        if (row is null)
        {
            row = new DialogStateRow { ConversationId = conversationId, UserKey = userKey, DialogId = state.DialogId };
            db.DialogStates.Add(row);
        }

        row.DialogId = state.DialogId;
        row.Step = state.Step;
        row.DataJson = JsonSerializer.Serialize(state.Data, ProtocolJson.Options);
        row.Version = Guid.NewGuid();
        row.UpdatedAt = time.GetUtcNow();
    }

    public async Task ClearAsync(string conversationId, string userKey, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversationId, userKey, cancellationToken) is { } row)
        {
            db.DialogStates.Remove(row);
        }
    }

    private async Task<DialogStateRow?> FindAsync(string conversationId, string userKey, CancellationToken cancellationToken) =>
        db.DialogStates.Local.FirstOrDefault(d => d.ConversationId == conversationId && d.UserKey == userKey)
        ?? await db.DialogStates.SingleOrDefaultAsync(d => d.ConversationId == conversationId && d.UserKey == userKey, cancellationToken);
}
