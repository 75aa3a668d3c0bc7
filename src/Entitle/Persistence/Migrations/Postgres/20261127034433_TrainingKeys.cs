using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entitle.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrainingKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "target_completion",
                table: "passes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "currency_code",
                table: "organizations",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "USD");

            migrationBuilder.CreateTable(
                name: "training_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    pass_type_id = table.Column<int>(type: "integer", nullable: false),
                    expiration_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    max_key_uses = table.Column<int>(type: "integer", nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    content_expiration_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_organization_id = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_organization_id = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_keys", x => x.id);
                    table.CheckConstraint("ck_training_keys_uses_within_limit", "\"uses\" >= 0 AND \"uses\" <= \"max_key_uses\"");
                    table.ForeignKey(
                        name: "fk_training_keys_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_keys_pass_types_pass_type_id",
                        column: x => x.pass_type_id,
                        principalTable: "pass_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "key_redemptions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key_id = table.Column<int>(type: "integer", nullable: false),
                    contact_id = table.Column<int>(type: "integer", nullable: false),
                    pass_id = table.Column<int>(type: "integer", nullable: false),
                    redeemed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_redemptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_key_redemptions_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_key_redemptions_passes_pass_id",
                        column: x => x.pass_id,
                        principalTable: "passes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_key_redemptions_training_keys_key_id",
                        column: x => x.key_id,
                        principalTable: "training_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_key_redemptions_contact_id",
                table: "key_redemptions",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_key_redemptions_key_id_contact_id",
                table: "key_redemptions",
                columns: new[] { "key_id", "contact_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_key_redemptions_pass_id",
                table: "key_redemptions",
                column: "pass_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_keys_normalized_key",
                table: "training_keys",
                column: "normalized_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_keys_organization_id_id",
                table: "training_keys",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_keys_pass_type_id",
                table: "training_keys",
                column: "pass_type_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "key_redemptions");

            migrationBuilder.DropTable(
                name: "training_keys");

            migrationBuilder.DropColumn(
                name: "target_completion",
                table: "passes");

            migrationBuilder.DropColumn(
                name: "currency_code",
                table: "organizations");
        }
    }
}
