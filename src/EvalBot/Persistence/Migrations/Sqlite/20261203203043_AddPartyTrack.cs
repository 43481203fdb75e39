using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPartyTrack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_collective_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CollectiveId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_collective_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_collectives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartyOrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    HeadPersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_collectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecheckedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RecheckNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CellId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TemporaryCellId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    CompetentPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    AdvisoryPersonId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_ratings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectiveId = table.Column<long>(type: "INTEGER", nullable: true),
                    PartyOrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedGeneral = table.Column<decimal>(type: "TEXT", nullable: true),
                    SuggestedTask = table.Column<decimal>(type: "TEXT", nullable: true),
                    StateLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    SelfGeneral = table.Column<decimal>(type: "TEXT", nullable: true),
                    SelfTask = table.Column<decimal>(type: "TEXT", nullable: true),
                    SelfLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Shortcomings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SelfRatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SelfRatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    VerifiedGeneral = table.Column<decimal>(type: "TEXT", nullable: true),
                    VerifiedTask = table.Column<decimal>(type: "TEXT", nullable: true),
                    ProposedLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CellReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CollectiveReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_ratings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_collective_members_CollectiveId_PersonId",
                table: "party_collective_members",
                columns: new[] { "CollectiveId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_collective_members_PersonId",
                table: "party_collective_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_party_collectives_ExternalId",
                table: "party_collectives",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_complaints_RatingId",
                table: "party_complaints",
                column: "RatingId");

            migrationBuilder.CreateIndex(
                name: "IX_party_memberships_CellId",
                table: "party_memberships",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_party_memberships_ExternalId",
                table: "party_memberships",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_memberships_PersonId",
                table: "party_memberships",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_organisations_ExternalId",
                table: "party_organisations",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_ratings_Year_CollectiveId_Version",
                table: "party_ratings",
                columns: new[] { "Year", "CollectiveId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_ratings_Year_PartyOrganisationId",
                table: "party_ratings",
                columns: new[] { "Year", "PartyOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_party_ratings_Year_PersonId_Version",
                table: "party_ratings",
                columns: new[] { "Year", "PersonId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_collective_members");

            migrationBuilder.DropTable(
                name: "party_collectives");

            migrationBuilder.DropTable(
                name: "party_complaints");

            migrationBuilder.DropTable(
                name: "party_memberships");

            migrationBuilder.DropTable(
                name: "party_organisations");

            migrationBuilder.DropTable(
                name: "party_ratings");
        }
    }
}
