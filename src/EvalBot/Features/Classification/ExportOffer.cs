using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// Offers the official list in the requester's chat: per unit they may export, a file consent card (its contexts name
/// the year, the unit and a single-use secret bound to the requester) with a line carrying a short-lived, single-use
/// download link for clients without that card. In a shared conversation the router sends all of it to the requester's
/// personal chat; nothing is written where others read.
/// </summary>
public sealed class ExportOffer(
    ExportAccess access, ExportGrants grants, ClassificationExport export, PublicAddress address, CardTemplates templates,
    Auditing.AuditLog audit, IOptions<ExportOptions> options)
{
    /// <summary>Sends the offers; false (after a polite refusal) when <paramref name="me"/> may not export that list.</summary>
    public async Task<bool> OfferAsync(TurnContext turn, Person? me, int year, string? unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = new TextTable(templates, turn.Language);
        if (me is null)
        {
            turn.Reply(TurnContext.TextMessage(text["sumNoPerson"]));
            return false;
        }

        var roots = await access.RootsAsync(me, unit, ct);
        var actor = me.AadObjectId ?? me.ExternalId;
        audit.Record(actor, "classification.export.requested", "classification", year.ToString(CultureInfo.InvariantCulture), new { unit, allowed = roots.Count > 0 }, turn.Now);
        if (roots.Count == 0)
        {
            turn.Reply(TurnContext.TextMessage(text["exportNotAllowed"]));
            return false;
        }

        await grants.PruneAsync(turn.Now, ct);
        foreach (var root in roots)
        {
            var file = await export.BuildAsync(year, root.Id, ct) ?? throw new InvalidOperationException("A unit just read is gone.");
            turn.Reply(Message(turn, me, year, file, text));
        }

        return true;
    }

    private JsonObject Message(TurnContext turn, Person me, int year, ExportFile file, TextTable text)
    {
        var lifetime = options.Value;
        var consent = grants.Issue(ExportGrant.ConsentPurpose, me.Id, year, file.Root.Id, turn.Now, lifetime.ConsentLifetime);
        var context = new JsonObject { ["year"] = year, ["unit"] = file.Root.ExternalId, ["id"] = consent };
        var message = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = ActivityTypes.FileConsentCardContentType,
                ["name"] = file.Name,
                ["content"] = new JsonObject
                {
                    ["description"] = text.Format("exportDescription", year, file.Root.Name),
                    ["sizeInBytes"] = file.Bytes.Length,
                    ["acceptContext"] = context,
                    ["declineContext"] = context.DeepClone(),
                },
            }),
        };
        if (address.BaseUrl() is { } baseUrl)
        {
            var token = grants.Issue(ExportGrant.LinkPurpose, me.Id, year, file.Root.Id, turn.Now, lifetime.LinkLifetime);
            var minutes = Math.Max(1, (int)Math.Round(lifetime.LinkLifetime.TotalMinutes));
            message["text"] = text.Format("exportLinkLine", $"{baseUrl}{ExportLinkEndpoint.Prefix}/{token}", minutes);
            message["textFormat"] = "plain";
            audit.Record(me.AadObjectId ?? me.ExternalId, "classification.export.link.issued", "classification", year.ToString(CultureInfo.InvariantCulture),
                new { unit = file.Root.ExternalId, expiresAt = turn.Now + lifetime.LinkLifetime }, turn.Now);
        }

        return message;
    }
}
