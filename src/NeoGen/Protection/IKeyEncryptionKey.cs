using System;

namespace NeoGen;

/// <summary>
/// A key-encryption key (KEK): wraps data keys so that they can be stored, and unwraps them when a key ring is
/// loaded. Data keys encrypt column values; the KEK only ever encrypts data keys, so rotating it rewraps a few keys
/// and touches no row. <see cref="LocalKeyEncryptionKey"/> is a local AES-256-GCM KEK; a cloud KMS (AWS KMS, Azure
/// Key Vault, Google Cloud KMS, HashiCorp Vault transit) plugs in by implementing this interface with its
/// encrypt/decrypt or wrap/unwrap calls.
/// </summary>
/// <remarks>
/// <para>
/// An implementation must authenticate what it wraps and bind it to the data key id (for example as additional
/// authenticated data or an encryption context), so that a wrapped key cannot be altered or presented under another
/// id unnoticed.
/// </para>
/// <para>The methods are called only when a ring is loaded or saved, never per value.</para>
/// </remarks>
public interface IKeyEncryptionKey
{
    /// <summary>
    /// A stable name for this KEK, recorded next to every key it wraps (a KMS key ARN or URI with its version, or a
    /// fingerprint), so that loading with another KEK fails with a clear message instead of a bare decryption error.
    /// </summary>
    string Id { get; }

    /// <summary>Encrypts and authenticates the material of data key <paramref name="keyId"/>.</summary>
    /// <param name="keyId">The data key id, to be bound to the result.</param>
    /// <param name="material">The data key material, <see cref="ColumnKey.MaterialLength"/> bytes.</param>
    /// <returns>An opaque wrapped key that only <see cref="UnwrapKey"/> with the same KEK and id can open.</returns>
    byte[] WrapKey(int keyId, ReadOnlySpan<byte> material);

    /// <summary>Decrypts a key <see cref="WrapKey"/> wrapped for <paramref name="keyId"/>.</summary>
    /// <param name="keyId">The data key id the key was wrapped for.</param>
    /// <param name="wrapped">The wrapped key.</param>
    /// <returns>The data key material.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The wrapped key was not made by this KEK for this id, or was altered.
    /// </exception>
    byte[] UnwrapKey(int keyId, ReadOnlySpan<byte> wrapped);
}
