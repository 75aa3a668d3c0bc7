using System.Text.Json.Serialization;

namespace Entitle.Api.Tms.Records;

/// <summary>An item of CreateSubscriptionsResults: <c>Id</c> and, as the vendor spells it, <c>trainingKey</c>.</summary>
public sealed record CreatedKeyRecord(int Id, [property: JsonPropertyName("trainingKey")] string TrainingKey);
