using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Consultations");
        }
    }
}
