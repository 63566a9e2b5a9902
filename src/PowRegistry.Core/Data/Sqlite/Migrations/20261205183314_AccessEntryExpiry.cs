using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
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

            foreach (var sql in SqliteSetup.AuditRedactionOrAccessExpiryTrigger) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SqliteSetup.AuditRedactionOnlyTrigger) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AccessNotExpired",
                table: "AuditEntries");
        }
    }
}
