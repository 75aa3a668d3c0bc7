namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// How to exercise every mutation: for each input field that can name another organization's object, one case
/// aimed at the owner's object through that field, every other field filled with the caller's own objects. Cases
/// marked "(state)" pair the owner's object with input its own organization would be refused for (a draft type
/// published without an option, a cancelled pass renewed, a currency already priced): a sibling must meet "no such
/// object" before any rule that depends on the object's state. The order is the one in which the owner's own runs
/// of the same requests succeed one after the other.
/// </summary>
public static class MutationCases
{
    public static IReadOnlyList<IsolationCase> For(Tenant a, IntrospectedSchema schema)
    {
        IsolationCase Change(string mutation, string variant, string target, string twin, OwnerExpectation owner, Func<Tenant, string, string> input) =>
            Case(mutation, variant, SiblingExpectation.Refused, target, twin, owner, input);

        IsolationCase Create(string mutation, string variant, string target, string twin, Func<Tenant, string, string> input) =>
            Case(mutation, variant, SiblingExpectation.OwnCreation, target, twin, OwnerExpectation.None, input);

        IsolationCase Case(string mutation, string variant, SiblingExpectation expectation, string target, string twin, OwnerExpectation owner, Func<Tenant, string, string> input)
        {
            var dot = mutation.IndexOf('.', StringComparison.Ordinal);
            return new IsolationCase(mutation, variant, expectation, (o, v) =>
                $"mutation {{ {mutation[..dot]} {{ {mutation[(dot + 1)..]}(input: {{ {input(o, v)} }}) {{ {schema.PayloadSelection(mutation)} }} }} }}")
            {
                Target = target,
                Twin = twin,
                Owner = owner,
            };
        }

        var type = (a.TypeGid, Absent.Gid("TrainingPassType", a.Type));
        var option = (a.OptionGid, Absent.Gid("TrainingPassTypeOption", a.Option));
        var price = (a.PriceGid, Absent.Gid("TrainingPassTypeOptionPrice", a.Price));
        var draftType = (a.DraftTypeGid, Absent.Gid("TrainingPassType", a.DraftType));
        var pass = (a.PassGid, Absent.Gid("TrainingPass", a.Subscription));
        var cancelled = (a.CancelledPassGid, Absent.Gid("TrainingPass", a.CancelledSubscription));
        var otherContact = (a.OtherContactGid, Absent.Gid("Person", a.OtherContact));
        var contact = (a.ContactGid, Absent.Gid("Person", a.Contact));
        var course = (a.CourseGid, Absent.Gid("CourseTemplate", a.Course));
        var path = (a.PathGid, Absent.Gid("LearningPath", a.Path));
        var account = (a.AccountGid, Absent.Gid("Organisation", a.Organization));
        var child = (a.ChildGid, Absent.Gid("Organisation", a.Child));
        var webhook = (a.WebhookGid, Absent.Gid("Webhook", a.Webhook));

        return
        [
            Create("trainingPass.createType", "code", a.TypeCode, "NOSUCH-T1", (o, v) => $"code: \"{v}\", name: \"{o.Word} copy\""),
            Change("trainingPass.updateType", "type", type.Item1, type.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{v}\", name: \"{o.Word} pass\""),
            Change("trainingPass.updateType", "type (state: back to draft)", type.Item1, type.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeId: \"{v}\", lifecycleState: draft"),
            Change("trainingPass.updateType", "type (state: its organization's code taken)", type.Item1, type.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeId: \"{v}\", code: \"{a.Upper}-T2\""),
            Change("trainingPass.updateType", "draft type (state: published without an option)", draftType.Item1, draftType.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeId: \"{v}\", lifecycleState: published"),
            Change("trainingPass.addContentToPassType", "type", type.Item1, type.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{v}\", courseIds: [\"{o.CourseGid}\"]"),
            Change("trainingPass.addContentToPassType", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", courseIds: [\"{v}\"]"),
            Change("trainingPass.addContentToPassType", "learning path", path.Item1, path.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", pathIds: [\"{v}\"]"),
            Change("trainingPass.removeContentFromPassType", "type", type.Item1, type.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{v}\", courseIds: [\"{o.CourseGid}\"]"),
            Change("trainingPass.removeContentFromPassType", "course", course.Item1, course.Item2, OwnerExpectation.None, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", courseIds: [\"{v}\"]"),
            Change("trainingPass.removeContentFromPassType", "learning path", path.Item1, path.Item2, OwnerExpectation.None, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", pathIds: [\"{v}\"]"),
            Change("trainingPass.createTypeOption", "type", type.Item1, type.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{v}\", name: \"{o.Word} weekly\", validityPeriod: {{unit: weeks, value: 1}}"),
            Change("trainingPass.updateTypeOption", "option", option.Item1, option.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeOptionId: \"{v}\", name: \"{o.Word} monthly\""),
            Change("trainingPass.updateTypeOption", "option (state: back to draft)", option.Item1, option.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeOptionId: \"{v}\", lifecycleState: draft"),
            Change("trainingPass.updateTypeOption", "option (state: the last published one archived)", option.Item1, option.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeOptionId: \"{v}\", lifecycleState: archived"),
            Change("trainingPass.createTypeOptionPrice", "option", option.Item1, option.Item2, OwnerExpectation.Succeeds, (_, v) => $"trainingPassTypeOptionId: \"{v}\", currencyCode: \"GBP\", amount: \"5.00\""),
            Change("trainingPass.createTypeOptionPrice", "option (state: currency already priced)", option.Item1, option.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassTypeOptionId: \"{v}\", currencyCode: \"EUR\", amount: \"5.00\""),
            Change("trainingPass.updateTypeOptionPrice", "price", price.Item1, price.Item2, OwnerExpectation.Succeeds, (_, v) => $"trainingPassTypeOptionPriceId: \"{v}\", amount: \"11.00\""),
            Change("trainingPass.deleteTypeOptionPrice", "price", price.Item1, price.Item2, OwnerExpectation.Succeeds, (_, v) => $"trainingPassTypeOptionPriceId: \"{v}\""),
            Change("trainingPass.issuePass", "type", type.Item1, type.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{v}\", trainingPassTypeOptionId: \"{o.OptionGid}\", contactId: \"{o.ContactGid}\""),
            Change("trainingPass.issuePass", "option", option.Item1, option.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", trainingPassTypeOptionId: \"{v}\", contactId: \"{o.ContactGid}\""),
            Change("trainingPass.issuePass", "contact", contact.Item1, contact.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassTypeId: \"{o.TypeGid}\", trainingPassTypeOptionId: \"{o.OptionGid}\", contactId: \"{v}\""),
            Change("trainingPass.issuePass", "draft type (state: not published)", draftType.Item1, draftType.Item2, OwnerExpectation.Refused, (o, v) => $"trainingPassTypeId: \"{v}\", trainingPassTypeOptionId: \"{o.OptionGid}\", contactId: \"{o.ContactGid}\""),
            Change("trainingPass.renewPass", "pass", pass.Item1, pass.Item2, OwnerExpectation.Succeeds, (_, v) => $"trainingPassId: \"{v}\""),
            Change("trainingPass.renewPass", "option", option.Item1, option.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassId: \"{o.PassGid}\", trainingPassTypeOptionId: \"{v}\""),
            Change("trainingPass.renewPass", "pass (state: an earlier end)", pass.Item1, pass.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassId: \"{v}\", validUntil: \"2000-01-01T00:00:00Z\""),
            Change("trainingPass.renewPass", "cancelled pass (state: revoked)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassId: \"{v}\""),
            Change("trainingPass.reassignPass", "pass", pass.Item1, pass.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassId: \"{v}\", contactId: \"{o.OtherContactGid}\""),
            Change("trainingPass.reassignPass", "contact", contact.Item1, contact.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingPassId: \"{o.PassGid}\", contactId: \"{v}\""),
            Change("trainingPass.reassignPass", "pass (state: to its own holder)", pass.Item1, pass.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassId: \"{v}\", contactId: \"{a.ContactGid}\""),
            Change("trainingPass.reassignPass", "cancelled pass (state: revoked)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused, (o, v) => $"trainingPassId: \"{v}\", contactId: \"{o.ContactGid}\""),
            Change("trainingPass.startCourse", "contact", contact.Item1, contact.Item2, OwnerExpectation.Succeeds, (o, v) => $"contactId: \"{v}\", courseId: \"{o.CourseGid}\""),
            Change("trainingPass.startCourse", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => $"contactId: \"{o.ContactGid}\", courseId: \"{v}\""),
            Change("trainingPass.startCourse", "pass", pass.Item1, pass.Item2, OwnerExpectation.Succeeds, (o, v) => $"contactId: \"{o.ContactGid}\", courseId: \"{o.CourseGid}\", trainingPassId: \"{v}\""),
            Change("trainingPass.startCourse", "cancelled pass (state: revoked)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused, (o, v) => $"contactId: \"{o.ContactGid}\", courseId: \"{o.CourseGid}\", trainingPassId: \"{v}\""),
            Change("trainingPass.redeemKey", "key", a.KeyText, "NOSUCH-KEY-1", OwnerExpectation.Succeeds, (o, v) => $"trainingKey: \"{v}\", contactId: \"{o.OtherContactGid}\""),
            Change("trainingPass.redeemKey", "key (state: its learner redeemed it)", a.KeyText, "NOSUCH-KEY-1", OwnerExpectation.Refused, (_, v) => $"trainingKey: \"{v}\", contactId: \"{a.ContactGid}\""),
            Change("trainingPass.redeemKey", "contact", otherContact.Item1, otherContact.Item2, OwnerExpectation.Succeeds, (o, v) => $"trainingKey: \"{o.OpenKeyText}\", contactId: \"{v}\""),
            Change("trainingPass.revokePass", "cancelled pass (state: revoked)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused, (_, v) => $"trainingPassId: \"{v}\""),
            Change("trainingPass.revokePass", "pass", pass.Item1, pass.Item2, OwnerExpectation.Succeeds, (_, v) => $"trainingPassId: \"{v}\""),

            Change("contact.create", "account", account.Item1, account.Item2, OwnerExpectation.Succeeds, (o, v) => $"personalName: {{firstName: \"{o.Word}\", lastName: \"Third\"}}, accountId: \"{v}\""),
            Create("contact.create", "email address", a.Email, "learner@nosuch.test", (o, v) => $"personalName: {{firstName: \"{o.Word}\", lastName: \"Copy\"}}, emailAddress: \"{v}\""),
            Change("contact.update", "contact", contact.Item1, contact.Item2, OwnerExpectation.Succeeds, (o, v) => $"contactId: \"{v}\", emailAddress: \"changed@{o.Lower}.test\""),
            Change("contact.update", "account", account.Item1, account.Item2, OwnerExpectation.Succeeds, (o, v) => $"contactId: \"{o.OtherContactGid}\", accountId: \"{v}\""),

            Create("courseTemplate.create", "code", a.CourseCode, "NOSUCH-C1", (o, v) => $"code: \"{v}\", title: \"{o.Word} copy\""),
            Change("courseTemplate.update", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => $"courseTemplateId: \"{v}\", title: \"{o.Word} basics\""),

            Change("learningPaths.create", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => $"code: \"{o.Upper}-P2\", name: \"{o.Word} second path\", courseIds: [\"{v}\"]"),
            Create("learningPaths.create", "code", a.PathCode, "NOSUCH-P1", (o, v) => $"code: \"{v}\", name: \"{o.Word} copy\""),
            Change("learningPaths.update", "learning path", path.Item1, path.Item2, OwnerExpectation.Succeeds, (o, v) => $"learningPathId: \"{v}\", name: \"{o.Word} path\""),
            Change("learningPaths.update", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => $"learningPathId: \"{o.PathGid}\", courseIds: [\"{v}\"]"),

            // Regions are installation-wide and only the root makes them: an existing code and a new one read alike,
            // and the owner is refused too.
            Change("region.create", "code", "DR", "ZZ", OwnerExpectation.Refused, (_, v) => $"code: \"{v}\", name: \"Somewhere\""),

            Change("account.create", "parent", account.Item1, account.Item2, OwnerExpectation.Succeeds, (o, v) => $"name: \"{o.Word} Sub\", parentId: \"{v}\""),
            Create("account.create", "external id", a.OrganizationExternalId, "nosuch-org", (o, v) => $"name: \"{o.Word} Sub\", externalId: \"{v}\""),
            Change("account.rotateCredential", "organization", account.Item1, account.Item2, OwnerExpectation.None, (_, v) => $"accountId: \"{v}\""),
            Change("account.rotateCredential", "child", child.Item1, child.Item2, OwnerExpectation.Succeeds, (_, v) => $"accountId: \"{v}\""),
            Change("account.update", "organization", account.Item1, account.Item2, OwnerExpectation.Succeeds, (o, v) => $"accountId: \"{v}\", name: \"{o.Word} Org\""),
            Change("account.update", "child", child.Item1, child.Item2, OwnerExpectation.Succeeds, (o, v) => $"accountId: \"{v}\", externalId: \"{o.Lower}-child\""),

            Change("webhooks.create", "account", account.Item1, account.Item2, OwnerExpectation.Succeeds, (o, v) => $"url: \"https://{o.Lower}.example/other\", eventTypes: [\"pass.revoked\"], accountId: \"{v}\""),
            Change("webhooks.update", "webhook", webhook.Item1, webhook.Item2, OwnerExpectation.Succeeds, (_, v) => $"webhookId: \"{v}\", enabled: false, rotateSecret: true"),
            Change("webhooks.delete", "webhook", webhook.Item1, webhook.Item2, OwnerExpectation.Succeeds, (_, v) => $"webhookId: \"{v}\""),
        ];
    }
}
