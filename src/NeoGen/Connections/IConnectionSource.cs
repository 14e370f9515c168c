using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>
/// Where a generated repository gets its connection: a pooled <see cref="NeoGenDataSource"/>, or a
/// <see cref="UnitOfWork"/> that pins one connection and its transaction.
/// </summary>
public interface IConnectionSource
{
    /// <summary>The dialect of the connections handed out.</summary>
    Dialect Dialect { get; }

    /// <summary>An open connection for one operation; give it back with <see cref="ConnectionLease.Release"/>.</summary>
    ConnectionLease Rent();

    /// <summary>An open connection for one operation; give it back with <see cref="ConnectionLease.Release"/>.</summary>
    ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default);

    /// <summary>The keys of <c>[Encrypted]</c> columns; a repository that encrypts refuses a source without them.</summary>
    IColumnKeyProvider? ColumnKeys => null;

    /// <summary>Whose rows <c>[TenantKey]</c> tables show and change; asked on every operation.</summary>
    ITenantContext? Tenant => null;

    /// <summary>Who is recorded in the audit trail of <c>[Audited]</c> tables.</summary>
    IAuditActor? AuditActor => null;
}
