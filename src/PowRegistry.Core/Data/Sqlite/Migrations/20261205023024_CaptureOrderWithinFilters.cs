using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaptureOrderWithinFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CustodyStatus_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "CustodyStatus", "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DeskId_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "DeskId", "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "CaptureSortKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CustodyStatus_CaptureSortKey_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_DeskId_CaptureSortKey_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_NationalityCode_CaptureSortKey_Id",
                table: "Prisoners");
        }
    }
}
