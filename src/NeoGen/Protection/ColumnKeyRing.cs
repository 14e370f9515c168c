using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Security.Cryptography;

namespace NeoGen;

/// <summary>
/// An immutable set of data keys: one current key that encrypts new values, and older keys that still decrypt the
/// values written under them. Changing a ring (<see cref="AddKey"/>, <see cref="WithCurrentKey"/>,
/// <see cref="RemoveKey"/>) returns a new ring, so a ring in use never changes under a running query.
/// </summary>
/// <remarks>
/// <para>
/// Rotating a data key: add a key (it becomes current, or with <c>AddKey(makeCurrent: false)</c> is first deployed
/// only for reading, so that every instance can read its values before any instance writes them); new writes use it
/// while old values stay readable; re-encrypt the old rows (<c>ColumnEncryption.Reencrypt</c>, finding them with
/// <c>ColumnEncryption.IsUnderCurrentKey</c>); then remove the old key.
/// </para>
/// <para>
/// Rotating the key-encryption key touches no row: load with the old KEK, then <see cref="SaveFile"/> (or
/// <see cref="Wrap"/>) with the new one. The data keys, and so every stored value, stay the same.
/// </para>
/// </remarks>
public sealed class ColumnKeyRing : IColumnKeyProvider
{
    // The current key first, then the others by descending id (newest first, the likeliest to be needed).
    private readonly ColumnKey[] _keys;

    private ColumnKeyRing(ColumnKey current, IEnumerable<ColumnKey> others)
    {
        _keys = others.Where(k => !ReferenceEquals(k, current)).OrderByDescending(k => k.Id).Prepend(current).ToArray();
    }

    /// <inheritdoc/>
    public ColumnKey CurrentKey => _keys[0];

    /// <inheritdoc/>
    public IReadOnlyList<ColumnKey> Keys => _keys;

    /// <summary>A ring of <paramref name="keys"/> whose current key is the one with the highest id.</summary>
    /// <param name="keys">At least one key; ids must be distinct.</param>
    public static ColumnKeyRing Create(params ColumnKey[] keys)
    {
        Validate(keys);
        return Create(keys.Max(k => k.Id), keys);
    }

    /// <summary>A ring of <paramref name="keys"/> whose current key is <paramref name="currentKeyId"/>.</summary>
    /// <param name="currentKeyId">The id of the key that encrypts new values; one of <paramref name="keys"/>.</param>
    /// <param name="keys">At least one key; ids must be distinct.</param>
    public static ColumnKeyRing Create(int currentKeyId, params ColumnKey[] keys)
    {
        Validate(keys);
        var current = keys.FirstOrDefault(k => k.Id == currentKeyId)
            ?? throw new ArgumentException($"The current key id {currentKeyId} is not among the keys ({string.Join(", ", keys.Select(k => k.Id))}).", nameof(currentKeyId));
        return new ColumnKeyRing(current, keys);
    }

    /// <summary>A ring from wrapped data keys, unwrapping each with <paramref name="kek"/>.</summary>
    /// <param name="kek">The key-encryption key that wrapped them.</param>
    /// <param name="keys">The wrapped keys.</param>
    /// <param name="currentKeyId">The id of the key that encrypts new values.</param>
    /// <exception cref="CryptographicException">A key was wrapped by another KEK, or does not unwrap.</exception>
    public static ColumnKeyRing Unwrap(IKeyEncryptionKey kek, IEnumerable<WrappedColumnKey> keys, int currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(kek);
        ArgumentNullException.ThrowIfNull(keys);
        var unwrapped = new List<ColumnKey>();
        foreach (var wrapped in keys)
        {
            ArgumentNullException.ThrowIfNull(wrapped, nameof(keys));
            if (!string.Equals(wrapped.KekId, kek.Id, StringComparison.Ordinal))
            {
                throw new CryptographicException($"Data key {wrapped.Id} was wrapped by key-encryption key '{wrapped.KekId}', but the key-encryption key given is '{kek.Id}'.");
            }

            var material = kek.UnwrapKey(wrapped.Id, wrapped.Wrapped);
            try
            {
                if (material.Length != ColumnKey.MaterialLength)
                {
                    throw new CryptographicException($"Data key {wrapped.Id} unwrapped to {material.Length} bytes; a data key has {ColumnKey.MaterialLength}.");
                }

                unwrapped.Add(new ColumnKey(wrapped.Id, material));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(material);
            }
        }

        return Create(currentKeyId, unwrapped.ToArray());
    }

    /// <summary>
    /// The ring in a key ring file (see <see cref="SaveFile"/>), unwrapping its keys with <paramref name="kek"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="kek">The key-encryption key the file was saved with.</param>
    /// <exception cref="System.IO.InvalidDataException">The file is not a key ring file.</exception>
    /// <exception cref="CryptographicException">The file was saved with another KEK, or a key does not unwrap.</exception>
    public static ColumnKeyRing FromFile(string path, IKeyEncryptionKey kek)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(kek);
        var (kekId, current, keys) = Internal.ColumnKeyRingFile.Read(path);
        if (!string.Equals(kekId, kek.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException($"The key ring file '{path}' was saved with key-encryption key '{kekId}', but the key-encryption key given is '{kek.Id}'.");
        }

        return Unwrap(kek, keys, current);
    }

    /// <summary>
    /// The ring in environment variable <paramref name="variable"/>, holding the data keys unwrapped:
    /// <c>id:base64;id:base64</c>, each entry a key id and its 32 bytes of material in base64, the current key marked
    /// with a leading <c>*</c>, as in <c>1:q83v…=;*2:Xk9a…=</c>. Whitespace around entries and a trailing <c>;</c>
    /// are allowed. With one key the mark may be left out; with several it is required, so that adding a key never
    /// makes it current by accident. A key's material can be made with <c>openssl rand -base64 32</c>.
    /// </summary>
    /// <param name="variable">The variable's name.</param>
    /// <remarks>The variable holds secrets in clear: prefer a key ring file wrapped by a KEK where the platform allows.</remarks>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    /// <exception cref="FormatException">The value is malformed; the message says where, without echoing key material.</exception>
    public static ColumnKeyRing FromEnvironment(string variable = "NEOGEN_COLUMN_KEYS")
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"The environment variable {variable} is not set; it should hold the column keys as id:base64 entries separated by ';', the current one marked with '*'.");
        }

        var (current, keys) = Internal.ColumnKeyRingText.Parse(value, variable);
        return current is { } id ? Create(id, keys) : Create(keys);
    }

    /// <inheritdoc/>
    public bool TryGetKey(int keyId, [MaybeNullWhen(false)] out ColumnKey key)
    {
        foreach (var candidate in _keys)
        {
            if (candidate.Id == keyId)
            {
                key = candidate;
                return true;
            }
        }

        key = null;
        return false;
    }

    /// <summary>A new ring with a newly generated key, whose id is one more than the highest.</summary>
    /// <param name="makeCurrent">
    /// Whether the new key becomes current (the default). With false it is only readable, for deploying it to every
    /// reader before <see cref="WithCurrentKey"/> makes it current.
    /// </param>
    public ColumnKeyRing AddKey(bool makeCurrent = true)
    {
        var highest = _keys.Max(k => k.Id);
        if (highest == int.MaxValue)
        {
            throw new InvalidOperationException("The key ring already uses the highest possible key id.");
        }

        var added = ColumnKey.Generate(highest + 1);
        return new ColumnKeyRing(makeCurrent ? added : CurrentKey, _keys.Append(added));
    }

    /// <summary>A new ring with the same keys whose current key is <paramref name="keyId"/>.</summary>
    /// <param name="keyId">One of the ring's key ids.</param>
    public ColumnKeyRing WithCurrentKey(int keyId)
    {
        if (!TryGetKey(keyId, out var key))
        {
            throw new ArgumentException($"Key {keyId} is not in the ring ({Ids()}).", nameof(keyId));
        }

        return new ColumnKeyRing(key, _keys);
    }

    /// <summary>
    /// A new ring without key <paramref name="keyId"/>. Values still under it become unreadable, so re-encrypt them
    /// first.
    /// </summary>
    /// <param name="keyId">A key id other than the current one.</param>
    /// <exception cref="InvalidOperationException">It is the current key.</exception>
    /// <exception cref="ArgumentException">No such key is in the ring.</exception>
    public ColumnKeyRing RemoveKey(int keyId)
    {
        if (keyId == CurrentKey.Id)
        {
            throw new InvalidOperationException($"Key {keyId} is the current key and cannot be removed; make another key current first.");
        }

        if (!TryGetKey(keyId, out var removed))
        {
            throw new ArgumentException($"Key {keyId} is not in the ring ({Ids()}).", nameof(keyId));
        }

        return new ColumnKeyRing(CurrentKey, _keys.Where(k => !ReferenceEquals(k, removed)));
    }

    /// <summary>Every key wrapped by <paramref name="kek"/>, the current one first, for storing.</summary>
    /// <param name="kek">The key-encryption key.</param>
    public IReadOnlyList<WrappedColumnKey> Wrap(IKeyEncryptionKey kek)
    {
        ArgumentNullException.ThrowIfNull(kek);
        return _keys.Select(k => new WrappedColumnKey(k.Id, kek.Id, kek.WrapKey(k.Id, k.Material))).ToArray();
    }

    /// <summary>
    /// Saves the ring to <paramref name="path"/> wrapped by <paramref name="kek"/>, as the JSON document
    /// <c>{ "kek": "…", "current": 2, "keys": [ { "id": 1, "wrapped": "base64" } ] }</c>. The file is written next to
    /// its destination and then moved over it, so a reader sees the old file or the new one, never half of one; on
    /// Unix it is created readable by the owner only.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="kek">The key-encryption key.</param>
    public void SaveFile(string path, IKeyEncryptionKey kek)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(kek);
        Internal.ColumnKeyRingFile.Write(path, kek.Id, CurrentKey.Id, Wrap(kek));
    }

    /// <summary>The key ids, never their material.</summary>
    public override string ToString() => $"ColumnKeyRing (current key {CurrentKey.Id}; keys {Ids()})";

    private string Ids() => string.Join(", ", _keys.Select(k => k.Id));

    private static void Validate(ColumnKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            throw new ArgumentException("A key ring needs at least one key.", nameof(keys));
        }

        var ids = new HashSet<int>();
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            if (!ids.Add(key.Id))
            {
                throw new ArgumentException($"Key id {key.Id} appears more than once in the ring.", nameof(keys));
            }
        }
    }
}
