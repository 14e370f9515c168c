using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>Reads of <typeparamref name="T"/> by key; implemented by the generator.</summary>
/// <typeparam name="T">The entity type, a <see cref="TableAttribute"/> type.</typeparam>
/// <typeparam name="TKey">The key type; a tuple for a composite key.</typeparam>
public interface IReadRepository<T, TKey>
    where T : class
{
    /// <summary>The row with <paramref name="key"/>, or null.</summary>
    T? Get(TKey key);

    /// <summary>The row with <paramref name="key"/>, or null.</summary>
    ValueTask<T?> GetAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>The rows whose key is in <paramref name="keys"/>, in no particular order.</summary>
    List<T> GetMany(IEnumerable<TKey> keys);

    /// <summary>The rows whose key is in <paramref name="keys"/>, in no particular order.</summary>
    ValueTask<List<T>> GetManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Whether a row with <paramref name="key"/> exists.</summary>
    bool Exists(TKey key);

    /// <summary>Whether a row with <paramref name="key"/> exists.</summary>
    ValueTask<bool> ExistsAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>The number of rows in the table.</summary>
    long Count();

    /// <summary>The number of rows in the table.</summary>
    ValueTask<long> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>Reads and writes of <typeparamref name="T"/>; implemented by the generator.</summary>
/// <typeparam name="T">The entity type, a <see cref="TableAttribute"/> type.</typeparam>
/// <typeparam name="TKey">The key type; a tuple for a composite key.</typeparam>
public interface ICrudRepository<T, TKey> : IReadRepository<T, TKey>
    where T : class
{
    /// <summary>Inserts <paramref name="entity"/> and returns it with generated, version and timestamp members as stored.</summary>
    T Insert(T entity);

    /// <summary>Inserts <paramref name="entity"/> and returns it with generated, version and timestamp members as stored.</summary>
    ValueTask<T> InsertAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the row with the entity's key and returns the entity as stored. A missing row, or a
    /// <see cref="VersionAttribute"/> mismatch, throws <see cref="NeoGenConcurrencyException"/>.
    /// </summary>
    T Update(T entity);

    /// <summary>
    /// Updates the row with the entity's key and returns the entity as stored. A missing row, or a
    /// <see cref="VersionAttribute"/> mismatch, throws <see cref="NeoGenConcurrencyException"/>.
    /// </summary>
    ValueTask<T> UpdateAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row with <paramref name="key"/>; false when there was none.</summary>
    bool Delete(TKey key);

    /// <summary>Deletes the row with <paramref name="key"/>; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>Inserts the entity, or updates the row with its key when there is one.</summary>
    T Upsert(T entity);

    /// <summary>Inserts the entity, or updates the row with its key when there is one.</summary>
    ValueTask<T> UpsertAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the row of each entity by its key (and <see cref="VersionAttribute"/>), in one transaction (on PostgreSQL
    /// in batches of statements, one round trip each), and returns how many were updated. A missing row or a stale version throws <see cref="NeoGenConcurrencyException"/> with
    /// the entity's index in <see cref="NeoGenException.RowIndex"/> and changes nothing. The entities are not read
    /// back: read them again for their new versions and timestamps.
    /// </summary>
    long UpdateMany(IEnumerable<T> entities);

    /// <inheritdoc cref="UpdateMany(IEnumerable{T})"/>
    ValueTask<long> UpdateManyAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the rows with <paramref name="keys"/> and returns how many there were: one statement for a single-column
    /// key, a statement per key in one transaction for a composite one.
    /// </summary>
    long DeleteMany(IEnumerable<TKey> keys);

    /// <inheritdoc cref="DeleteMany(IEnumerable{TKey})"/>
    ValueTask<long> DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default);
}

/// <summary>
/// Bulk inserts of <typeparamref name="T"/>: binary COPY on PostgreSQL, SqlBulkCopy on SQL Server, MySqlBulkCopy on
/// MySQL when the connection allows LOAD DATA LOCAL, prepared inserts in one transaction otherwise. A failure keeps nothing.
/// </summary>
/// <typeparam name="T">The entity type, a <see cref="TableAttribute"/> type.</typeparam>
public interface IBulkRepository<T>
    where T : class
{
    /// <summary>Inserts every entity and returns how many rows were written. Generated keys are not read back.</summary>
    long BulkInsert(IEnumerable<T> entities);

    /// <summary>Inserts every entity and returns how many rows were written. Generated keys are not read back.</summary>
    ValueTask<long> BulkInsertAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);
}
