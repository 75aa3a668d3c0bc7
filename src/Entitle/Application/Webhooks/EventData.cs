using System.Text.Json.Nodes;
using Entitle.Domain;
using Entitle.Domain.Passes;

namespace Entitle.Application.Webhooks;

/// <summary>What events say about the things they are about.</summary>
public static class EventData
{
    public static JsonObject Pass(Pass pass) => new()
    {
        ["passId"] = pass.Id,
        ["contactId"] = pass.ContactId,
        ["trainingPassTypeId"] = pass.PassTypeId,
        ["trainingPassTypeOptionId"] = pass.OptionId,
        ["validFrom"] = Instant.Format(pass.ValidFrom),
        ["validUntil"] = Instant.Format(pass.ValidUntil),
        ["cancelled"] = pass.CancelledAt is not null,
    };
}
