using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartyCollectiveForm01 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SelfShortcomingsPointed",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfShortcomingsRemedied",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfTasksDone",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfTasksExceeded",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfTasksOnTime",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfTasksPlanned",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SelfWrongdoing",
                table: "party_ratings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedShortcomingsPointed",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedShortcomingsRemedied",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedTasksDone",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedTasksExceeded",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedTasksOnTime",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedTasksPlanned",
                table: "party_ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedWrongdoing",
                table: "party_ratings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SelfShortcomingsPointed",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfShortcomingsRemedied",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfTasksDone",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfTasksExceeded",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfTasksOnTime",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfTasksPlanned",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "SelfWrongdoing",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedShortcomingsPointed",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedShortcomingsRemedied",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedTasksDone",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedTasksExceeded",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedTasksOnTime",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedTasksPlanned",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "VerifiedWrongdoing",
                table: "party_ratings");
        }
    }
}
