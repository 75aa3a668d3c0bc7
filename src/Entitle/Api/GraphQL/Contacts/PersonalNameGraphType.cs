using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class PersonalNameGraphType : ObjectGraphType<PersonalName>
{
    public PersonalNameGraphType()
    {
        Name = "PersonalName";
        Field(n => n.FirstName);
        Field(n => n.LastName);
    }
}
