using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApiRequestCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiRequestCounts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Minute = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiRequestCounts", x => new { x.Key, x.Minute });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiRequestCounts_Minute",
                table: "ApiRequestCounts",
                column: "Minute");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiRequestCounts");
        }
    }
}
