using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NeoGen.Sql;
using NeoGen.Sql.Schema;

// Linked into the generator and the analyzers: the one way the schema is built from [Table] types and .sql files, so
// the generator binds and the analyzers check against the same tables.
namespace NeoGen.Shared;

/// <summary>A <c>.sql</c> file passed as AdditionalFiles, and the dialects it declares (<see cref="SchemaFileDialects.Of"/>; 0 for none).</summary>
internal sealed record SchemaFile(string Path, string Text, int Dialects = 0)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>A difference between a <c>[Table]</c> type and the table the schema files give (NG2010).</summary>
internal sealed record SchemaDrift(string Table, string TypeDisplayName, string? Member, string Message);

/// <summary>The composed schema of one dialect, with what disagreed and what the files got wrong.</summary>
internal sealed class ComposedSchema
{
    public ComposedSchema(SqlSchema schema, IReadOnlyList<SchemaDrift> drifts, IReadOnlyDictionary<string, IReadOnlyList<SqlError>> fileErrors, bool hasFiles)
    {
        Schema = schema;
        Drifts = drifts;
        FileErrors = fileErrors;
        HasFiles = hasFiles;
    }

    public static ComposedSchema Empty { get; } = new(SqlSchema.Empty, Array.Empty<SchemaDrift>(), new Dictionary<string, IReadOnlyList<SqlError>>(), false);

    public SqlSchema Schema { get; }

    public IReadOnlyList<SchemaDrift> Drifts { get; }

    /// <summary>Errors of each schema file, by path (NG1002 in the file).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SqlError>> FileErrors { get; }

    /// <summary>At least one <c>.sql</c> file describes this dialect's database.</summary>
    public bool HasFiles { get; }
}

/// <summary>
/// Builds the schema: every <c>[Table]</c> type's table, then the <c>.sql</c> files applied in file-name order like
/// migrations. A table a file creates is the file's (after every later ALTER); a table only a type declares is the
/// type's, and a file's ALTER applies to it. Each type is then compared with the table the files leave: a column the
/// type maps that the table lacks, a type or nullability the two disagree on, a NOT NULL column the type cannot fill.
/// </summary>
internal static class SchemaComposer
{
    /// <param name="entities">Every <c>[Table]</c> type of the compilation.</param>
    /// <param name="files">Every schema file; only those of <paramref name="dialect"/> are applied.</param>
    /// <param name="dialect">The database whose schema this is.</param>
    /// <param name="undeclaredFileDialect">The dialect of files that declare none (<see cref="SchemaFileDialects.Majority"/>).</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    public static ComposedSchema Compose(IEnumerable<EntityModel> entities, IEnumerable<SchemaFile> files, SqlDialect dialect, SqlDialect undeclaredFileDialect, CancellationToken cancellationToken = default)
    {
        var tables = entities.Where(e => e.IsTable).GroupBy(e => e.Table!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var ordered = files.Where(f => SchemaFileDialects.Describes(f.Dialects, dialect, undeclaredFileDialect)).OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var name in SqlSchemaBuilder.TablesCreatedBy(file.Text, dialect))
            {
                created.Add(name);
            }
        }

        var builder = new SqlSchemaBuilder();
        foreach (var entity in tables.Where(t => !created.Contains(t.Table!)))
        {
            AddType(builder, entity);
        }

        var fileErrors = new Dictionary<string, IReadOnlyList<SqlError>>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var errors = builder.Apply(file.Text, dialect);
            if (errors.Count > 0)
            {
                fileErrors[file.Path] = errors;
            }
        }

        var drifts = new List<SchemaDrift>();
        if (ordered.Count > 0)
        {
            var schema = builder.Build();
            var fileNames = ordered.Count == 1 ? ordered[0].FileName : $"{ordered.Count} schema files";
            foreach (var entity in tables)
            {
                Compare(entity, schema.FindTable(entity.Table, entity.Schema), created.Contains(entity.Table!), dialect, fileNames, drifts);
            }

            // What the types say about indexes and foreign keys still holds for a table a file created.
            foreach (var entity in tables.Where(t => created.Contains(t.Table!)))
            {
                foreach (var index in entity.Indexes)
                {
                    builder.AddIndex(entity.Table!, new SqlIndexSpec(index.Columns.ToList(), index.Unique, index.Name), entity.Schema);
                }

                foreach (var foreignKey in entity.ForeignKeys)
                {
                    builder.AddForeignKey(entity.Table!, new SqlForeignKeySpec(new[] { foreignKey.Column }, foreignKey.PrincipalTable), entity.Schema);
                }

                builder.AddProtection(entity.Table!, Encrypted(entity), entity.TenantKey?.Column, entity.Schema);
            }
        }

        return new ComposedSchema(builder.Build(), drifts, fileErrors, ordered.Count > 0);
    }

    /// <summary>The table a <c>[Table]</c> type declares, as the schema builder takes it.</summary>
    public static void AddType(SqlSchemaBuilder builder, EntityModel entity)
    {
        var columns = entity.Members.Select(m => new SqlColumnSpec(m.Column, ColumnTypes.Category(m.Type), m.Type.IsNullable, m.IsKey, m.IsGenerated)
        {
            // citext: what a parameter compared with the column is cast to on PostgreSQL (a migration's citext column too).
            DeclaredType = m.Type.CaseInsensitive ? "citext" : m.Type.DisplayName,
            ElementType = ColumnTypes.ElementCategory(m.Type),
            Encryption = EncryptionOf(m.Type),
            EncryptedFrom = m.Type.Protection?.Clear.Kind.ToString(),
            EnumTypeName = m.Type.NativeEnum,
            EnumValues = m.Type.NativeEnum is null ? null : m.Type.EnumMembers.ToList(),
        });
        var indexes = entity.Indexes.Select(i => new SqlIndexSpec(i.Columns.ToList(), i.Unique, i.Name));
        var foreignKeys = entity.ForeignKeys.Select(f => new SqlForeignKeySpec(new[] { f.Column }, f.PrincipalTable));
        builder.AddTable(entity.Table!, columns, indexes, foreignKeys, entity.Schema, entity.TenantKey?.Column);
    }

    private static string EncryptedStorageHint(ScalarType type) => type.Protection switch
    {
        null => string.Empty,
        { AsText: true } => "; an encrypted value stored as text is base64: make the column text, or drop StoreAsText to store bytes",
        _ => "; an encrypted value is stored as bytes: make the column binary (BLOB, bytea, varbinary), or declare [Encrypted(StoreAsText = true)] to store base64 text",
    };

    private static SqlColumnEncryption EncryptionOf(ScalarType type)
        => type.Protection is null ? SqlColumnEncryption.None : type.Protection.Deterministic ? SqlColumnEncryption.Deterministic : SqlColumnEncryption.Randomized;

    private static IEnumerable<(string Column, SqlColumnEncryption Encryption, string? From)> Encrypted(EntityModel entity)
        => entity.Members.Where(m => m.Type.IsEncrypted).Select(m => (m.Column, EncryptionOf(m.Type), (string?)m.Type.Protection!.Clear.Kind.ToString()));

    private static void Compare(EntityModel entity, SqlSchemaTable? table, bool createdByFile, SqlDialect dialect, string files, List<SchemaDrift> drifts)
    {
        var name = entity.Table!;
        if (table == null)
        {
            drifts.Add(new SchemaDrift(name, entity.DisplayName, null,
                $"{entity.DisplayName} maps to table '{name}', which the {files} {(createdByFile ? "create and then drop or rename" : "drop or rename")}; update [Table] or the migration"));
            return;
        }

        if (table.HasUnknownColumns)
        {
            return;
        }

        foreach (var member in entity.Members)
        {
            var column = table.FindColumn(member.Column);
            if (column == null)
            {
                var closest = SqlNames.Closest(member.Column, table.Columns.Where(c => entity.MemberForColumn(c.Name) == null).Select(c => c.Name));
                var hint = closest == null ? string.Empty : $" (it has '{closest}')";
                drifts.Add(new SchemaDrift(name, entity.DisplayName, member.Name,
                    $"{entity.DisplayName}.{member.Name} maps to column '{member.Column}', which table '{name}' does not have after the {files}{hint}; rename the member's [Column] or fix the migration"));
                continue;
            }

            if (!ColumnTypes.CanRead(dialect, column.Type, column.ElementType, member.Type) || !ColumnTypes.CanBind(dialect, member.Type.WithNullable(false), column.Type, column.ElementType))
            {
                drifts.Add(new SchemaDrift(name, entity.DisplayName, member.Name,
                    $"{entity.DisplayName}.{member.Name} is {member.Type.DisplayName} but column '{name}.{column.Name}' is {column.DeclaredType ?? ColumnTypes.Describe(column.Type, column.ElementType)} in the {files}{EncryptedStorageHint(member.Type)}"));
            }

            if (column.IsNullable && !member.Type.IsNullable && !column.IsPrimaryKey)
            {
                drifts.Add(new SchemaDrift(name, entity.DisplayName, member.Name,
                    $"Column '{name}.{column.Name}' allows NULL in the {files} but {entity.DisplayName}.{member.Name} is not nullable: a NULL fails when read; declare it {member.Type.DisplayName}? or the column NOT NULL"));
            }
            else if (!column.IsNullable && member.Type.IsNullable && !member.IsGenerated && !column.HasDefault)
            {
                drifts.Add(new SchemaDrift(name, entity.DisplayName, member.Name,
                    $"{entity.DisplayName}.{member.Name} is nullable but column '{name}.{column.Name}' is NOT NULL in the {files}: writing null fails; make the member non-nullable or the column nullable"));
            }
        }

        foreach (var column in table.Columns)
        {
            if (column.IsRequiredOnInsert && entity.MemberForColumn(column.Name) == null)
            {
                drifts.Add(new SchemaDrift(name, entity.DisplayName, null,
                    $"Table '{name}' has a NOT NULL column '{column.Name}' without a default in the {files}, which {entity.DisplayName} does not map: its inserts fail; map the column or give it a default"));
            }
        }
    }
}
