namespace EvalBot.Features.Organisation;

/// <summary>
/// A value from an optional column: absent when the file has no such column. Re-importing a file without a
/// column keeps what is stored (a units file without heads does not remove them); an empty cell clears the value.
/// </summary>
public readonly record struct Maybe<T>(bool Present, T Value)
{
    public T Or(T fallback) => Present ? Value : fallback;
}
