using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kommune20.CityNode.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_log",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_log", x => new { x.OriginMemberId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "federation_status",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcknowledgedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RestoreNoticedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    HubVersionAtRestore = table.Column<long>(type: "INTEGER", nullable: true),
                    ResyncedAfterRestoreAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_status", x => x.OriginMemberId);
                });

            migrationBuilder.CreateTable(
                name: "handed_over",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandedOverAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handed_over", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records", x => new { x.OriginMemberId, x.Kind, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "rejected_changes",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RejectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rejected_changes", x => new { x.OriginMemberId, x.Kind, x.RecordId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_log");

            migrationBuilder.DropTable(
                name: "federation_status");

            migrationBuilder.DropTable(
                name: "handed_over");

            migrationBuilder.DropTable(
                name: "records");

            migrationBuilder.DropTable(
                name: "rejected_changes");
        }
    }
}
