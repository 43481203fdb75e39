using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Persistence.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.AadObjectId).IsUnique();
        builder.HasIndex(x => x.UnitId);
        builder.HasIndex(x => x.ManagerId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.FullName).HasMaxLength(256);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.AadObjectId).HasMaxLength(128);
        builder.Property(x => x.Population).HasMaxLength(32).HasConversion(population => population.ToString(), text => PopulationFromStored(text));
        builder.Property(x => x.PreferredLanguage).HasMaxLength(8);
        builder.Property(x => x.SeenLanguage).HasMaxLength(8);
        builder.Property(x => x.TimeZone).HasMaxLength(64);
        builder.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.TaskGroup).WithMany().HasForeignKey(x => x.TaskGroupId).OnDelete(DeleteBehavior.Restrict);
    }

    /// <summary>
    /// Stored by name (<c>CivilServant</c>, <c>PublicEmployee</c>, <c>Cadre</c>); read in any case, and a name that
    /// is not a population reads as a civil servant, as the rules have always taken it.
    /// </summary>
    private static Population PopulationFromStored(string text) =>
        Enum.TryParse<Population>(text, ignoreCase: true, out var population) ? population : Population.CivilServant;
}
