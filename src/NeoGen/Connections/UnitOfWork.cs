using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>
/// One connection and one transaction shared by every repository built on it. Disposing without
/// <see cref="Commit"/> rolls back. A unit of work is scoped: one per request or job, never shared between threads.
/// </summary>
public sealed class UnitOfWork : IConnectionSource, IDisposable, IAsyncDisposable
{
    private readonly NeoGenDataSource? _owner;
    private readonly ConnectionLease _lease;
    private readonly bool _ownsTransaction = true;
    private bool _completed;
    private bool _disposed;

    internal UnitOfWork(NeoGenDataSource? owner, ConnectionLease lease, DbTransaction? transaction)
    {
        _owner = owner;
        _lease = lease;
        _lease.Transaction = transaction;
        _lease.IsPinned = true;
        Dialect = owner?.Dialect ?? Dialect.Sqlite;
    }

    private UnitOfWork(Dialect dialect, ConnectionLease lease, DbTransaction? transaction, bool ownsTransaction)
        : this(null, lease, transaction)
    {
        Dialect = dialect;
        _ownsTransaction = ownsTransaction;
    }

    /// <summary>
    /// Wraps a connection (and transaction) the caller opened and owns: repositories built on the unit of
    /// work run on it; disposing the unit of work neither commits, rolls back nor disposes them, and
    /// <see cref="Commit"/>/<see cref="Rollback"/> are the caller's to call on its own transaction.
    /// </summary>
    public static UnitOfWork FromConnection(Dialect dialect, DbConnection connection, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection must be open.");
        }

        return new UnitOfWork(dialect, new ConnectionLease(null, connection, ownsConnection: false), transaction, ownsTransaction: false);
    }

    /// <inheritdoc />
    public Dialect Dialect { get; }

    /// <inheritdoc />
    public IColumnKeyProvider? ColumnKeys => _owner?.ColumnKeys;

    /// <inheritdoc />
    public ITenantContext? Tenant => _owner?.Tenant;

    /// <inheritdoc />
    public IAuditActor? AuditActor => _owner?.AuditActor;

    internal string? TenantSessionSetting => _owner?.TenantSessionSetting;

    /// <summary>The connection every repository on this unit of work uses.</summary>
    public DbConnection Connection => _lease.Connection;

    /// <summary>The transaction, or null for a wrapped connection without one.</summary>
    public DbTransaction? Transaction => _lease.Transaction;

    /// <inheritdoc />
    public ConnectionLease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _lease;
    }

    /// <inheritdoc />
    public ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ConnectionLease>(cancellationToken);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ValueTask<ConnectionLease>(_lease);
    }

    /// <summary>Commits the transaction.</summary>
    public void Commit()
    {
        RequireOpenTransaction().Commit();
        _completed = true;
    }

    /// <summary>Commits the transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await RequireOpenTransaction().CommitAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    /// <summary>Rolls the transaction back.</summary>
    public void Rollback()
    {
        RequireOpenTransaction().Rollback();
        _completed = true;
    }

    /// <summary>Rolls the transaction back.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        await RequireOpenTransaction().RollbackAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    /// <summary>Rolls back unless committed, and gives the connection back.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var transaction = _lease.Transaction;
        try
        {
            if (_ownsTransaction && !_completed && transaction is not null && _lease.Connection.State == System.Data.ConnectionState.Open)
            {
                transaction.Rollback();
            }
        }
        finally
        {
            Finish(transaction);
        }
    }

    /// <summary>Rolls back unless committed, and gives the connection back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var transaction = _lease.Transaction;
        try
        {
            if (_ownsTransaction && !_completed && transaction is not null && _lease.Connection.State == System.Data.ConnectionState.Open)
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Finish(transaction);
        }
    }

    private void Finish(DbTransaction? transaction)
    {
        _lease.IsPinned = false;
        if (_owner is null)
        {
            // The caller owns the connection and transaction; only our cached commands go.
            _lease.Transaction = null;
            _lease.Dispose();
            return;
        }

        transaction?.Dispose();
        _lease.Transaction = null;
        _owner.Return(_lease);
    }

    private DbTransaction RequireOpenTransaction()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_ownsTransaction)
        {
            throw new InvalidOperationException("This unit of work wraps a connection and transaction its caller owns (UnitOfWork.FromConnection); commit or roll back that transaction itself.");
        }

        if (_completed || _lease.Transaction is null)
        {
            throw new InvalidOperationException("The unit of work has no open transaction.");
        }

        return _lease.Transaction;
    }
}
