using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustodyEventKindDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_Kind_Date",
                table: "CustodyEvents",
                columns: new[] { "Kind", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustodyEvents_Kind_Date",
                table: "CustodyEvents");
        }
    }
}
