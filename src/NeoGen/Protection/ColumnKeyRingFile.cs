using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeoGen.Internal;

/// <summary>
/// The key ring file: <c>{ "kek": "…", "current": 2, "keys": [ { "id": 1, "wrapped": "base64" } ] }</c>, read and
/// written with source-generated System.Text.Json metadata, so it stays trim- and AOT-safe.
/// </summary>
internal static class ColumnKeyRingFile
{
    /// <summary>The file's KEK id, current key id and wrapped keys.</summary>
    /// <exception cref="InvalidDataException">The file is not a key ring file.</exception>
    public static (string KekId, int Current, IReadOnlyList<WrappedColumnKey> Keys) Read(string path)
    {
        KeyRingDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, KeyRingJsonContext.Default.KeyRingDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a NeoGen key ring file: {e.Message}", e);
        }

        if (document is null || string.IsNullOrEmpty(document.Kek) || document.Current <= 0 || document.Keys is not { Count: > 0 } entries)
        {
            throw new InvalidDataException($"'{path}' is not a NeoGen key ring file: it needs \"kek\", a positive \"current\" and a non-empty \"keys\".");
        }

        var keys = new List<WrappedColumnKey>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { Id: > 0, Wrapped: { Length: > 0 } wrapped } entry)
            {
                throw new InvalidDataException($"'{path}': key entry {i + 1} needs a positive \"id\" and a base64 \"wrapped\".");
            }

            if (keys.Exists(k => k.Id == entry.Id))
            {
                throw new InvalidDataException($"'{path}': key id {entry.Id} appears more than once.");
            }

            keys.Add(new WrappedColumnKey(entry.Id, document.Kek, wrapped));
        }

        if (!keys.Exists(k => k.Id == document.Current))
        {
            throw new InvalidDataException($"'{path}': the current key {document.Current} is not among its keys ({string.Join(", ", keys.Select(k => k.Id))}).");
        }

        return (document.Kek, document.Current, keys);
    }

    /// <summary>Writes the file to a temporary file beside <paramref name="path"/>, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, string kekId, int current, IReadOnlyList<WrappedColumnKey> keys)
    {
        var document = new KeyRingDocument
        {
            Kek = kekId,
            Current = current,
            Keys = keys.Select(k => new KeyRingEntry { Id = k.Id, Wrapped = k.Wrapped }).ToList(),
        };

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Wrapped keys are encrypted, but nobody else needs to read even those.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, document, KeyRingJsonContext.Default.KeyRingDocument);

                // On disk before the rename, or a crash could leave the new name pointing at an empty file.
                stream.Flush(flushToDisk: true);
            }

            // A rename within one directory replaces the destination atomically.
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // The failure that stopped the save is the one to report; a leftover temporary file is harmless.
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            throw;
        }
    }
}

/// <summary>The key ring file's document.</summary>
internal sealed class KeyRingDocument
{
    /// <summary>The id of the KEK that wrapped every key.</summary>
    [JsonPropertyName("kek")]
    public string? Kek { get; set; }

    /// <summary>The current key id.</summary>
    [JsonPropertyName("current")]
    public int Current { get; set; }

    /// <summary>The wrapped keys.</summary>
    [JsonPropertyName("keys")]
    public List<KeyRingEntry>? Keys { get; set; }
}

/// <summary>One wrapped key in the file.</summary>
internal sealed class KeyRingEntry
{
    /// <summary>The data key id.</summary>
    [JsonPropertyName("id")]
    public int Id { get; set; }

    /// <summary>The wrapped material, base64 in JSON.</summary>
    [JsonPropertyName("wrapped")]
    public byte[]? Wrapped { get; set; }
}

/// <summary>Source-generated serialization metadata for the key ring file.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(KeyRingDocument))]
internal sealed partial class KeyRingJsonContext : JsonSerializerContext
{
}
