using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HandoverSafeguards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsReturnToOrigin",
                table: "TransferRequests");

            migrationBuilder.AddColumn<DateOnly>(
                name: "HandedOverOn",
                table: "TransferRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverPlace",
                table: "TransferRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HandoverWishId",
                table: "TransferRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LiftWishId",
                table: "TransferRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessName",
                table: "TransferRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WitnessOrganisation",
                table: "TransferRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "CustodyEvents",
                type: "INTEGER",
                nullable: true);

            // An existing lift answers the statement that was his latest when it was (last) signed off.
            migrationBuilder.Sql(PowRegistry.Core.Data.SqliteSetup.TieExistingLiftsToTheirStatement);

            migrationBuilder.CreateTable(
                name: "RequestReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WishId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestReview_TransferRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TransferRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequestReview_WishDeclarations_WishId",
                        column: x => x.WishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_HandoverWishId",
                table: "TransferRequests",
                column: "HandoverWishId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_LiftWishId",
                table: "TransferRequests",
                column: "LiftWishId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestReview_RequestId",
                table: "RequestReview",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestReview_WishId",
                table: "RequestReview",
                column: "WishId");

            migrationBuilder.AddForeignKey(
                name: "FK_TransferRequests_WishDeclarations_HandoverWishId",
                table: "TransferRequests",
                column: "HandoverWishId",
                principalTable: "WishDeclarations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TransferRequests_WishDeclarations_LiftWishId",
                table: "TransferRequests",
                column: "LiftWishId",
                principalTable: "WishDeclarations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TransferRequests_WishDeclarations_HandoverWishId",
                table: "TransferRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_TransferRequests_WishDeclarations_LiftWishId",
                table: "TransferRequests");

            migrationBuilder.DropTable(
                name: "RequestReview");

            migrationBuilder.DropIndex(
                name: "IX_TransferRequests_HandoverWishId",
                table: "TransferRequests");

            migrationBuilder.DropIndex(
                name: "IX_TransferRequests_LiftWishId",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "HandedOverOn",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "HandoverPlace",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "HandoverWishId",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "LiftWishId",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "WitnessName",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "WitnessOrganisation",
                table: "TransferRequests");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "CustodyEvents");

            migrationBuilder.AddColumn<bool>(
                name: "IsReturnToOrigin",
                table: "TransferRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            migrationBuilder.Sql(PowRegistry.Core.Data.SqliteSetup.RestoreReturnToOriginFlag);
        }
    }
}
