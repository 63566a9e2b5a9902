using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowRegistry.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrisonerMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Prisoners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PrisonerMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurvivorId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedReference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisonerMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrisonerMerges_Prisoners_MergedId",
                        column: x => x.MergedId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrisonerMerges_Prisoners_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerMerges_MergedId",
                table: "PrisonerMerges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerMerges_SurvivorId",
                table: "PrisonerMerges",
                column: "SurvivorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PrisonerMerges");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Prisoners");
        }
    }
}
