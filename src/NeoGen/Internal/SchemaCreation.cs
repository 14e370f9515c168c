using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen.Internal;

/// <summary>Runs the statements of a generated <c>NeoGenSchema</c>. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaCreation
{
    /// <summary>The statements as one script, each ended by a semicolon.</summary>
    public static string Script(IReadOnlyList<string> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return statements.Count == 0 ? string.Empty : string.Join(";\n\n", statements) + ";\n";
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in order on one connection of <paramref name="source"/>: in a transaction of
    /// its own where DDL is transactional and the source has none (a unit of work's is joined), so a failure creates
    /// nothing; MySQL commits each statement itself.
    /// </summary>
    /// <param name="source">Where to create the schema.</param>
    /// <param name="statements">The statements, in order.</param>
    /// <param name="cancellationToken">Cancels between statements.</param>
    /// <param name="created">Run on the same connection once the statements committed (PostgreSQL's type reload after a new enum type), or null.</param>
    public static async Task EnsureCreatedAsync(IConnectionSource source, IReadOnlyList<string> statements, CancellationToken cancellationToken, Func<DbConnection, Task>? created = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(statements);
        var lease = await source.RentAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? own = null;
        try
        {
            if (lease.Transaction is null && source.Dialect != Dialect.MySql && System.Transactions.Transaction.Current is null)
            {
                own = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < statements.Count; i++)
            {
                using var command = lease.Connection.CreateCommand();
                command.CommandText = statements[i];
                command.Transaction = own ?? lease.Transaction;
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException exception)
                {
                    throw Failed(statements, i, exception);
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (created is not null)
            {
                await created(lease.Connection).ConfigureAwait(false);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }

            lease.Release();
        }
    }

    /// <summary>The synchronous <see cref="EnsureCreatedAsync"/>.</summary>
    public static void EnsureCreated(IConnectionSource source, IReadOnlyList<string> statements, Action<DbConnection>? created = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(statements);
        var lease = source.Rent();
        DbTransaction? own = null;
        try
        {
            if (lease.Transaction is null && source.Dialect != Dialect.MySql && System.Transactions.Transaction.Current is null)
            {
                own = lease.Connection.BeginTransaction();
            }

            for (var i = 0; i < statements.Count; i++)
            {
                using var command = lease.Connection.CreateCommand();
                command.CommandText = statements[i];
                command.Transaction = own ?? lease.Transaction;
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (DbException exception)
                {
                    throw Failed(statements, i, exception);
                }
            }

            own?.Commit();
            created?.Invoke(lease.Connection);
        }
        finally
        {
            own?.Dispose();
            lease.Release();
        }
    }

    private static NeoGenCommandException Failed(IReadOnlyList<string> statements, int index, DbException exception)
    {
        var statement = statements[index];
        var firstLine = statement.Split('\n')[0];
        return new NeoGenCommandException(
            $"Creating the schema failed at statement {index + 1} of {statements.Count} ({firstLine}): {exception.Message}",
            null, "EnsureCreated", TableOf(statement), exception);
    }

    /// <summary>The table a CREATE TABLE or CREATE INDEX statement is about, as written in it.</summary>
    private static string? TableOf(string statement)
    {
        foreach (var marker in new[] { "CREATE TABLE IF NOT EXISTS ", "CREATE TABLE ", " ON " })
        {
            var at = statement.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = at + marker.Length;
                var end = statement.IndexOfAny(new[] { ' ', '(', '\n' }, start);
                return end < 0 ? statement.Substring(start) : statement.Substring(start, end - start);
            }
        }

        return null;
    }
}
