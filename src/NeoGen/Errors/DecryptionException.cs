using System;

namespace NeoGen;

/// <summary>
/// An encrypted column value could not be decrypted: it was altered or truncated, written for another column, written
/// under a key the ring does not hold, or the ring holds a different key under the same id. Decryption never returns a
/// partial or unauthenticated value instead.
/// </summary>
public sealed class DecryptionException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the table, the column and the key id.</param>
    /// <param name="table">The table of the column, where known.</param>
    /// <param name="column">The encrypted column, where known.</param>
    /// <param name="keyId">The data key id read from the stored value, or null when the value is too short to hold one.</param>
    /// <param name="innerException">The cryptographic failure, if any.</param>
    public DecryptionException(string message, string? table, string? column, int? keyId, Exception? innerException = null)
        : base(message, table: table, column: column, innerException: innerException)
    {
        KeyId = keyId;
    }

    /// <summary>The data key id named by the stored value's header, or null when the value is too short to hold one.</summary>
    public int? KeyId { get; }
}
