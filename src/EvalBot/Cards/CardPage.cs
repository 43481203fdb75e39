using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalBot.Cards;

/// <summary>
/// One page of a long list on a card. Teams refuses a bot message over about 100 KB (and advises 80 KB), which a list
/// of a few hundred people passes, so cards that list people show <see cref="CardsOptions.PageSize"/> at a time with
/// buttons for the previous and next page.
/// </summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Number">This page, from 1.</param>
/// <param name="Count">How many pages there are (at least 1, even for an empty list).</param>
/// <param name="Total">How many items the whole list has.</param>
/// <param name="Offset">How many items come before this page.</param>
public sealed record CardPage<T>(IReadOnlyList<T> Items, int Number, int Count, int Total, int Offset)
{

    /// <summary>
    /// What a template needs to show the pager: <c>many</c> (more than one page), <c>text</c> (the caller's label),
    /// <c>hasPrevious</c>/<c>previous</c> and <c>hasNext</c>/<c>next</c> (page numbers as strings, for action data).
    /// </summary>
    public JsonObject ToJson(string text) => new()
    {
        ["many"] = Count > 1,
        ["text"] = text,
        ["hasPrevious"] = Number > 1,
        ["previous"] = (Number - 1).ToString(CultureInfo.InvariantCulture),
        ["hasNext"] = Number < Count,
        ["next"] = (Number + 1).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Cutting lists into <see cref="CardPage{T}"/>s.</summary>
public static class CardPage
{
    /// <summary>The page <paramref name="requested"/> of <paramref name="all"/> (the first when null; out-of-range numbers give the nearest page).</summary>
    public static CardPage<T> Of<T>(IReadOnlyList<T> all, int? requested, int size)
    {
        ArgumentNullException.ThrowIfNull(all);
        size = Math.Max(1, size);
        var count = Math.Max(1, (all.Count + size - 1) / size);
        var number = Math.Clamp(requested ?? 1, 1, count);
        var offset = (number - 1) * size;
        return new CardPage<T>([.. all.Skip(offset).Take(size)], number, count, all.Count, offset);
    }

    /// <summary>The page number a card action asks for (untrusted card data), or null when absent or not a positive number.</summary>
    public static int? Requested(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null;
}
