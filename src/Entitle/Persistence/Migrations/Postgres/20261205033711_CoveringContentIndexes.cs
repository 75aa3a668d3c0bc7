using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entitle.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringContentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pass_type_content_items_course_template_id",
                table: "pass_type_content_items");

            migrationBuilder.DropIndex(
                name: "ix_pass_type_content_items_learning_path_id",
                table: "pass_type_content_items");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_course_template_id_pass_type_id",
                table: "pass_type_content_items",
                columns: new[] { "course_template_id", "pass_type_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_learning_path_id_pass_type_id",
                table: "pass_type_content_items",
                columns: new[] { "learning_path_id", "pass_type_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pass_type_content_items_course_template_id_pass_type_id",
                table: "pass_type_content_items");

            migrationBuilder.DropIndex(
                name: "ix_pass_type_content_items_learning_path_id_pass_type_id",
                table: "pass_type_content_items");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_course_template_id",
                table: "pass_type_content_items",
                column: "course_template_id");

            migrationBuilder.CreateIndex(
                name: "ix_pass_type_content_items_learning_path_id",
                table: "pass_type_content_items",
                column: "learning_path_id");
        }
    }
}
