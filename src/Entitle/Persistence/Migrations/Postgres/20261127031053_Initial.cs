using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entitle.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organizations_organizations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "course_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    lifecycle_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_templates_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credentials",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credentials", x => x.id);
                    table.ForeignKey(
                        name: "fk_credentials_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_paths",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    lifecycle_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_paths", x => x.id);
                    table.ForeignKey(
                        name: "fk_learning_paths_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pass_types",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    lifecycle_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pass_types", x => x.id);
                    table.ForeignKey(
                        name: "fk_pass_types_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "learning_path_course",
                columns: table => new
                {
                    learning_path_id = table.Column<int>(type: "integer", nullable: false),
                    course_template_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_path_course", x => new { x.learning_path_id, x.course_template_id });
                    table.ForeignKey(
                        name: "fk_learning_path_course_course_templates_course_template_id",
                        column: x => x.course_template_id,
                        principalTable: "course_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_learning_path_course_learning_paths_learning_path_id",
                        column: x => x.learning_path_id,
                        principalTable: "learning_paths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pass_type_content_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pass_type_id = table.Column<int>(type: "integer", nullable: false),
                    course_template_id = table.Column<int>(type: "integer", nullable: true),
                    learning_path_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pass_type_content_items", x => x.id);
                    table.CheckConstraint("ck_pass_type_content_items_one_target", "(\"course_template_id\" IS NULL) <> (\"learning_path_id\" IS NULL)");
                    table.ForeignKey(
                        name: "fk_pass_type_content_items_course_templates_course_template_id",
                        column: x => x.course_template_id,
                        principalTable: "course_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pass_type_content_items_learning_paths_learning_path_id",
                        column: x => x.learning_path_id,
                        principalTable: "learning_paths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pass_type_content_items_pass_types_pass_type_id",
                        column: x => x.pass_type_id,
                        principalTable: "pass_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pass_type_options",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pass_type_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    period_value = table.Column<int>(type: "integer", nullable: false),
                    lifecycle_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pass_type_options", x => x.id);
                    table.ForeignKey(
                        name: "fk_pass_type_options_pass_types_pass_type_id",
                        column: x => x.pass_type_id,
                        principalTable: "pass_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pass_type_option_prices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    option_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount_minor_units = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pass_type_option_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_pass_type_option_prices_pass_type_options_option_id",
                        column: x => x.option_id,
                        principalTable: "pass_type_options",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pass_type_option_prices_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "passes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pass_type_id = table.Column<int>(type: "integer", nullable: false),
                    option_id = table.Column<int>(type: "integer", nullable: true),
                    contact_id = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_passes", x => x.id);
                    table.ForeignKey(
                        name: "fk_passes_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_passes_pass_type_options_option_id",
                        column: x => x.option_id,
                        principalTable: "pass_type_options",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_passes_pass_types_pass_type_id",
                        column: x => x.pass_type_id,
                        principalTable: "pass_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_email",
                table: "contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_external_id",
                table: "contacts",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organization_id",
                table: "contacts",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_templates_code",
                table: "course_templates",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_course_templates_organization_id",
                table: "course_templates",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_credentials_organization_id",
                table: "credentials",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_credentials_secret_hash",
                table: "credentials",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_learning_path_course_course_template_id",
                table: "learning_path_course",
                column: "course_template_id");

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_code",
                table: "learning_paths",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_organization_id",
                table: "learning_paths",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_external_id",
                table: "organizations",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_parent_id",
                table: "organizations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_path",
                table: "organizations",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_course_template_id",
                table: "pass_type_content_items",
                column: "course_template_id");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_learning_path_id",
                table: "pass_type_content_items",
                column: "learning_path_id");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_pass_type_id_course_template_id",
                table: "pass_type_content_items",
                columns: new[] { "pass_type_id", "course_template_id" },
                unique: true,
                filter: "\"course_template_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_pass_type_id_learning_path_id",
                table: "pass_type_content_items",
                columns: new[] { "pass_type_id", "learning_path_id" },
                unique: true,
                filter: "\"learning_path_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_option_prices_option_id_currency_code",
                table: "pass_type_option_prices",
                columns: new[] { "option_id", "currency_code" },
                unique: true,
                filter: "\"region_code\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_option_prices_option_id_currency_code_region_code",
                table: "pass_type_option_prices",
                columns: new[] { "option_id", "currency_code", "region_code" },
                unique: true,
                filter: "\"region_code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_option_prices_region_code",
                table: "pass_type_option_prices",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_options_pass_type_id",
                table: "pass_type_options",
                column: "pass_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_pass_types_organization_id_code",
                table: "pass_types",
                columns: new[] { "organization_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_passes_contact_id_valid_until",
                table: "passes",
                columns: new[] { "contact_id", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_passes_external_id",
                table: "passes",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_passes_option_id",
                table: "passes",
                column: "option_id");

            migrationBuilder.CreateIndex(
                name: "ix_passes_pass_type_id",
                table: "passes",
                column: "pass_type_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials");

            migrationBuilder.DropTable(
                name: "learning_path_course");

            migrationBuilder.DropTable(
                name: "pass_type_content_items");

            migrationBuilder.DropTable(
                name: "pass_type_option_prices");

            migrationBuilder.DropTable(
                name: "passes");

            migrationBuilder.DropTable(
                name: "course_templates");

            migrationBuilder.DropTable(
                name: "learning_paths");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "pass_type_options");

            migrationBuilder.DropTable(
                name: "pass_types");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
