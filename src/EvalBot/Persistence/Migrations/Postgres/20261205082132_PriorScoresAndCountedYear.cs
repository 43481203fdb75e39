using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prior_score_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromUnitExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    GeneralScore = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true)
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
