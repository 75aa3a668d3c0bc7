using Entitle.Application;
using Entitle.Application.Access;
using Entitle.Application.Organizations;
using GraphQL;

namespace Entitle.Api.GraphQL.Access;

/// <summary><c>contentAccess(contactId, contentId, at)</c>: ids that do not resolve are errors naming the argument.</summary>
public static class ContentAccessResolver
{
    public static async Task<ContentAccess> ResolveAsync(IResolveFieldContext context)
    {
        var contactId = GlobalId.DecodeInt(context.GetArgument<string>("contactId"), GlobalId.Person);
        var contentId = context.GetArgument<string>("contentId");
        ContentRef? asked = GlobalId.DecodeInt(contentId, GlobalId.CourseTemplate) is { } course ? ContentRef.Course(course)
            : GlobalId.DecodeInt(contentId, GlobalId.LearningPath) is { } path ? ContentRef.Path(path)
            : null;
        if (contactId is null)
        {
            throw NotFound("contactId", "contact");
        }

        if (asked is not { } content)
        {
            throw NotFound("contentId", "course template or learning path");
        }

        try
        {
            var at = context.GetArgument<DateTime?>("at") ?? context.Entitle().Now;
            var access = context.Service<AccessService>();
            var user = context.Entitle();
            // The passes are read whole only when the answer names them.
            var withPasses = context.SubFields is { } fields && fields.Values.Any(f => f.FieldType.Name == "grantingPasses");
            if (user.PendingCredential is { } credential)
            {
                // The document asks only this (ContentAccessDocument): a course's check checks the credential in
                // its own statement; a learning path's asks after the lookup.
                if (content.CourseTemplateId is { } courseId)
                {
                    var checkedAccess = await access.DecideForCredentialAsync(credential, contactId.Value, courseId, withPasses, at, context.CancellationToken) ?? throw user.Refuse();
                    user.Establish(checkedAccess.Caller);
                    return checkedAccess.Access;
                }

                user.Establish(await context.Service<CredentialAuthenticator>().FindCallerAsync(credential, context.CancellationToken) ?? throw user.Refuse());
            }

            return withPasses
                ? await access.DecideWithPassesAsync(context.Caller(), contactId.Value, content, at, context.CancellationToken)
                : new ContentAccess(await access.DecideAsync(context.Caller(), contactId.Value, content, at, context.CancellationToken), null);
        }
        catch (EntityNotFoundException e)
        {
            throw NotFound(e.Field, e.What);
        }
    }

    private static ExecutionError NotFound(string argument, string what) => new($"{argument}: no {what} with this id exists.") { Code = "NOT_FOUND" };
}
