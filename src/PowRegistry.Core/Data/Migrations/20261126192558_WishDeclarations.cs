using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WishDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentWish",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentWishCertainty",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentWishStateCode",
                table: "Prisoners",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentWishVerification",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WishDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrisonerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", nullable: true),
                    Interviewer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: true),
                    Interpreter = table.Column<string>(type: "TEXT", nullable: true),
                    PrivateInterview = table.Column<bool>(type: "INTEGER", nullable: false),
                    Destination = table.Column<int>(type: "INTEGER", nullable: false),
                    DestinationStateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Certainty = table.Column<int>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true),
                    FearsPersecution = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fears = table.Column<string>(type: "TEXT", nullable: true),
                    SignsOfPressure = table.Column<string>(type: "TEXT", nullable: true),
                    VerbatimWords = table.Column<string>(type: "TEXT", nullable: true),
                    Translation = table.Column<string>(type: "TEXT", nullable: true),
                    Verification = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnReason = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WishDeclarations_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_WishDeclarations_PrisonerId_TakenOn",
                table: "WishDeclarations",
                columns: new[] { "PrisonerId", "TakenOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WishDeclarations");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWish_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id",
                table: "Prisoners");

            migrationBuilder.DropIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "CurrentWish",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "CurrentWishCertainty",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "CurrentWishStateCode",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "CurrentWishVerification",
                table: "Prisoners");
        }
    }
}
