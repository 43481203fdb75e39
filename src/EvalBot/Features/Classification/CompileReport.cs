namespace EvalBot.Features.Classification;

/// <summary>What <c>POST /admin/years/{year}/compile</c> answers: per unit, counts by level, flagged cases and the quota.</summary>
public sealed record CompileReport(int Year, int Changed, IReadOnlyList<UnitCompileResult> Units);

public sealed record UnitCompileResult(string UnitId, string UnitName, int People, IReadOnlyDictionary<string, int> Levels, int NotRated, IReadOnlyList<FlaggedCase> Flagged, QuotaSummary Quota, int Decided);

public sealed record FlaggedCase(string PersonId, string Outcome, string Why);

public sealed record QuotaSummary(string Agency, bool CanFinalise, IReadOnlyList<QuotaScopeSummary> Scopes, IReadOnlyList<string> Excess, string? ExceptionDecision);

public sealed record QuotaScopeSummary(string Scope, int Good, int Excellent, int Cap);
