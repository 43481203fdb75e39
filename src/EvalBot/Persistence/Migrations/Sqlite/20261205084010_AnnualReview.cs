using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_opinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_self_assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Shortcomings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SelfCriticism = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_self_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_meeting_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubjectPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    IsAddendum = table.Column<bool>(type: "INTEGER", nullable: false)
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
