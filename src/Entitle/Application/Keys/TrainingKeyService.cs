using System.Globalization;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Webhooks;
using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Keys;

/// <summary>Mints, changes, deletes and redeems subscription training keys.</summary>
public sealed class TrainingKeyService(EntitleDbContext db, OrganizationService organizations, WebhookPublisher events, OrganizationPaths paths, TimeProvider clock)
{
    /// <summary>The most keys one call mints; more is refused rather than half done.</summary>
    public const int MaxKeysPerBatch = 100_000;

    // A redemption's reads run inside its transaction (on SQLite while it holds the single write turn), so they are
    // compiled once rather than looked up in EF Core's query cache each time (one per provider, as a compiled query
    // keeps the plan of the first model it met), and the key comes with whether the learner redeemed it before: one
    // statement, not two.
    private static readonly Func<EntitleDbContext, string, string, int, CancellationToken, Task<KeyLookup?>> SqliteKeyInSubtree = CompileKeyInSubtree();

    private static readonly Func<EntitleDbContext, string, string, int, CancellationToken, Task<KeyLookup?>> PostgresKeyInSubtree = CompileKeyInSubtree();

    /// <summary>
    /// Takes one use of a key that has one left and has not expired, in one statement the database serializes per key.
    /// Written by hand: EF Core's ExecuteUpdate looked its query up in the query cache on every run (5% of the
    /// service's CPU under concurrent redemptions, inside the SQLite write turn; docs/benchmarks.md).
    /// </summary>
    private static readonly HandWrittenSql<bool> TakeUse = new(
        """
        UPDATE training_keys SET uses = uses + 1, version = version + 1
        WHERE id = @key AND uses < max_key_uses AND expiration_date > @now
        RETURNING id
        """,
        [("key", typeof(int)), ("now", typeof(DateTime))],
        static async (reader, ct) => await reader.ReadAsync(ct));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Mints a batch, all of it or none of it, in one transaction.</summary>
    public Task<IReadOnlyList<MintedKey>> CreateAsync(Caller caller, KeyBatchRequest request, CancellationToken cancellationToken)
    {
        var keys = request.TrainingKeys is { } chosen ? CheckChosenKeys(chosen) : null;
        if (keys is null && (request.NumberOfKeys < 1 || request.NumberOfKeys > MaxKeysPerBatch))
        {
            throw new DomainRuleException("numberOfKeys", $"numberOfKeys must be between 1 and {MaxKeysPerBatch}.", request.NumberOfKeys.ToString(CultureInfo.InvariantCulture));
        }

        var terms = Terms(request.ExpirationDate, request.MaxKeyUses, request.ContentExpirationDate);
        return db.WriteAsync(
            async ct =>
            {
                var organization = await organizations.FindOwnAsync(caller, request.OrganizationId ?? caller.OrganizationId, "organizationId", ct);
                await EnsureMintableAsync(request.PassTypeId, organization.Path, ct);
                var texts = keys ?? Enumerable.Range(0, request.NumberOfKeys).Select(_ => TrainingKeyText.Generate()).ToList();
                if (keys is not null)
                {
                    await EnsureNoneTakenAsync(keys, ct);
                }

                var now = Now;
                var keyBatch = KeyBatch.Create(organization.Id, request.PassTypeId, texts.Count, keys is not null, caller.OrganizationId, now);
                db.KeyBatches.Add(keyBatch);
                await db.SaveChangesAsync(ct);
                var rows = texts.Select(t => TrainingKey.Create(t, organization.Id, request.PassTypeId, terms, caller.OrganizationId, now, keyBatch.Id)).ToList();
                var ids = await TrainingKeyBulkInsert.InsertAsync(db, rows, ct);
                var batch = new System.Text.Json.Nodes.JsonObject
                {
                    ["batchId"] = keyBatch.Id,
                    ["count"] = ids.Count,
                    ["firstId"] = ids[0],
                    ["lastId"] = ids[^1],
                    ["organizationId"] = organization.Id,
                    ["passTypeId"] = request.PassTypeId,
                    ["expirationDate"] = Instant.Format(terms.ExpirationDate),
                    ["maxKeyUses"] = terms.MaxKeyUses,
                    ["contentExpirationDate"] = terms.ContentExpirationDate is { } content ? Instant.Format(content) : null,
                    ["callerChosen"] = keys is not null,
                };
                db.Audit(organization.Id, "TrainingKeyBatch", keyBatch.Id.ToString(CultureInfo.InvariantCulture), "minted", null, batch.ToJsonString());
                await events.PublishAsync(WebhookEventTypes.KeysMinted, organization.Id, batch, ct);
                await db.SaveChangesAsync(ct);
                return (IReadOnlyList<MintedKey>)rows.Select((k, i) => new MintedKey(ids[i], k.Key)).ToList();
            },
            cancellationToken);
    }

    /// <summary>Overwrites a key as TMS's UpdateSubscriptionTrainingKey does.</summary>
    public Task<TrainingKey> UpdateAsync(Caller caller, int keyId, string? text, int? organizationId, int passTypeId, DateTime expirationDate, int maxKeyUses, DateTime? contentExpirationDate, CancellationToken cancellationToken)
    {
        var checkedText = TrainingKeyText.Check(text, "trainingKey");
        var terms = Terms(expirationDate, maxKeyUses, contentExpirationDate);
        return db.WriteAsync(
            async ct =>
            {
                var key = await FindOwnAsync(caller, keyId, ct);
                var organization = await organizations.FindOwnAsync(caller, organizationId ?? key.OrganizationId, "organizationId", ct);
                if (passTypeId != key.PassTypeId || organization.Id != key.OrganizationId)
                {
                    await EnsureMintableAsync(passTypeId, organization.Path, ct);
                }

                var normalized = TrainingKeyText.Normalize(checkedText);
                if (normalized != key.NormalizedKey && await db.TrainingKeys.AnyAsync(k => k.NormalizedKey == normalized, ct))
                {
                    throw new DomainRuleException("trainingKey", $"The training key {checkedText} already exists.", checkedText);
                }

                key.Overwrite(checkedText, organization.Id, passTypeId, terms, caller.OrganizationId, Now);
                await db.SaveChangesAsync(ct);
                return key;
            },
            cancellationToken);
    }

    public Task DeleteAsync(Caller caller, int keyId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var key = await FindOwnAsync(caller, keyId, ct);
                key.EnsureDeletable();
                db.TrainingKeys.Remove(key);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);

    /// <summary>
    /// Deletes the keys of a batch that nobody has redeemed, in one statement: a key redeemed at the same moment
    /// either keeps its use (the delete skips it) or is gone before the use is taken (the redemption is refused),
    /// never both. Redeemed keys stay, with their passes.
    /// </summary>
    /// <returns>How many keys were deleted.</returns>
    public Task<int> DeleteUnredeemedAsync(Caller caller, int batchId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var subtree = db.SubtreeIds(caller);
                var batch = await db.KeyBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && subtree.Contains(b.OrganizationId), ct)
                    ?? throw new EntityNotFoundException("batchId", "key batch", batchId.ToString(CultureInfo.InvariantCulture));
                var deleted = await db.TrainingKeys.Where(k => k.BatchId == batch.Id && k.Uses == 0).ExecuteDeleteAsync(ct);
                db.Audit(
                    batch.OrganizationId,
                    "TrainingKeyBatch",
                    batch.Id.ToString(CultureInfo.InvariantCulture),
                    "unredeemed deleted",
                    null,
                    new System.Text.Json.Nodes.JsonObject { ["deleted"] = deleted }.ToJsonString());
                await db.SaveChangesAsync(ct);
                return deleted;
            },
            cancellationToken);

    /// <summary>
    /// Redeems a key for a learner: a pass from now until the key's content expiration, or for the type's default
    /// period. The use is taken by one conditional UPDATE, which the database serializes per key, so no number of
    /// concurrent redemptions, in any number of processes, takes more than <c>maxKeyUses</c>.
    /// </summary>
    public Task<KeyRedemptionResult> RedeemAsync(Caller caller, string? keyText, int contactId, CancellationToken cancellationToken) =>
        RedeemAsync(
            keyText,
            contactId,
            (normalized, ct) => (db.Provider == DatabaseProvider.Postgres ? PostgresKeyInSubtree : SqliteKeyInSubtree)(db, normalized, caller.OrganizationPath, contactId, ct),
            contact => ContactService.Owned(caller, contact, contactId, "contactId"),
            cancellationToken);

    /// <summary>
    /// A learner redeeming a key for themselves (the learner portal): they can name only keys of their own
    /// organization or one above it, which are the keys they may redeem; any other key is unknown to them.
    /// </summary>
    public Task<KeyRedemptionResult> RedeemForLearnerAsync(int contactId, string? keyText, CancellationToken cancellationToken) =>
        RedeemAsync(
            keyText,
            contactId,
            async (normalized, ct) =>
            {
                var path = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Organization!.Path).FirstAsync(ct);
                var reachable = Organization.IdsOnPath(path);
                return await db.TrainingKeys.AsNoTracking()
                    .Where(k => k.NormalizedKey == normalized && reachable.Contains(k.OrganizationId))
                    .Select(k => new KeyLookup(k, db.KeyRedemptions.Any(r => r.KeyId == k.Id && r.ContactId == contactId)))
                    .FirstOrDefaultAsync(ct);
            },
            contact => contact ?? throw new InvalidOperationException($"The signed-in learner {contactId} is gone."),
            cancellationToken);

    /// <param name="keyText">The key as the caller wrote it.</param>
    /// <param name="contactId">The learner.</param>
    /// <param name="findKey">The key by its normalized text, among those the caller may name, with whether the learner redeemed it before.</param>
    /// <param name="ownContact">The learner as read (with their organization; null when there is none), if the caller may name them; else throws.</param>
    /// <param name="cancellationToken">Stops the redemption before its commit.</param>
    private Task<KeyRedemptionResult> RedeemAsync(string? keyText, int contactId, Func<string, CancellationToken, Task<KeyLookup?>> findKey, Func<Contact?, Contact> ownContact, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var now = Now;
                var normalized = TrainingKeyText.Normalize(keyText ?? "");
                var found = TrainingKeyText.CouldBeStored(normalized) ? await findKey(normalized, ct) : null;
                if (found is null)
                {
                    throw new EntityNotFoundException("trainingKey", "training key", keyText);
                }

                var key = found.Key;

                // The learner and the key's pass type in one statement (on PostgreSQL one round trip, on SQLite one
                // statement inside the write turn); the checks keep their order. A key's type cannot be deleted while
                // it has keys, but should it be missing the learner is read alone, so that the answer is the same.
                var read = await db.UntrackedPassTypeAndContactAsync(key.PassTypeId, contactId, ct);
                var contact = ownContact(read is null ? await db.UntrackedContactWithOrganizationAsync(contactId, ct) : read.Contact);
                var keyOrganizationPath = await paths.GetAsync(db, key.OrganizationId, ct);
                if (!contact.Organization!.Path.StartsWith(keyOrganizationPath, StringComparison.Ordinal))
                {
                    throw new DomainRuleException("contactId", "This learner is outside the organization the key belongs to, so cannot redeem it.", contact.Id.ToString(CultureInfo.InvariantCulture));
                }

                if (now >= key.ExpirationDate)
                {
                    throw new DomainRuleException("trainingKey", $"This key expired at {Instant.Format(key.ExpirationDate)}.", keyText);
                }

                if (found.RedeemedByLearner)
                {
                    throw new DomainRuleException("trainingKey", "This learner has already redeemed this key.", keyText);
                }

                var type = read?.Type ?? throw new EntityNotFoundException("trainingKey", "training key", keyText);
                if (type.LifecycleState != LifecycleState.Published)
                {
                    throw new DomainRuleException("trainingKey", "The pass type this key grants is no longer published.", keyText);
                }

                var option = type.DefaultOption;
                if (key.ContentExpirationDate is { } end && end <= now)
                {
                    throw new DomainRuleException("trainingKey", $"Access through this key ended at {Instant.Format(end)}.", keyText);
                }

                if (key.ContentExpirationDate is null && option is null)
                {
                    throw new DomainRuleException("trainingKey", "The pass type this key grants has no published option to take the period from.", keyText);
                }

                var taken = await TakeUse.RunAsync(db, new Dictionary<string, object?> { ["key"] = key.Id, ["now"] = now }, ct);
                if (!taken)
                {
                    // The key may have changed since it was read (deleted, or given another limit by a concurrent
                    // writer): the refusal describes the key as it is now, not as it was.
                    var current = await db.TrainingKeys.AsNoTracking().Where(k => k.Id == key.Id).Select(k => new { k.MaxKeyUses, k.ExpirationDate }).FirstOrDefaultAsync(ct)
                        ?? throw new EntityNotFoundException("trainingKey", "training key", keyText);
                    if (now >= current.ExpirationDate)
                    {
                        throw new DomainRuleException("trainingKey", $"This key expired at {Instant.Format(current.ExpirationDate)}.", keyText);
                    }

                    throw new DomainRuleException("trainingKey", $"This key has been used the maximum number of times ({current.MaxKeyUses}).", keyText);
                }

                var pass = Pass.Issue(type, option, contact, now, key.ContentExpirationDate, now);
                await db.InsertNowAsync(pass, ct);
                db.Append(KeyRedemption.Record(key.Id, contact.Id, pass.Id, now));
                db.Audit(
                    key.OrganizationId,
                    "TrainingKey",
                    key.Id.ToString(CultureInfo.InvariantCulture),
                    "redeemed",
                    null,
                    new System.Text.Json.Nodes.JsonObject { ["contactId"] = contact.Id, ["passId"] = pass.Id }.ToJsonString());
                await events.PublishAsync(
                    WebhookEventTypes.KeyRedeemed,
                    contact.OrganizationId,
                    new System.Text.Json.Nodes.JsonObject { ["keyId"] = key.Id, ["trainingKey"] = key.Key, ["contactId"] = contact.Id, ["passId"] = pass.Id },
                    ct);
                await events.PublishAsync(WebhookEventTypes.PassIssued, contact.OrganizationId, EventData.Pass(pass), ct);
                return new KeyRedemptionResult(pass, key.Id);
            },
            cancellationToken);

    public async Task<TrainingKey> FindOwnAsync(Caller caller, int keyId, CancellationToken cancellationToken)
    {
        await db.LockAsync<TrainingKey>(keyId, cancellationToken);
        var visible = db.SubtreeIds(caller);
        return await db.TrainingKeys.FirstOrDefaultAsync(k => k.Id == keyId && visible.Contains(k.OrganizationId), cancellationToken)
            ?? throw new EntityNotFoundException("id", "training key", keyId.ToString(CultureInfo.InvariantCulture));
    }

    private KeyTerms Terms(DateTime expirationDate, int maxKeyUses, DateTime? contentExpirationDate)
    {
        var now = Now;
        if (expirationDate <= now)
        {
            throw new DomainRuleException("expirationDate", "expirationDate must be in the future.", Instant.Format(expirationDate));
        }

        if (contentExpirationDate is { } content && content <= now)
        {
            throw new DomainRuleException("contentExpirationDate", "contentExpirationDate must be in the future.", Instant.Format(content));
        }

        return new KeyTerms(expirationDate, maxKeyUses, contentExpirationDate);
    }

    /// <summary>Only published types are minted, and only for organizations whose learners may hold their passes.</summary>
    private async Task EnsureMintableAsync(int passTypeId, string organizationPath, CancellationToken ct)
    {
        var type = await db.PassTypes.Where(t => t.Id == passTypeId)
            .Select(t => new { t.LifecycleState, OwnerPath = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Path).First() })
            .FirstOrDefaultAsync(ct);
        if (type is null || !organizationPath.StartsWith(type.OwnerPath, StringComparison.Ordinal))
        {
            throw new EntityNotFoundException("subscriptionProfileId", "subscription profile", passTypeId.ToString(CultureInfo.InvariantCulture));
        }

        if (type.LifecycleState != LifecycleState.Published)
        {
            throw new DomainRuleException("subscriptionProfileId", "Keys can be created only for an enabled (published) subscription profile.", passTypeId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static List<string> CheckChosenKeys(IReadOnlyList<string> chosen)
    {
        if (chosen.Count == 0)
        {
            throw new DomainRuleException("trainingKeys", "trainingKeys holds no keys.");
        }

        if (chosen.Count > MaxKeysPerBatch)
        {
            throw new DomainRuleException("trainingKeys", $"At most {MaxKeysPerBatch} keys can be created in one call.", chosen.Count.ToString(CultureInfo.InvariantCulture));
        }

        var keys = chosen.Select(k => TrainingKeyText.Check(k, "trainingKeys")).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!seen.Add(TrainingKeyText.Normalize(key)))
            {
                throw new DomainRuleException("trainingKeys", $"The training key {key} appears more than once in trainingKeys.", key);
            }
        }

        return keys;
    }

    /// <summary>One query for the whole list; the unique index remains the last word under concurrency.</summary>
    private async Task EnsureNoneTakenAsync(List<string> keys, CancellationToken ct)
    {
        var normalized = keys.Select(TrainingKeyText.Normalize).ToList();
        foreach (var chunk in normalized.Chunk(10_000))
        {
            var taken = await db.TrainingKeys.Where(k => chunk.Contains(k.NormalizedKey)).Select(k => k.Key).FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                throw new DomainRuleException("trainingKeys", $"The training key {taken} already exists.", taken);
            }
        }
    }

    private static Func<EntitleDbContext, string, string, int, CancellationToken, Task<KeyLookup?>> CompileKeyInSubtree() => EF.CompileAsyncQuery(
        (EntitleDbContext db, string normalized, string callerPath, int contactId, CancellationToken ct) => db.TrainingKeys.AsNoTracking()
            .Where(k => k.NormalizedKey == normalized && db.Organizations.Where(o => o.Path.StartsWith(callerPath)).Select(o => o.Id).Contains(k.OrganizationId))
            .Select(k => new KeyLookup(k, db.KeyRedemptions.Any(r => r.KeyId == k.Id && r.ContactId == contactId)))
            .FirstOrDefault());
}
