using System.Security.Cryptography;
using Entitle.Application;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api;

/// <summary>
/// Requests sent with an <c>Idempotency-Key</c> header run inside one transaction that first claims the key: a
/// second request with the same key waits on the database for the first to finish, then gets its answer replayed
/// (with <c>Idempotent-Replayed: true</c>); the work is done once, also across processes. The same key with a
/// different request is refused. The answer is stored, encrypted (<see cref="SealedAnswers"/>), in the same transaction as the work, so a stored answer
/// always matches what was committed. Keys are kept for 24 hours, per organization.
/// </summary>
public sealed class IdempotentRequests(EntitleDbContext db, TimeProvider clock, SealedAnswers sealer)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    private const int MaxAttempts = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>A problem with the key itself, or null when it can be used.</summary>
    public static string? Check(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters."
            : null;

    public static string Hash(byte[] request) => Convert.ToHexStringLower(SHA256.HashData(request));

    /// <summary>Runs <paramref name="execute"/> once per key; <paramref name="refuse"/> builds the API's own answer for a key reused with another request.</summary>
    public async Task<CapturedResponse> RunAsync(Caller caller, string key, string requestHash, Func<Task<CapturedResponse>> execute, Func<string, CapturedResponse> refuse, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await db.ExecutionStrategy.ExecuteAsync(() => TryOnceAsync(caller.OrganizationId, key, requestHash, execute, refuse, cancellationToken));
            if (outcome is not null)
            {
                return outcome;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException("The request met a write conflict on every attempt.");
            }
        }
    }

    /// <returns>The answer, or null when the request must run again (it met a write conflict, or the key's first holder gave up).</returns>
    private async Task<CapturedResponse?> TryOnceAsync(int organizationId, string key, string requestHash, Func<Task<CapturedResponse>> execute, Func<string, CapturedResponse> refuse, CancellationToken ct)
    {
        db.DiscardPending();
        db.ConflictOccurred = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - Window;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await db.IdempotencyRecords.Where(r => r.OrganizationId == organizationId && r.Key == key && r.CreatedAt < expired).ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(IdempotencyRecord.Claim(organizationId, key, requestHash, now));
        try
        {
            // On PostgreSQL this insert waits while another transaction holds the same key.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is System.Data.Common.DbException inner && Writes.IsUniqueViolation(inner))
        {
            await transaction.RollbackAsync(ct);
            db.DiscardPending();
            var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == organizationId && r.Key == key, ct);
            return first is null ? null
                : first.RequestHash != requestHash ? refuse($"The {Header} {key} was already used with a different request.")
                : new CapturedResponse(first.StatusCode, first.ContentType, sealer.Open(first.Body), replayed: true);
        }

        var response = await execute();
        if (db.ConflictOccurred)
        {
            await transaction.RollbackAsync(ct);
            return null;
        }

        await db.SavePendingAsync(ct);
        var sealedBody = sealer.Seal(response.Body);
        await db.IdempotencyRecords
            .Where(r => r.OrganizationId == organizationId && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, response.StatusCode).SetProperty(r => r.ContentType, response.ContentType).SetProperty(r => r.Body, sealedBody), ct);
        try
        {
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CommitOutcomeUnknownException(e);
        }

        return response;
    }
}
