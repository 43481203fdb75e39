namespace EvalBot.Core;

/// <summary>
/// The year as the organisation board follows it, offered to the board card by the classification feature: whether it
/// has been compiled, how many decision lists are decided, the cases waiting for the competent level (the first
/// <see cref="BoardOptions.MaxCases"/>, with the total) and the heads overdue against the legal deadlines.
/// </summary>
public interface IBoardYearStatus
{
    Task<BoardYear> ForAsync(int year, DateTimeOffset now, string language, int maxCases, CancellationToken cancellationToken);
}

public sealed record BoardYear(
    int Year, bool Compiled, int Lists, int ListsDecided, IReadOnlyList<BoardCase> Cases, int CasesTotal, IReadOnlyList<BoardOverdue> Overdue);

/// <summary>A person whose level the rules could not decide: the reason in plain words, and their record.</summary>
public sealed record BoardCase(long PersonId, string Name, string Unit, decimal? Score, string Why);

/// <summary>A head whose list is still undecided after a deadline (<c>dd/MM/yyyy</c>), with how many people wait on it.</summary>
public sealed record BoardOverdue(string Head, string Unit, int Waiting, string Deadline);
