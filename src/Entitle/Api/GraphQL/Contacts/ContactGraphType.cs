using Entitle.Api.GraphQL.Accounts;
using Entitle.Api.GraphQL.Connections;
using Entitle.Api.GraphQL.Passes;
using Entitle.Domain.Contacts;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class ContactGraphType : ObjectGraphType<Contact>
{
    public ContactGraphType()
    {
        Name = "Contact";
        Description = "A learner.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.Person, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<PersonalNameGraphType>>("personalName").Resolve(c => new PersonalName(c.Source.FirstName, c.Source.LastName));
        Field<StringGraphType>("emailAddress").Resolve(c => c.Source.Email);
        Field<AccountGraphType>("account").Resolve(c => c.Loaders().Organizations.Load(c.Source.OrganizationId));
        Field<NonNullGraphType<ConnectionGraphType<TrainingPassGraphType>>>("trainingPasses")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().PassesByContact.Load(c.Source.Id, items => ListPage.Of(items!, Paging.From(c))));
        Field<NonNullGraphType<BooleanGraphType>>("hasActiveTrainingPass").Resolve(c => c.Loaders().ContactHasActivePass.Load(c.Source.Id));
    }
}
