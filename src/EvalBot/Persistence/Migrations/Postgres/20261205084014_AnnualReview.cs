using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnnualReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "review_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ChairPersonId = table.Column<long>(type: "bigint", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_opinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedByPersonId = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_self_assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Shortcomings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SelfCriticism = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_self_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_meeting_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorPersonId = table.Column<long>(type: "bigint", nullable: false),
                    SubjectPersonId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsAddendum = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_meeting_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_meeting_entries_review_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "review_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_meeting_entries_MeetingId_SubjectPersonId",
                table: "review_meeting_entries",
                columns: new[] { "MeetingId", "SubjectPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_review_meetings_UnitId_Year",
                table: "review_meetings",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_opinions_PersonId_Year_Kind",
                table: "review_opinions",
                columns: new[] { "PersonId", "Year", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_self_assessments_PersonId_Year",
                table: "review_self_assessments",
                columns: new[] { "PersonId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_meeting_entries");

            migrationBuilder.DropTable(
                name: "review_opinions");

            migrationBuilder.DropTable(
                name: "review_self_assessments");

            migrationBuilder.DropTable(
                name: "review_meetings");
        }
    }
}
