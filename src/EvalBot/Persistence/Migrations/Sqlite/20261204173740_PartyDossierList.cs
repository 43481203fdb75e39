using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartyDossierList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DossierHash",
                table: "party_ratings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DossierJson",
                table: "party_ratings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DossierHash",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "DossierJson",
                table: "party_ratings");
        }
    }
}
