using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ScoreSheetCriterionConfiguration : IEntityTypeConfiguration<ScoreSheetCriterion>
{
    public void Configure(EntityTypeBuilder<ScoreSheetCriterion> builder)
    {
        builder.ToTable("score_sheet_criteria");
        builder.HasIndex(x => new { x.SheetExternalId, x.CriterionId }).IsUnique();
        builder.HasIndex(x => x.PostId);
        builder.HasIndex(x => x.TaskGroupId);
        builder.HasIndex(x => x.UnitId);
        builder.Property(x => x.SheetExternalId).HasMaxLength(128);
        builder.Property(x => x.CriterionId).HasMaxLength(128);
        builder.Property(x => x.NameVi).HasMaxLength(512);
        builder.Property(x => x.NameEn).HasMaxLength(512);
        builder.Property(x => x.Group).HasMaxLength(16);
        builder.Property(x => x.LeaderComponent).HasMaxLength(32);
        builder.Property(x => x.DescriptionVi).HasMaxLength(2048);
        builder.Property(x => x.DescriptionEn).HasMaxLength(2048);
        builder.Property(x => x.Max).HasPrecision(9, 4);
    }
}
