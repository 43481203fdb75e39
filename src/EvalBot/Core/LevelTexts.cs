using EvalBot.Domain;
using EvalBot.Persistence.Entities;

namespace EvalBot.Core;

/// <summary>How a classification row's level reads on every card (decision, list, dossier).</summary>
public static class LevelTexts
{
    public static string LevelText(TextTable text, ClassificationRecord r)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(r);
        return r.Outcome switch
        {
            ClassificationOutcome.NotRated => text["classNotRated"],
            ClassificationOutcome.NeedsAuthorityDecision or ClassificationOutcome.Rejected => text["classNeedsDecision"],
            _ => text.LevelName(r.Level is { } l ? (Level)l : null),
        };
    }
}
