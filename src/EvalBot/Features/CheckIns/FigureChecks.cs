namespace EvalBot.Features.CheckIns;

/// <summary>
/// The figure checks the person's check-in card and the leader's review card share, each error keyed by the input id it
/// belongs to: an amount of a product (done, quality passed, on time) is a number, not negative and not absurdly above
/// its assignment; quality and on time stay within done; a criterion's points lie between zero and its maximum. What an
/// empty field means is the caller's: required on a submission, left as reported on a review.
/// </summary>
public sealed class FigureChecks(TextTable text, decimal maxDoneMultiple, IDictionary<string, string> errors)
{
    /// <summary>The amount typed for <paramref name="key"/>, or null with the field's error.</summary>
    public decimal? Amount(string typed, string key, decimal assigned)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var value = CheckInInput.Number(typed);
        string? error = value switch
        {
            null => text["checkinErrNotNumber"],
            < 0m => text["checkinErrNegative"],
            _ when value > Math.Max(1, assigned) * maxDoneMultiple => text.Format("checkinErrTooLarge", text.Number(assigned)),
            _ => null,
        };
        if (error is null)
        {
            return value;
        }

        errors[key] = error;
        return null;
    }

    /// <summary>Quality passed and on time may not exceed what was done (<paramref name="prefix"/> is <c>target.{id}.</c>).</summary>
    public void WithinDone(string prefix, decimal? done, decimal? qualityOk, decimal? onTime)
    {
        if (done is not { } d)
        {
            return;
        }

        if (qualityOk > d)
        {
            errors[prefix + "qualityOk"] = text["checkinErrAboveDone"];
        }

        if (onTime > d)
        {
            errors[prefix + "onTime"] = text["checkinErrAboveDone"];
        }
    }

    /// <summary>The points typed for criterion <paramref name="id"/> (input <c>general.{id}</c>), or null with its error.</summary>
    public decimal? Points(string typed, string id, decimal max)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var value = CheckInInput.Number(typed);
        if (value is null || value < 0 || value > max)
        {
            errors["general." + id] = text.Format("checkinErrRange", text.Number(max));
            return null;
        }

        return value;
    }
}
