using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationDesksRequestsDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeskId",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // consultations recorded before desks applied to them belong to the seeded main desk

            migrationBuilder.AddColumn<string>(
                name: "RequestIds",
                table: "Consultations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ConsultationDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationDocuments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DeskId_Id",
                table: "Consultations",
                columns: new[] { "DeskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationDocuments_ConsultationId_Id",
                table: "ConsultationDocuments",
                columns: new[] { "ConsultationId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Consultations_Desks_DeskId",
                table: "Consultations",
                column: "DeskId",
                principalTable: "Desks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Consultations_Desks_DeskId",
                table: "Consultations");

            migrationBuilder.DropTable(
                name: "ConsultationDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Consultations_DeskId_Id",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "DeskId",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "RequestIds",
                table: "Consultations");
        }
    }
}
