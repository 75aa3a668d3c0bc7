using Entitle.Application.Organizations;
using Entitle.Domain.Contacts;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application;

/// <summary>
/// The rows the write use cases change or check, read inside their transaction, compiled once: on SQLite these reads
/// run while the use case holds the file's single write turn, so EF Core rebuilding and looking up each query there
/// delayed every other writer (docs/benchmarks.md). A compiled query keeps the plan of the first model it met, so each
/// provider has its own. Rows a use case only checks (the type and the holder of a pass being issued) are read
/// untracked: every save of the use case would otherwise compare each of their values with its snapshot again.
/// </summary>
public static class WriteUseCaseReads
{
    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> SqliteTypeWithOptions = CompileTypeWithOptions();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> PostgresTypeWithOptions = CompileTypeWithOptions();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> SqliteUntrackedTypeWithOptions = CompileUntrackedTypeWithOptions();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> PostgresUntrackedTypeWithOptions = CompileUntrackedTypeWithOptions();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> SqliteContactWithOrganization = CompileContactWithOrganization();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> PostgresContactWithOrganization = CompileContactWithOrganization();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> SqliteUntrackedContactWithOrganization = CompileUntrackedContactWithOrganization();

    private static readonly Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> PostgresUntrackedContactWithOrganization = CompileUntrackedContactWithOrganization();

    private static readonly Func<EntitleDbContext, int, int, CancellationToken, Task<PassTypeAndContact?>> PostgresUntrackedTypeAndContact = CompileUntrackedTypeAndContact();

    private static readonly Func<EntitleDbContext, string, int, int, CancellationToken, Task<CredentialPassTypeAndContact?>> PostgresCredentialTypeAndContact = CompileCredentialTypeAndContact();

    /// <summary>
    /// A pass type with its options and a contact with its organization, untracked (issuing a pass checks both and
    /// changes neither); null when there is no type with this id, a null contact when there is no contact with that
    /// one. On PostgreSQL one statement (a lateral join), which saves a round trip to the server inside the write
    /// transaction; SQLite cannot run that join, and its statements run in-process, so there it is two.
    /// </summary>
    public static async Task<PassTypeAndContact?> UntrackedPassTypeAndContactAsync(this EntitleDbContext db, int typeId, int contactId, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return await PostgresUntrackedTypeAndContact(db, typeId, contactId, cancellationToken);
        }

        var type = await SqliteUntrackedTypeWithOptions(db, typeId, cancellationToken);
        return type is null ? null : new PassTypeAndContact(type, await SqliteUntrackedContactWithOrganization(db, contactId, cancellationToken));
    }

    /// <summary>
    /// On PostgreSQL only: the live credential with this hash (its organization's path), and with it the pass type
    /// and the contact as <see cref="UntrackedPassTypeAndContactAsync"/> reads them, in one statement; null when no
    /// live credential has this hash, whatever the ids. Issuing a pass then costs no separate round trip for the
    /// credential. Never cached, like every credential lookup: a revoked credential is refused on its next use.
    /// </summary>
    public static Task<CredentialPassTypeAndContact?> PostgresCredentialPassTypeAndContactAsync(this EntitleDbContext db, string secretHash, int typeId, int contactId, CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? PostgresCredentialTypeAndContact(db, secretHash, typeId, contactId, cancellationToken)
            : throw new InvalidOperationException("SQLite runs its statements in-process: look the credential up on its own.");

    /// <summary>A pass type with its options, tracked; null when there is none with this id.</summary>
    public static Task<PassType?> PassTypeWithOptionsAsync(this EntitleDbContext db, int typeId, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres ? PostgresTypeWithOptions : SqliteTypeWithOptions)(db, typeId, cancellationToken);

    /// <summary>A pass type with its options, untracked, to check and refer to, not to change; null when there is none with this id.</summary>
    public static Task<PassType?> UntrackedPassTypeWithOptionsAsync(this EntitleDbContext db, int typeId, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres ? PostgresUntrackedTypeWithOptions : SqliteUntrackedTypeWithOptions)(db, typeId, cancellationToken);

    /// <summary>A contact with its organization, untracked, to check and refer to, not to change; null when there is none with this id.</summary>
    public static Task<Contact?> UntrackedContactWithOrganizationAsync(this EntitleDbContext db, int contactId, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres ? PostgresUntrackedContactWithOrganization : SqliteUntrackedContactWithOrganization)(db, contactId, cancellationToken);

    /// <summary>A contact with its organization, tracked; null when there is none with this id.</summary>
    public static Task<Contact?> ContactWithOrganizationAsync(this EntitleDbContext db, int contactId, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres ? PostgresContactWithOrganization : SqliteContactWithOrganization)(db, contactId, cancellationToken);

    private static Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> CompileTypeWithOptions() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int typeId, CancellationToken ct) => db.PassTypes.Include(t => t.Options).FirstOrDefault(t => t.Id == typeId));

    private static Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> CompileContactWithOrganization() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int contactId, CancellationToken ct) => db.Contacts.Include(c => c.Organization).FirstOrDefault(c => c.Id == contactId));

    private static Func<EntitleDbContext, int, CancellationToken, Task<PassType?>> CompileUntrackedTypeWithOptions() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int typeId, CancellationToken ct) => db.PassTypes.AsNoTracking().Include(t => t.Options).FirstOrDefault(t => t.Id == typeId));

    private static Func<EntitleDbContext, int, int, CancellationToken, Task<PassTypeAndContact?>> CompileUntrackedTypeAndContact() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int typeId, int contactId, CancellationToken ct) => db.PassTypes.AsNoTracking().Include(t => t.Options)
            .Where(t => t.Id == typeId)
            .Select(t => new PassTypeAndContact(t, db.Contacts.Include(c => c.Organization).FirstOrDefault(c => c.Id == contactId)))
            .FirstOrDefault());

    private static Func<EntitleDbContext, string, int, int, CancellationToken, Task<CredentialPassTypeAndContact?>> CompileCredentialTypeAndContact() => EF.CompileAsyncQuery(
        (EntitleDbContext db, string secretHash, int typeId, int contactId, CancellationToken ct) => db.Credentials.AsNoTracking()
            .Where(c => c.SecretHash == secretHash && c.RevokedAt == null)
            .Select(c => new CredentialPassTypeAndContact(
                new CredentialMatch(c.OrganizationId, c.Organization!.Path, c.Id),
                db.PassTypes.Include(t => t.Options).FirstOrDefault(t => t.Id == typeId),
                db.Contacts.Include(k => k.Organization).FirstOrDefault(k => k.Id == contactId)))
            .FirstOrDefault());

    private static Func<EntitleDbContext, int, CancellationToken, Task<Contact?>> CompileUntrackedContactWithOrganization() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int contactId, CancellationToken ct) => db.Contacts.AsNoTracking().Include(c => c.Organization).FirstOrDefault(c => c.Id == contactId));
}
