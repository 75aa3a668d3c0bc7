using System.Data.Common;
using Entitle.Application.Organizations;
using Entitle.Domain.Contacts;
using Entitle.Domain.Organizations;
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
    /// On SQLite, the type with its options and the contact with its organization as one statement written by hand
    /// (<see cref="HandWrittenSql{TResult}"/>), one row per option: issuing a pass runs it while it holds the file's
    /// one write turn, which every other writer waits for. Read one after the other on one thread, the two compiled
    /// LINQ queries took 53 µs, this statement 22 µs (docs/benchmarks.md, W5). The entities are built as the
    /// untracked LINQ reads build them (<c>PassIssueReadsTests</c> compares the two).
    /// </summary>
    private static readonly HandWrittenSql<PassTypeAndContact?> SqliteUntrackedTypeAndContact = new(
        """
        SELECT t.id, t.organization_id, t.code, t.name, t.description, t.lifecycle_state, t.created_at, t.updated_at,
               c.id, c.first_name, c.last_name, c.email, c.user_name, c.external_id, c.disabled, c.created_at, c.updated_at,
               g.id, g.name, g.parent_id, g.path, g.external_id, g.description, g.currency_code, g.created_at, g.updated_at,
               o.id, o.name, o.period_unit, o.period_value, o.lifecycle_state, o.created_at, o.updated_at
        FROM pass_types t
        LEFT JOIN contacts c ON c.id = @contact
        LEFT JOIN organizations g ON g.id = c.organization_id
        LEFT JOIN pass_type_options o ON o.pass_type_id = t.id
        WHERE t.id = @type
        ORDER BY o.id
        """,
        [("type", typeof(int)), ("contact", typeof(int))],
        ReadTypeAndContactAsync);

    /// <summary>
    /// A pass type with its options and a contact with its organization, untracked (issuing a pass checks both and
    /// changes neither); null when there is no type with this id, a null contact when there is no contact with that
    /// one. One statement either way: on PostgreSQL a lateral join in LINQ, which saves a round trip to the server
    /// inside the write transaction; SQLite cannot run that join, and there the statement is written by hand
    /// (<see cref="SqliteUntrackedTypeAndContact"/>).
    /// </summary>
    public static async Task<PassTypeAndContact?> UntrackedPassTypeAndContactAsync(this EntitleDbContext db, int typeId, int contactId, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return await PostgresUntrackedTypeAndContact(db, typeId, contactId, cancellationToken);
        }

        return await SqliteUntrackedTypeAndContact.RunAsync(db, new Dictionary<string, object?> { ["type"] = typeId, ["contact"] = contactId }, cancellationToken);
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

    /// <summary>The rows of <see cref="SqliteUntrackedTypeAndContact"/>: the type and the contact from the first, an option from each.</summary>
    private static async Task<PassTypeAndContact?> ReadTypeAndContactAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        PassTypeAndContact? read = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            read ??= new PassTypeAndContact(
                PassType.Restore(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    StoredValues.Text(reader, 4),
                    StoredValues.State(reader, 5),
                    StoredValues.RequiredInstant(reader, 6),
                    StoredValues.RequiredInstant(reader, 7)),
                reader.IsDBNull(8) ? null : Contact.Restore(
                    reader.GetInt32(8),
                    Organization.Restore(
                        reader.GetInt32(17),
                        reader.GetString(18),
                        reader.IsDBNull(19) ? null : reader.GetInt32(19),
                        reader.GetString(20),
                        StoredValues.Text(reader, 21),
                        StoredValues.Text(reader, 22),
                        reader.GetString(23),
                        StoredValues.RequiredInstant(reader, 24),
                        StoredValues.RequiredInstant(reader, 25)),
                    reader.GetString(9),
                    reader.GetString(10),
                    StoredValues.Text(reader, 11),
                    StoredValues.Text(reader, 12),
                    StoredValues.Text(reader, 13),
                    reader.GetBoolean(14),
                    StoredValues.RequiredInstant(reader, 15),
                    StoredValues.RequiredInstant(reader, 16)));
            if (!reader.IsDBNull(26))
            {
                PassTypeOption.Restore(
                    read.Type,
                    reader.GetInt32(26),
                    reader.GetString(27),
                    Enum.Parse<PeriodUnit>(reader.GetString(28), ignoreCase: true),
                    reader.GetInt32(29),
                    StoredValues.State(reader, 30),
                    StoredValues.RequiredInstant(reader, 31),
                    StoredValues.RequiredInstant(reader, 32));
            }
        }

        return read;
    }

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
