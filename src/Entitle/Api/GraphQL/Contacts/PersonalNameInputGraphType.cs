using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class PersonalNameInputGraphType : InputObjectGraphType
{
    public PersonalNameInputGraphType()
    {
        Name = "PersonalNameInput";
        Field<NonNullGraphType<StringGraphType>>("firstName");
        Field<NonNullGraphType<StringGraphType>>("lastName");
    }
}
