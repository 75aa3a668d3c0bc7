using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class ContactCreateInputGraphType : InputObjectGraphType
{
    public ContactCreateInputGraphType()
    {
        Name = "ContactCreateInput";
        Field<NonNullGraphType<PersonalNameInputGraphType>>("personalName");
        Field<StringGraphType>("emailAddress");
        Field<IdGraphType>("accountId").Description("The account the contact belongs to; defaults to the caller's own.");
    }
}
