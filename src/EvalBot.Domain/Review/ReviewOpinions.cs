namespace EvalBot.Domain.Review;

/// <summary>What rule 20 and rule 37 read about a transfer in the year (ND90_48).</summary>
/// <param name="MonthsAtOldUnit">Months the person worked at the old unit before the transfer, in the year.</param>
/// <param name="OldUnitExists">False when the old unit no longer exists (its comment is then not asked for).</param>
/// <param name="HasOldUnitComment">The old unit's written comment is recorded.</param>
public sealed record TransferFile(decimal MonthsAtOldUnit, bool OldUnitExists, bool HasOldUnitComment);

/// <summary>
/// Rules 20 and 37: the old unit's written comment after a transfer of at least the rule-set's months (6 under ND90_48), unless
/// that unit no longer exists, is a checklist item required before the decision, never points.
/// </summary>
public static class ReviewOpinions
{
    /// <summary>True when the transfer asks for the old unit's comment.</summary>
    /// <param name="file">The transfer.</param>
    /// <param name="requiredFromMonths">The rule-set's threshold (TimeInYear.OldUnitCommentRequiredFromMonths); null switches the rule off.</param>
    public static bool OldUnitCommentRequired(TransferFile file, decimal? requiredFromMonths)
    {
        ArgumentNullException.ThrowIfNull(file);
        return requiredFromMonths is { } months && file.OldUnitExists && file.MonthsAtOldUnit >= months;
    }

    /// <summary>Null when the decision may be taken; else the refusal naming the missing comment.</summary>
    public static ReviewRefusal? MayDecide(TransferFile? file, decimal? requiredFromMonths)
    {
        if (file is null || !OldUnitCommentRequired(file, requiredFromMonths) || file.HasOldUnitComment) return null;
        var months = requiredFromMonths!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return new("R37", $"Chưa có nhận xét bằng văn bản của đơn vị công tác cũ (chuyển công tác trong năm, đã công tác ở đơn vị cũ từ {months} tháng trở lên); cần ghi trước khi quyết định.",
            $"The old unit's written comment is missing (transferred during the year after {months} months or more there); it is recorded before the decision.");
    }
}
