using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddUnitCompetentPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CompetentPersonId",
                table: "units",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompetentPersonId",
                table: "units");
        }
    }
}
