using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kommune20.CityNode.Data.Migrations.Postgres
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
                    OriginMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_log", x => new { x.OriginMemberId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "federation_status",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcknowledgedVersion = table.Column<long>(type: "bigint", nullable: false),
                    LastAcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RestoreNoticedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HubVersionAtRestore = table.Column<long>(type: "bigint", nullable: true),
                    ResyncedAfterRestoreAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_status", x => x.OriginMemberId);
                });

            migrationBuilder.CreateTable(
                name: "handed_over",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandedOverAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handed_over", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records", x => new { x.OriginMemberId, x.Kind, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "rejected_changes",
                columns: table => new
                {
                    OriginMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Field = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RejectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
