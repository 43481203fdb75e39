using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalBot.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivityJson = table.Column<string>(type: "TEXT", nullable: false)
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

            // SQLite drops the column in place (3.35+), keeping the table's AUTOINCREMENT (ids never reused) and its indexes;
            // EF's DropColumn would rebuild the table from the model, which, the id being the payload table's key too, has none.
            migrationBuilder.Sql("ALTER TABLE outbox DROP COLUMN \"ActivityJson\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE outbox ADD COLUMN \"ActivityJson\" TEXT NOT NULL DEFAULT '';");

            migrationBuilder.Sql("UPDATE outbox SET \"ActivityJson\" = (SELECT p.\"ActivityJson\" FROM outbox_payloads p WHERE p.\"Id\" = outbox.\"Id\") WHERE EXISTS (SELECT 1 FROM outbox_payloads p WHERE p.\"Id\" = outbox.\"Id\");");

            migrationBuilder.DropTable(
                name: "outbox_payloads");
        }
    }
}
