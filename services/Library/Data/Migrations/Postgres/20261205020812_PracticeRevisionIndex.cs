using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kommune20.Library.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PracticeRevisionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Practices_Id_Revision",
                table: "Practices",
                columns: new[] { "Id", "Revision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Practices_Id_Revision",
                table: "Practices");
        }
    }
}
