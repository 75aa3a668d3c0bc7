namespace Entitle.Api.GraphQL.Contacts;

public sealed record PersonalName(string FirstName, string LastName);
