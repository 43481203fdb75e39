using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CollectiveId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_collective_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_collectives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PartyOrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    HeadPersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_collectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RatingId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecheckedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RecheckNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CellId = table.Column<long>(type: "bigint", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TemporaryCellId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    CompetentPersonId = table.Column<long>(type: "bigint", nullable: true),
                    AdvisoryPersonId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_ratings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SupersedesId = table.Column<long>(type: "bigint", nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    CollectiveId = table.Column<long>(type: "bigint", nullable: true),
                    PartyOrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    SuggestedGeneral = table.Column<decimal>(type: "numeric", nullable: true),
                    SuggestedTask = table.Column<decimal>(type: "numeric", nullable: true),
                    StateLevel = table.Column<int>(type: "integer", nullable: true),
                    SelfGeneral = table.Column<decimal>(type: "numeric", nullable: true),
                    SelfTask = table.Column<decimal>(type: "numeric", nullable: true),
                    SelfLevel = table.Column<int>(type: "integer", nullable: true),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Shortcomings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Direction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SelfRatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SelfRatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    VerifiedGeneral = table.Column<decimal>(type: "numeric", nullable: true),
                    VerifiedTask = table.Column<decimal>(type: "numeric", nullable: true),
                    ProposedLevel = table.Column<int>(type: "integer", nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CellReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CollectiveReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ExplanationJson = table.Column<string>(type: "text", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
