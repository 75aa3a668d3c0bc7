using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// One organization's objects, made through the API with its own credential. Every text it owns carries its
/// <see cref="Word"/>, so that any of them showing up in another organization's answer is easy to spot.
/// </summary>
public sealed class Tenant
{
    public required string Word { get; init; }

    /// <summary>The organization's credential: its bearer token and api_key.</summary>
    public required string Key { get; init; }

    public required int Organization { get; init; }

    /// <summary>An empty organization below <see cref="Organization"/>, which its parent may rotate and delete.</summary>
    public required int Child { get; init; }

    /// <summary>The learner who holds <see cref="Subscription"/>.</summary>
    public required int Contact { get; init; }

    public required int OtherContact { get; init; }

    /// <summary>A learner who holds nothing, so that its organization may delete it.</summary>
    public required int SpareContact { get; init; }

    public required int Course { get; init; }

    public required int Path { get; init; }

    public required int Type { get; init; }

    /// <summary>A second pass type, left in draft with no option: its own organization's changes meet state rules.</summary>
    public required int DraftType { get; init; }

    public required int Option { get; init; }

    public required int Price { get; init; }

    public required int Webhook { get; init; }

    /// <summary>A pass of <see cref="Type"/> held by <see cref="Contact"/>: a subscription over TMS.</summary>
    public required int Subscription { get; init; }

    /// <summary>A pass of <see cref="Type"/> held by <see cref="OtherContact"/> and revoked: a cancelled subscription.</summary>
    public required int CancelledSubscription { get; init; }

    public required int CourseStart { get; init; }

    /// <summary>A key <see cref="Contact"/> has redeemed once, of five uses.</summary>
    public required int KeyId { get; init; }

    /// <summary>A key nobody redeems, so that its organization may delete it.</summary>
    public required int SpareKeyId { get; init; }

    public string Upper => Word.ToUpperInvariant();

    public string Lower => Word.ToLowerInvariant();

    public string OrganizationName => $"{Word} Org";

    public string OrganizationExternalId => $"{Lower}-org";

    public string ChildExternalId => $"{Lower}-child";

    public string Email => $"learner@{Lower}.test";

    public string UserExternalId => $"{Lower}-user";

    public string CourseCode => $"{Upper}-C1";

    public string CourseTitle => $"{Word} basics";

    public string PathCode => $"{Upper}-P1";

    public string PathName => $"{Word} path";

    public string TypeCode => $"{Upper}-T1";

    public string TypeName => $"{Word} pass";

    public string SubscriptionExternalId => $"{Lower}-sub";

    public string CourseStartExternalId => $"{Lower}-start";

    public string KeyText => $"{Upper}-KEY-1";

    public string SpareKeyText => $"{Upper}-KEY-2";

    /// <summary>A third key, left for the matrix's redemptions.</summary>
    public string OpenKeyText => $"{Upper}-KEY-3";

    public string WebhookUrl => $"https://{Lower}.example/hooks";

    public string AccountGid => Ids.Account(Organization);

    public string ChildGid => Ids.Account(Child);

    public string ContactGid => Ids.Person(Contact);

    public string OtherContactGid => Ids.Person(OtherContact);

    public string CourseGid => Ids.Course(Course);

    public string PathGid => Ids.Path(Path);

    public string TypeGid => Ids.Type(Type);

    public string DraftTypeGid => Ids.Type(DraftType);

    public string OptionGid => Ids.Option(Option);

    public string PriceGid => Ids.Price(Price);

    public string PassGid => Ids.Pass(Subscription);

    public string CancelledPassGid => Ids.Pass(CancelledSubscription);

    public string WebhookGid => Ids.Of("Webhook", Webhook);

    /// <summary>Every global id of the organization's objects: none may appear in another organization's answer.</summary>
    public IReadOnlyList<string> GlobalIds =>
    [
        AccountGid, ChildGid, ContactGid, OtherContactGid, Ids.Person(SpareContact), CourseGid, PathGid, TypeGid, DraftTypeGid, OptionGid, PriceGid, PassGid,
        CancelledPassGid, WebhookGid,
    ];
}
