using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTermKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PrisonerSearchTerms",
                table: "PrisonerSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_PrisonerSearchTerms_Term_PrisonerId",
                table: "PrisonerSearchTerms");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "PrisonerSearchTerms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PrisonerSearchTerms",
                table: "PrisonerSearchTerms",
                columns: new[] { "PrisonerId", "Kind", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerSearchTerms_Kind_Term_PrisonerId",
                table: "PrisonerSearchTerms",
                columns: new[] { "Kind", "Term", "PrisonerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PrisonerSearchTerms",
                table: "PrisonerSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_PrisonerSearchTerms_Kind_Term_PrisonerId",
                table: "PrisonerSearchTerms");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PrisonerSearchTerms");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PrisonerSearchTerms",
                table: "PrisonerSearchTerms",
                columns: new[] { "PrisonerId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerSearchTerms_Term_PrisonerId",
                table: "PrisonerSearchTerms",
                columns: new[] { "Term", "PrisonerId" });
        }
    }
}
