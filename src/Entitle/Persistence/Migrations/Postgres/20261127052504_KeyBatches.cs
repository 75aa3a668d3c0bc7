using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entitle.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "batch_id",
                table: "training_keys",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "key_batches",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    pass_type_id = table.Column<int>(type: "integer", nullable: false),
                    key_count = table.Column<int>(type: "integer", nullable: false),
                    caller_chosen = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_organization_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_key_batches_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_key_batches_pass_types_pass_type_id",
                        column: x => x.pass_type_id,
                        principalTable: "pass_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_keys_batch_id",
                table: "training_keys",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_key_batches_organization_id_id",
                table: "key_batches",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_key_batches_pass_type_id",
                table: "key_batches",
                column: "pass_type_id");

            migrationBuilder.AddForeignKey(
                name: "fk_training_keys_key_batches_batch_id",
                table: "training_keys",
                column: "batch_id",
                principalTable: "key_batches",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_training_keys_key_batches_batch_id",
                table: "training_keys");

            migrationBuilder.DropTable(
                name: "key_batches");

            migrationBuilder.DropIndex(
                name: "ix_training_keys_batch_id",
                table: "training_keys");

            migrationBuilder.DropColumn(
                name: "batch_id",
                table: "training_keys");
        }
    }
}
