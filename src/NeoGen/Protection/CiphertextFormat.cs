using System;
using System.Buffers.Binary;

namespace NeoGen.Internal;

/// <summary>
/// The layout of a stored encrypted column value, version 1. Every value starts with a 6-byte header that is also
/// authenticated as associated data, so a changed version, algorithm or key id fails decryption:
/// <list type="bullet">
/// <item>byte 0: the format version, 1;</item>
/// <item>byte 1: the algorithm, <see cref="Randomized"/> (AES-256-GCM) or <see cref="Deterministic"/> (AES-SIV);</item>
/// <item>bytes 2..5: the data key id, a big-endian int32.</item>
/// </list>
/// Randomized: header ‖ nonce (12) ‖ ciphertext ‖ tag (16). Deterministic: header ‖ synthetic IV (16) ‖ ciphertext.
/// The ciphertext is as long as the encoded plaintext.
/// </summary>
internal static class CiphertextFormat
{
    /// <summary>The only format version written and read.</summary>
    public const byte Version = 1;

    /// <summary>AES-256-GCM with a random 96-bit nonce per value.</summary>
    public const byte Randomized = 1;

    /// <summary>AES-SIV (RFC 5297) with a 512-bit key: equal values under the same key and column encrypt equally.</summary>
    public const byte Deterministic = 2;

    /// <summary>Version, algorithm and key id.</summary>
    public const int HeaderLength = 6;

    /// <summary>The AES-GCM nonce.</summary>
    public const int NonceLength = 12;

    /// <summary>The AES-GCM tag.</summary>
    public const int TagLength = 16;

    /// <summary>The AES-SIV synthetic IV, which is also its authentication tag.</summary>
    public const int SivLength = 16;

    /// <summary>The bytes a randomized value adds to its plaintext.</summary>
    public const int RandomizedOverhead = HeaderLength + NonceLength + TagLength;

    /// <summary>The bytes a deterministic value adds to its plaintext.</summary>
    public const int DeterministicOverhead = HeaderLength + SivLength;

    /// <summary>The bytes the mode adds to its plaintext.</summary>
    public static int Overhead(bool deterministic) => deterministic ? DeterministicOverhead : RandomizedOverhead;

    /// <summary>Where the plaintext (then the ciphertext) sits in a stored value.</summary>
    public static int PayloadOffset(bool deterministic) => deterministic ? HeaderLength + SivLength : HeaderLength + NonceLength;

    /// <summary>Writes the header for <paramref name="algorithm"/> and <paramref name="keyId"/>.</summary>
    public static void WriteHeader(Span<byte> destination, byte algorithm, int keyId)
    {
        destination[0] = Version;
        destination[1] = algorithm;
        BinaryPrimitives.WriteInt32BigEndian(destination.Slice(2, 4), keyId);
    }

    /// <summary>The key id in the header, when <paramref name="stored"/> is long enough to hold one and is version 1.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> stored, out int keyId)
    {
        if (stored.Length < HeaderLength || stored[0] != Version)
        {
            keyId = 0;
            return false;
        }

        keyId = BinaryPrimitives.ReadInt32BigEndian(stored.Slice(2, 4));
        return true;
    }
}
