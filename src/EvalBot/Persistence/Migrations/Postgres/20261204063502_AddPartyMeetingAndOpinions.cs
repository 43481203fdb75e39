using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPartyMeetingAndOpinions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DraftSentOn",
                table: "party_ratings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MeetingOn",
                table: "party_ratings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResidenceComment",
                table: "party_ratings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResidenceException",
                table: "party_ratings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemporaryCellComment",
                table: "party_ratings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftSentOn",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "MeetingOn",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "ResidenceComment",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "ResidenceException",
                table: "party_ratings");

            migrationBuilder.DropColumn(
                name: "TemporaryCellComment",
                table: "party_ratings");
        }
    }
}
