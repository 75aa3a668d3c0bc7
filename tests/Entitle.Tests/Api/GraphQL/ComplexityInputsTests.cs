using Entitle.Api.GraphQL;
using GraphQLParser;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>Which documents' complexity can change with their variables (and so is measured on every request).</summary>
public sealed class ComplexityInputsTests
{
    [Theory]
    [InlineData("query($c: ID!, $t: ID!) { contentAccess(contactId: $c, contentId: $t) { granted grantingPasses { id } } }")]
    [InlineData("{ trainingPassTypes(first: 100) { edges { node { id } } } }")]
    [InlineData("query($f: TrainingPassTypeFieldFilter) { trainingPassTypes(first: 5, filters: [$f]) { edges { node { id } } } }")]
    [InlineData("query($n: String) { trainingPassTypes(first: 5) { edges { node { ...F } } } } fragment F on TrainingPassType { name @include(if: true) }")]
    public void VariablesThatFeedNeitherPageSizesNorDirectivesDoNotMoveTheCost(string document) =>
        Assert.False(ComplexityInputs.DependOnVariables(Parser.Parse(document)));

    [Theory]
    [InlineData("query($n: Int) { trainingPassTypes(first: $n) { edges { node { id } } } }")]
    [InlineData("query($n: Int) { trainingPassTypes(last: $n) { edges { node { id } } } }")]
    [InlineData("query($id: ID!) { trainingPassTypes(id: $id) { edges { node { id } } } }")]
    [InlineData("query($all: Boolean!) { trainingPassTypes(first: 5) { edges { node { id options(first: 100) @include(if: $all) { edges { node { id } } } } } } }")]
    [InlineData("query($none: Boolean!) { trainingPassTypes(first: 5) { edges { node { ... on TrainingPassType @skip(if: $none) { name } } } } }")]
    [InlineData("query($all: Boolean!) { trainingPassTypes(first: 5) { edges { node { ...F @include(if: $all) } } } } fragment F on TrainingPassType { name }")]
    [InlineData("query($n: Int) { trainingPassTypes(first: 5) { edges { node { ...F } } } } fragment F on TrainingPassType { options(first: $n) { edges { node { id } } } }")]
    [InlineData("query($all: Boolean!) @include(if: $all) { trainingPassTypes(first: 5) { edges { node { id } } } }")]
    public void PageSizesAndDirectivesFromVariablesMoveTheCost(string document) =>
        Assert.True(ComplexityInputs.DependOnVariables(Parser.Parse(document)));
}
