using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Model;
using NeoGen.Generator.Parsing;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Schema;

namespace NeoGen.Generator.Planning;

/// <summary>
/// Checks a method's SQL against its signature and the declared schema, and prepares it for one dialect:
/// parameters rewritten for the provider, result columns mapped to members by ordinal.
/// </summary>
internal static class QueryPlanner
{
    public static PlannedMethod Plan(MethodModel method, int dialect, ImmutableArray<EntityModel> tables, EquatableArray<SchemaFileTable> schemaTables, EntityModel? repositoryEntity, List<DiagnosticInfo> diagnostics)
    {
        var planned = new PlannedMethod(method);
        var sql = method.Sql ?? string.Empty;
        var sqlDialect = (SqlDialect)dialect;
        SqlDescription description;
        try
        {
            description = SqlDescriber.Describe(sql, sqlDialect);
        }
        catch (Exception exception)
        {
            // The describer promises not to throw; if it ever does, the user gets a diagnostic, not CS8785.
            description = new SqlDescription(SqlStatementKind.Unknown, 1, new[] { new SqlError("internal SQL parser error: " + exception.Message, 0, sql.Length) }, Array.Empty<SqlParameterUse>(), Array.Empty<SqlResultColumn>(), Array.Empty<SqlTableReference>(), null);
        }

        planned.Table = description.TargetTable ?? description.Tables.FirstOrDefault()?.Name ?? repositoryEntity?.Table;
        if (description.Errors.Count > 0)
        {
            var error = description.Errors[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlSyntax, SqlLocation(method, error.Start, error.Length), method.Name, DialectName(dialect), error.Message));
            planned.FailureReason = "its SQL does not parse: " + error.Message;
            return planned;
        }

        if (description.StatementCount > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleStatements, method.SqlLocation, method.Name, description.StatementCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!BindParameters(planned, description, dialect, tables, diagnostics))
        {
            return planned;
        }

        var starExpansions = new List<(int Start, int Length, string Text)>();
        try
        {
            Shape(planned, description, tables, schemaTables, diagnostics, starExpansions);
        }
        finally
        {
            planned.Sql = Rewrite(sql, description, planned.Parameters, dialect, starExpansions);
        }

        return planned;
    }

    private static void Shape(PlannedMethod planned, SqlDescription description, ImmutableArray<EntityModel> tables, EquatableArray<SchemaFileTable> schemaTables, List<DiagnosticInfo> diagnostics, List<(int Start, int Length, string Text)> starExpansions)
    {
        var method = planned.Method;

        var returnsColumns = description.ResultColumns.Count > 0;
        if (!returnsColumns)
        {
            // int / long / bool over a statement without result columns mean "rows affected".
            if (method.Shape == ResultShape.Scalar && method.Row?.Scalar is { IsNullable: false } scalar)
            {
                planned.Shape = scalar.Kind switch
                {
                    ScalarKind.Int32 => ResultShape.RowsAffected,
                    ScalarKind.Int64 => ResultShape.RowsAffectedLong,
                    ScalarKind.Boolean => ResultShape.AnyRowsAffected,
                    _ => planned.Shape,
                };
            }

            if (planned.ReturnsRows)
            {
                Fail(planned, diagnostics, method, "its SQL returns no columns; a method that returns rows needs a SELECT, or RETURNING on a write");
            }

            return;
        }

        if (!planned.ReturnsRows)
        {
            // Rows nobody reads: allowed (for example INSERT ... RETURNING id into a void method).
            return;
        }

        MapColumns(planned, description, tables, schemaTables, diagnostics, starExpansions);
    }

    private static bool BindParameters(PlannedMethod planned, SqlDescription description, int dialect, ImmutableArray<EntityModel> tables, List<DiagnosticInfo> diagnostics)
    {
        BoundStatement? bound = null;
        BoundStatement Bound() => bound ??= SqlBinder.Bind(planned.Method.Sql, (SqlDialect)dialect, SchemaOf(tables));
        var method = planned.Method;
        var byName = new Dictionary<string, PlannedParameter>(StringComparer.OrdinalIgnoreCase);
        var usedMethodParameters = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var use in description.Parameters)
        {
            if (byName.ContainsKey(use.Name))
            {
                continue;
            }

            var resolved = Resolve(method, use.Name, usedMethodParameters);
            if (resolved is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSqlParameter, SqlLocation(method, use.Start, use.Length), use.Name, method.Name));
                ok = false;
                continue;
            }

            if (use.Context != SqlParameterContext.Value && !resolved.IsCollection)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, SqlLocation(method, use.Start, use.Length), method.Name, $"'@{use.Name}' is used as a list (IN @{use.Name} / ANY(@{use.Name})) but '{resolved.DisplayName}' is not a collection"));
                ok = false;
                continue;
            }

            if (resolved.IsCollection && use.Context == SqlParameterContext.Value)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, SqlLocation(method, use.Start, use.Length), method.Name, $"'{resolved.DisplayName}' is a collection; use it as 'IN @{use.Name}'{(dialect == 1 ? " or '= ANY(@" + use.Name + ")'" : string.Empty)}"));
                ok = false;
                continue;
            }

            if (resolved.IsCollection && dialect == 0 && resolved.Type.Kind is not (ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Byte or ScalarKind.String or ScalarKind.Boolean or ScalarKind.Enum or ScalarKind.Double or ScalarKind.Single)
                && method.Crud == CrudOperation.GetMany)
            {
                // Keys such as Guid are stored as blobs, which a JSON list cannot carry: read them one by one.
                planned.ReadsKeysOneByOne = true;
                byName[use.Name] = resolved;
                planned.Parameters.Add(resolved);
                continue;
            }

            if (resolved.IsCollection && dialect == 0 && resolved.Type.Kind is not (ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Byte or ScalarKind.String or ScalarKind.Boolean or ScalarKind.Enum or ScalarKind.Double or ScalarKind.Single))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DialectNotSupported, SqlLocation(method, use.Start, use.Length), $"A collection of {resolved.Type.TypeName} ('{resolved.DisplayName}')", "Sqlite", "lists bind numbers, strings, booleans and enums"));
                ok = false;
                continue;
            }

            resolved = FollowColumnStorage(resolved, use.Name, Bound, tables);
            byName[use.Name] = resolved;
            planned.Parameters.Add(resolved);
        }

        if (method.Source == MethodSource.Query)
        {
            foreach (var parameter in method.Parameters)
            {
                if (!parameter.IsCancellationToken && !usedMethodParameters.Contains(parameter.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusedMethodParameter, method.Location, parameter.Name, method.Name));
                }
            }
        }

        if (!ok)
        {
            planned.FailureReason = "its SQL parameters do not match the method's parameters";
            return false;
        }

        return true;
    }

    private static PlannedParameter? Resolve(MethodModel method, string sqlName, HashSet<string> used)
    {
        foreach (var binding in method.Bindings)
        {
            if (string.Equals(binding.SqlName, sqlName, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var parameter in method.Parameters)
                {
                    if (binding.Expression == parameter.Name || binding.Expression.StartsWith(parameter.Name + ".", StringComparison.Ordinal) || binding.Expression.Contains("(" + parameter.Name + ")"))
                    {
                        used.Add(parameter.Name);
                    }
                }

                return new PlannedParameter(binding.SqlName, binding.Expression, binding.Type, binding.IsCollection, binding.SqlName);
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (!string.Equals(parameter.Name, sqlName, StringComparison.OrdinalIgnoreCase) || parameter.IsCancellationToken)
            {
                continue;
            }

            if (parameter.Scalar is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(parameter.Name, CSharpNames.Identifier(parameter.Name), parameter.Scalar, false, parameter.Name);
            }

            if (parameter.CollectionElement is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(parameter.Name, CSharpNames.Identifier(parameter.Name), parameter.CollectionElement, true, parameter.Name);
            }
        }

        // @Member of a record/class parameter, as Dapper users write it.
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Complex is null)
            {
                continue;
            }

            var member = parameter.Complex.Members.FirstOrDefault(m => string.Equals(m.Name, sqlName, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Column, sqlName, StringComparison.OrdinalIgnoreCase));
            if (member is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(sqlName, CSharpNames.Identifier(parameter.Name) + "." + member.Name, member.Type, false, parameter.Name + "." + member.Name);
            }
        }

        return null;
    }

    /// <summary>Writes the provider's SQL: SQLite keeps named parameters; Npgsql gets positional $n, so it never rewrites at run time.</summary>
    private static string Rewrite(string sql, SqlDescription description, List<PlannedParameter> parameters, int dialect, List<(int Start, int Length, string Text)> starExpansions)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parameters.Count; i++)
        {
            index[parameters[i].SqlName] = i;
            parameters[i].ProviderName = dialect == 1 ? "$" + (i + 1) : "@p" + i;
        }

        var builder = new StringBuilder(sql.Length + 16);
        var position = 0;
        var edits = description.Parameters.Where(u => index.ContainsKey(u.Name)).Select(u => (Start: u.ContextStart, Use: (SqlParameterUse?)u, Star: ((int Start, int Length, string Text)?)null))
            .Concat(starExpansions.Select(e => (Start: e.Start, Use: (SqlParameterUse?)null, Star: ((int Start, int Length, string Text)?)e)))
            .OrderBy(e => e.Start)
            .ToList();
        foreach (var edit in edits)
        {
            if (edit.Star is { } star)
            {
                // SELECT * as the explicit column list the mapping was planned for, so table column order never matters.
                if (star.Start < position)
                {
                    continue;
                }

                builder.Append(sql, position, star.Start - position).Append(star.Text);
                position = star.Start + star.Length;
                continue;
            }

            var use = edit.Use!;
            var i = index[use.Name];
            var start = use.Context == SqlParameterContext.InList ? use.ContextStart : use.Start;
            if (start < position)
            {
                continue;
            }

            var negated = false;
            if (use.Context == SqlParameterContext.InList)
            {
                // "NOT IN @ids": the NOT belongs to the rewrite too.
                var outside = sql.Substring(position, start - position);
                var trimmed = outside.TrimEnd();
                if (trimmed.EndsWith("NOT", StringComparison.OrdinalIgnoreCase) && (trimmed.Length == 3 || !char.IsLetterOrDigit(trimmed[trimmed.Length - 4])))
                {
                    negated = true;
                    outside = trimmed.Substring(0, trimmed.Length - 3) + " ";
                }

                builder.Append(outside);
            }
            else
            {
                builder.Append(sql, position, start - position);
            }

            var name = parameters[i].ProviderName;
            if (use.Context == SqlParameterContext.InList)
            {
                builder.Append(dialect == 1
                    ? (negated ? "<> ALL(" + name + ")" : "= ANY(" + name + ")")
                    : (negated ? "NOT IN" : "IN") + " (SELECT value FROM json_each(" + name + "))");
            }
            else if (use.Context == SqlParameterContext.AnyArray && dialect == 0)
            {
                builder.Append("(SELECT value FROM json_each(" + name + "))");
            }
            else
            {
                builder.Append(name);
            }

            position = use.Start + use.Length;
        }

        builder.Append(sql, position, sql.Length - position);
        return builder.ToString();
    }

    private static void MapColumns(PlannedMethod planned, SqlDescription description, ImmutableArray<EntityModel> tables, EquatableArray<SchemaFileTable> schemaTables, List<DiagnosticInfo> diagnostics, List<(int Start, int Length, string Text)> starExpansions)
    {
        var sql = planned.Method.Sql ?? string.Empty;
        var method = planned.Method;
        var row = method.Row!;
        var columns = new List<(string? Name, bool Nullable, int Start, int Length, MemberModel? Source)>();
        var resolved = true;
        foreach (var column in description.ResultColumns)
        {
            if (!column.IsStar)
            {
                var nullable = column.IsNullableSource;
                MemberModel? sourceMember = null;
                if (column.SourceTable is not null && column.SourceColumn is not null && Table(tables, column.SourceTable) is { } source)
                {
                    sourceMember = source.Members.FirstOrDefault(m => string.Equals(m.Column, column.SourceColumn, StringComparison.OrdinalIgnoreCase));
                    nullable |= sourceMember?.Type.IsNullable ?? false;
                }
                else if (column.SourceTable is not null && column.SourceColumn is not null
                    && schemaTables.FirstOrDefault(t => string.Equals(t.Name, column.SourceTable, StringComparison.OrdinalIgnoreCase)) is { } declared)
                {
                    nullable |= declared.Columns.FirstOrDefault(c => string.Equals(c.Name, column.SourceColumn, StringComparison.OrdinalIgnoreCase))?.IsNullable ?? false;
                }

                columns.Add((column.Name, nullable, column.Start, column.Length, sourceMember));
                continue;
            }

            // The qualifier as written ("u" in "u.*"), or each FROM table's alias when the star is bare and there are several.
            var starText = column.Start >= 0 && column.Start + column.Length <= sql.Length ? sql.Substring(column.Start, column.Length) : "*";
            var writtenQualifier = starText.EndsWith(".*", StringComparison.Ordinal) ? starText.Substring(0, starText.Length - 2) : null;
            var fromTables = description.Kind == SqlStatementKind.Select || description.TargetTable is null
                ? description.Tables.ToList()
                : description.Tables.Where(t => string.Equals(t.Name, description.TargetTable, StringComparison.OrdinalIgnoreCase)).Take(1).ToList();
            var starTables = column.SourceTable is not null
                ? new[] { (Name: column.SourceTable, Nullable: column.IsNullableSource, Qualifier: writtenQualifier) }
                : fromTables.Select(t => (t.Name, t.IsNullable, Qualifier: fromTables.Count > 1 ? (t.Alias ?? t.Name) : null)).ToArray();
            var expansion = new List<string>();
            foreach (var (name, isNullable, qualifier) in starTables)
            {
                var table = Table(tables, name);
                if (table is not null)
                {
                    foreach (var member in table.Members)
                    {
                        columns.Add((member.Column, member.Type.IsNullable || isNullable, column.Start, column.Length, member));
                        expansion.Add(qualifier is null ? SqlText.Quote(member.Column) : qualifier + "." + SqlText.Quote(member.Column));
                    }

                    continue;
                }

                // No [Table] type, but a schema file declares the table: its columns, in declaration order.
                var declared = schemaTables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
                if (declared is null)
                {
                    resolved = false;
                    break;
                }

                foreach (var schemaColumn in declared.Columns)
                {
                    columns.Add((schemaColumn.Name, schemaColumn.IsNullable || isNullable, column.Start, column.Length, null));
                    expansion.Add(qualifier is null ? SqlText.Quote(schemaColumn.Name) : qualifier + "." + SqlText.Quote(schemaColumn.Name));
                }
            }

            if (resolved && expansion.Count > 0 && column.Start >= 0)
            {
                starExpansions.Add((column.Start, column.Length, string.Join(", ", expansion)));
            }
        }

        if (row.Scalar is not null)
        {
            if (columns.Count == 0 && !resolved)
            {
                planned.Reads = new List<ColumnRead> { new(0, "column 0", "result", row.Scalar, !row.Scalar.IsNullable) };
                return;
            }

            planned.Reads = new List<ColumnRead> { new(0, columns[0].Name ?? "column 0", "result", Stored(row.Scalar, columns[0].Source), !row.Scalar.IsNullable) };
            return;
        }

        if (!resolved)
        {
            // A star over a table with no [Table] type: look the members up by name once per execution.
            planned.Reads = null;
            return;
        }

        if (row.IsTuple)
        {
            if (columns.Count != row.TupleElements.Count)
            {
                Fail(planned, diagnostics, method, $"it returns a tuple of {row.TupleElements.Count} elements but its SQL returns {columns.Count} columns");
                return;
            }

            planned.Reads = row.TupleElements.Select((e, i) => new ColumnRead(i, columns[i].Name ?? "column " + i, "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Stored(e.Type, columns[i].Source), !e.Type.IsNullable)).ToList();
            return;
        }

        var entity = row.Entity!;
        var reads = new List<ColumnRead>();
        var usedColumns = new HashSet<int>();
        foreach (var member in entity.Members)
        {
            var ordinal = columns.FindIndex(c => c.Name is not null && Matches(c.Name, member));
            if (ordinal < 0)
            {
                if (member.ConstructorParameterIndex >= 0 || (member.IsRequired && !entity.ConstructorSetsRequiredMembers) || (!member.IsSettable && member.ConstructorParameterIndex < 0))
                {
                    if (member.ConstructorParameterIndex >= 0 || member.IsRequired)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingResultMember, method.SqlLocation, member.Name, entity.DisplayName, method.Name, member.Column));
                        planned.FailureReason = $"its SQL returns no column for required member '{member.Name}'";
                    }
                }

                continue;
            }

            usedColumns.Add(ordinal);
            reads.Add(new ColumnRead(ordinal, columns[ordinal].Name!, member.Name, Stored(member.Type, columns[ordinal].Source), !member.Type.IsNullable));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (!usedColumns.Contains(i) && method.Source == MethodSource.Query)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusedResultColumn, SqlLocation(method, columns[i].Start, columns[i].Length), columns[i].Name ?? "#" + (i + 1), method.Name, entity.DisplayName));
            }
        }

        planned.Reads = reads;
    }

    /// <summary>An enum read from a column the schema stores as text is read as text, whatever the result type says.</summary>
    private static ScalarType Stored(ScalarType target, MemberModel? source)
        => target.Kind == ScalarKind.Enum && !target.EnumAsString && source?.Type.EnumAsString == true ? target.WithEnumAsString(true) : target;

    /// <summary>A result column matches a member by its column name, or by the member's own name in any case.</summary>
    public static bool Matches(string column, MemberModel member)
        => string.Equals(column, member.Column, StringComparison.OrdinalIgnoreCase)
        || string.Equals(column, member.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(column.Replace("_", string.Empty), member.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An enum compared with or assigned to a column that its <c>[Table]</c> type stores by name is sent by name too,
    /// as derived queries already do; the binder says which column the parameter meets.
    /// </summary>
    private static PlannedParameter FollowColumnStorage(PlannedParameter parameter, string name, Func<BoundStatement> bound, ImmutableArray<EntityModel> tables)
    {
        if (parameter.Type.Kind != ScalarKind.Enum || parameter.Type.EnumAsString)
        {
            return parameter;
        }

        var use = bound().Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Column is not null && p.Table is not null);
        var member = use is null ? null : Table(tables, use.Table!.Name)?.Members.FirstOrDefault(m => string.Equals(m.Column, use.Column!.Name, StringComparison.OrdinalIgnoreCase));
        if (member?.Type is not { Kind: ScalarKind.Enum, EnumAsString: true })
        {
            return parameter;
        }

        return new PlannedParameter(parameter.SqlName, parameter.Expression, parameter.Type.WithEnumAsString(true), parameter.IsCollection, parameter.DisplayName) { ProviderName = parameter.ProviderName };
    }

    /// <summary>The [Table] types as a schema for the binder: names and nullability are what parameter binding needs.</summary>
    private static SqlSchema SchemaOf(ImmutableArray<EntityModel> tables)
    {
        var builder = new SqlSchemaBuilder();
        foreach (var table in tables.Where(t => t.Table is not null))
        {
            builder.AddTable(table.Table!, table.Members.Select(m => new SqlColumnSpec(m.Column, SqlType.Unknown, m.Type.IsNullable)));
        }

        return builder.Build();
    }

    private static EntityModel? Table(ImmutableArray<EntityModel> tables, string name)
        => tables.FirstOrDefault(t => string.Equals(t.Table, name, StringComparison.OrdinalIgnoreCase));

    private static void Fail(PlannedMethod planned, List<DiagnosticInfo> diagnostics, MethodModel method, string reason)
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, method.SqlLocation ?? method.Location, method.Name, reason));
        planned.FailureReason = reason;
    }

    private static Common.LocationInfo? SqlLocation(MethodModel method, int start, int length)
        => method.SqlLiteralText is not null && method.SqlLocation is not null ? method.SqlLocation.Inside(method.SqlLiteralText, start, length) : method.SqlLocation ?? method.Location;

    public static string DialectName(int dialect) => dialect switch
    {
        0 => "SQLite",
        1 => "PostgreSQL",
        2 => "MySQL",
        3 => "SQL Server",
        _ => "dialect " + dialect,
    };
}
