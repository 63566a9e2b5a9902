using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WishIndexesOnlyWithAWish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWish_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id",
                table: "Prisoners");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWish_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWish", "Id" },
                filter: "\"CurrentWish\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWishStateCode", "Id" },
                filter: "\"CurrentWishStateCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWishVerification", "Id" },
                filter: "\"CurrentWishVerification\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWish_Id_Stated",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id_Stated",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id_Stated",
                table: "Prisoners");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWish_Id",
                table: "Prisoners",
                columns: new[] { "CurrentWish", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id",
                table: "Prisoners",
                columns: new[] { "CurrentWishStateCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id",
                table: "Prisoners",
                columns: new[] { "CurrentWishVerification", "Id" });
        }
    }
}
