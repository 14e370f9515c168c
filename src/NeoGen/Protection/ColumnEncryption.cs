using System;
using System.Buffers;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace NeoGen.Internal;

/// <summary>
/// Encrypts and decrypts the values of <see cref="EncryptedAttribute"/> columns; called by generated repositories.
/// Not for direct use.
/// </summary>
/// <remarks>
/// <para>
/// Each supported type has the same six methods: <c>Encrypt</c> and <c>EncryptToText</c> write under the provider's
/// current key, randomized (AES-256-GCM) or deterministic (AES-SIV); <c>EncryptUnder</c> and
/// <c>EncryptToTextUnder</c> encrypt deterministically under a given key, for the equality lookup that runs once per
/// readable key while a rotation is in progress;
/// <c>Decrypt{Type}</c> and <c>Decrypt{Type}FromText</c> read with whichever key the value's header names. Binary
/// columns hold the stored value as it is, text columns its base64.
/// </para>
/// <para>
/// Values are never null: the caller stores a null as SQL NULL. The plaintext encodings are fixed and
/// culture-independent (see each method). Deterministic equality is equality of the encoding: decimals keep their
/// scale (1.0 and 1.00 differ), doubles their bits (0.0 and -0.0 differ), DateTimeOffsets their offset, so a caller
/// wanting equal values to match normalizes them first.
/// </para>
/// <para>
/// Thread-safe. Beyond the result, an encryption or decryption allocates nothing for values up to about 200 bytes
/// (scratch is on the stack, or pooled and cleared for longer ones).
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ColumnEncryption
{
    private const int StackLimit = 256;

    /// <summary>The id of the data key a stored binary value was encrypted with, read from its header.</summary>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column, for the error message; optional.</param>
    /// <exception cref="DecryptionException">The value is too short or not of a known format version.</exception>
    public static int KeyIdOf(byte[] stored, ColumnLabel? label = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!CiphertextFormat.TryReadKeyId(stored, out var keyId))
        {
            throw ColumnCipher.Failure(label, null, $"the stored value ({stored.Length} bytes) does not start with the header of format version {CiphertextFormat.Version}: it is truncated or is not an encrypted value.");
        }

        return keyId;
    }

    /// <summary>The id of the data key a stored text (base64) value was encrypted with, read from its header.</summary>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column, for the error message; optional.</param>
    /// <exception cref="DecryptionException">The value is too short, not base64 or not of a known format version.</exception>
    public static int KeyIdOfText(string stored, ColumnLabel? label = null)
    {
        ArgumentNullException.ThrowIfNull(stored);

        // The 6-byte header is exactly the first 8 base64 characters; the rest need not be decoded.
        const int HeaderChars = CiphertextFormat.HeaderLength / 3 * 4;
        Span<byte> header = stackalloc byte[CiphertextFormat.HeaderLength];
        if (stored.Length < HeaderChars
            || !Convert.TryFromBase64Chars(stored.AsSpan(0, HeaderChars), header, out var written)
            || written != CiphertextFormat.HeaderLength
            || !CiphertextFormat.TryReadKeyId(header, out var keyId))
        {
            throw ColumnCipher.Failure(label, null, $"the stored text ({stored.Length} characters) does not start with the base64 header of format version {CiphertextFormat.Version}: it is truncated or is not an encrypted value.");
        }

        return keyId;
    }

    /// <summary>Whether a stored binary value was encrypted with key <paramref name="keyId"/>.</summary>
    /// <param name="stored">The stored value.</param>
    /// <param name="keyId">The data key id.</param>
    /// <exception cref="DecryptionException">The value is too short or not of a known format version.</exception>
    public static bool IsUnderKey(byte[] stored, int keyId) => KeyIdOf(stored) == keyId;

    /// <summary>Whether a stored text (base64) value was encrypted with key <paramref name="keyId"/>.</summary>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="keyId">The data key id.</param>
    /// <exception cref="DecryptionException">The value is too short, not base64 or not of a known format version.</exception>
    public static bool IsUnderKeyText(string stored, int keyId) => KeyIdOfText(stored) == keyId;

    /// <summary>Whether a stored binary value is under the provider's current key: false means a re-encryption job still has to rewrite it.</summary>
    /// <param name="keys">The data keys.</param>
    /// <param name="stored">The stored value.</param>
    /// <exception cref="DecryptionException">The value is too short or not of a known format version.</exception>
    public static bool IsUnderCurrentKey(IColumnKeyProvider keys, byte[] stored) => KeyIdOf(stored) == Current(keys).Id;

    /// <summary>Whether a stored text (base64) value is under the provider's current key: false means a re-encryption job still has to rewrite it.</summary>
    /// <param name="keys">The data keys.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <exception cref="DecryptionException">The value is too short, not base64 or not of a known format version.</exception>
    public static bool IsUnderCurrentKeyText(IColumnKeyProvider keys, string stored) => KeyIdOfText(stored) == Current(keys).Id;

    /// <summary>
    /// Re-encrypts a stored binary value under the provider's current key, in the same mode (randomized or
    /// deterministic) and for the same column, without decoding it as a type: what a key-rotation job runs on each
    /// row that <see cref="IsUnderCurrentKey"/> reports as old.
    /// </summary>
    /// <param name="keys">The data keys: the value's own key decrypts, the current key encrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value does not decrypt.</exception>
    public static byte[] Reencrypt(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(label);
        var key = Current(keys);
        var plaintext = ArrayPool<byte>.Shared.Rent(stored.Length);
        var length = 0;
        try
        {
            length = ColumnCipher.Open(keys, stored, label, plaintext, out _);
            var deterministic = stored[1] == CiphertextFormat.Deterministic;
            var result = new byte[CiphertextFormat.Overhead(deterministic) + length];
            plaintext.AsSpan(0, length).CopyTo(result.AsSpan(CiphertextFormat.PayloadOffset(deterministic)));
            ColumnCipher.Seal(key, deterministic, label, result);
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(plaintext);
        }
    }

    /// <summary>Re-encrypts a stored text (base64) value under the provider's current key; see <see cref="Reencrypt"/>.</summary>
    /// <param name="keys">The data keys: the value's own key decrypts, the current key encrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value does not decrypt.</exception>
    public static string ReencryptText(IColumnKeyProvider keys, string stored, ColumnLabel label)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(label);
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(stored);
        }
        catch (FormatException)
        {
            throw ColumnCipher.NotBase64(label);
        }

        return Convert.ToBase64String(Reencrypt(keys, decoded, label));
    }

    // string

    /// <summary>Encrypts a string (UTF-8) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, string value, bool deterministic, ColumnLabel label)
        => Seal<StringCodec, string>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a string (UTF-8) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, string value, bool deterministic, ColumnLabel label)
        => SealText<StringCodec, string>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a string (UTF-8) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, string value, ColumnLabel label)
        => Seal<StringCodec, string>(key, value, true, label);

    /// <summary>Encrypts a string (UTF-8) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, string value, ColumnLabel label)
        => SealText<StringCodec, string>(key, value, true, label);

    /// <summary>Decrypts a string (UTF-8) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static string DecryptString(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<StringCodec, string>(keys, stored, label);

    /// <summary>Decrypts a string (UTF-8) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static string DecryptStringFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<StringCodec, string>(keys, stored, label);

    // byte[]

    /// <summary>Encrypts a byte array (as it is) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, byte[] value, bool deterministic, ColumnLabel label)
        => Seal<BytesCodec, byte[]>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a byte array (as it is) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, byte[] value, bool deterministic, ColumnLabel label)
        => SealText<BytesCodec, byte[]>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a byte array (as it is) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, byte[] value, ColumnLabel label)
        => Seal<BytesCodec, byte[]>(key, value, true, label);

    /// <summary>Encrypts a byte array (as it is) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value, not null: a null is stored as SQL NULL by the caller.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, byte[] value, ColumnLabel label)
        => SealText<BytesCodec, byte[]>(key, value, true, label);

    /// <summary>Decrypts a byte array (as it is) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static byte[] DecryptBytes(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<BytesCodec, byte[]>(keys, stored, label);

    /// <summary>Decrypts a byte array (as it is) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static byte[] DecryptBytesFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<BytesCodec, byte[]>(keys, stored, label);

    // bool

    /// <summary>Encrypts a bool (one byte, 0 or 1) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, bool value, bool deterministic, ColumnLabel label)
        => Seal<BooleanCodec, bool>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a bool (one byte, 0 or 1) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, bool value, bool deterministic, ColumnLabel label)
        => SealText<BooleanCodec, bool>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a bool (one byte, 0 or 1) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, bool value, ColumnLabel label)
        => Seal<BooleanCodec, bool>(key, value, true, label);

    /// <summary>Encrypts a bool (one byte, 0 or 1) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, bool value, ColumnLabel label)
        => SealText<BooleanCodec, bool>(key, value, true, label);

    /// <summary>Decrypts a bool (one byte, 0 or 1) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static bool DecryptBoolean(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<BooleanCodec, bool>(keys, stored, label);

    /// <summary>Decrypts a bool (one byte, 0 or 1) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static bool DecryptBooleanFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<BooleanCodec, bool>(keys, stored, label);

    // byte

    /// <summary>Encrypts a byte under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, byte value, bool deterministic, ColumnLabel label)
        => Seal<ByteCodec, byte>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a byte under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, byte value, bool deterministic, ColumnLabel label)
        => SealText<ByteCodec, byte>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a byte deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, byte value, ColumnLabel label)
        => Seal<ByteCodec, byte>(key, value, true, label);

    /// <summary>Encrypts a byte deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, byte value, ColumnLabel label)
        => SealText<ByteCodec, byte>(key, value, true, label);

    /// <summary>Decrypts a byte from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static byte DecryptByte(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<ByteCodec, byte>(keys, stored, label);

    /// <summary>Decrypts a byte from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static byte DecryptByteFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<ByteCodec, byte>(keys, stored, label);

    // short

    /// <summary>Encrypts a short (big-endian) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, short value, bool deterministic, ColumnLabel label)
        => Seal<Int16Codec, short>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a short (big-endian) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, short value, bool deterministic, ColumnLabel label)
        => SealText<Int16Codec, short>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a short (big-endian) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, short value, ColumnLabel label)
        => Seal<Int16Codec, short>(key, value, true, label);

    /// <summary>Encrypts a short (big-endian) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, short value, ColumnLabel label)
        => SealText<Int16Codec, short>(key, value, true, label);

    /// <summary>Decrypts a short (big-endian) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static short DecryptInt16(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<Int16Codec, short>(keys, stored, label);

    /// <summary>Decrypts a short (big-endian) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static short DecryptInt16FromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<Int16Codec, short>(keys, stored, label);

    // int

    /// <summary>Encrypts an int (big-endian) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, int value, bool deterministic, ColumnLabel label)
        => Seal<Int32Codec, int>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts an int (big-endian) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, int value, bool deterministic, ColumnLabel label)
        => SealText<Int32Codec, int>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts an int (big-endian) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, int value, ColumnLabel label)
        => Seal<Int32Codec, int>(key, value, true, label);

    /// <summary>Encrypts an int (big-endian) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, int value, ColumnLabel label)
        => SealText<Int32Codec, int>(key, value, true, label);

    /// <summary>Decrypts an int (big-endian) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static int DecryptInt32(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<Int32Codec, int>(keys, stored, label);

    /// <summary>Decrypts an int (big-endian) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static int DecryptInt32FromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<Int32Codec, int>(keys, stored, label);

    // long

    /// <summary>Encrypts a long (big-endian) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, long value, bool deterministic, ColumnLabel label)
        => Seal<Int64Codec, long>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a long (big-endian) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, long value, bool deterministic, ColumnLabel label)
        => SealText<Int64Codec, long>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a long (big-endian) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, long value, ColumnLabel label)
        => Seal<Int64Codec, long>(key, value, true, label);

    /// <summary>Encrypts a long (big-endian) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, long value, ColumnLabel label)
        => SealText<Int64Codec, long>(key, value, true, label);

    /// <summary>Decrypts a long (big-endian) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static long DecryptInt64(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<Int64Codec, long>(keys, stored, label);

    /// <summary>Decrypts a long (big-endian) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static long DecryptInt64FromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<Int64Codec, long>(keys, stored, label);

    // decimal

    /// <summary>Encrypts a decimal (its GetBits, scale included) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, decimal value, bool deterministic, ColumnLabel label)
        => Seal<DecimalCodec, decimal>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a decimal (its GetBits, scale included) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, decimal value, bool deterministic, ColumnLabel label)
        => SealText<DecimalCodec, decimal>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a decimal (its GetBits, scale included) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, decimal value, ColumnLabel label)
        => Seal<DecimalCodec, decimal>(key, value, true, label);

    /// <summary>Encrypts a decimal (its GetBits, scale included) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, decimal value, ColumnLabel label)
        => SealText<DecimalCodec, decimal>(key, value, true, label);

    /// <summary>Decrypts a decimal (its GetBits, scale included) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static decimal DecryptDecimal(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<DecimalCodec, decimal>(keys, stored, label);

    /// <summary>Decrypts a decimal (its GetBits, scale included) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static decimal DecryptDecimalFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<DecimalCodec, decimal>(keys, stored, label);

    // Guid

    /// <summary>Encrypts a Guid (16 bytes in RFC 4122 order) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, Guid value, bool deterministic, ColumnLabel label)
        => Seal<GuidCodec, Guid>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a Guid (16 bytes in RFC 4122 order) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, Guid value, bool deterministic, ColumnLabel label)
        => SealText<GuidCodec, Guid>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a Guid (16 bytes in RFC 4122 order) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, Guid value, ColumnLabel label)
        => Seal<GuidCodec, Guid>(key, value, true, label);

    /// <summary>Encrypts a Guid (16 bytes in RFC 4122 order) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, Guid value, ColumnLabel label)
        => SealText<GuidCodec, Guid>(key, value, true, label);

    /// <summary>Decrypts a Guid (16 bytes in RFC 4122 order) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static Guid DecryptGuid(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<GuidCodec, Guid>(keys, stored, label);

    /// <summary>Decrypts a Guid (16 bytes in RFC 4122 order) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static Guid DecryptGuidFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<GuidCodec, Guid>(keys, stored, label);

    // DateTime

    /// <summary>Encrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, DateTime value, bool deterministic, ColumnLabel label)
        => Seal<DateTimeCodec, DateTime>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, DateTime value, bool deterministic, ColumnLabel label)
        => SealText<DateTimeCodec, DateTime>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, DateTime value, ColumnLabel label)
        => Seal<DateTimeCodec, DateTime>(key, value, true, label);

    /// <summary>Encrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, DateTime value, ColumnLabel label)
        => SealText<DateTimeCodec, DateTime>(key, value, true, label);

    /// <summary>Decrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateTime DecryptDateTime(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<DateTimeCodec, DateTime>(keys, stored, label);

    /// <summary>Decrypts a DateTime (as UTC ticks; local times are converted, unspecified ones taken as UTC) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateTime DecryptDateTimeFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<DateTimeCodec, DateTime>(keys, stored, label);

    // DateTimeOffset

    /// <summary>Encrypts a DateTimeOffset (UTC ticks and the offset in minutes) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, DateTimeOffset value, bool deterministic, ColumnLabel label)
        => Seal<DateTimeOffsetCodec, DateTimeOffset>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateTimeOffset (UTC ticks and the offset in minutes) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, DateTimeOffset value, bool deterministic, ColumnLabel label)
        => SealText<DateTimeOffsetCodec, DateTimeOffset>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateTimeOffset (UTC ticks and the offset in minutes) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, DateTimeOffset value, ColumnLabel label)
        => Seal<DateTimeOffsetCodec, DateTimeOffset>(key, value, true, label);

    /// <summary>Encrypts a DateTimeOffset (UTC ticks and the offset in minutes) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, DateTimeOffset value, ColumnLabel label)
        => SealText<DateTimeOffsetCodec, DateTimeOffset>(key, value, true, label);

    /// <summary>Decrypts a DateTimeOffset (UTC ticks and the offset in minutes) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateTimeOffset DecryptDateTimeOffset(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<DateTimeOffsetCodec, DateTimeOffset>(keys, stored, label);

    /// <summary>Decrypts a DateTimeOffset (UTC ticks and the offset in minutes) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateTimeOffset DecryptDateTimeOffsetFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<DateTimeOffsetCodec, DateTimeOffset>(keys, stored, label);

    // DateOnly

    /// <summary>Encrypts a DateOnly (its day number) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, DateOnly value, bool deterministic, ColumnLabel label)
        => Seal<DateOnlyCodec, DateOnly>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateOnly (its day number) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, DateOnly value, bool deterministic, ColumnLabel label)
        => SealText<DateOnlyCodec, DateOnly>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a DateOnly (its day number) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, DateOnly value, ColumnLabel label)
        => Seal<DateOnlyCodec, DateOnly>(key, value, true, label);

    /// <summary>Encrypts a DateOnly (its day number) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, DateOnly value, ColumnLabel label)
        => SealText<DateOnlyCodec, DateOnly>(key, value, true, label);

    /// <summary>Decrypts a DateOnly (its day number) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateOnly DecryptDateOnly(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<DateOnlyCodec, DateOnly>(keys, stored, label);

    /// <summary>Decrypts a DateOnly (its day number) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static DateOnly DecryptDateOnlyFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<DateOnlyCodec, DateOnly>(keys, stored, label);

    // TimeOnly

    /// <summary>Encrypts a TimeOnly (its ticks) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, TimeOnly value, bool deterministic, ColumnLabel label)
        => Seal<TimeOnlyCodec, TimeOnly>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a TimeOnly (its ticks) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, TimeOnly value, bool deterministic, ColumnLabel label)
        => SealText<TimeOnlyCodec, TimeOnly>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a TimeOnly (its ticks) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, TimeOnly value, ColumnLabel label)
        => Seal<TimeOnlyCodec, TimeOnly>(key, value, true, label);

    /// <summary>Encrypts a TimeOnly (its ticks) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, TimeOnly value, ColumnLabel label)
        => SealText<TimeOnlyCodec, TimeOnly>(key, value, true, label);

    /// <summary>Decrypts a TimeOnly (its ticks) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static TimeOnly DecryptTimeOnly(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<TimeOnlyCodec, TimeOnly>(keys, stored, label);

    /// <summary>Decrypts a TimeOnly (its ticks) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static TimeOnly DecryptTimeOnlyFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<TimeOnlyCodec, TimeOnly>(keys, stored, label);

    // double

    /// <summary>Encrypts a double (its IEEE 754 bits) under the current key, for a binary column.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static byte[] Encrypt(IColumnKeyProvider keys, double value, bool deterministic, ColumnLabel label)
        => Seal<DoubleCodec, double>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a double (its IEEE 754 bits) under the current key, for a text column: the stored value in base64.</summary>
    /// <param name="keys">The data keys; the current one encrypts.</param>
    /// <param name="value">The value.</param>
    /// <param name="deterministic">AES-SIV (equal values, equal ciphertexts) rather than randomized AES-256-GCM.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToText(IColumnKeyProvider keys, double value, bool deterministic, ColumnLabel label)
        => SealText<DoubleCodec, double>(Current(keys), value, deterministic, label);

    /// <summary>Encrypts a double (its IEEE 754 bits) deterministically under <paramref name="key"/>, for a lookup on a binary column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static byte[] EncryptUnder(ColumnKey key, double value, ColumnLabel label)
        => Seal<DoubleCodec, double>(key, value, true, label);

    /// <summary>Encrypts a double (its IEEE 754 bits) deterministically under <paramref name="key"/>, for a lookup on a text column.</summary>
    /// <param name="key">One of the provider's keys; a lookup during a rotation runs once per key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The column.</param>
    public static string EncryptToTextUnder(ColumnKey key, double value, ColumnLabel label)
        => SealText<DoubleCodec, double>(key, value, true, label);

    /// <summary>Decrypts a double (its IEEE 754 bits) from a binary column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static double DecryptDouble(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        => Open<DoubleCodec, double>(keys, stored, label);

    /// <summary>Decrypts a double (its IEEE 754 bits) from a text column.</summary>
    /// <param name="keys">The data keys; the one the value's header names decrypts.</param>
    /// <param name="stored">The stored value, base64.</param>
    /// <param name="label">The column.</param>
    /// <exception cref="DecryptionException">The value is malformed, altered, from another column or under a key not held.</exception>
    public static double DecryptDoubleFromText(IColumnKeyProvider keys, string stored, ColumnLabel label)
        => OpenText<DoubleCodec, double>(keys, stored, label);

    /// <summary>
    /// How many readable keys a lookup by a deterministic column compares with in one statement: the generator writes
    /// this many copies of each lookup value (<c>ColumnProtection.LookupSlots</c>), and the two must agree.
    /// </summary>
    public const int LookupSlots = 3;

    /// <summary>
    /// Whether lookup slot <paramref name="slot"/> has a key: a generated lookup by a deterministic column compares the
    /// column with the value encrypted under each readable key (current first), so rows not yet re-encrypted are found
    /// too; a slot without a key holds a value no column stores.
    /// </summary>
    /// <exception cref="NeoGenException">The ring holds more readable keys than a lookup compares with.</exception>
    public static bool HasLookupKey(IColumnKeyProvider keys, int slot)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var readable = keys.Keys;
        if (readable.Count > LookupSlots)
        {
            throw new NeoGenException($"The key ring holds {readable.Count} readable keys, and a lookup by a deterministic-encrypted column compares with at most {LookupSlots} of them, so rows under the others would be missed. Run ReEncryptAsync on the tables that use the old keys and remove the keys no value is under.");
        }

        return slot < readable.Count;
    }

    /// <summary>The key of lookup slot <paramref name="slot"/>, which <see cref="HasLookupKey"/> said exists.</summary>
    public static ColumnKey LookupKey(IColumnKeyProvider keys, int slot)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Keys[slot];
    }

    private static ColumnKey Current(IColumnKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.CurrentKey ?? throw new InvalidOperationException($"The column key provider {keys.GetType().Name} has no current key.");
    }

    private static int Measure<TCodec, T>(T value, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        try
        {
            return TCodec.SizeOf(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"Column '{label.Column}' of table '{label.Table}': the string holds a lone surrogate, which has no UTF-8 encoding, so it cannot be stored encrypted unchanged.", nameof(value), e);
        }
    }

    private static byte[] Seal<TCodec, T>(ColumnKey key, T value, bool deterministic, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(label);
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), $"Column '{label.Column}' of table '{label.Table}': a null is stored as SQL NULL, not encrypted.");
        }

        var length = Measure<TCodec, T>(value, label);
        var stored = new byte[CiphertextFormat.Overhead(deterministic) + length];
        TCodec.Write(value, stored.AsSpan(CiphertextFormat.PayloadOffset(deterministic), length));
        ColumnCipher.Seal(key, deterministic, label, stored);
        return stored;
    }

    private static string SealText<TCodec, T>(ColumnKey key, T value, bool deterministic, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(label);
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), $"Column '{label.Column}' of table '{label.Table}': a null is stored as SQL NULL, not encrypted.");
        }

        var length = Measure<TCodec, T>(value, label);
        var total = CiphertextFormat.Overhead(deterministic) + length;
        byte[]? rented = null;
        Span<byte> buffer = total <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(total));
        buffer = buffer[..total];
        try
        {
            TCodec.Write(value, buffer.Slice(CiphertextFormat.PayloadOffset(deterministic), length));
            ColumnCipher.Seal(key, deterministic, label, buffer);
            return Convert.ToBase64String(buffer);
        }
        finally
        {
            // The plaintext sat in the buffer until sealing overwrote it; clear it in case sealing failed.
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static T Open<TCodec, T>(IColumnKeyProvider keys, byte[] stored, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(label);
        return Open<TCodec, T>(keys, stored.AsSpan(), label);
    }

    private static T Open<TCodec, T>(IColumnKeyProvider keys, ReadOnlySpan<byte> stored, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        byte[]? rented = null;
        Span<byte> plaintext = stored.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(stored.Length));
        try
        {
            var length = ColumnCipher.Open(keys, stored, label, plaintext, out var keyId);
            if (!TCodec.TryRead(plaintext[..length], out var value))
            {
                throw ColumnCipher.Undecodable(label, keyId, TCodec.TypeName, length);
            }

            return value;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext[..Math.Min(stored.Length, plaintext.Length)]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static T OpenText<TCodec, T>(IColumnKeyProvider keys, string stored, ColumnLabel label)
        where TCodec : IValueCodec<T>
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(label);
        var capacity = (stored.Length + 3) / 4 * 3;
        byte[]? rented = null;
        Span<byte> decoded = capacity <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(capacity));
        try
        {
            if (!Convert.TryFromBase64String(stored, decoded, out var written))
            {
                throw ColumnCipher.NotBase64(label);
            }

            return Open<TCodec, T>(keys, decoded[..written], label);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
