using EvalBot.Persistence;
using EvalBot.Persistence.Entities;

namespace EvalBot.Tests.Support;

/// <summary>Score-sheet criteria written straight into the database (the import is tested on its own).</summary>
public static class TestSheets
{
    /// <summary>A staff sheet on the 30/70 scale attached to <paramref name="post"/>: ethics 12, skill 10, creativity 8, tasks 70.</summary>
    public static void StaffSheet(EvalBotDbContext db, Post post)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(post);
        Add(db, post, 0, "ethics", "Đạo đức công vụ", "Public-service ethics", ScoreSheetGroups.General, 12, "Không vi phạm kỷ luật: đủ 12 điểm", "No breach of discipline: all 12 points");
        Add(db, post, 1, "skill", "Kỹ năng chuyên môn", "Professional skill", ScoreSheetGroups.General, 10, null, null);
        Add(db, post, 2, "creativity", "Sáng kiến", "Initiatives", ScoreSheetGroups.General, 8, null, null);
        Add(db, post, 3, "products", "Sản phẩm được giao", "Assigned products", ScoreSheetGroups.Task, 70, "Số lượng, chất lượng, tiến độ", "Quantity, quality, progress");
    }

    private static void Add(EvalBotDbContext db, Post post, int position, string id, string vi, string en, string group, decimal max, string? descriptionVi, string? descriptionEn) =>
        db.ScoreSheetCriteria.Add(new ScoreSheetCriterion
        {
            SheetExternalId = "BD-" + post.ExternalId, CriterionId = id, Position = position, PostId = post.Id, NameVi = vi, NameEn = en, Group = group, Max = max,
            DescriptionVi = descriptionVi, DescriptionEn = descriptionEn,
        });
}
