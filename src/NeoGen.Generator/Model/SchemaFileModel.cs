using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NeoGen.Generator.Common;
using NeoGen.Sql;
using NeoGen.Sql.Schema;

namespace NeoGen.Generator.Model;

/// <summary>A column of a table declared in a <c>.sql</c> schema file.</summary>
public sealed record SchemaFileColumn(string Name, bool IsNullable);

/// <summary>A table (or view) declared in the project's <c>.sql</c> schema files, with its columns in order.</summary>
public sealed record SchemaFileTable(string Name, EquatableArray<SchemaFileColumn> Columns);

/// <summary>
/// The tables of the <c>.sql</c> files passed as AdditionalFiles, applied in file-name order like migrations, read
/// once per dialect (the same file can mean different things in each). Lets <c>SELECT *</c> over a table with no
/// <c>[Table]</c> type be expanded and mapped at compile time.
/// </summary>
public sealed record SchemaFileTables(EquatableArray<EquatableArray<SchemaFileTable>> ByDialect)
{
    public static readonly SchemaFileTables Empty = new(EquatableArray<EquatableArray<SchemaFileTable>>.Empty);

    public EquatableArray<SchemaFileTable> For(int dialect)
        => dialect >= 0 && dialect < ByDialect.Count ? ByDialect[dialect] : EquatableArray<SchemaFileTable>.Empty;

    /// <summary>Builds the model; a file that does not parse contributes what it can (the analyzers report its errors, NG1002).</summary>
    public static SchemaFileTables Build(IEnumerable<(string FileName, string Text)> files, CancellationToken cancellationToken)
    {
        var ordered = files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return Empty;
        }

        var byDialect = new List<EquatableArray<SchemaFileTable>>();
        for (var dialect = 0; dialect < 4; dialect++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var builder = new SqlSchemaBuilder();
            foreach (var file in ordered)
            {
                builder.Apply(file.Text, (SqlDialect)dialect);
            }

            byDialect.Add(builder.Build().Tables
                .Where(t => !t.HasUnknownColumns && t.Columns.Count > 0)
                .Select(t => new SchemaFileTable(t.Name, t.Columns.Select(c => new SchemaFileColumn(c.Name, c.IsNullable)).ToEquatableArray()))
                .ToEquatableArray());
        }

        return new SchemaFileTables(byDialect.ToEquatableArray());
    }
}
