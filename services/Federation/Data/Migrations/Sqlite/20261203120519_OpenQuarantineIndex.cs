using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kommune20.Federation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenQuarantineIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_quarantined_changes_ResolvedAt",
                table: "quarantined_changes",
                column: "ResolvedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quarantined_changes_ResolvedAt",
                table: "quarantined_changes");
        }
    }
}
