namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// How to exercise every query root but <c>node</c> (which <see cref="NodeCases"/> covers type by type): each list
/// whole, and filtered by every field that can name the owner's objects, by id or by value.
/// </summary>
public static class QueryRootCases
{
    public static IReadOnlyList<IsolationCase> For(Tenant a, IntrospectedSchema schema)
    {
        string List(string root, string? filters) =>
            $"{{ {root}(first: 100{(filters is null ? "" : $", filters: [{filters}]")}) {{ {schema.Selection(schema.FieldType(schema.QueryType, root))} }} }}";

        IsolationCase All(string root) => new(root, "whole list", SiblingExpectation.Read, (_, _) => List(root, null)) { Owner = OwnerExpectation.Succeeds };

        IsolationCase By(string root, string field, string target, string twin, string operation = "eq") =>
            new(root, $"{field} {operation}", SiblingExpectation.Read, (_, v) => List(root, $"{{field: {field}, operation: {operation}, value: \"{v}\"}}"))
            {
                Target = target,
                Twin = twin,
                Owner = OwnerExpectation.Succeeds,
            };

        IsolationCase Shared(string root) => new(root, "installation-wide", SiblingExpectation.Shared, (_, _) => List(root, null));

        IsolationCase Access(string variant, Func<Tenant, string, (string Contact, string Content)> ids, string target, string twin) =>
            new("contentAccess", variant, SiblingExpectation.Read, (o, v) =>
            {
                var (contact, content) = ids(o, v);
                return $"{{ contentAccess(contactId: \"{contact}\", contentId: \"{content}\") {{ {schema.Selection(schema.FieldType(schema.QueryType, "contentAccess"))} }} }}";
            })
            {
                Target = target,
                Twin = twin,
                Owner = OwnerExpectation.Succeeds,
            };

        return
        [
            All("trainingPassTypes"),
            By("trainingPassTypes", "id", a.TypeGid, Absent.Gid("TrainingPassType", a.Type)),
            By("trainingPassTypes", "code", a.TypeCode, "NOSUCH-T1"),
            By("trainingPassTypes", "name", a.TypeName, "Nosuch pass"),
            By("trainingPassTypes", "name", $"%{a.Word}%", "%Nosuch%", "like"),

            All("trainingPasses"),
            By("trainingPasses", "id", a.PassGid, Absent.Gid("TrainingPass", a.Subscription)),
            By("trainingPasses", "contactId", a.ContactGid, Absent.Gid("Person", a.Contact)),
            By("trainingPasses", "trainingPassTypeId", a.TypeGid, Absent.Gid("TrainingPassType", a.Type)),
            By("trainingPasses", "trainingPassTypeOptionId", a.OptionGid, Absent.Gid("TrainingPassTypeOption", a.Option)),

            All("contacts"),
            By("contacts", "id", a.ContactGid, Absent.Gid("Person", a.Contact)),
            By("contacts", "emailAddress", a.Email, "learner@nosuch.test"),
            By("contacts", "emailAddress", $"%@{a.Lower}.test", "%@nosuch.test", "like"),
            By("contacts", "firstName", a.Word, "Nosuch"),
            By("contacts", "accountId", a.AccountGid, Absent.Gid("Organisation", a.Organization)),

            All("accounts"),
            By("accounts", "id", a.AccountGid, Absent.Gid("Organisation", a.Organization)),
            By("accounts", "id", a.ChildGid, Absent.Gid("Organisation", a.Child)),
            By("accounts", "name", a.OrganizationName, "Nosuch Org"),
            By("accounts", "parentId", a.AccountGid, Absent.Gid("Organisation", a.Organization)),

            All("courseTemplates"),
            By("courseTemplates", "id", a.CourseGid, Absent.Gid("CourseTemplate", a.Course)),
            By("courseTemplates", "code", a.CourseCode, "NOSUCH-C1"),
            By("courseTemplates", "code", $"{a.Upper}%", "NOSUCH%", "like"),
            By("courseTemplates", "title", a.CourseTitle, "Nosuch basics"),

            All("learningPaths"),
            By("learningPaths", "id", a.PathGid, Absent.Gid("LearningPath", a.Path)),
            By("learningPaths", "code", a.PathCode, "NOSUCH-P1"),
            By("learningPaths", "name", a.PathName, "Nosuch path"),

            Shared("regions"),

            All("auditEvents"),
            By("auditEvents", "accountId", a.AccountGid, Absent.Gid("Organisation", a.Organization)),
            By("auditEvents", "actorId", a.AccountGid, Absent.Gid("Organisation", a.Organization)),
            new("auditEvents", "entityType and entityId", SiblingExpectation.Read,
                (_, v) => List("auditEvents", $"{{field: entityType, operation: eq, value: \"TrainingPassType\"}}, {{field: entityId, operation: eq, value: \"{v}\"}}"))
            {
                Target = a.Type.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Twin = Absent.Number(a.Type).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Owner = OwnerExpectation.Succeeds,
            },

            new("webhooks", "whole list", SiblingExpectation.Read, (_, _) => $"{{ webhooks(first: 100) {{ {schema.Selection(schema.FieldType(schema.QueryType, "webhooks"))} }} }}") { Owner = OwnerExpectation.Succeeds },

            All("webhookDeliveries"),
            By("webhookDeliveries", "webhookId", a.WebhookGid, Absent.Gid("Webhook", a.Webhook)),

            Shared("currencies"),

            Access("contact", (o, v) => (v, o.CourseGid), a.ContactGid, Absent.Gid("Person", a.Contact)),
            Access("course", (o, v) => (o.ContactGid, v), a.CourseGid, Absent.Gid("CourseTemplate", a.Course)),
            Access("learning path", (o, v) => (o.ContactGid, v), a.PathGid, Absent.Gid("LearningPath", a.Path)),
        ];
    }

    /// <summary>Roots this table leaves to another: <c>node</c> is exercised for every type that implements Node.</summary>
    public static IReadOnlyList<string> CoveredElsewhere { get; } = ["node"];
}
