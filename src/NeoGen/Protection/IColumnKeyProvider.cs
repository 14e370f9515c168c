using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace NeoGen;

/// <summary>
/// The data keys generated repositories encrypt and decrypt columns with. <see cref="ColumnKeyRing"/> is the provided
/// implementation; implement this to take keys from elsewhere. Implementations must be thread-safe and should return
/// the same <see cref="ColumnKey"/> instances every time, since each instance caches its cipher objects.
/// </summary>
public interface IColumnKeyProvider
{
    /// <summary>The key new values are encrypted with.</summary>
    ColumnKey CurrentKey { get; }

    /// <summary>
    /// Every key that can still be read, the current one first. While a rotation is in progress a deterministic
    /// lookup runs once per key, since the same value encrypts differently under each.
    /// </summary>
    IReadOnlyList<ColumnKey> Keys { get; }

    /// <summary>The key with id <paramref name="keyId"/>, for reading a value its header names.</summary>
    /// <returns>False when no such key is held; the read then fails with a <see cref="DecryptionException"/>.</returns>
    bool TryGetKey(int keyId, [MaybeNullWhen(false)] out ColumnKey key);
}
