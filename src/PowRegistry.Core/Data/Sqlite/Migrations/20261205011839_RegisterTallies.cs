using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegisterTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegisterTallies",
                columns: table => new
                {
                    DeskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterTallies", x => new { x.DeskId, x.Dimension, x.Value });
                    table.ForeignKey(
                        name: "FK_RegisterTallies_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // An existing register's counts, built once from its records; the save keeps them from now on (ADR-015).
            migrationBuilder.Sql(RegisterTallySql.Rebuild(DatabaseProvider.Sqlite));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegisterTallies");
        }
    }
}
