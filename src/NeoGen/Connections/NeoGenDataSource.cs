using System;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Transaction = System.Transactions.Transaction;
using TransactionScope = System.Transactions.TransactionScope;
using TransactionScopeOption = System.Transactions.TransactionScopeOption;

namespace NeoGen;

/// <summary>
/// Hands out open connections that keep their prepared commands between operations. Built on the
/// provider's own connection (a factory for SQLite, an <c>NpgsqlDataSource</c> for PostgreSQL); the
/// provider's pool still decides physical connections, this one keeps the prepared commands warm.
/// A data source is meant to live as long as the application (register it as a singleton).
/// Inside a <see cref="System.Transactions.TransactionScope"/> every operation runs on one connection enlisted in the ambient
/// transaction, when the provider supports System.Transactions (Npgsql does; Microsoft.Data.Sqlite does not, and
/// NeoGen then refuses the operation rather than run it outside the scope's transaction).
/// </summary>
public sealed class NeoGenDataSource : IConnectionSource, IDisposable, IAsyncDisposable
{
    private readonly Func<DbConnection> _createConnection;
    private readonly Action<DbConnection>? _connectionOpened;
    private readonly bool _utcSessions;
    private readonly ConnectionLease?[] _idle;
    private readonly ConcurrentDictionary<Transaction, ConnectionLease> _enlisted = new();
    private volatile bool _disposed;

    /// <summary>A data source over connections made by <paramref name="createConnection"/> (not yet opened).</summary>
    public NeoGenDataSource(Dialect dialect, Func<DbConnection> createConnection, NeoGenDataSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(createConnection);
        options ??= new NeoGenDataSourceOptions();
        if (options.MaxIdleConnections < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxIdleConnections must not be negative.");
        }

        Dialect = dialect;
        _createConnection = createConnection;
        _connectionOpened = options.ConnectionOpened;
        _utcSessions = options.UtcSessions && dialect is Dialect.PostgreSql or Dialect.MySql;
        _idle = new ConnectionLease?[options.MaxIdleConnections];
        ColumnKeys = options.ColumnKeys;
        Tenant = options.Tenant;
        AuditActor = options.AuditActor;
        if (options.TenantSessionSetting is { } setting)
        {
            if (dialect != Dialect.PostgreSql)
            {
                throw new ArgumentException($"TenantSessionSetting is for PostgreSQL's row-level security; this data source is {dialect}.", nameof(options));
            }

            ArgumentException.ThrowIfNullOrWhiteSpace(setting, nameof(options));
            TenantSessionSetting = setting;
        }
    }

    /// <summary>The session setting the current tenant is written to on PostgreSQL, or null.</summary>
    internal string? TenantSessionSetting { get; }

    /// <summary>A data source over a provider's <see cref="DbDataSource"/> (for example <c>NpgsqlDataSource</c>).</summary>
    public NeoGenDataSource(Dialect dialect, DbDataSource dataSource, NeoGenDataSourceOptions? options = null)
        : this(dialect, (dataSource ?? throw new ArgumentNullException(nameof(dataSource))).CreateConnection, options)
    {
    }

    /// <inheritdoc />
    public Dialect Dialect { get; }

    /// <inheritdoc />
    public IColumnKeyProvider? ColumnKeys { get; }

    /// <inheritdoc />
    public ITenantContext? Tenant { get; }

    /// <inheritdoc />
    public IAuditActor? AuditActor { get; }

    /// <inheritdoc />
    public ConnectionLease Rent()
    {
        if (TenantSessionSetting is { } setting && Tenant is { } tenant)
        {
            return Internal.TenantSessions.Apply(RentConnection(), setting, tenant);
        }

        return RentConnection();
    }

    private ConnectionLease RentConnection()
    {
        if (Transaction.Current is { } ambient)
        {
            return Enlisted(ambient);
        }

        return TakeIdle() ?? OpenNew();
    }

    /// <inheritdoc />
    public ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default)
    {
        if (TenantSessionSetting is { } setting && Tenant is { } tenant)
        {
            return Internal.TenantSessions.ApplyAsync(RentConnectionAsync(cancellationToken), setting, tenant, cancellationToken);
        }

        return RentConnectionAsync(cancellationToken);
    }

    private ValueTask<ConnectionLease> RentConnectionAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ConnectionLease>(cancellationToken);
        }

        if (Transaction.Current is { } ambient)
        {
            return new ValueTask<ConnectionLease>(Enlisted(ambient));
        }

        var lease = TakeIdle();
        return lease is not null ? new ValueTask<ConnectionLease>(lease) : OpenNewAsync(cancellationToken);
    }

    /// <summary>
    /// The one connection of an ambient transaction: enlisted on first use and pinned until the transaction completes,
    /// so every operation of the scope joins it and none is promoted to a distributed transaction.
    /// </summary>
    private ConnectionLease Enlisted(Transaction ambient)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_enlisted.TryGetValue(ambient, out var pinned))
        {
            return pinned;
        }

        ConnectionLease lease;
        using (new TransactionScope(TransactionScopeOption.Suppress))
        {
            lease = TakeIdle() ?? OpenNew();
        }

        try
        {
            lease.Connection.EnlistTransaction(ambient);
        }
        catch (NotSupportedException exception)
        {
            Return(lease);
            throw new NeoGenException(
                $"A TransactionScope is active, but the {Dialect} provider ({lease.Connection.GetType().Name}) does not support System.Transactions, so the operation would run outside the scope's transaction. Use BeginUnitOfWork() for a transaction, or suppress the scope around NeoGen calls.",
                innerException: exception);
        }

        lease.IsPinned = true;
        if (!_enlisted.TryAdd(ambient, lease))
        {
            lease.IsPinned = false;
            Return(lease);
            return _enlisted[ambient];
        }

        ambient.TransactionCompleted += (_, _) =>
        {
            if (_enlisted.TryRemove(ambient, out var done))
            {
                done.IsPinned = false;
                Return(done);
            }
        };
        return lease;
    }

    private ConnectionLease OpenNew()
    {
        var connection = _createConnection();
        try
        {
            connection.Open();
            Opened(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ConnectionLease(this, connection, ownsConnection: true);
    }

    // An offset, not a zone name: MySQL and MariaDB know named zones only when their time zone tables are loaded.
    private string UtcSessionSql => Dialect == Dialect.MySql ? "SET time_zone = '+00:00'" : "SET TIME ZONE 'UTC'";

    /// <summary>
    /// A newly opened connection: on PostgreSQL and MySQL its session runs in UTC, so a <c>timestamp</c> column receives and gives
    /// UTC wall-clock time (NeoGen's policy) whatever the server's time zone; then the application's own hook runs.
    /// </summary>
    private void Opened(DbConnection connection)
    {
        if (_utcSessions)
        {
            using var command = connection.CreateCommand();
            command.CommandText = UtcSessionSql;
            command.ExecuteNonQuery();
        }

        _connectionOpened?.Invoke(connection);
    }

    private async ValueTask OpenedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_utcSessions)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = UtcSessionSql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        _connectionOpened?.Invoke(connection);
    }

    /// <summary>Starts a unit of work: one connection and one transaction shared by every repository built on it.</summary>
    public UnitOfWork BeginUnitOfWork(IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
        RefuseAmbient();
        var lease = Rent();
        try
        {
            return new UnitOfWork(this, lease, lease.Connection.BeginTransaction(isolationLevel));
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Starts a unit of work: one connection and one transaction shared by every repository built on it.</summary>
    public async ValueTask<UnitOfWork> BeginUnitOfWorkAsync(IsolationLevel isolationLevel = IsolationLevel.Unspecified, CancellationToken cancellationToken = default)
    {
        RefuseAmbient();
        var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await lease.Connection.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);
            return new UnitOfWork(this, lease, transaction);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private void RefuseAmbient()
    {
        if (Transaction.Current is not null)
        {
            throw new InvalidOperationException(Dialect == Dialect.Sqlite
                ? "A TransactionScope is active, and SQLite (Microsoft.Data.Sqlite) cannot join one, so a unit of work would commit or roll back on its own, outside the scope. Use the unit of work without the scope, or suppress the scope around it."
                : "A TransactionScope is active: NeoGen's operations already join it. A unit of work would start a second, local transaction on the enlisted connection; use one or the other.");
        }
    }

    /// <summary>Closes every idle connection.</summary>
    public void Dispose()
    {
        _disposed = true;
        for (var i = 0; i < _idle.Length; i++)
        {
            Interlocked.Exchange(ref _idle[i], null)?.Dispose();
        }
    }

    /// <summary>Closes every idle connection.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    internal void Return(ConnectionLease lease)
    {
        // A connection the provider closed (broken, or a failed transaction on some providers) is not reused.
        if (!_disposed && lease.Transaction is null && lease.Connection.State == ConnectionState.Open)
        {
            for (var i = 0; i < _idle.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _idle[i], lease, null) is null)
                {
                    return;
                }
            }
        }

        lease.Dispose();
    }

    private ConnectionLease? TakeIdle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var idle = _idle;
        for (var i = 0; i < idle.Length; i++)
        {
            if (Volatile.Read(ref idle[i]) is null)
            {
                continue;
            }

            var lease = Interlocked.Exchange(ref idle[i], null);
            if (lease is null)
            {
                continue;
            }

            if (lease.Connection.State == ConnectionState.Open)
            {
                return lease;
            }

            lease.Dispose();
        }

        return null;
    }

    private async ValueTask<ConnectionLease> OpenNewAsync(CancellationToken cancellationToken)
    {
        var connection = _createConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await OpenedAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ConnectionLease(this, connection, ownsConnection: true);
    }
}
