namespace EvalBot.Domain.Classification;

/// <summary>One unit of a person's chain, as rule 25 reads it.</summary>
/// <param name="HeadPersonId">The head of the unit (thủ trưởng); null when none is recorded.</param>
/// <param name="IsAgency">A body (cơ quan) rather than a sub-unit of one.</param>
/// <param name="CompetentPersonId">The decider of the superior body, imported as such for an agency with no agency above.</param>
public sealed record ChainUnit(long? HeadPersonId, bool IsAgency, long? CompetentPersonId);

/// <summary>
/// Rule 25 (Decree 90 Art. 16, Law 80 Art. 25.2): who decides a person's level. Deputies and staff: the head of the body
/// that uses them (the nearest agency at or above their unit; the root when none is marked). A unit head is decided by
/// the head of the directly superior body: for a sub-unit head the head of their agency, for an agency head the head of
/// the next agency above; an agency with no agency above uses the competent person imported for it. Nobody decides their
/// own level. A person heading several units of their chain is rated at the highest of them (rule 3).
/// </summary>
public static class Deciders
{
    /// <summary>The decider, or null when the register names none (the organisation board records the decision).</summary>
    /// <param name="personId">The person rated.</param>
    /// <param name="chain">The person's unit first, then its parent, up to the root.</param>
    public static long? Of(long personId, IReadOnlyList<ChainUnit> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0) return null;
        var headed = -1;
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i].HeadPersonId == personId) headed = i;
        }

        long? decider;
        if (headed < 0)
        {
            decider = chain[BodyAtOrAbove(chain, 0)].HeadPersonId;
        }
        else if (BodyAtOrAbove(chain, headed) != headed)
        {
            decider = chain[BodyAtOrAbove(chain, headed)].HeadPersonId;
        }
        else
        {
            var above = AgencyAbove(chain, headed);
            decider = above < 0 ? chain[headed].CompetentPersonId : chain[above].HeadPersonId;
        }

        return decider == personId ? null : decider;
    }

    /// <summary>The nearest agency at or above the index; the root when none is marked.</summary>
    private static int BodyAtOrAbove(IReadOnlyList<ChainUnit> chain, int from)
    {
        for (var i = from; i < chain.Count; i++)
        {
            if (chain[i].IsAgency) return i;
        }

        return chain.Count - 1;
    }

    private static int AgencyAbove(IReadOnlyList<ChainUnit> chain, int index)
    {
        for (var i = index + 1; i < chain.Count; i++)
        {
            if (chain[i].IsAgency) return i;
        }

        return -1;
    }
}
