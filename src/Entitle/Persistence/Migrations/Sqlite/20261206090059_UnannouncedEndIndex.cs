using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entitle.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnannouncedEndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_passes_unannounced_end",
                table: "passes",
                columns: new[] { "valid_until", "id" },
                filter: "\"cancelled_at\" IS NULL AND (\"expired_notified_for\" IS NULL OR \"expired_notified_for\" <> \"valid_until\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_passes_unannounced_end",
                table: "passes");
        }
    }
}
