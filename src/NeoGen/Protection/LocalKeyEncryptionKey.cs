using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NeoGen;

/// <summary>
/// A key-encryption key held locally: 32 bytes wrapping data keys with AES-256-GCM. Each wrap uses a fresh random
/// nonce and authenticates the data key id and this KEK's id as associated data, so a wrapped key cannot be swapped
/// to another id or opened under another KEK. Wrapped layout: version (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
/// </summary>
/// <remarks>
/// Suited to development, tests and deployments whose secret store hands the process one secret; with a cloud KMS
/// implement <see cref="IKeyEncryptionKey"/> over it instead, so the KEK never leaves the KMS.
/// </remarks>
public sealed class LocalKeyEncryptionKey : IKeyEncryptionKey
{
    /// <summary>The length of the KEK, in bytes.</summary>
    public const int KeyLength = 32;

    private const byte WrapVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private static readonly byte[] s_fingerprintLabel = Encoding.ASCII.GetBytes("NeoGen local KEK id v1");

    private readonly byte[] _key;

    /// <summary>A KEK from 32 bytes of secret material.</summary>
    /// <param name="key">Exactly <see cref="KeyLength"/> random bytes; copied.</param>
    /// <param name="id">
    /// The id recorded with wrapped keys; by default <c>local:</c> and a fingerprint of the key (the first 8 bytes of
    /// an HMAC-SHA-256 of a fixed label, in hex), which names the key without revealing it and stays the same
    /// whichever way the key reaches the process.
    /// </param>
    public LocalKeyEncryptionKey(ReadOnlySpan<byte> key, string? id = null)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A local key-encryption key has exactly {KeyLength} bytes, not {key.Length}.", nameof(key));
        }

        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A key-encryption key id cannot be blank.", nameof(id));
        }

        _key = key.ToArray();
        Id = id ?? Fingerprint(_key);
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>A new KEK with fresh random material.</summary>
    /// <param name="id">The id to record with wrapped keys; by default a fingerprint of the key.</param>
    public static LocalKeyEncryptionKey Generate(string? id = null)
    {
        Span<byte> key = stackalloc byte[KeyLength];
        RandomNumberGenerator.Fill(key);
        try
        {
            return new LocalKeyEncryptionKey(key, id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The KEK in environment variable <paramref name="variable"/>: the 32 bytes in base64.</summary>
    /// <param name="variable">The variable's name.</param>
    /// <param name="id">The id to record with wrapped keys; by default a fingerprint of the key.</param>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    /// <exception cref="FormatException">The value is not base64 for exactly 32 bytes.</exception>
    public static LocalKeyEncryptionKey FromEnvironment(string variable, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"The environment variable {variable} is not set; it should hold the key-encryption key, {KeyLength} bytes in base64.");
        }

        Span<byte> key = stackalloc byte[KeyLength + 3];
        try
        {
            // One more byte of room than needed, so that a longer value fails the length check rather than the decoder.
            if (!Convert.TryFromBase64String(value.Trim(), key, out var length) || length != KeyLength)
            {
                throw new FormatException($"The environment variable {variable} does not hold a key-encryption key: it should be {KeyLength} bytes in base64 ({(KeyLength + 2) / 3 * 4} characters with the padding).");
            }

            return new LocalKeyEncryptionKey(key[..KeyLength], id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <inheritdoc/>
    public byte[] WrapKey(int keyId, ReadOnlySpan<byte> material)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyId);
        var wrapped = new byte[1 + NonceLength + material.Length + TagLength];
        wrapped[0] = WrapVersion;
        var nonce = wrapped.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        var associatedData = AssociatedData(keyId);
        using var gcm = new AesGcm(_key, TagLength);
        gcm.Encrypt(nonce, material, wrapped.AsSpan(1 + NonceLength, material.Length), wrapped.AsSpan(wrapped.Length - TagLength), associatedData);
        return wrapped;
    }

    /// <inheritdoc/>
    public byte[] UnwrapKey(int keyId, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length < 1 + NonceLength + TagLength || wrapped[0] != WrapVersion)
        {
            throw new CryptographicException($"Data key {keyId}: the wrapped key is not one a local key-encryption key made ({wrapped.Length} bytes).");
        }

        var material = new byte[wrapped.Length - 1 - NonceLength - TagLength];
        var associatedData = AssociatedData(keyId);
        using var gcm = new AesGcm(_key, TagLength);
        try
        {
            gcm.Decrypt(wrapped.Slice(1, NonceLength), wrapped.Slice(1 + NonceLength, material.Length), wrapped[^TagLength..], material, associatedData);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"Data key {keyId} could not be unwrapped with key-encryption key '{Id}': it is not the KEK that wrapped it, or the wrapped key was altered or belongs to another key id.", e);
        }

        return material;
    }

    /// <summary>The id only, never the key.</summary>
    public override string ToString() => $"LocalKeyEncryptionKey {Id}";

    // version ‖ data key id (int32 big-endian) ‖ this KEK's id (UTF-8).
    private byte[] AssociatedData(int keyId)
    {
        var data = new byte[1 + 4 + Encoding.UTF8.GetByteCount(Id)];
        data[0] = WrapVersion;
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(1), keyId);
        Encoding.UTF8.GetBytes(Id, data.AsSpan(5));
        return data;
    }

    private static string Fingerprint(byte[] key)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, s_fingerprintLabel, mac);
        return "local:" + Convert.ToHexString(mac[..8]).ToLowerInvariant();
    }
}
