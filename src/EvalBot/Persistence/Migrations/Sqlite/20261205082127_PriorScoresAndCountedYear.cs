using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PriorScoresAndCountedYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CountedYear",
                table: "discipline_records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prior_score_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromUnitExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    GeneralScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prior_score_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prior_score_records_ExternalId",
                table: "prior_score_records",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prior_score_records_PersonId_Period",
                table: "prior_score_records",
                columns: new[] { "PersonId", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prior_score_records");

            migrationBuilder.DropColumn(
                name: "CountedYear",
                table: "discipline_records");
        }
    }
}
