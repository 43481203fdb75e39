namespace EvalBot.Features.Organisation;

/// <summary>An assigned product for a period, to one person or to everyone holding a post.</summary>
public sealed record TargetRow(
    RowLocation At, string Id, string Period, string? Person, string? Post, string Title, string UnitOfMeasure,
    decimal Quantity, decimal ConversionFactor, DateOnly Deadline, string QualityRequirement);

/// <summary>Lawful leave: no prompts while it lasts.</summary>
public sealed record LeaveRow(RowLocation At, string Id, string Person, string Kind, DateOnly From, DateOnly To);

/// <summary>A disciplinary decision; the violation id links Party and administrative sanctions for one act.</summary>
/// <param name="PublicService">A violation in public service (an empty cell: yes; no column: as stored, yes for a new row); Decree 335 forces KHT only for those.</param>
/// <param name="CountedYear">The year the violation was already counted for a KHT before EvalBot (rule 12); an empty cell: none; no column: as stored.</param>
public sealed record DisciplineRow(RowLocation At, string Id, string Person, string ViolationId, DateOnly DecisionDate, string Track, string Sanction, Maybe<bool> PublicService,
    Maybe<int?> CountedYear = default);

/// <summary>A degradation finding or a suspension.</summary>
public sealed record FindingRow(RowLocation At, string Id, string Person, string Kind, DateOnly Date);

/// <summary>A move between units; the old unit may be outside EvalBot.</summary>
public sealed record TransferRow(RowLocation At, string Id, string Person, string FromUnit, string ToUnit, DateOnly Date);

/// <summary>A period score the old unit sent after a transfer (Decree 335 Art. 21); one per person and period.</summary>
/// <param name="Score">The period's total on the 100-point scale.</param>
/// <param name="General">Its general-criteria part, when the old unit sent it.</param>
public sealed record PriorScoreRow(RowLocation At, string Person, string Period, string FromUnit, decimal Score, decimal? General)
{
    /// <summary>The import key: <c>person_id/period</c>.</summary>
    public string Key => $"{Person}/{Period}";
}

/// <summary>A confidence vote's counts; ballots are never imported.</summary>
public sealed record VoteRow(RowLocation At, string Id, string Person, DateOnly Date, int High, int Medium, int Low, int Present, int Convened);

/// <summary>Parses targets and the person records (leave, discipline, findings, transfers, confidence votes).</summary>
public static class RecordRowParser
{
    public static TargetRow Target(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var person = r.Text("person_id").Value;
        var post = r.Text("post_id").Value;
        if ((person is null) == (post is null))
        {
            r.Fail(person is null ? "person_id" : "post_id", "Cần đúng một trong person_id hoặc post_id.", "Exactly one of person_id and post_id is needed.");
        }

        var quantity = r.Number("quantity");
        if (quantity == 0m && r.Has("quantity")) r.Fail("quantity", "Số lượng phải lớn hơn 0.", "The quantity must be above 0.");
        var factor = r.Number("conversion_factor", empty: 1m);
        if (factor == 0m) r.Fail("conversion_factor", "Hệ số quy đổi phải lớn hơn 0.", "The conversion factor must be above 0.");
        return new(r.At, r.Required("target_id"), r.Period("period"), person, post, r.Required("title"), r.Required("unit_of_measure"),
            quantity, factor, r.Date("deadline"), r.Required("quality_requirement"));
    }

    public static LeaveRow Leave(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var row = new LeaveRow(r.At, r.Required("leave_id"), r.Required("person_id"), r.RequiredChoice("kind", Vocabulary.LeaveKinds, "other"), r.Date("from_date"), r.Date("to_date"));
        if (row.To < row.From) r.Fail("to_date", "Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date.");
        return row;
    }

    public static DisciplineRow Discipline(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var date = r.Date("decision_date");
        return new(r.At, r.Required("discipline_id"), r.Required("person_id"), r.Required("violation_id"), date,
            r.RequiredChoice("track", Vocabulary.Tracks, "administrative"), r.RequiredChoice("sanction", Vocabulary.Sanctions, "reprimand"),
            r.Choice("public_service", Vocabulary.Flags, true), CountedYear(r, date));
    }

    /// <summary>Rule 12: the year a violation was already counted for a KHT, from 1990 to the decision's year (a later sanction for it is not counted again).</summary>
    private static Maybe<int?> CountedYear(RowReader r, DateOnly decided)
    {
        if (r.Text("counted_year") is not { Present: true } text) return default;
        if (text.Value is null) return new(true, null);
        var year = r.Count("counted_year");
        if (year < 1990 || (decided != default && year > decided.Year))
        {
            r.Fail("counted_year", "Năm đã tính phải từ 1990 đến năm của quyết định kỷ luật.", "The counted year must be from 1990 to the year of the decision.");
        }

        return new(true, year);
    }

    public static FindingRow Finding(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required("finding_id"), r.Required("person_id"), r.RequiredChoice("kind", Vocabulary.FindingKinds, "degradation"), r.Date("date"));
    }

    public static TransferRow Transfer(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required("transfer_id"), r.Required("person_id"), r.Required("from_unit_id"), r.Required("to_unit_id"), r.Date("date"));
    }

    /// <summary>The highest period total on any point scale (Decree 335 Art. 12; Reg. 366 Art. 10): the rules check the person's own scale again.</summary>
    public const decimal MaxPeriodTotal = 100m;

    public static PriorScoreRow PriorScore(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var score = r.Number("score");
        if (score > MaxPeriodTotal) r.Fail("score", "Điểm của kỳ phải từ 0 đến 100.", "The period's score must be 0 to 100.");
        decimal? general = r.Text("general_score").Value is null ? null : r.Number("general_score");
        if (general > score) r.Fail("general_score", "Điểm tiêu chí chung lớn hơn tổng điểm của kỳ.", "The general-criteria points exceed the period's total.");
        return new(r.At, r.Required("person_id"), r.Period("period"), r.Required("from_unit_id"), score, general);
    }

    public static VoteRow Vote(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var row = new VoteRow(r.At, r.Required("vote_id"), r.Required("person_id"), r.Date("date"), r.Count("high"), r.Count("medium"), r.Count("low"), r.Count("present"), r.Count("convened"));
        if (row.High + row.Medium + row.Low > row.Present) r.Fail("present", "Số phiếu nhiều hơn số người có mặt.", "More ballots than voters present.");
        if (row.Present > row.Convened) r.Fail("convened", "Số người có mặt nhiều hơn số được triệu tập.", "More voters present than convened.");
        return row;
    }
}
