using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransferRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TransferRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrisonerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DestinationStateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    IsReturnToOrigin = table.Column<bool>(type: "INTEGER", nullable: false),
                    WishId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HandoverDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FlaggedForReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    FlagReason = table.Column<string>(type: "TEXT", nullable: true),
                    FirstLiftBy = table.Column<string>(type: "TEXT", nullable: true),
                    FirstLiftReason = table.Column<string>(type: "TEXT", nullable: true),
                    FirstLiftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondLiftBy = table.Column<string>(type: "TEXT", nullable: true),
                    SecondLiftReason = table.Column<string>(type: "TEXT", nullable: true),
                    SecondLiftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferRequests_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_WishDeclarations_WishId",
                        column: x => x.WishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestStatusChange_TransferRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TransferRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestStatusChange_RequestId",
                table: "RequestStatusChange",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_PrisonerId_Id",
                table: "TransferRequests",
                columns: new[] { "PrisonerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_Status_Id",
                table: "TransferRequests",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_WishId",
                table: "TransferRequests",
                column: "WishId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestStatusChange");

            migrationBuilder.DropTable(
                name: "TransferRequests");
        }
    }
}
