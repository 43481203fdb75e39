namespace EvalBot.Core;

/// <summary>A period's check-in decided by the leader (confirmed or adjusted), saved in the turn that decided it.</summary>
/// <param name="PersonId">The person whose report it is.</param>
/// <param name="Period">The stored period (<c>2026-Q2</c>, <c>2026-05</c>).</param>
/// <param name="At">The moment of the decision (the turn's).</param>
public sealed record CheckInConfirmed(long PersonId, string Period, DateTimeOffset At);

/// <summary>
/// The seam for what follows a leader's decision on a check-in in another feature: the check-ins call every registered
/// implementation after the decided report is saved, in the same transaction (a failure undoes the decision too, and a
/// redelivered decision is not decided twice). The Party track registers one to fill the member's quarterly record
/// (Form 05). None is required: without the Party track nothing follows.
/// </summary>
public interface ICheckInConfirmations
{
    Task ConfirmedAsync(CheckInConfirmed confirmed, CancellationToken cancellationToken);
}
