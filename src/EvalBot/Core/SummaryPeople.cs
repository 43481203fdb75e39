using EvalBot.Conversation;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>What a person argument resolved to.</summary>
public enum ResolutionKind
{
    Found = 0,
    Several = 1,
    NotAllowed = 2,
    NotFound = 3,
}

/// <summary>The people an argument names, split by what the viewer may see.</summary>
public sealed record Resolution(ResolutionKind Kind, IReadOnlyList<Person> People);

/// <summary>
/// Finds the person a command names: a Teams mention entity, an email, an external id, or a name (accent-insensitive,
/// every word of the argument a part of the name). Only people the viewer may see are offered; a match the viewer may
/// not see is a polite refusal, not a list.
/// </summary>
public sealed class SummaryPeople(EvalBotDbContext db, SummaryAccess access)
{
    public async Task<Resolution> ResolveAsync(TurnContext turn, Person viewer, string argument, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(viewer);
        var all = await db.People.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        var matches = await MentionedAsync(turn, all, ct) ?? Match(all, argument ?? "");
        if (string.IsNullOrWhiteSpace(argument) && matches.Count == 0) matches = [viewer];
        if (matches.Count == 0) return new Resolution(ResolutionKind.NotFound, []);
        var visible = (await access.VisiblePeopleAsync(viewer, ct)).Select(p => p.Id).ToHashSet();
        var allowed = matches.Where(p => visible.Contains(p.Id)).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
        return allowed.Count switch
        {
            0 => new Resolution(ResolutionKind.NotAllowed, []),
            1 => new Resolution(ResolutionKind.Found, allowed),
            _ => new Resolution(ResolutionKind.Several, allowed),
        };
    }

    /// <summary>People named by mention entities other than the bot's own, by Entra id, known Teams user id, or name.</summary>
    private async Task<List<Person>?> MentionedAsync(TurnContext turn, List<Person> all, CancellationToken ct)
    {
        var mentions = (turn.Activity.Entities ?? []).Where(e => JsonRead.Text(e, "type") == "mention")
            .Select(e => JsonRead.ObjectAt(e, "mentioned")).OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(m => JsonRead.Text(m, "id") != turn.Activity.Recipient?.Id).ToList();
        if (mentions.Count == 0) return null;
        var found = new List<Person>();
        foreach (var m in mentions)
        {
            var aad = JsonRead.Text(m, "aadObjectId");
            var id = JsonRead.Text(m, "id");
            aad ??= await db.ConversationReferences.AsNoTracking().Where(c => c.UserId == id && c.UserAadObjectId != null).Select(c => c.UserAadObjectId).FirstOrDefaultAsync(ct);
            var byAad = all.Where(p => aad is not null && p.AadObjectId == aad).ToList();
            found.AddRange(byAad.Count > 0 ? byAad : Match(all, JsonRead.Text(m, "name") ?? ""));
        }

        return [.. found.DistinctBy(p => p.Id)];
    }

    public static List<Person> Match(IEnumerable<Person> people, string argument)
    {
        var arg = argument.Trim();
        if (arg.Length == 0) return [];
        var exact = people.Where(p => string.Equals(p.Email, arg, StringComparison.OrdinalIgnoreCase) || string.Equals(p.ExternalId, arg, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0) return exact;
        var words = CommandText.Fold(arg).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. people.Where(p =>
        {
            var name = CommandText.Fold(p.FullName);
            return words.All(w => name.Contains(w, StringComparison.Ordinal));
        })];
    }
}
