using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>
/// A repository of a table with <c>[Encrypted]</c> columns: after a new data key becomes current
/// (<see cref="ColumnKeyRing.AddKey"/>), <see cref="ReEncryptAsync"/> rewrites every value still under an older key,
/// so that the old key can then be removed. Generated repositories implement it; reach it with
/// <c>(IReEncryptable)repository</c>, or let the repository interface extend it.
/// </summary>
public interface IReEncryptable
{
    /// <summary>
    /// Re-encrypts, under the current key, every value of the table's encrypted columns that is under another key, in
    /// batches of <paramref name="batchSize"/> rows in key order. Each value is rewritten by one statement that changes
    /// it only if it is still the value read (a concurrent write, always under the current key, wins), so the job can
    /// run beside the application, be stopped at any point, and be started again: a new run skips the values already
    /// done and misses none. Rows of every tenant are re-encrypted (the job is not tenant-scoped).
    /// </summary>
    /// <param name="batchSize">Rows read per statement.</param>
    /// <param name="cancellationToken">Stops the job between values; what is done stays done.</param>
    Task<ReEncryptionResult> ReEncryptAsync(int batchSize = 500, CancellationToken cancellationToken = default);
}

/// <summary>What a re-encryption run did.</summary>
/// <param name="RowsRead">Rows read.</param>
/// <param name="ValuesReEncrypted">Values rewritten under the current key.</param>
/// <param name="ValuesChangedMeanwhile">Values another writer changed between the read and the rewrite (they are under the current key already).</param>
public sealed record ReEncryptionResult(long RowsRead, long ValuesReEncrypted, long ValuesChangedMeanwhile);
