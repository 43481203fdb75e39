using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuleDataAndScoreSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "HiredOn",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OutsidePublicService",
                table: "discipline_records",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "score_sheet_criteria",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CriterionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PostId = table.Column<long>(type: "INTEGER", nullable: true),
                    TaskGroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: true),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Max = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    LeaderComponent = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DescriptionVi = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_sheet_criteria", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_score_sheet_criteria_PostId",
                table: "score_sheet_criteria",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_score_sheet_criteria_SheetExternalId_CriterionId",
                table: "score_sheet_criteria",
                columns: new[] { "SheetExternalId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_score_sheet_criteria_TaskGroupId",
                table: "score_sheet_criteria",
                column: "TaskGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_score_sheet_criteria_UnitId",
                table: "score_sheet_criteria",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "score_sheet_criteria");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "people");

            migrationBuilder.DropColumn(
                name: "HiredOn",
                table: "people");

            migrationBuilder.DropColumn(
                name: "OutsidePublicService",
                table: "discipline_records");
        }
    }
}
