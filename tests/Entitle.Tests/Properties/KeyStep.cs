namespace Entitle.Tests.Properties;

/// <summary>One request of a <see cref="KeySchedule"/>: <see cref="Learner"/> is an index into the learners, <see cref="Limit"/> the new maxKeyUses.</summary>
internal sealed record KeyStep(KeyStepKind Kind, int Learner, bool OverGraphQL, int Limit)
{
    public override string ToString() => Kind switch
    {
        KeyStepKind.Redeem => $"Redeem(learner {Learner}{(OverGraphQL ? ", GraphQL" : "")})",
        KeyStepKind.RedeemThenRevoke => $"RedeemThenRevoke(learner {Learner})",
        KeyStepKind.SetLimit => $"SetLimit({Limit})",
        _ => Kind.ToString(),
    };
}
