using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NameOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CustodyStatus_SortName_Id",
                table: "Prisoners",
                columns: new[] { "CustodyStatus", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DeskId_SortName_Id",
                table: "Prisoners",
                columns: new[] { "DeskId", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_SortName_Id",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "SortName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CustodyStatus_SortName_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_DeskId_SortName_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_NationalityCode_SortName_Id",
                table: "Prisoners");
        }
    }
}
