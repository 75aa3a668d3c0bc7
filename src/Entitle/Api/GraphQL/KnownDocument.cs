using GraphQL.Validation;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// A document that parsed and passed every validation rule, with the rules that must still run each time it is sent
/// (over POST, and over GET, which may only read): those whose verdict can change with the request.
/// </summary>
public sealed record KnownDocument(GraphQLDocument Document, IEnumerable<IValidationRule> Rules, IEnumerable<IValidationRule> RulesOverGet);
