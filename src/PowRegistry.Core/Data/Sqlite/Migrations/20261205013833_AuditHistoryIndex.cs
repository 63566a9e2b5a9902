using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_History",
                table: "AuditEntries",
                columns: new[] { "PrisonerId", "Id" },
                filter: "\"Action\" <> 'Access'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_History",
                table: "AuditEntries");
        }
    }
}
