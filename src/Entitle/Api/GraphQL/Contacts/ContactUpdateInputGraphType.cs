using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class ContactUpdateInputGraphType : InputObjectGraphType
{
    public ContactUpdateInputGraphType()
    {
        Name = "ContactUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("contactId");
        Field<PersonalNameUpdateInputGraphType>("personalName");
        Field<StringGraphType>("emailAddress");
        Field<IdGraphType>("accountId");
    }
}
