using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>
/// Hands out open connections that keep their prepared commands between operations. Built on the
/// provider's own connection (a factory for SQLite, an <c>NpgsqlDataSource</c> for PostgreSQL); the
/// provider's pool still decides physical connections, this one keeps the prepared commands warm.
/// </summary>
public sealed class NeoGenDataSource : IConnectionSource, IDisposable, IAsyncDisposable
{
    private readonly Func<DbConnection> _createConnection;
    private readonly Action<DbConnection>? _connectionOpened;
    private readonly ConnectionLease?[] _idle;
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
        _idle = new ConnectionLease?[options.MaxIdleConnections];
    }

    /// <summary>A data source over a provider's <see cref="DbDataSource"/> (for example <c>NpgsqlDataSource</c>).</summary>
    public NeoGenDataSource(Dialect dialect, DbDataSource dataSource, NeoGenDataSourceOptions? options = null)
        : this(dialect, (dataSource ?? throw new ArgumentNullException(nameof(dataSource))).CreateConnection, options)
    {
    }

    /// <inheritdoc />
    public Dialect Dialect { get; }

    /// <inheritdoc />
    public ConnectionLease Rent()
    {
        var lease = TakeIdle();
        if (lease is not null)
        {
            return lease;
        }

        var connection = _createConnection();
        try
        {
            connection.Open();
            _connectionOpened?.Invoke(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ConnectionLease(this, connection, ownsConnection: true);
    }

    /// <inheritdoc />
    public ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ConnectionLease>(cancellationToken);
        }

        var lease = TakeIdle();
        return lease is not null ? new ValueTask<ConnectionLease>(lease) : OpenNewAsync(cancellationToken);
    }

    /// <summary>Starts a unit of work: one connection and one transaction shared by every repository built on it.</summary>
    public UnitOfWork BeginUnitOfWork(IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
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
            _connectionOpened?.Invoke(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ConnectionLease(this, connection, ownsConnection: true);
    }
}
