namespace Entitle.Domain.Passes;

using Entitle.Domain.Contacts;
using Entitle.Domain.PassTypes;

/// <summary>
/// A learner's time-boxed access to a pass type's content (a TrainingPass over GraphQL, a subscription or
/// ClubMembership over TMS). Valid at t when not cancelled and <c>ValidFrom &lt;= t &lt; ValidUntil</c>.
/// </summary>
public sealed class Pass
{
    private Pass()
    {
    }

    public int Id { get; private set; }

    public int PassTypeId { get; private set; }

    public PassType? PassType { get; private set; }

    public int? OptionId { get; private set; }

    public PassTypeOption? Option { get; private set; }

    public int ContactId { get; private set; }

    public Contact? Contact { get; private set; }

    public DateTime ValidFrom { get; private set; }

    public DateTime ValidUntil { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? ExternalId { get; private set; }

    /// <summary>An administrator's target date for finishing the content; informative only, it grants nothing.</summary>
    public DateTime? TargetCompletion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The <see cref="ValidUntil"/> a pass.expiring event was last emitted for; a renewal starts a new cycle.</summary>
    public DateTime? ExpiringNotifiedFor { get; private set; }

    /// <summary>The <see cref="ValidUntil"/> a pass.expired event was last emitted for.</summary>
    public DateTime? ExpiredNotifiedFor { get; private set; }

    public PassLifecycleState StateAt(DateTime now) =>
        CancelledAt is not null ? PassLifecycleState.Cancelled
        : ValidUntil <= now ? PassLifecycleState.Expired
        : PassLifecycleState.Active;

    public bool IsValidAt(DateTime t) => CancelledAt is null && ValidFrom <= t && t < ValidUntil;

    /// <summary>
    /// A stored pass as read from its row by a statement that does not go through EF Core (the access check, which
    /// reads the learner's passes anyway and so answers <c>grantingPasses</c> without reading them again). No rule
    /// is checked: the row was stored by the rules.
    /// </summary>
    public static Pass Restore(
        int id, int passTypeId, int? optionId, int contactId, DateTime validFrom, DateTime validUntil, DateTime? cancelledAt, string? externalId,
        DateTime? targetCompletion, DateTime createdAt, DateTime updatedAt, DateTime? expiringNotifiedFor, DateTime? expiredNotifiedFor) => new()
    {
        Id = id,
        PassTypeId = passTypeId,
        OptionId = optionId,
        ContactId = contactId,
        ValidFrom = validFrom,
        ValidUntil = validUntil,
        CancelledAt = cancelledAt,
        ExternalId = externalId,
        TargetCompletion = targetCompletion,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        ExpiringNotifiedFor = expiringNotifiedFor,
        ExpiredNotifiedFor = expiredNotifiedFor,
    };

    /// <summary>
    /// Issues a pass of a published type and option to a contact; <paramref name="validUntil"/> defaults to
    /// <paramref name="validFrom"/> plus the option's period.
    /// </summary>
    public static Pass Issue(PassType type, PassTypeOption? option, Contact contact, DateTime validFrom, DateTime? validUntil, DateTime now)
    {
        if (type.LifecycleState != LifecycleState.Published)
        {
            throw new DomainRuleException("trainingPassTypeId", $"Only a published training pass type can be issued; this one is {Lifecycle.Text(type.LifecycleState)}.", Lifecycle.Text(type.LifecycleState));
        }

        if (option is not null)
        {
            EnsureIssuable(type, option);
        }

        var until = validUntil ?? option?.ValidityPeriod.AddTo(validFrom, "validFrom")
            ?? throw new DomainRuleException("validUntil", "validUntil is required when no option gives the period.");
        if (until <= validFrom)
        {
            throw new DomainRuleException("validUntil", "validUntil must be later than validFrom.", Instant.Format(until));
        }

        return new Pass
        {
            PassType = type,
            PassTypeId = type.Id,
            Option = option,
            OptionId = option?.Id,
            Contact = contact,
            ContactId = contact.Id,
            ValidFrom = validFrom,
            ValidUntil = until,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Extends this pass (same id): to <paramref name="validUntil"/> when given, otherwise by the option's period
    /// counted from <c>max(now, ValidUntil)</c>, so an expired pass that is renewed is valid again.
    /// </summary>
    public void Renew(PassTypeOption? option, DateTime? validUntil, DateTime now)
    {
        EnsureNotCancelled("renewed");
        if (option is not null)
        {
            EnsureIssuable(PassType ?? throw new InvalidOperationException("The pass's type is not loaded."), option);
        }

        var period = (option ?? Option)?.ValidityPeriod;
        DateTime until;
        if (validUntil is { } given)
        {
            if (given <= ValidUntil)
            {
                throw new DomainRuleException("validUntil", "A renewal must move validUntil later than it is now.", Instant.Format(given));
            }

            until = given;
        }
        else
        {
            until = period?.AddTo(now > ValidUntil ? now : ValidUntil, "validUntil")
                ?? throw new DomainRuleException("validUntil", "validUntil is required: this pass has no option whose period could extend it.");
        }

        if (option is not null)
        {
            Option = option;
            OptionId = option.Id;
        }

        ValidUntil = until;
        UpdatedAt = now;
    }

    public void Revoke(DateTime now)
    {
        EnsureNotCancelled("revoked");
        CancelledAt = now;
        UpdatedAt = now;
    }

    /// <summary>Moves the pass to another learner; its dates and type stay as they are.</summary>
    public void Reassign(Contact contact, DateTime now)
    {
        EnsureNotCancelled("reassigned");
        if (contact.Id == ContactId)
        {
            throw new DomainRuleException("contactId", "The pass is already held by this contact.");
        }

        Contact = contact;
        ContactId = contact.Id;
        UpdatedAt = now;
    }

    public void SetExternalId(string? externalId, DateTime now)
    {
        ExternalId = InputText.Optional(externalId, "externalId", 200);
        UpdatedAt = now;
    }

    public void SetTargetCompletion(DateTime? targetCompletion, DateTime now)
    {
        TargetCompletion = targetCompletion;
        UpdatedAt = now;
    }

    /// <summary>Sets both dates, as TMS's UpdateSubscription does; a cancelled pass stays cancelled.</summary>
    public void Reschedule(DateTime validFrom, DateTime validUntil, DateTime now)
    {
        EnsureNotCancelled("changed");
        if (validUntil <= validFrom)
        {
            throw new DomainRuleException("validUntil", "validUntil must be later than validFrom.", Instant.Format(validUntil));
        }

        ValidFrom = validFrom;
        ValidUntil = validUntil;
        UpdatedAt = now;
    }

    private static void EnsureIssuable(PassType type, PassTypeOption option)
    {
        if (option.PassTypeId != type.Id)
        {
            throw new DomainRuleException("trainingPassTypeOptionId", "This option belongs to another training pass type.");
        }

        if (option.LifecycleState != LifecycleState.Published)
        {
            throw new DomainRuleException("trainingPassTypeOptionId", $"Only a published option can be issued; this one is {Lifecycle.Text(option.LifecycleState)}.", Lifecycle.Text(option.LifecycleState));
        }
    }

    private void EnsureNotCancelled(string verb)
    {
        if (CancelledAt is not null)
        {
            throw new DomainRuleException("trainingPassId", $"This pass was revoked and cannot be {verb}: revocation is final.");
        }
    }
}
