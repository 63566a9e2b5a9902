using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EarlyAnonymisationAt",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyAnonymisationBy",
                table: "Prisoners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyAnonymisationReason",
                table: "Prisoners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LegalHoldAt",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalHoldBy",
                table: "Prisoners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalHoldReason",
                table: "Prisoners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangesDigest",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Redaction",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // The audit table now allows one UPDATE, a redaction (ADR-024); the SQL lives in the SQLite seam.
            foreach (var sql in SqliteSetup.AuditRedactionOnlyTrigger) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // First, so that no trigger names the columns dropped below.
            foreach (var sql in SqliteSetup.AuditNoUpdateTrigger) migrationBuilder.Sql(sql);

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "EarlyAnonymisationAt",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "EarlyAnonymisationBy",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "EarlyAnonymisationReason",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "LegalHoldAt",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "LegalHoldBy",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "LegalHoldReason",
                table: "Prisoners");

            migrationBuilder.DropColumn(
                name: "ChangesDigest",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Redaction",
                table: "AuditEntries");
        }
    }
}
