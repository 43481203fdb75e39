using System.Net;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Delivery;

/// <summary>
/// The conversation an outbox row is posted in, found or created for its recipient, and what a permanent failure to
/// post there says about that conversation. Works in the sender's unit of work for the row.
/// </summary>
internal sealed class RecipientConversations(IConnectorClient connector, TimeProvider time)
{
    /// <summary>
    /// The conversation to post in. A proactive message to someone without one uses the personal chat the bot already
    /// has with them, or creates it (the app must be installed for that user) and remembers it.
    /// </summary>
    public async Task<string> ResolveAsync(EvalBotDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.ConversationId is { } known)
        {
            return known;
        }

        var recipient = row.RecipientAadObjectId ?? throw new InvalidOperationException($"Outbox message {row.Id} has neither a conversation nor a recipient.");
        var existing = await db.ConversationReferences
            .Where(c => c.UserAadObjectId == recipient && c.IsActive && (c.ConversationType == null || c.ConversationType == "personal"))
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            row.ConversationId = existing.ConversationId;
            row.ServiceUrl = existing.ServiceUrl;
            return existing.ConversationId;
        }

        return await CreatePersonalChatAsync(db, row, recipient, cancellationToken);
    }

    /// <summary>Keeps the failure on the conversation; one the user blocked, uninstalled or left gets no more prompts.</summary>
    public async Task RecordPermanentFailureAsync(EvalBotDbContext db, string conversationId, ConnectorException ex, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (reference is null)
        {
            return;
        }

        reference.LastFailureStatus = (int)ex.StatusCode;
        reference.LastFailureCode = ex.Code;
        reference.LastFailureAt = time.GetUtcNow();
        if (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // Blocked, uninstalled or gone: stop prompting this conversation until the user comes back.
            reference.IsActive = false;
        }
    }

    private async Task<string> CreatePersonalChatAsync(EvalBotDbContext db, OutboxMessage row, string recipient, CancellationToken cancellationToken)
    {
        var botId = row.BotId ?? throw new InvalidOperationException($"Outbox message {row.Id} has no bot account to create a conversation with.");
        var tenantId = row.TenantId ?? throw new InvalidOperationException($"Outbox message {row.Id} has no tenant to create a conversation in.");
        // Marked while the chat is created: a crash mid-call fails the row rather than risk a second chat or prompt.
        row.SendStartedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var created = await connector.CreatePersonalConversationAsync(row.ServiceUrl, new CreateConversation(botId, recipient, tenantId), cancellationToken);
        var now = time.GetUtcNow();
        if (!await db.ConversationReferences.AnyAsync(c => c.ConversationId == created, cancellationToken))
        {
            db.ConversationReferences.Add(new ConversationReference
            {
                ConversationId = created,
                ServiceUrl = row.ServiceUrl,
                ChannelId = "msteams",
                ConversationType = "personal",
                TenantId = tenantId,
                BotId = botId,
                UserAadObjectId = recipient,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        // The chat is known from now on: a crash before the message itself is sent leaves a row that is simply resent.
        row.ConversationId = created;
        row.SendStartedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
