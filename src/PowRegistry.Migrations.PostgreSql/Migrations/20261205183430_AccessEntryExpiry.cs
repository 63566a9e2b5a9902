using Microsoft.EntityFrameworkCore.Migrations;

using PowRegistry.Core.Data.PostgreSql;

#nullable disable

namespace PowRegistry.Migrations.PostgreSql
{
    /// <summary>
    /// AccessLogYears (ADR-024): the audit table's one allowed UPDATE may also blank the viewer of an access entry, and
    /// the access entries not yet expired get an index of their own for the daily run.
    /// </summary>
    public partial class AccessEntryExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccessNotExpired",
                table: "AuditEntries",
                columns: new[] { "At", "Id" },
                filter: "\"Action\" = 'Access' AND \"Redaction\" IS NULL");

            migrationBuilder.Sql(PostgreSqlSetup.AuditAppendOnlyWithAccessExpiry);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgreSqlSetup.AuditAppendOnlyRedactionOnly);

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AccessNotExpired",
                table: "AuditEntries");
        }
    }
}
