using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFollowUpTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GroundsKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GroundsArgsJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HolderPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_tasks_HolderPersonId_ClosedAt",
                table: "follow_up_tasks",
                columns: new[] { "HolderPersonId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_tasks_PersonId_Year_Kind",
                table: "follow_up_tasks",
                columns: new[] { "PersonId", "Year", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_tasks");
        }
    }
}
