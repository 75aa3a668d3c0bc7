using System.Globalization;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// How to exercise every TMS method: reads and searches by every parameter that can name another organization's
/// object or value, changes aimed at the owner's objects through each such parameter (the caller's own objects in
/// every other slot). Cases marked "(state)" pair the owner's object with a call its own organization would be
/// refused for (a redeemed key, a cancelled subscription, a draft profile): a sibling must meet "no such object"
/// before any rule that depends on the object's state. The order is the one in which the owner's own runs of the
/// same calls succeed one after the other.
/// </summary>
public static class TmsMethodCases
{
    public static IReadOnlyList<IsolationCase> For(Tenant a, long now)
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        IsolationCase Read(string method, string variant, string target, string twin, Func<Tenant, string, string> call) =>
            new(method, variant, SiblingExpectation.Read, call) { Target = target, Twin = twin, Owner = OwnerExpectation.Succeeds };

        IsolationCase Search(string method) =>
            new(method, "every row", SiblingExpectation.Read, (_, _) => TmsQuery.Of(method, ("pageSize", 1000))) { Owner = OwnerExpectation.Succeeds };

        IsolationCase SearchBy(string method, string parameter, string target, string twin) =>
            Read(method, parameter, target, twin, (_, v) => TmsQuery.Of(method, ("pageSize", 1000), (parameter, v)));

        IsolationCase Change(string method, string variant, string target, string twin, OwnerExpectation owner, Func<Tenant, string, string> call) =>
            new(method, variant, SiblingExpectation.Refused, call) { Target = target, Twin = twin, Owner = owner };

        IsolationCase Create(string method, string variant, string target, string twin, Func<Tenant, string, string> call) =>
            new(method, variant, SiblingExpectation.OwnCreation, call) { Target = target, Twin = twin };

        var organization = (N(a.Organization), N(Absent.Number(a.Organization)));
        var child = (N(a.Child), N(Absent.Number(a.Child)));
        var user = (N(a.Contact), N(Absent.Number(a.Contact)));
        var spareUser = (N(a.SpareContact), N(Absent.Number(a.SpareContact)));
        var profile = (N(a.Type), N(Absent.Number(a.Type)));
        var draftProfile = (N(a.DraftType), N(Absent.Number(a.DraftType)));
        var cancelled = (N(a.CancelledSubscription), N(Absent.Number(a.CancelledSubscription)));
        var otherUser = (N(a.OtherContact), N(Absent.Number(a.OtherContact)));
        var course = (N(a.Course), N(Absent.Number(a.Course)));
        var subscription = (N(a.Subscription), N(Absent.Number(a.Subscription)));
        var key = (N(a.KeyId), N(Absent.Number(a.KeyId)));
        var spareKey = (N(a.SpareKeyId), N(Absent.Number(a.SpareKeyId)));
        const long Expires = TenantBuilder.KeysExpire;

        return
        [
            Change("CreateSubscriptionTrainingKeys", "profile", profile.Item1, profile.Item2, OwnerExpectation.Succeeds,
                (_, v) => TmsQuery.Of("CreateSubscriptionTrainingKeys", ("subscriptionProfileId", v), ("expirationDate", Expires))),
            Change("CreateSubscriptionTrainingKeys", "draft profile (state: not enabled)", draftProfile.Item1, draftProfile.Item2, OwnerExpectation.Refused,
                (_, v) => TmsQuery.Of("CreateSubscriptionTrainingKeys", ("subscriptionProfileId", v), ("expirationDate", Expires))),
            Change("CreateSubscriptionTrainingKeys", "organization", organization.Item1, organization.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("CreateSubscriptionTrainingKeys", ("organizationId", v), ("subscriptionProfileId", o.Type), ("expirationDate", Expires))),
            Change("CreateSubscriptionTrainingKeys", "child organization", child.Item1, child.Item2, OwnerExpectation.None,
                (o, v) => TmsQuery.Of("CreateSubscriptionTrainingKeys", ("organizationId", v), ("subscriptionProfileId", o.Type), ("expirationDate", Expires))),
            new("CreateSubscriptionTrainingKeys", "key text", SiblingExpectation.RefusedInstallationWide,
                (o, v) => TmsQuery.Of("CreateSubscriptionTrainingKeys", ("subscriptionProfileId", o.Type), ("expirationDate", Expires), ("trainingKeys", v)))
            {
                Target = a.KeyText,
                Why = "key texts are unique in the whole installation, ignoring case (tms-api.md), because a learner redeems a key by its text alone",
            },

            Search("SearchSubscriptionTrainingKeys"),
            SearchBy("SearchSubscriptionTrainingKeys", "organizationId", organization.Item1, organization.Item2),
            SearchBy("SearchSubscriptionTrainingKeys", "trainingKey", a.KeyText, "NOSUCH-KEY-1"),
            SearchBy("SearchSubscriptionTrainingKeys", "subscriptionProfileId", profile.Item1, profile.Item2),
            SearchBy("SearchSubscriptionTrainingKeys", "createdById", organization.Item1, organization.Item2),

            Change("UpdateSubscriptionTrainingKey", "key", key.Item1, key.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateSubscriptionTrainingKey", ("Id", v), ("trainingKey", o.KeyText), ("subscriptionProfileId", o.Type), ("expirationDate", Expires), ("maxKeyUses", 5))),
            new("UpdateSubscriptionTrainingKey", "key text", SiblingExpectation.RefusedInstallationWide,
                (o, v) => TmsQuery.Of("UpdateSubscriptionTrainingKey", ("Id", o.SpareKeyId), ("trainingKey", v), ("subscriptionProfileId", o.Type), ("expirationDate", Expires)))
            {
                Target = a.KeyText,
                Why = "key texts are unique in the whole installation, ignoring case (tms-api.md), because a learner redeems a key by its text alone",
            },
            Change("UpdateSubscriptionTrainingKey", "organization", organization.Item1, organization.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateSubscriptionTrainingKey", ("Id", o.KeyId), ("trainingKey", o.KeyText), ("organizationId", v), ("subscriptionProfileId", o.Type), ("expirationDate", Expires), ("maxKeyUses", 5))),
            Change("UpdateSubscriptionTrainingKey", "profile", profile.Item1, profile.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateSubscriptionTrainingKey", ("Id", o.KeyId), ("trainingKey", o.KeyText), ("subscriptionProfileId", v), ("expirationDate", Expires), ("maxKeyUses", 5))),
            Change("DeleteSubscriptionTrainingKey", "key (state: redeemed)", key.Item1, key.Item2, OwnerExpectation.Refused, (_, v) => TmsQuery.Of("DeleteSubscriptionTrainingKey", ("id", v))),
            Change("DeleteSubscriptionTrainingKey", "unredeemed key", spareKey.Item1, spareKey.Item2, OwnerExpectation.Succeeds, (_, v) => TmsQuery.Of("DeleteSubscriptionTrainingKey", ("id", v))),
            Change("RedeemSubscriptionTrainingKey", "key", a.KeyText, "NOSUCH-KEY-1", OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("RedeemSubscriptionTrainingKey", ("trainingKey", v), ("userId", o.OtherContact))),
            Change("RedeemSubscriptionTrainingKey", "key (state: its learner redeemed it)", a.KeyText, "NOSUCH-KEY-1", OwnerExpectation.Refused,
                (_, v) => TmsQuery.Of("RedeemSubscriptionTrainingKey", ("trainingKey", v), ("userId", a.Contact))),
            Change("RedeemSubscriptionTrainingKey", "user", otherUser.Item1, otherUser.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("RedeemSubscriptionTrainingKey", ("trainingKey", o.OpenKeyText), ("userId", v))),

            Change("CreateClubMembership", "profile", profile.Item1, profile.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("CreateClubMembership", ("clubId", v), ("userId", o.Contact), ("starts", now))),
            Change("CreateClubMembership", "user", user.Item1, user.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("CreateClubMembership", ("clubId", o.Type), ("userId", v), ("starts", now))),
            Change("CreateClubMembership", "draft profile (state: not enabled)", draftProfile.Item1, draftProfile.Item2, OwnerExpectation.Refused,
                (o, v) => TmsQuery.Of("CreateClubMembership", ("clubId", v), ("userId", o.Contact), ("starts", now))),
            Create("CreateClubMembership", "external id", a.SubscriptionExternalId, "nosuch-sub",
                (o, v) => TmsQuery.Of("CreateClubMembership", ("clubId", o.Type), ("userId", o.Contact), ("starts", now), ("externalId", v))),
            Read("GetClubMembership", "subscription", subscription.Item1, subscription.Item2, (_, v) => TmsQuery.Of("GetClubMembership", ("id", v))),
            Read("GetClubMembership", "id in the path", subscription.Item1, subscription.Item2, (_, v) => $"GetClubMembership/{v}"),
            Read("GetClubMembership", "cancelled subscription", cancelled.Item1, cancelled.Item2, (_, v) => TmsQuery.Of("GetClubMembership", ("id", v))),
            Read("GetClubMembershipByExternalId", "", a.SubscriptionExternalId, "nosuch-sub", (_, v) => TmsQuery.Of("GetClubMembershipByExternalId", ("id", v))),
            Change("UpdateClubMembership", "subscription", subscription.Item1, subscription.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateClubMembership", ("id", v), ("clubId", o.Type), ("userId", o.OtherContact), ("starts", now))),
            Change("UpdateClubMembership", "user", user.Item1, user.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateClubMembership", ("id", o.Subscription), ("clubId", o.Type), ("userId", v), ("starts", now))),
            Change("UpdateClubMembership", "cancelled subscription (state: cancelled)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused,
                (o, v) => TmsQuery.Of("UpdateClubMembership", ("id", v), ("clubId", o.Type), ("userId", o.OtherContact), ("starts", now))),
            Change("UpdateClubMembership", "profile", profile.Item1, profile.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("UpdateClubMembership", ("id", o.Subscription), ("clubId", v), ("userId", o.Contact), ("starts", now))),
            Search("SearchSubscriptions"),
            SearchBy("SearchSubscriptions", "userId", user.Item1, user.Item2),
            SearchBy("SearchSubscriptions", "userExternalId", a.UserExternalId, "nosuch-user"),
            SearchBy("SearchSubscriptions", "subscriptionId", profile.Item1, profile.Item2),
            SearchBy("SearchSubscriptions", "clubId", profile.Item1, profile.Item2),

            Search("SearchClubs"),
            SearchBy("SearchClubs", "name", a.TypeName, "Nosuch pass"),
            SearchBy("SearchClubs", "courseId", course.Item1, course.Item2),

            Change("CreateUser", "organization", organization.Item1, organization.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("CreateUser", ("FirstName", o.Word), ("LastName", "Fourth"), ("OrganizationId", v))),
            Create("CreateUser", "email", a.Email, "learner@nosuch.test", (o, v) => TmsQuery.Of("CreateUser", ("FirstName", o.Word), ("LastName", "Copy"), ("Email", v))),
            Create("CreateUser", "external id", a.UserExternalId, "nosuch-user", (o, v) => TmsQuery.Of("CreateUser", ("FirstName", o.Word), ("LastName", "Copy"), ("ExternalId", v))),
            Read("GetUser", "", user.Item1, user.Item2, (_, v) => TmsQuery.Of("GetUser", ("id", v))),
            Read("GetUser", "id in the path", user.Item1, user.Item2, (_, v) => $"GetUser/{v}"),
            Read("GetUserByEmail", "", a.Email, "learner@nosuch.test", (_, v) => TmsQuery.Of("GetUserByEmail", ("email", v))),
            Read("GetUserByExternalId", "", a.UserExternalId, "nosuch-user", (_, v) => TmsQuery.Of("GetUserByExternalId", ("id", v))),
            Change("UpdateUser", "user", user.Item1, user.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("UpdateUser", ("Id", v), ("FirstName", o.Word))),
            Change("UpdateUser", "id in the path", user.Item1, user.Item2, OwnerExpectation.Succeeds, (o, v) => $"UpdateUser/{v}?FirstName={o.Word}"),
            Change("UpdateUser", "organization", organization.Item1, organization.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("UpdateUser", ("Id", o.OtherContact), ("OrganizationId", v))),
            Change("DeleteUser", "user (state: holds subscriptions)", user.Item1, user.Item2, OwnerExpectation.Refused, (_, v) => TmsQuery.Of("DeleteUser", ("Id", v))),
            Change("DeleteUser", "user without subscriptions", spareUser.Item1, spareUser.Item2, OwnerExpectation.Succeeds, (_, v) => TmsQuery.Of("DeleteUser", ("Id", v))),

            Change("CreateOrganization", "parent", organization.Item1, organization.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("CreateOrganization", ("Name", $"{o.Word} Unit"), ("ParentId", v))),
            Create("CreateOrganization", "external id", a.OrganizationExternalId, "nosuch-org", (o, v) => TmsQuery.Of("CreateOrganization", ("Name", $"{o.Word} Unit"), ("ExternalId", v))),
            Read("GetOrganization", "organization", organization.Item1, organization.Item2, (_, v) => TmsQuery.Of("GetOrganization", ("id", v))),
            Read("GetOrganization", "id in the path", organization.Item1, organization.Item2, (_, v) => $"GetOrganization/{v}"),
            Read("GetOrganization", "child", child.Item1, child.Item2, (_, v) => TmsQuery.Of("GetOrganization", ("id", v))),
            Read("GetOrganizationByExternalId", "organization", a.OrganizationExternalId, "nosuch-org", (_, v) => TmsQuery.Of("GetOrganizationByExternalId", ("id", v))),
            Read("GetOrganizationByExternalId", "child", a.ChildExternalId, "nosuch-child", (_, v) => TmsQuery.Of("GetOrganizationByExternalId", ("id", v))),
            Change("UpdateOrganization", "organization", organization.Item1, organization.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("UpdateOrganization", ("id", v), ("Name", o.OrganizationName))),
            Change("UpdateOrganization", "child", child.Item1, child.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("UpdateOrganization", ("id", v), ("Description", $"{o.Word} child"))),
            Change("RotateOrganizationIntegrationKey", "organization", organization.Item1, organization.Item2, OwnerExpectation.None, (_, v) => TmsQuery.Of("RotateOrganizationIntegrationKey", ("id", v))),
            Change("RotateOrganizationIntegrationKey", "child", child.Item1, child.Item2, OwnerExpectation.Succeeds, (_, v) => TmsQuery.Of("RotateOrganizationIntegrationKey", ("id", v))),
            Change("DeleteOrganization", "organization (state: not empty)", organization.Item1, organization.Item2, OwnerExpectation.Refused, (_, v) => TmsQuery.Of("DeleteOrganization", ("id", v))),
            Change("DeleteOrganization", "empty child", child.Item1, child.Item2, OwnerExpectation.Succeeds, (_, v) => TmsQuery.Of("DeleteOrganization", ("id", v))),

            Search("SearchCourses"),
            SearchBy("SearchCourses", "name", a.CourseTitle, "Nosuch basics"),
            SearchBy("SearchCourses", "code", a.CourseCode, "NOSUCH-C1"),
            Read("GetCourse", "", course.Item1, course.Item2, (_, v) => TmsQuery.Of("GetCourse", ("id", v))),
            Read("GetCourse", "id in the path", course.Item1, course.Item2, (_, v) => $"GetCourse/{v}"),

            Read("CheckCourseAccess", "user", user.Item1, user.Item2, (o, v) => TmsQuery.Of("CheckCourseAccess", ("userId", v), ("courseId", o.Course))),
            Read("CheckCourseAccess", "course", course.Item1, course.Item2, (o, v) => TmsQuery.Of("CheckCourseAccess", ("userId", o.Contact), ("courseId", v))),
            Change("CreateCourseAssignment", "user", user.Item1, user.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("CreateCourseAssignment", ("userId", v), ("courseId", o.Course))),
            Change("CreateCourseAssignment", "course", course.Item1, course.Item2, OwnerExpectation.Succeeds, (o, v) => TmsQuery.Of("CreateCourseAssignment", ("userId", o.Contact), ("courseId", v))),
            Change("CreateCourseAssignment", "subscription", subscription.Item1, subscription.Item2, OwnerExpectation.Succeeds,
                (o, v) => TmsQuery.Of("CreateCourseAssignment", ("userId", o.Contact), ("courseId", o.Course), ("ClubMembershipId", v))),
            Change("CreateCourseAssignment", "cancelled subscription (state: cancelled)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused,
                (o, v) => TmsQuery.Of("CreateCourseAssignment", ("userId", o.Contact), ("courseId", o.Course), ("ClubMembershipId", v))),
            Create("CreateCourseAssignment", "external id", a.CourseStartExternalId, "nosuch-start",
                (o, v) => TmsQuery.Of("CreateCourseAssignment", ("userId", o.Contact), ("courseId", o.Course), ("externalId", v))),
            Search("SearchCourseAssignments"),
            SearchBy("SearchCourseAssignments", "userId", user.Item1, user.Item2),
            SearchBy("SearchCourseAssignments", "courseId", course.Item1, course.Item2),
            SearchBy("SearchCourseAssignments", "ClubMembershipId", subscription.Item1, subscription.Item2),

            Change("DeleteClubMembership", "id in the path", subscription.Item1, subscription.Item2, OwnerExpectation.None, (_, v) => $"DeleteClubMembership/{v}"),
            Change("DeleteClubMembership", "cancelled subscription (state: cancelled)", cancelled.Item1, cancelled.Item2, OwnerExpectation.Refused, (_, v) => TmsQuery.Of("DeleteClubMembership", ("id", v))),
            Change("DeleteClubMembership", "subscription", subscription.Item1, subscription.Item2, OwnerExpectation.Succeeds, (_, v) => TmsQuery.Of("DeleteClubMembership", ("id", v))),
        ];
    }
}
