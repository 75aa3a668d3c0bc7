using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class PersonalNameUpdateInputGraphType : InputObjectGraphType
{
    public PersonalNameUpdateInputGraphType()
    {
        Name = "PersonalNameUpdateInput";
        Field<StringGraphType>("firstName");
        Field<StringGraphType>("lastName");
    }
}
