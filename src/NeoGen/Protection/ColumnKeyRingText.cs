using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;

namespace NeoGen.Internal;

/// <summary>
/// The unwrapped key ring text of <see cref="ColumnKeyRing.FromEnvironment"/>: <c>id:base64</c> entries separated by
/// <c>;</c>, the current one marked with a leading <c>*</c>. Errors say which entry is wrong and never echo material.
/// </summary>
internal static class ColumnKeyRingText
{
    /// <summary>The marked current key id (null when one key and no mark) and the keys.</summary>
    /// <exception cref="FormatException">The text is malformed.</exception>
    public static (int? Current, ColumnKey[] Keys) Parse(string text, string source)
    {
        var keys = new List<ColumnKey>();
        int? current = null;
        var entries = text.Split(';');
        Span<byte> material = stackalloc byte[ColumnKey.MaterialLength + 3];
        try
        {
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i].AsSpan().Trim();
                if (entry.IsEmpty)
                {
                    if (i == entries.Length - 1)
                    {
                        continue;
                    }

                    throw Malformed(source, i, "is empty");
                }

                var marked = entry[0] == '*';
                if (marked)
                {
                    entry = entry[1..].TrimStart();
                }

                var colon = entry.IndexOf(':');
                if (colon < 0)
                {
                    throw Malformed(source, i, "has no ':' between the key id and the material");
                }

                if (!int.TryParse(entry[..colon].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                {
                    throw Malformed(source, i, "does not start with a positive integer key id");
                }

                if (!Convert.TryFromBase64Chars(entry[(colon + 1)..].Trim(), material, out var length) || length != ColumnKey.MaterialLength)
                {
                    throw Malformed(source, i, $"(key {id}) does not hold {ColumnKey.MaterialLength} bytes of key material in base64");
                }

                if (keys.Exists(k => k.Id == id))
                {
                    throw Malformed(source, i, $"repeats key id {id}");
                }

                if (marked)
                {
                    if (current is { } other)
                    {
                        throw Malformed(source, i, $"marks key {id} as current, but key {other} is already marked; mark one key with '*'");
                    }

                    current = id;
                }

                keys.Add(new ColumnKey(id, material[..ColumnKey.MaterialLength]));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }

        if (keys.Count == 0)
        {
            throw new FormatException($"{source} holds no column keys; it should hold id:base64 entries separated by ';'.");
        }

        if (current is null && keys.Count > 1)
        {
            throw new FormatException($"{source} holds {keys.Count} column keys but marks none as current; put '*' before the current key's id.");
        }

        return (current, keys.ToArray());
    }

    private static FormatException Malformed(string source, int index, string problem)
        => new($"{source}: entry {index + 1} {problem}. Entries are id:base64, separated by ';', the current one marked with '*'.");
}
