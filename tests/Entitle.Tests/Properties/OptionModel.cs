using Entitle.Domain;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Properties;

/// <summary>An option as <see cref="PassModel"/> knows it: its period and where it is in its lifecycle.</summary>
internal sealed record OptionModel(PeriodUnit Unit, int Value, LifecycleState State)
{
    public override string ToString() => $"{Value} {Unit} {State}";
}
