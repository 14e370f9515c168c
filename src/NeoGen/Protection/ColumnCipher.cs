using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;

namespace NeoGen.Internal;

/// <summary>
/// Seals and opens stored column values in the <see cref="CiphertextFormat"/> layout. Randomized values use
/// AES-256-GCM with the associated data header ‖ label; deterministic ones use AES-SIV with the associated data
/// components [header, label]. Every failure to open is a <see cref="DecryptionException"/>; nothing unauthenticated
/// is returned.
/// </summary>
internal static class ColumnCipher
{
    private const int StackLimit = 256;

    /// <summary>
    /// Encrypts in place: <paramref name="buffer"/> is the whole stored value, with the plaintext already at
    /// <see cref="CiphertextFormat.PayloadOffset"/>; the header, nonce or SIV, and tag are written around it.
    /// </summary>
    public static void Seal(ColumnKey key, bool deterministic, ColumnLabel label, Span<byte> buffer)
    {
        var header = buffer[..CiphertextFormat.HeaderLength];
        if (deterministic)
        {
            CiphertextFormat.WriteHeader(header, CiphertextFormat.Deterministic, key.Id);
            Span<byte> state = stackalloc byte[AesSiv.SivLength];
            label.SivPrefixes.Get(key, label, state);
            var body = buffer[CiphertextFormat.HeaderLength..];
            key.Siv.Seal(state, body[AesSiv.SivLength..], body);
            return;
        }

        CiphertextFormat.WriteHeader(header, CiphertextFormat.Randomized, key.Id);
        var nonce = buffer.Slice(CiphertextFormat.HeaderLength, CiphertextFormat.NonceLength);
        NonceSource.Fill(nonce);
        var payload = buffer[(CiphertextFormat.HeaderLength + CiphertextFormat.NonceLength)..^CiphertextFormat.TagLength];
        var tag = buffer[^CiphertextFormat.TagLength..];
        var aadLength = CiphertextFormat.HeaderLength + label.Utf8.Length;
        byte[]? rented = null;
        Span<byte> aad = aadLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(aadLength));
        aad = aad[..aadLength];
        header.CopyTo(aad);
        label.Utf8.CopyTo(aad[CiphertextFormat.HeaderLength..]);
        key.Gcm.Encrypt(nonce, payload, payload, tag, aad);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Decrypts <paramref name="stored"/> into <paramref name="plaintext"/> (at least as long as
    /// <paramref name="stored"/>) and returns the plaintext length.
    /// </summary>
    /// <exception cref="DecryptionException">The value is malformed, names a key the provider lacks, or fails authentication.</exception>
    public static int Open(IColumnKeyProvider keys, ReadOnlySpan<byte> stored, ColumnLabel label, Span<byte> plaintext, out int keyId)
    {
        if (stored.Length < CiphertextFormat.HeaderLength)
        {
            throw Failure(label, null, $"the stored value has {stored.Length} bytes, fewer than the {CiphertextFormat.HeaderLength}-byte header: it is truncated or is not an encrypted value.");
        }

        keyId = BinaryPrimitives.ReadInt32BigEndian(stored.Slice(2, 4));
        if (stored[0] != CiphertextFormat.Version)
        {
            throw Failure(label, keyId, $"the stored value has format version {stored[0]}, and only version {CiphertextFormat.Version} exists: it was altered or is not an encrypted value.");
        }

        var algorithm = stored[1];
        var overhead = algorithm switch
        {
            CiphertextFormat.Randomized => CiphertextFormat.RandomizedOverhead,
            CiphertextFormat.Deterministic => CiphertextFormat.DeterministicOverhead,
            _ => throw Failure(label, keyId, $"the stored value names algorithm {algorithm}, which does not exist: it was altered or is not an encrypted value."),
        };
        if (stored.Length < overhead)
        {
            throw Failure(label, keyId, $"the stored value has {stored.Length} bytes, fewer than the {overhead} every value of its algorithm has: it is truncated.");
        }

        if (!keys.TryGetKey(keyId, out var key) || key.Id != keyId)
        {
            throw Failure(label, keyId, $"the value was encrypted with key {keyId}, which the key provider does not hold (it holds {KeyList(keys)}): load the ring that has it, or the key was removed before the value was re-encrypted.");
        }

        var length = stored.Length - overhead;
        var output = plaintext[..length];
        if (algorithm == CiphertextFormat.Deterministic)
        {
            Span<byte> state = stackalloc byte[AesSiv.SivLength];
            label.SivPrefixes.Get(key, label, state);
            if (!key.Siv.Open(state, stored[CiphertextFormat.HeaderLength..], output))
            {
                throw AuthenticationFailure(label, keyId, null);
            }

            return length;
        }

        var aadLength = CiphertextFormat.HeaderLength + label.Utf8.Length;
        byte[]? rented = null;
        Span<byte> aad = aadLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(aadLength));
        aad = aad[..aadLength];
        stored[..CiphertextFormat.HeaderLength].CopyTo(aad);
        label.Utf8.CopyTo(aad[CiphertextFormat.HeaderLength..]);
        try
        {
            key.Gcm.Decrypt(
                stored.Slice(CiphertextFormat.HeaderLength, CiphertextFormat.NonceLength),
                stored[(CiphertextFormat.HeaderLength + CiphertextFormat.NonceLength)..^CiphertextFormat.TagLength],
                stored[^CiphertextFormat.TagLength..],
                output,
                aad);
        }
        catch (CryptographicException e)
        {
            CryptographicOperations.ZeroMemory(output);
            throw AuthenticationFailure(label, keyId, e);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return length;
    }

    /// <summary>The failure of a value that opened but whose plaintext is not an encoding of the expected type.</summary>
    public static DecryptionException Undecodable(ColumnLabel label, int keyId, string typeName, int length)
        => Failure(label, keyId, $"the value decrypted to {length} bytes that are not an encoded {typeName}: the column's type changed after it was written.");

    /// <summary>The failure of a text column value that is not base64.</summary>
    public static DecryptionException NotBase64(ColumnLabel label)
        => Failure(label, null, "the stored text is not base64: it was altered or is not an encrypted value.");

    /// <summary>A <see cref="DecryptionException"/> naming the column and key.</summary>
    public static DecryptionException Failure(ColumnLabel? label, int? keyId, string reason)
    {
        var column = label is null ? "an encrypted value" : $"column '{label.Column}' of table '{label.Table}'";
        var key = keyId is { } id ? $"key id {id}" : "key id unknown";
        return new DecryptionException($"Could not decrypt {column} ({key}): {reason}", label?.Table, label?.Column, keyId);
    }

    private static DecryptionException AuthenticationFailure(ColumnLabel label, int keyId, Exception? inner)
    {
        var column = $"column '{label.Column}' of table '{label.Table}'";
        return new DecryptionException(
            $"Could not decrypt {column} (key id {keyId}): the value failed authentication. It was altered or truncated, was written for another column, or key {keyId} in the ring is not the key that wrote it.",
            label.Table,
            label.Column,
            keyId,
            inner);
    }

    private static string KeyList(IColumnKeyProvider keys)
    {
        var ids = keys.Keys;
        return ids.Count == 0 ? "no keys" : "keys " + string.Join(", ", ids.Take(10).Select(k => k.Id)) + (ids.Count > 10 ? ", ..." : "");
    }
}
