using System;
using System.Collections.Concurrent;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Planning;

/// <summary>
/// The inputs of the schema (every <c>[Table]</c> type and every <c>.sql</c> file), compared by value so the pipeline
/// caches on them; the composed schema of each dialect is built from them once, on first use, and is not part of
/// equality (it is derived).
/// </summary>
internal sealed class SchemaSnapshot : IEquatable<SchemaSnapshot>
{
    private readonly ConcurrentDictionary<SqlDialect, ComposedSchema> _composed = new();

    public SchemaSnapshot(EquatableArray<EntityModel> tables, EquatableArray<SchemaFile> files, SqlDialect undeclaredFileDialect)
    {
        Tables = tables;
        Files = files;
        UndeclaredFileDialect = undeclaredFileDialect;
    }

    public EquatableArray<EntityModel> Tables { get; }

    public EquatableArray<SchemaFile> Files { get; }

    /// <summary>The dialect of schema files that declare none: the one most repositories use.</summary>
    public SqlDialect UndeclaredFileDialect { get; }

    /// <summary>The schema the generator binds against for <paramref name="dialect"/>: the same one the analyzers build.</summary>
    public ComposedSchema For(SqlDialect dialect) => _composed.GetOrAdd(dialect, d =>
    {
        try
        {
            return SchemaComposer.Compose(Tables, Files, d, UndeclaredFileDialect);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The schema library promises not to throw; if it ever does, statements are checked without a schema.
            return ComposedSchema.Empty;
        }
    });

    public EntityModel? Table(string name)
    {
        foreach (var table in Tables)
        {
            if (string.Equals(table.Table, name, StringComparison.OrdinalIgnoreCase))
            {
                return table;
            }
        }

        return null;
    }

    public bool Equals(SchemaSnapshot? other) => other is not null && Tables.Equals(other.Tables) && Files.Equals(other.Files) && UndeclaredFileDialect == other.UndeclaredFileDialect;

    public override bool Equals(object? obj) => Equals(obj as SchemaSnapshot);

    public override int GetHashCode() => unchecked((((Tables.GetHashCode() * 397) ^ Files.GetHashCode()) * 397) ^ (int)UndeclaredFileDialect);
}
