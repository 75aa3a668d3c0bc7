using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>How to exercise <c>node(id:)</c> for each type that implements Node: the owner's object of that type.</summary>
public static class NodeCases
{
    public static IReadOnlyList<IsolationCase> For(Tenant a, IntrospectedSchema schema)
    {
        string Node(string id) => $"{{ node(id: \"{id}\") {{ {schema.Selection("Node")} }} }}";

        IsolationCase Owned(string type, string variant, string prefix, int id) =>
            new(type, variant, SiblingExpectation.Read, (_, v) => Node(v)) { Target = Ids.Of(prefix, id), Twin = Absent.Gid(prefix, id), Owner = OwnerExpectation.Succeeds };

        return
        [
            Owned("Account", "the organization", "Organisation", a.Organization),
            Owned("Account", "its child", "Organisation", a.Child),
            Owned("Contact", "", "Person", a.Contact),
            Owned("CourseTemplate", "", "CourseTemplate", a.Course),
            Owned("LearningPath", "", "LearningPath", a.Path),
            Owned("TrainingPass", "", "TrainingPass", a.Subscription),
            Owned("TrainingPassType", "", "TrainingPassType", a.Type),
            Owned("TrainingPassTypeOption", "", "TrainingPassTypeOption", a.Option),
            Owned("TrainingPassTypeOptionPrice", "", "TrainingPassTypeOptionPrice", a.Price),
            Owned("Webhook", "", "Webhook", a.Webhook),

            // Regions are reference data every organization reads; only the root makes them.
            new("Region", "installation-wide", SiblingExpectation.Shared, (_, v) => Node(v)) { Target = Ids.Region("DR") },
        ];
    }
}
