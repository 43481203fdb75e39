using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxPayloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_payloads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ActivityJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_payloads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outbox_payloads_outbox_Id",
                        column: x => x.Id,
                        principalTable: "outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The activities move to their table under the same ids, then the column goes.
            migrationBuilder.Sql("INSERT INTO outbox_payloads (\"Id\", \"ActivityJson\") SELECT \"Id\", \"ActivityJson\" FROM outbox;");

            migrationBuilder.DropColumn(
                name: "ActivityJson",
                table: "outbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActivityJson",
                table: "outbox",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE outbox SET \"ActivityJson\" = (SELECT p.\"ActivityJson\" FROM outbox_payloads p WHERE p.\"Id\" = outbox.\"Id\") WHERE EXISTS (SELECT 1 FROM outbox_payloads p WHERE p.\"Id\" = outbox.\"Id\");");

            migrationBuilder.DropTable(
                name: "outbox_payloads");
        }
    }
}
