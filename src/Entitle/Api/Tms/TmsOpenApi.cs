using System.Text.Json.Nodes;

namespace Entitle.Api.Tms;

/// <summary>
/// The OpenAPI 3.0 document of the TMS routes, written from the same declarations that check requests, so it
/// cannot describe a parameter the service does not read.
/// </summary>
public static class TmsOpenApi
{
    public static JsonObject Document(TmsMethods methods)
    {
        var paths = new JsonObject();
        foreach (var method in methods.All)
        {
            foreach (var name in method.Names)
            {
                var operation = Operation(method, name);
                paths[$"/api/2.0/{name}"] = new JsonObject
                {
                    ["get"] = operation.DeepClone(),
                    ["post"] = operation,
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Entitle TMS API (Skillable-compatible)",
                ["version"] = "2.0",
                ["description"] = "Method-style routes: GET or POST /api/2.0/{Method}, parameters in the query string or a form body, names matched ignoring case, the organization's key in the api_key header. Every answer is HTTP 200 with Status 0 (success), 10 (error), 20 (not found) or 30 (invalid integration key) and an Error sentence. Instants are Unix epoch seconds (UTC).",
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["api_key"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "api_key" } },
                ["schemas"] = Schemas(),
            },
            ["security"] = new JsonArray(new JsonObject { ["api_key"] = new JsonArray() }),
            ["paths"] = paths,
        };
    }

    private static JsonObject Operation(TmsMethod method, string name)
    {
        var parameters = new JsonArray();
        foreach (var p in method.Parameters)
        {
            var schema = Schema(p.Type);
            if (p.Default is not null)
            {
                schema["default"] = p.Default;
            }

            parameters.Add(new JsonObject
            {
                ["name"] = p.Name,
                ["in"] = "query",
                ["required"] = p.Required,
                ["description"] = p.Description,
                ["schema"] = schema,
            });
        }

        var (status, error) = method.Casing == TmsCasing.Lower ? ("status", "error") : ("Status", "Error");
        var properties = new JsonObject
        {
            [status] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["enum"] = new JsonArray(0, 10, 20, 30) },
            [error] = new JsonObject { ["type"] = "string", ["nullable"] = true },
        };
        foreach (var field in method.Answer)
        {
            var schema = FieldSchema(field.Schema);
            schema["description"] = field.Description;
            properties[field.Name] = schema;
        }

        return new JsonObject
        {
            ["operationId"] = name,
            ["summary"] = name == method.Name ? method.Summary : $"Alias of {method.Name}. {method.Summary}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "The status envelope, with the method's fields on success.",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } } },
                },
            },
        };
    }

    private static JsonObject Schema(TmsType type) => type switch
    {
        TmsType.Number => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        TmsType.Epoch => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "Unix epoch seconds, UTC" },
        TmsType.Boolean => new JsonObject { ["type"] = "boolean" },
        TmsType.List => new JsonObject { ["type"] = "string", ["description"] = "comma-separated" },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonObject FieldSchema(string schema) => schema switch
    {
        "integer" => new JsonObject { ["type"] = "integer" },
        "string" => new JsonObject { ["type"] = "string" },
        "boolean" => new JsonObject { ["type"] = "boolean" },
        "array:integer" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } },
        _ when schema.StartsWith("array:", StringComparison.Ordinal) => new JsonObject { ["type"] = "array", ["items"] = Reference(schema["array:".Length..]) },
        _ => Reference(schema),
    };

    private static JsonObject Reference(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    private static JsonObject Schemas()
    {
        static JsonObject Object(params (string Name, string Type)[] fields)
        {
            var properties = new JsonObject();
            foreach (var (name, type) in fields)
            {
                properties[name] = type switch
                {
                    "int" => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                    "int?" => new JsonObject { ["type"] = "integer", ["format"] = "int32", ["nullable"] = true },
                    "epoch" => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
                    "epoch?" => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["nullable"] = true },
                    "string?" => new JsonObject { ["type"] = "string", ["nullable"] = true },
                    "bool" => new JsonObject { ["type"] = "boolean" },
                    "decimal" => new JsonObject { ["type"] = "number" },
                    "int[]" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } },
                    _ => new JsonObject { ["type"] = "string" },
                };
            }

            return new JsonObject { ["type"] = "object", ["properties"] = properties };
        }

        return new JsonObject
        {
            ["CreatedKeyRecord"] = Object(("Id", "int"), ("trainingKey", "string")),
            ["TrainingKeyRecord"] = Object(("Id", "int"), ("TrainingKey", "string"), ("OrganizationId", "int"), ("SubscriptionProfileId", "int"), ("SubscriptionProfileName", "string"),
                ("ExpirationDate", "epoch"), ("MaxKeyUses", "int"), ("Uses", "int"), ("ContentExpirationDate", "epoch?"), ("Created", "epoch"), ("CreatedById", "int?"), ("LastModified", "epoch"), ("LastModifiedById", "int?")),
            ["ClubMembershipRecord"] = Object(("Id", "int"), ("ExternalId", "string?"), ("ClubId", "int"), ("UserId", "int"), ("Starts", "epoch"), ("Expires", "epoch?"), ("TargetCompletion", "epoch?"),
                ("ClubName", "string"), ("UserExternalId", "string?"), ("Cancelled", "bool"), ("Created", "epoch"), ("LastModified", "epoch")),
            ["ClubRecord"] = Object(("Id", "int"), ("Name", "string"), ("Description", "string?"), ("OrganizationId", "int"), ("Duration", "int?"), ("DurationUnit", "string?"), ("DurationValue", "int?"),
                ("Price", "decimal"), ("Currency", "string"), ("Enabled", "bool"), ("Courses", "int[]"), ("LearningPaths", "int[]"), ("Created", "epoch"), ("LastModified", "epoch")),
            ["UserRecord"] = Object(("Id", "int"), ("ExternalId", "string?"), ("FirstName", "string"), ("LastName", "string"), ("UserName", "string?"), ("Email", "string?"), ("OrganizationId", "int"), ("Disabled", "bool")),
            ["OrganizationRecord"] = Object(("Id", "int"), ("ExternalId", "string?"), ("Name", "string"), ("Description", "string?"), ("ParentId", "int?"), ("Enabled", "bool"), ("Children", "int[]"), ("Currency", "string"), ("IntegrationKey", "string?")),
            ["CourseAssignmentRecord"] = Object(("Id", "int"), ("ExternalId", "string?"), ("UserId", "int"), ("CourseId", "int"), ("ClubMembershipId", "int?"), ("Start", "epoch")),
            ["CourseRecord"] = Object(("Id", "int"), ("Code", "string"), ("Name", "string"), ("Description", "string?"), ("Enabled", "bool"), ("Created", "epoch")),
        };
    }
}
