namespace EvalBot.Core;

/// <summary>
/// Something a feature asks the organisation board to look at on its card (overdue Party ratings, open personnel
/// follow-ups): a titled list of lines, the first few shown. The board feature shows every source that has something;
/// the owning feature registers it as <see cref="IBoardAttention"/> and never learns about the card.
/// </summary>
public interface IBoardAttention
{
    /// <summary>What to show now in <paramref name="language"/>, at most <paramref name="maxLines"/> lines; null when nothing.</summary>
    Task<BoardAttention?> ForAsync(DateTimeOffset now, string language, int maxLines, CancellationToken cancellationToken);
}

/// <summary>A section of the board card: its title, whether it is urgent (shown in the attention colour), its lines and how many more there are.</summary>
public sealed record BoardAttention(string Title, bool Urgent, IReadOnlyList<string> Lines, int Hidden);
