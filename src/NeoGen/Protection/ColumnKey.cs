using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using NeoGen.Internal;

namespace NeoGen;

/// <summary>
/// One data key for encrypted columns: an id, written into every value it encrypts so that reads find it again after
/// a rotation, and 32 bytes of secret material. The ciphers' keys are derived from the material with HKDF-SHA-256
/// under distinct labels: a 32-byte AES-256-GCM key for randomized columns and a 64-byte AES-SIV key for
/// deterministic ones, so that no key is shared between the two algorithms.
/// </summary>
/// <remarks>
/// Thread-safe. The cipher objects the BCL offers are not, so each thread gets its own, created on its first use of
/// the key and kept: no key schedule runs per value. <see cref="ToString"/> shows the id only; the material is never
/// printed.
/// </remarks>
public sealed class ColumnKey
{
    /// <summary>The length of a data key's material, in bytes.</summary>
    public const int MaterialLength = 32;

    private const int GcmKeyLength = 32;
    private const int SivKeyLength = 64;

    private static readonly byte[] s_gcmInfo = Encoding.ASCII.GetBytes("NeoGen column key v1: AES-256-GCM");
    private static readonly byte[] s_sivInfo = Encoding.ASCII.GetBytes("NeoGen column key v1: AES-SIV-512");

    private readonly byte[] _material;
    private readonly byte[] _gcmKey = new byte[GcmKeyLength];
    private readonly byte[] _sivKey = new byte[SivKeyLength];
    private readonly ThreadLocal<AesGcm> _gcm;
    private readonly ThreadLocal<AesSiv> _siv;

    /// <summary>A data key with the given id and material.</summary>
    /// <param name="id">The key id, greater than zero; unique within a key ring.</param>
    /// <param name="material">Exactly <see cref="MaterialLength"/> secret random bytes; copied.</param>
    public ColumnKey(int id, ReadOnlySpan<byte> material)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        if (material.Length != MaterialLength)
        {
            throw new ArgumentException($"Column key {id}: the key material has {material.Length} bytes; a data key has exactly {MaterialLength}.", nameof(material));
        }

        Id = id;
        _material = material.ToArray();
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, _gcmKey, salt: default, s_gcmInfo);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, _sivKey, salt: default, s_sivInfo);
        _gcm = new ThreadLocal<AesGcm>(() => new AesGcm(_gcmKey, CiphertextFormat.TagLength));
        _siv = new ThreadLocal<AesSiv>(() => new AesSiv(_sivKey));
    }

    /// <summary>The key id, written into the header of every value this key encrypts.</summary>
    public int Id { get; }

    /// <summary>The secret material, for wrapping.</summary>
    internal ReadOnlySpan<byte> Material => _material;

    /// <summary>This thread's AES-256-GCM for randomized values.</summary>
    internal AesGcm Gcm => _gcm.Value!;

    /// <summary>This thread's AES-SIV for deterministic values.</summary>
    internal AesSiv Siv => _siv.Value!;

    /// <summary>A new data key with fresh random material.</summary>
    /// <param name="id">The key id, greater than zero.</param>
    public static ColumnKey Generate(int id)
    {
        Span<byte> material = stackalloc byte[MaterialLength];
        RandomNumberGenerator.Fill(material);
        try
        {
            return new ColumnKey(id, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>The key id only, never the material.</summary>
    public override string ToString() => $"ColumnKey {Id}";
}
