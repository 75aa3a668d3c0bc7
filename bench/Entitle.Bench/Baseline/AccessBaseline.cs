using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Entitle.Application.Organizations;
using Entitle.Domain.Access;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W1's floor: <c>CheckCourseAccess</c> as one hand-written statement (credential, learner inside the caller's
/// subtree, course visible to the caller, the learner's passes and whether each type holds the course directly or
/// through a learning path), the same decision rule the service applies, and the TMS answer written by hand.
/// Whether a pass's type holds the course is two probes of the pass's type (directly, through a learning path), each
/// through its index, as in the service: a single test with an OR inside scanned every content item on PostgreSQL
/// (50/s), and lists of the types holding the course made PostgreSQL plan the statement afresh on every run.
/// </summary>
public sealed class AccessBaseline(BaselineDatabase database, CredentialHasher hasher, TimeProvider clock)
{
    private const string Sql = """
        SELECT t.lifecycle_state, p.id, p.valid_from, p.valid_until, p.cancelled_at IS NOT NULL,
               (EXISTS (SELECT 1 FROM pass_type_content_items i WHERE i.course_template_id = @course AND i.pass_type_id = p.pass_type_id)
                OR EXISTS (SELECT 1 FROM pass_type_content_items i
                           WHERE i.pass_type_id = p.pass_type_id
                             AND i.learning_path_id IN (SELECT lc.learning_path_id FROM learning_path_course lc WHERE lc.course_template_id = @course)))
        FROM credentials k
        JOIN organizations caller ON caller.id = k.organization_id
        JOIN contacts c ON c.id = @contact
        JOIN organizations co ON co.id = c.organization_id AND substr(co.path, 1, length(caller.path)) = caller.path
        LEFT JOIN course_templates t ON t.id = @course
             AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = t.organization_id
                         AND (substr(o.path, 1, length(caller.path)) = caller.path OR substr(caller.path, 1, length(o.path)) = o.path))
        LEFT JOIN passes p ON p.contact_id = c.id
        WHERE k.secret_hash = @hash AND k.revoked_at IS NULL
        """;

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var contact = int.Parse(query["userId"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var course = int.Parse(query["courseId"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var hash = hasher.Hash(context.Request.Headers["api_key"].ToString());
        var at = clock.GetUtcNow().UtcDateTime;

        await using var connection = await database.OpenAsync(context.RequestAborted);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        BaselineDatabase.Parameter(command, "course", course);
        BaselineDatabase.Parameter(command, "contact", contact);
        BaselineDatabase.Parameter(command, "hash", hash);
        var passes = new List<PassFacts>();
        var found = false;
        string? state = null;
        await using (var reader = await command.ExecuteReaderAsync(context.RequestAborted))
        {
            while (await reader.ReadAsync(context.RequestAborted))
            {
                found = true;
                state = reader.IsDBNull(0) ? null : reader.GetString(0);
                if (!reader.IsDBNull(1))
                {
                    passes.Add(new PassFacts(
                        reader.GetInt32(1),
                        DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                        DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
                        reader.GetBoolean(4),
                        reader.GetBoolean(5)));
                }
            }
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        if (!found || state is null)
        {
            json.WriteNumber("Status", 20);
            json.WriteString("Error", found ? "The course was not found." : "The user was not found.");
        }
        else
        {
            var decision = AccessDecision.Decide(passes, at, state == "published");
            json.WriteNumber("Status", 0);
            json.WriteNull("Error");
            json.WriteBoolean("HasAccess", decision.Granted);
            json.WriteString("Reason", decision.ReasonCode);
            json.WriteStartArray("ClubMembershipIds");
            foreach (var id in decision.GrantingPassIds)
            {
                json.WriteNumberValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
