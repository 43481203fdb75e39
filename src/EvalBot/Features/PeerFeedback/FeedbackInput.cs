using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Features.PeerFeedback;

/// <summary>What a reviewer typed: <c>rating.{criterionId}</c> as "1".."5" or "na", <c>strengths</c>, <c>improvements</c>.</summary>
public sealed record FeedbackValues(IReadOnlyDictionary<string, string?> Ratings, string Strengths, string Improvements)
{
    public static FeedbackValues Read(JsonObject data, IEnumerable<string> criteria)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ratings = criteria.ToDictionary(id => id, id => (string?)(JsonRead.Text(data, "rating." + id) ?? "").Trim(), StringComparer.Ordinal);
        return new FeedbackValues(ratings, Clean(JsonRead.Text(data, "strengths")), Clean(JsonRead.Text(data, "improvements")));
    }

    /// <summary>Trimmed, with Windows line ends and control characters other than line breaks removed.</summary>
    private static string Clean(string? text)
    {
        var unified = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        return new string([.. unified.Where(c => c == '\n' || !char.IsControl(c))]).Trim();
    }
}

/// <summary>A checked answer, ready to store: ratings 1..5 or null ("cannot judge").</summary>
public sealed record FeedbackAnswer(IReadOnlyDictionary<string, int?> Ratings, string Strengths, string Improvements);

/// <summary>Checks an answer: every group rated or marked "cannot judge", texts within the limit, and something said.</summary>
public static class FeedbackValidator
{
    public static (FeedbackAnswer? Answer, Dictionary<string, string> Errors) Validate(FeedbackValues values, int maxLength, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var ratings = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (id, typed) in values.Ratings)
        {
            if (typed == FeedbackForm.CannotJudge)
            {
                ratings[id] = null;
            }
            else if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= FeedbackForm.ScaleMax)
            {
                ratings[id] = n;
            }
            else
            {
                errors["rating." + id] = text["feedbackErrRating"];
            }
        }

        foreach (var (key, value) in new[] { ("strengths", values.Strengths), ("improvements", values.Improvements) })
        {
            if (value.Length > maxLength)
            {
                errors[key] = text.Format("feedbackErrTooLong", maxLength);
            }
        }

        if (errors.Count == 0 && ratings.Values.All(r => r is null) && values.Strengths.Length == 0 && values.Improvements.Length == 0)
        {
            errors["form"] = text["feedbackErrEmpty"];
        }

        return errors.Count > 0 ? (null, errors) : (new FeedbackAnswer(ratings, values.Strengths, values.Improvements), errors);
    }
}
