namespace EvalBot.Features.CheckIns;

/// <summary>
/// One thing the leader changed in a report, kept as data so that each reader gets it in their own language: the
/// person's result card and the leader's closed review card list the same changes.
/// </summary>
public abstract record ReviewChange
{
    /// <summary>The change as a sentence in <paramref name="text"/>'s language (user text not yet escaped).</summary>
    public abstract string Describe(TextTable text);
}

/// <summary>A reported figure of a product (<c>fieldDone</c>, <c>fieldQualityOk</c>, <c>fieldOnTime</c>) changed, with the reason.</summary>
public sealed record FigureChange(string Product, string Field, decimal From, decimal To, string Reason) : ReviewChange
{
    public override string Describe(TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Format("resultChange", Product, text[Field], text.Number(From), text.Number(To), Reason);
    }
}

/// <summary>Failed quality checks, delays or an objective-cause exemption recorded on a product.</summary>
public sealed record DeductionChange(string Product, int FailedChecks, int Delays, bool Exempt, string Document) : ReviewChange
{
    public override string Describe(TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var exempt = Exempt ? text.Format("resultExempt", Document) : "";
        return text.Format("resultDeduction", Product, FailedChecks, Delays, exempt);
    }
}

/// <summary>The points of a general criterion set other than the person's self-assessment.</summary>
public sealed record GeneralChange(GeneralCriterion Criterion, decimal? From, decimal To) : ReviewChange
{
    public override string Describe(TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Language == "en" ? Criterion.NameEn : Criterion.NameVi;
        return text.Format("resultGeneralChange", name, From is { } from ? text.Number(from) : "—", text.Number(To));
    }
}

/// <summary>The person's figures of one product as reported, before the leader's decision.</summary>
public readonly record struct LineFigures(decimal Done, decimal QualityOk, decimal OnTime);

/// <summary>
/// The leader's decision as the closed review card shows it: the decision line, the figures the person had reported
/// (the stored lines now hold the leader's), every change, the comment and the remediation item recorded.
/// </summary>
public sealed record ReviewDecision(
    string Text,
    IReadOnlyDictionary<long, LineFigures> Reported,
    IReadOnlyList<ReviewChange> Changes,
    string Comment,
    NewRemediation? Remediation);
