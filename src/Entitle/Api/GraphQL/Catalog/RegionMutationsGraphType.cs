using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

/// <summary><c>mutation { region { create } }</c>; regions are installation-wide, so only the root organization creates them.</summary>
public sealed class RegionMutationsGraphType : MutationNamespaceGraphType
{
    public RegionMutationsGraphType()
    {
        Name = "RegionMutations";

        Mutation<PayloadGraphType<RegionGraphType>, RegionCreateInputGraphType>("create", async (input, caller, c, ct) =>
            await c.Service<CatalogService>().CreateRegionAsync(caller, input.Text("code"), input.Text("name"), ct));
    }
}
