namespace EvalBot.Persistence.Entities;

/// <summary>An organisational unit (cơ quan, phòng, ban). An agency is the scope of the HTXS quota.</summary>
public sealed class Unit
{
    public long Id { get; set; }

    /// <summary>The id in the organisation's own register; imports are idempotent by it.</summary>
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public long? ParentId { get; set; }
    public Unit? Parent { get; set; }

    /// <summary>The head of unit (thủ trưởng): decides the unit's classification and gets escalations.</summary>
    public long? HeadPersonId { get; set; }

    /// <summary>
    /// The competent level (cấp có thẩm quyền) for the unit's cases the rules cannot decide: the person who records those
    /// decisions on their own card (e.g. the chair of the people's committee above). Null: the organisation board does.
    /// </summary>
    public long? CompetentPersonId { get; set; }

    /// <summary>True for the agency (cơ quan) that counts as one quota scope.</summary>
    public bool IsAgency { get; set; }

    /// <summary><c>quarter</c> (default) or <c>month</c>: how often the unit's people report.</summary>
    public string PeriodKind { get; set; } = "quarter";

    /// <summary>IANA time zone of the unit; people inherit it unless they have their own.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
