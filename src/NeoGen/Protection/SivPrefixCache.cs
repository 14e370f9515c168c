using System;
using System.Threading;

namespace NeoGen.Internal;

/// <summary>
/// The AES-SIV S2V state after a column's fixed associated data (the header, which depends only on the key, and the
/// column label), per key. It is the same for every value of the column under that key, so computing it once saves
/// two of the four AES-CMAC computations of a small value. Holds a few keys (a rotation reads under two or three);
/// thread-safe without locks: entries are immutable and the array is replaced whole, and a lost update only costs a
/// recomputation.
/// </summary>
internal sealed class SivPrefixCache
{
    private const int Capacity = 4;

    private Entry[] _entries = [];

    /// <summary>Writes the state for <paramref name="key"/> and <paramref name="label"/> to <paramref name="state"/>, computing it when missing.</summary>
    public void Get(ColumnKey key, ColumnLabel label, Span<byte> state)
    {
        var entries = Volatile.Read(ref _entries);
        foreach (var entry in entries)
        {
            if (ReferenceEquals(entry.Key, key))
            {
                entry.State.CopyTo(state);
                return;
            }
        }

        // D after [header, label] (RFC 5297 §2.4 with the header as the first component and the label as the second).
        Span<byte> header = stackalloc byte[CiphertextFormat.HeaderLength];
        CiphertextFormat.WriteHeader(header, CiphertextFormat.Deterministic, key.Id);
        var siv = key.Siv;
        siv.Start(state);
        siv.Absorb(state, header);
        siv.Absorb(state, label.Utf8);

        var added = new Entry(key, state.ToArray());
        var kept = Math.Min(entries.Length, Capacity - 1);
        var next = new Entry[kept + 1];
        next[0] = added;
        Array.Copy(entries, 0, next, 1, kept);
        Volatile.Write(ref _entries, next);
    }

    private sealed record Entry(ColumnKey Key, byte[] State);
}
