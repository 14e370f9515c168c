using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql.Schema;

/// <summary>A column declared in code (a <c>[Table]</c> type's member), for <see cref="SqlSchemaBuilder.AddTable"/>.</summary>
public sealed class SqlColumnSpec
{
    public SqlColumnSpec(string name, SqlType type, bool isNullable, bool isKey = false, bool isGenerated = false)
    {
        Name = name;
        Type = type;
        IsNullable = isNullable;
        IsKey = isKey;
        IsGenerated = isGenerated;
    }

    public string Name { get; }

    public SqlType Type { get; }

    public bool IsNullable { get; }

    /// <summary>Part of the primary key (key order = order of the key columns in the list).</summary>
    public bool IsKey { get; }

    /// <summary>Assigned by the database (<c>[Generated]</c>): never required on INSERT.</summary>
    public bool IsGenerated { get; }

    /// <summary>The database supplies a default, so an INSERT may leave the column out.</summary>
    public bool HasDefault { get; set; }

    /// <summary>A type name to show (<c>bigint</c>, the CLR type ...); optional.</summary>
    public string? DeclaredType { get; set; }

    /// <summary>For <see cref="SqlType.Array"/>, the element category.</summary>
    public SqlType ElementType { get; set; }

    /// <summary>How the column's values are encrypted by the application, if they are.</summary>
    public SqlColumnEncryption Encryption { get; set; }

    /// <summary>For an encrypted column, the type its values are encrypted from (a name the caller chooses).</summary>
    public string? EncryptedFrom { get; set; }

    /// <summary>For a database enum column (<see cref="SqlType.Enum"/>): the enum type's name.</summary>
    public string? EnumTypeName { get; set; }

    /// <summary>For a database enum column: its labels.</summary>
    public IReadOnlyList<string>? EnumValues { get; set; }
}

/// <summary>An index declared in code (<c>[Index]</c>).</summary>
public sealed class SqlIndexSpec
{
    public SqlIndexSpec(IReadOnlyList<string> columns, bool isUnique = false, string? name = null)
    {
        Columns = columns;
        IsUnique = isUnique;
        Name = name;
    }

    public IReadOnlyList<string> Columns { get; }

    public bool IsUnique { get; }

    public string? Name { get; }
}

/// <summary>A foreign key declared in code (<c>[ForeignKey]</c>).</summary>
public sealed class SqlForeignKeySpec
{
    public SqlForeignKeySpec(IReadOnlyList<string> columns, string referencedTable, IReadOnlyList<string>? referencedColumns = null)
    {
        Columns = columns;
        ReferencedTable = referencedTable;
        ReferencedColumns = referencedColumns ?? Array.Empty<string>();
    }

    public IReadOnlyList<string> Columns { get; }

    public string ReferencedTable { get; }

    public IReadOnlyList<string> ReferencedColumns { get; }
}

/// <summary>
/// Builds a <see cref="SqlSchema"/> from DDL scripts applied in order, like migrations, and from tables declared in
/// code. Never throws: problems come back as <see cref="SqlError"/>s with spans in the script they came from.
/// </summary>
public sealed class SqlSchemaBuilder
{
    private readonly SqlSchema _schema;

    public SqlSchemaBuilder()
    {
        _schema = new SqlSchema();
    }

    /// <summary>Starts from a copy of <paramref name="start"/>.</summary>
    public SqlSchemaBuilder(SqlSchema start)
    {
        _schema = start?.Clone() ?? new SqlSchema();
    }

    /// <summary>A snapshot of the schema so far; later changes to the builder do not affect it.</summary>
    public SqlSchema Build() => _schema.Clone();

    /// <summary>
    /// Applies a DDL script: CREATE TABLE / INDEX / VIEW / TYPE .. AS ENUM, ALTER TABLE, RENAME TABLE, DROP. Other
    /// statements (DML, functions, grants ...) are ignored. Returns parse errors and semantic ones (ALTER of a table that
    /// does not exist, ...) with spans in <paramref name="sql"/>.
    /// </summary>
    public IReadOnlyList<SqlError> Apply(string? sql, SqlDialect dialect)
    {
        var errors = new List<SqlError>();
        try
        {
            var text = sql ?? string.Empty;
            var script = SqlParser.ParseSchema(text, dialect);
            errors.AddRange(script.Errors);
            var apply = new Applier(_schema, text, dialect, errors);
            foreach (var statement in script.Statements)
            {
                apply.Statement(statement);
            }
        }
        catch (Exception e) when (!SqlDiagnosticsSwitch.Rethrow)
        {
            // A bug, but the caller is a compiler: report it rather than crash.
            errors.Add(new SqlError("Internal error while reading the schema: " + e.Message, 0, 0));
        }

        return errors;
    }

    /// <summary>
    /// Adds (or replaces) a table declared in code. Key columns form the primary key in the order given.
    /// </summary>
    public SqlSchemaTable AddTable(
        string name,
        IEnumerable<SqlColumnSpec> columns,
        IEnumerable<SqlIndexSpec>? indexes = null,
        IEnumerable<SqlForeignKeySpec>? foreignKeys = null,
        string? schema = null,
        string? tenantColumn = null)
    {
        var table = new SqlSchemaTable(name ?? string.Empty, schema) { IsFromCode = true, TenantColumn = tenantColumn };
        var key = new List<string>();
        if (columns != null)
        {
            foreach (var spec in columns)
            {
                if (spec == null)
                {
                    continue;
                }

                var column = new SqlSchemaColumn(spec.Name ?? string.Empty, spec.Type, spec.IsNullable && !spec.IsKey)
                {
                    DeclaredType = spec.DeclaredType,
                    ElementType = spec.ElementType,
                    IsGenerated = spec.IsGenerated,
                    IsIdentity = spec.IsGenerated && spec.IsKey,
                    HasDefault = spec.HasDefault || spec.IsGenerated,
                    IsPrimaryKey = spec.IsKey,
                    Encryption = spec.Encryption,
                    EncryptedFrom = spec.EncryptedFrom,
                    EncryptedAs = spec.Encryption == SqlColumnEncryption.None ? null : (name ?? string.Empty, spec.Name ?? string.Empty),
                    EnumTypeName = spec.EnumTypeName,
                    EnumValues = spec.EnumValues ?? Array.Empty<string>(),
                };
                table.ColumnList.Add(column);
                if (spec.IsKey)
                {
                    key.Add(column.Name);
                }
            }
        }

        if (key.Count > 0)
        {
            table.PrimaryKeyList.AddRange(key);
            table.IndexList.Add(new SqlSchemaIndex(null, ToIndexColumns(key), true, SqlIndexOrigin.PrimaryKey));
        }

        if (indexes != null)
        {
            foreach (var index in indexes)
            {
                if (index?.Columns == null || index.Columns.Count == 0)
                {
                    continue;
                }

                table.IndexList.Add(new SqlSchemaIndex(index.Name, ToIndexColumns(index.Columns), index.IsUnique, SqlIndexOrigin.Index));
                if (index.IsUnique && index.Columns.Count == 1)
                {
                    var c = table.FindColumn(index.Columns[0]);
                    if (c != null)
                    {
                        c.IsUnique = true;
                    }
                }
            }
        }

        if (foreignKeys != null)
        {
            foreach (var fk in foreignKeys)
            {
                if (fk?.Columns == null || fk.ReferencedTable == null)
                {
                    continue;
                }

                table.ForeignKeyList.Add(new SqlForeignKey(null, new List<string>(fk.Columns), fk.ReferencedTable, null, new List<string>(fk.ReferencedColumns)));
            }
        }

        var existing = _schema.FindTable(table.Name, schema);
        if (existing != null && string.Equals(existing.Schema, schema, StringComparison.OrdinalIgnoreCase))
        {
            _schema.TableList[_schema.TableList.IndexOf(existing)] = table;
        }
        else
        {
            _schema.TableList.Add(table);
        }

        return table;
    }

    /// <summary>
    /// Adds an index declared in code to a table that already exists (one a schema file created), unless an index
    /// with the same leading columns and uniqueness is there. False when the table does not exist.
    /// </summary>
    public bool AddIndex(string table, SqlIndexSpec index, string? schema = null)
    {
        var target = _schema.FindTable(table, schema);
        if (target == null || index?.Columns == null || index.Columns.Count == 0)
        {
            return false;
        }

        foreach (var existing in target.IndexList)
        {
            if (existing.IsUnique == index.IsUnique && !existing.IsPartial && existing.Columns.Count == index.Columns.Count)
            {
                var same = true;
                for (var i = 0; i < index.Columns.Count && same; i++)
                {
                    same = string.Equals(existing.Columns[i].Column, index.Columns[i], StringComparison.OrdinalIgnoreCase);
                }

                if (same)
                {
                    return true;
                }
            }
        }

        target.IndexList.Add(new SqlSchemaIndex(index.Name, ToIndexColumns(index.Columns), index.IsUnique, SqlIndexOrigin.Index));
        return true;
    }

    /// <summary>
    /// Records what code declares about the data in a table a schema file created: which columns it encrypts and which
    /// holds the tenant. DDL cannot say either. False when the table does not exist.
    /// </summary>
    public bool AddProtection(string table, IEnumerable<(string Column, SqlColumnEncryption Encryption, string? From)> encrypted, string? tenantColumn, string? schema = null)
    {
        var target = _schema.FindTable(table, schema);
        if (target == null)
        {
            return false;
        }

        foreach (var (name, encryption, from) in encrypted)
        {
            if (target.FindColumn(name) is { } column)
            {
                column.Encryption = encryption;
                column.EncryptedFrom = from;
                column.EncryptedAs = (target.Name, column.Name);
            }
        }

        target.TenantColumn = tenantColumn;

        // Views created before this (by the same files) show these columns: they are encrypted, and tenant-scoped, too.
        foreach (var view in _schema.TableList)
        {
            if (!view.IsView)
            {
                continue;
            }

            foreach (var column in view.ColumnList)
            {
                if (column.ViewOf is { } of && string.Equals(of.Table, target.Name, StringComparison.OrdinalIgnoreCase) && target.FindColumn(of.Column) is { } source)
                {
                    ShowProtection(view, column, target, source);
                }
            }
        }

        return true;
    }

    /// <summary>A view column that shows <paramref name="source"/> unchanged carries its encryption (and tenancy).</summary>
    private static void ShowProtection(SqlSchemaTable view, SqlSchemaColumn column, SqlSchemaTable table, SqlSchemaColumn source)
    {
        if (source.IsEncrypted)
        {
            column.Encryption = source.Encryption;
            column.EncryptedFrom = source.EncryptedFrom;
            column.EncryptedAs = source.EncryptedAs ?? (table.Name, source.Name);
        }

        if (table.TenantColumn is { } tenant && string.Equals(tenant, source.Name, StringComparison.OrdinalIgnoreCase))
        {
            view.TenantColumn = column.Name;
        }
    }

    /// <summary>Adds a foreign key declared in code to a table that already exists, unless one on the same columns is there.</summary>
    public bool AddForeignKey(string table, SqlForeignKeySpec foreignKey, string? schema = null)
    {
        var target = _schema.FindTable(table, schema);
        if (target == null || foreignKey?.Columns == null || foreignKey.ReferencedTable == null)
        {
            return false;
        }

        foreach (var existing in target.ForeignKeyList)
        {
            if (existing.Columns.Count == foreignKey.Columns.Count && existing.Columns.Count > 0
                && string.Equals(existing.Columns[0], foreignKey.Columns[0], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        target.ForeignKeyList.Add(new SqlForeignKey(null, new List<string>(foreignKey.Columns), foreignKey.ReferencedTable, null, new List<string>(foreignKey.ReferencedColumns)));
        return true;
    }

    /// <summary>The tables (and views) the CREATE statements of a script create, by name; the script is not applied.</summary>
    public static IReadOnlyList<string> TablesCreatedBy(string? sql, SqlDialect dialect)
    {
        var names = new List<string>();
        try
        {
            foreach (var statement in SqlParser.ParseSchema(sql ?? string.Empty, dialect).Statements)
            {
                switch (statement)
                {
                    case CreateTableStatement create:
                        names.Add(create.Name.Name);
                        break;
                    case CreateViewStatement view:
                        names.Add(view.Name.Name);
                        break;
                }
            }
        }
        catch (Exception) when (!SqlDiagnosticsSwitch.Rethrow)
        {
            // Never throws: a script that cannot be read creates nothing we know of.
        }

        return names;
    }

    private static List<SqlIndexColumn> ToIndexColumns(IReadOnlyList<string> names)
    {
        var list = new List<SqlIndexColumn>(names.Count);
        foreach (var n in names)
        {
            list.Add(new SqlIndexColumn(n, null, false));
        }

        return list;
    }

    private sealed class Applier
    {
        private readonly SqlSchema _schema;
        private readonly string _text;
        private readonly SqlDialect _dialect;
        private readonly List<SqlError> _errors;

        public Applier(SqlSchema schema, string text, SqlDialect dialect, List<SqlError> errors)
        {
            _schema = schema;
            _text = text;
            _dialect = dialect;
            _errors = errors;
        }

        private string TextOf(SqlNode node)
        {
            var span = node.Span;
            if (span.Start < 0 || span.End > _text.Length)
            {
                return string.Empty;
            }

            return _text.Substring(span.Start, span.Length);
        }

        private void Error(string message, SqlNode at) => _errors.Add(new SqlError(message, at.Span.Start, at.Span.Length));

        private SqlSchemaTable? Find(SqlObjectName name) => _schema.FindTable(name.Name, name.Qualifier);

        public void Statement(SqlStatement statement)
        {
            switch (statement)
            {
                case CreateTableStatement create:
                    CreateTable(create);
                    break;
                case CreateViewStatement view:
                    CreateView(view);
                    break;
                case CreateIndexStatement index:
                    CreateIndex(index);
                    break;
                case AlterTableStatement alter:
                    AlterTable(alter);
                    foreach (var more in alter.MoreRenames)
                    {
                        AlterTable(more);
                    }

                    break;
                case DropStatement drop:
                    Drop(drop);
                    break;
                case CreateEnumTypeStatement e:
                    EnumType(e);
                    break;
                case OpaqueStatement { Verb: "EXEC" or "EXECUTE" } exec when _dialect == SqlDialect.SqlServer:
                    SpRename(exec);
                    break;
            }
        }

        /// <summary>T-SQL <c>EXEC sp_rename 'dbo.t.old', 'new', 'COLUMN'</c> (also OBJECT and INDEX).</summary>
        private void SpRename(OpaqueStatement exec)
        {
            var span = exec.Span;
            if (span.End > _text.Length)
            {
                return;
            }

            var lex = Lexing.SqlLexer.Lex(_text.Substring(span.Start, span.Length), _dialect);
            var tokens = new List<Lexing.SqlToken>();
            foreach (var t in lex.Tokens)
            {
                if (t.Kind != Lexing.SqlTokenKind.EndOfFile)
                {
                    tokens.Add(t);
                }
            }

            var i = 1;
            while (i + 1 < tokens.Count && tokens[i].Kind != Lexing.SqlTokenKind.String && !tokens[i].IsWord("sp_rename"))
            {
                i++;
            }

            if (i >= tokens.Count || !tokens[i].IsWord("sp_rename"))
            {
                return;
            }

            var strings = new List<Lexing.SqlToken>();
            for (i++; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == Lexing.SqlTokenKind.String)
                {
                    strings.Add(tokens[i]);
                }
                else if (tokens[i].Kind != Lexing.SqlTokenKind.Comma && tokens[i].Kind != Lexing.SqlTokenKind.Parameter && !tokens[i].IsOperator("="))
                {
                    return;
                }
            }

            if (strings.Count < 2)
            {
                return;
            }

            var parts = new List<string>();
            foreach (var part in strings[0].Value.Split('.'))
            {
                parts.Add(part.Trim().TrimStart('[', '"').TrimEnd(']', '"'));
            }

            var newName = strings[1].Value.Trim().TrimStart('[', '"').TrimEnd(']', '"');
            var kind = strings.Count > 2 ? strings[2].Value.Trim().ToUpperInvariant() : "OBJECT";
            var at = new SqlSpan(span.Start + strings[0].Start, strings[0].Length);
            if (kind == "COLUMN" || kind == "INDEX")
            {
                if (parts.Count < 2)
                {
                    return;
                }

                var table = _schema.FindTable(parts[parts.Count - 2], parts.Count >= 3 ? parts[parts.Count - 3] : null);
                if (table == null)
                {
                    _errors.Add(new SqlError($"Table '{parts[parts.Count - 2]}' does not exist", at.Start, at.Length));
                    return;
                }

                var oldName = parts[parts.Count - 1];
                if (kind == "INDEX")
                {
                    foreach (var index in table.IndexList)
                    {
                        if (string.Equals(index.Name, oldName, StringComparison.OrdinalIgnoreCase))
                        {
                            index.Name = newName;
                        }
                    }

                    return;
                }

                var column = table.FindColumn(oldName);
                if (column == null)
                {
                    _errors.Add(new SqlError($"Column '{oldName}' does not exist in table '{table.Name}'", at.Start, at.Length));
                    return;
                }

                RenameColumn(table, column, newName);
                return;
            }

            var renamed = _schema.FindTable(parts[parts.Count - 1], parts.Count >= 2 ? parts[parts.Count - 2] : null);
            if (renamed == null)
            {
                _errors.Add(new SqlError($"Table '{parts[parts.Count - 1]}' does not exist", at.Start, at.Length));
                return;
            }

            foreach (var t in _schema.TableList)
            {
                foreach (var fk in t.ForeignKeyList)
                {
                    if (string.Equals(fk.ReferencedTable, renamed.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        fk.ReferencedTable = newName;
                    }
                }
            }

            renamed.Name = newName;
            _schema.TableList.Reindex();
        }

        private void EnumType(CreateEnumTypeStatement e)
        {
            var existing = _schema.FindEnum(e.Name.Name);
            if (e.IsAlter)
            {
                if (existing == null)
                {
                    Error($"Type '{e.Name.Name}' does not exist", e.Name);
                    return;
                }

                var values = new List<string>(existing.Values);
                foreach (var v in e.Values)
                {
                    if (!values.Contains(v))
                    {
                        values.Add(v);
                    }
                }

                existing.Values = values;
                RefreshEnumColumns(existing);
                return;
            }

            if (existing != null)
            {
                Error($"Type '{e.Name.Name}' already exists", e.Name);
                _schema.EnumList.Remove(existing);
            }

            var created = new SqlEnumType(e.Name.Name, e.Name.Qualifier, e.Values);
            _schema.EnumList.Add(created);
            RefreshEnumColumns(created);
        }

        private void RefreshEnumColumns(SqlEnumType e)
        {
            foreach (var t in _schema.TableList)
            {
                foreach (var c in t.ColumnList)
                {
                    if (c.EnumTypeName != null && string.Equals(c.EnumTypeName, e.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        c.EnumValues = e.Values;
                    }
                }
            }
        }

        private void AddTable(SqlSchemaTable table, SqlObjectName name, bool ifNotExists, bool isView)
        {
            var existing = _schema.FindTable(table.Name, table.Schema);
            if (existing != null && string.Equals(existing.Schema ?? string.Empty, table.Schema ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                if (ifNotExists)
                {
                    return;
                }

                if (!(isView && existing.IsView))
                {
                    Error($"{(existing.IsView ? "View" : "Table")} '{table.Name}' already exists", name);
                }

                _schema.TableList[_schema.TableList.IndexOf(existing)] = table;
                return;
            }

            _schema.TableList.Add(table);
        }

        private void CreateTable(CreateTableStatement create)
        {
            var table = new SqlSchemaTable(create.Name.Name, create.Name.Qualifier);
            if (create.AsQuery != null)
            {
                if (!SetColumnsFromQuery(table, create.AsQuery, Array.Empty<SqlIdentifier>()))
                {
                    table.HasUnknownColumns = true;
                }

                AddTable(table, create.Name, create.IfNotExists, false);
                return;
            }

            if (create.LikeTable != null)
            {
                var like = Find(create.LikeTable);
                if (like == null)
                {
                    Error($"Table '{create.LikeTable.Name}' does not exist", create.LikeTable);
                    table.HasUnknownColumns = true;
                }
                else
                {
                    table.HasUnknownColumns = like.HasUnknownColumns;
                    foreach (var c in like.ColumnList)
                    {
                        table.ColumnList.Add(c.Clone());
                    }

                    foreach (var i in like.IndexList)
                    {
                        table.IndexList.Add(i.Clone());
                    }

                    table.PrimaryKeyList.AddRange(like.PrimaryKeyList);
                }
            }
            else if (create.Columns.Count == 0 && create.Constraints.Count == 0)
            {
                // CREATE TABLE .. PARTITION OF / OF type.
                table.HasUnknownColumns = true;
            }

            var inherited = Inherit(table, create.Inherits);
            foreach (var definition in create.Columns)
            {
                var existing = table.FindColumn(definition.Name.Value);
                var at = existing == null ? -1 : table.ColumnList.IndexOf(existing);
                if (at >= 0 && at < inherited)
                {
                    // PostgreSQL merges a column declared again with the inherited one, keeping its place and NOT NULL.
                    table.ColumnList.RemoveAt(at);
                    AddColumn(table, definition, at).IsNullable &= existing!.IsNullable;
                    continue;
                }

                if (existing != null)
                {
                    Error($"Column '{definition.Name.Value}' is declared twice", definition.Name);
                    continue;
                }

                AddColumn(table, definition, table.ColumnList.Count);
            }

            foreach (var constraint in create.Constraints)
            {
                AddConstraint(table, constraint);
            }

            FinishPrimaryKey(table);
            AddTable(table, create.Name, create.IfNotExists, false);
        }

        /// <summary>PostgreSQL INHERITS: the parents' columns (with NOT NULL and defaults, not keys) come first. Returns how many leading columns are inherited (or copied by LIKE before them).</summary>
        private int Inherit(SqlSchemaTable table, IReadOnlyList<SqlObjectName> parents)
        {
            if (parents.Count == 0)
            {
                return 0;
            }

            foreach (var name in parents)
            {
                var parent = Find(name);
                if (parent == null)
                {
                    Error($"Table '{name.Name}' does not exist", name);
                    table.HasUnknownColumns = true;
                    continue;
                }

                table.HasUnknownColumns |= parent.HasUnknownColumns;
                foreach (var c in parent.ColumnList)
                {
                    if (table.FindColumn(c.Name) == null)
                    {
                        var copy = c.Clone();
                        copy.IsPrimaryKey = false;
                        copy.IsUnique = false;
                        table.ColumnList.Add(copy);
                    }
                }
            }

            return table.ColumnList.Count;
        }

        private void CreateView(CreateViewStatement view)
        {
            var table = new SqlSchemaTable(view.Name.Name, view.Name.Qualifier) { IsView = true };
            if (!SetColumnsFromQuery(table, view.Query, view.ColumnNames))
            {
                table.HasUnknownColumns = true;
            }

            AddTable(table, view.Name, false, true);
        }

        private bool SetColumnsFromQuery(SqlSchemaTable table, SqlQuery query, IReadOnlyList<SqlIdentifier> names)
        {
            var columns = Binding.SqlBinder.BindQueryColumns(query, _dialect, _schema);
            if (columns == null)
            {
                return false;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var c = columns[i];
                var name = i < names.Count ? names[i].Value : c.Name;
                if (string.IsNullOrEmpty(name) || table.FindColumn(name) != null)
                {
                    continue;
                }

                var column = new SqlSchemaColumn(name!, c.Type, c.IsNullable) { ElementType = c.ElementType, EnumTypeName = c.EnumTypeName, DeclaredType = c.SourceColumn?.DeclaredType };
                if (c.SourceColumn != null && c.SourceTable != null && !c.SourceTable.IsView)
                {
                    column.ViewOf = (c.SourceTable.Name, c.SourceColumn.Name);
                    ShowProtection(table, column, c.SourceTable, c.SourceColumn);
                }
                else if (c.SourceColumn?.ViewOf is { } through)
                {
                    column.ViewOf = through;
                    column.Encryption = c.SourceColumn.Encryption;
                    column.EncryptedFrom = c.SourceColumn.EncryptedFrom;
                    column.EncryptedAs = c.SourceColumn.EncryptedAs;
                }

                table.ColumnList.Add(column);
            }

            return true;
        }

        private SqlSchemaColumn AddColumn(SqlSchemaTable table, ColumnDefinition definition, int at)
        {
            var column = MakeColumn(definition);
            table.ColumnList.Insert(Math.Min(at, table.ColumnList.Count), column);
            if (definition.IsPrimaryKey)
            {
                if (table.PrimaryKeyList.Count > 0 && !table.PrimaryKeyList.Contains(column.Name))
                {
                    Error($"Table '{table.Name}' already has a primary key", definition);
                }
                else if (table.PrimaryKeyList.Count == 0)
                {
                    table.PrimaryKeyList.Add(column.Name);
                    table.IndexList.Add(new SqlSchemaIndex(null, ToIndexColumns(new[] { column.Name }), true, SqlIndexOrigin.PrimaryKey));
                }
            }

            if (definition.IsUnique)
            {
                table.IndexList.Add(new SqlSchemaIndex(null, ToIndexColumns(new[] { column.Name }), true, SqlIndexOrigin.UniqueConstraint));
            }

            if (definition.References != null)
            {
                table.ForeignKeyList.Add(MakeForeignKey(null, new List<string> { column.Name }, definition.References));
            }

            return column;
        }

        private SqlSchemaColumn MakeColumn(ColumnDefinition definition)
        {
            var type = definition.Type;
            var column = new SqlSchemaColumn(definition.Name.Value, SqlType.Unknown, true);
            if (type != null)
            {
                column.DeclaredType = TextOf(type);
                var args = new List<string>();
                foreach (var a in type.Arguments)
                {
                    args.Add(a is LiteralExpression l ? l.Value : TextOf(a));
                }

                var enumType = _schema.FindEnum(type.Name);
                column.Type = SqlTypes.Categorize(type.Name, _dialect, type.ArrayRank, args, n => enumType != null);
                if (column.Type == SqlType.Array)
                {
                    column.ElementType = enumType != null ? SqlType.Enum : SqlTypes.Categorize(type.Name, _dialect, 0, args);
                }

                if (enumType != null)
                {
                    column.EnumTypeName = enumType.Name;
                    column.EnumValues = enumType.Values;
                }
                else if (column.Type == SqlType.Enum)
                {
                    column.EnumValues = args;
                }

                if (SqlTypes.IsSerial(type.Name))
                {
                    column.IsIdentity = true;
                    column.IsGenerated = true;
                    column.HasDefault = true;
                    column.IsNullable = false;
                }

                if (_dialect == SqlDialect.SqlServer && (string.Equals(type.Name, "timestamp", StringComparison.OrdinalIgnoreCase) || string.Equals(type.Name, "rowversion", StringComparison.OrdinalIgnoreCase)))
                {
                    column.IsGenerated = true;
                    column.HasDefault = true;
                    column.IsNullable = false;
                }
            }

            if (definition.NotNull == true || definition.IsPrimaryKey)
            {
                column.IsNullable = false;
            }

            if (definition.Default != null)
            {
                column.DefaultSql = TextOf(definition.Default);
                column.HasDefault = !(definition.Default is LiteralExpression { LiteralKind: SqlLiteralKind.Null }) || column.IsNullable;
            }

            if (definition.IsIdentity || definition.IsAutoIncrement)
            {
                column.IsIdentity = true;
                column.IsGenerated = true;
                column.HasDefault = true;
                if (_dialect != SqlDialect.Sqlite)
                {
                    column.IsNullable = false;
                }
            }

            if (definition.ComputedExpression != null)
            {
                column.IsComputed = true;
                column.IsGenerated = true;
                column.HasDefault = true;
            }

            column.IsPrimaryKey = definition.IsPrimaryKey;
            column.IsUnique = definition.IsUnique;
            column.Collation = definition.Collation;
            return column;
        }

        private SqlForeignKey MakeForeignKey(string? name, List<string> columns, ForeignKeyReference reference)
        {
            var referenced = new List<string>();
            foreach (var c in reference.Columns)
            {
                referenced.Add(c.Value);
            }

            return new SqlForeignKey(name, columns, reference.Table.Name, reference.Table.Qualifier, referenced) { OnDelete = reference.OnDelete };
        }

        private List<SqlIndexColumn> IndexColumns(IReadOnlyList<IndexColumn> columns)
        {
            var list = new List<SqlIndexColumn>(columns.Count);
            foreach (var c in columns)
            {
                list.Add(new SqlIndexColumn(c.ColumnName, c.ColumnName == null ? TextOf(c.Expression) : null, c.Descending == true));
            }

            return list;
        }

        private void CheckColumnsExist(SqlSchemaTable table, IReadOnlyList<IndexColumn> columns)
        {
            if (table.HasUnknownColumns)
            {
                return;
            }

            foreach (var c in columns)
            {
                if (c.ColumnName != null && table.FindColumn(c.ColumnName) == null)
                {
                    Error($"Column '{c.ColumnName}' does not exist in table '{table.Name}'", c.Expression);
                }
            }
        }

        private void AddConstraint(SqlSchemaTable table, TableConstraint constraint)
        {
            var name = constraint.Name?.Value;
            switch (constraint.ConstraintKind)
            {
                case TableConstraintKind.PrimaryKey:
                    CheckColumnsExist(table, constraint.Columns);
                    if (table.PrimaryKeyList.Count > 0)
                    {
                        Error($"Table '{table.Name}' already has a primary key", constraint);
                        return;
                    }

                    foreach (var c in constraint.Columns)
                    {
                        if (c.ColumnName != null)
                        {
                            table.PrimaryKeyList.Add(table.FindColumn(c.ColumnName)?.Name ?? c.ColumnName);
                        }
                    }

                    table.IndexList.Add(new SqlSchemaIndex(name, IndexColumns(constraint.Columns), true, SqlIndexOrigin.PrimaryKey));
                    FinishPrimaryKey(table);
                    break;
                case TableConstraintKind.Unique:
                    CheckColumnsExist(table, constraint.Columns);
                    table.IndexList.Add(new SqlSchemaIndex(name, IndexColumns(constraint.Columns), true, SqlIndexOrigin.UniqueConstraint));
                    if (constraint.Columns.Count == 1 && table.FindColumn(constraint.Columns[0].ColumnName) is { } unique)
                    {
                        unique.IsUnique = true;
                    }

                    break;
                case TableConstraintKind.Index:
                    CheckColumnsExist(table, constraint.Columns);
                    table.IndexList.Add(new SqlSchemaIndex(name, IndexColumns(constraint.Columns), constraint.IsUniqueIndex, SqlIndexOrigin.Index));
                    break;
                case TableConstraintKind.Default when constraint.DefaultColumn != null && constraint.Default != null:
                    var target = table.FindColumn(constraint.DefaultColumn.Value);
                    if (target == null)
                    {
                        if (!table.HasUnknownColumns)
                        {
                            Error($"Column '{constraint.DefaultColumn.Value}' does not exist in table '{table.Name}'", constraint.DefaultColumn);
                        }
                    }
                    else
                    {
                        target.DefaultSql = TextOf(constraint.Default);
                        target.HasDefault = true;
                    }

                    break;
                case TableConstraintKind.ForeignKey when constraint.References != null:
                    CheckColumnsExist(table, constraint.Columns);
                    var columns = new List<string>();
                    foreach (var c in constraint.Columns)
                    {
                        columns.Add(c.ColumnName ?? string.Empty);
                    }

                    table.ForeignKeyList.Add(MakeForeignKey(name, columns, constraint.References));
                    break;
            }
        }

        /// <summary>Primary key columns are NOT NULL; a SQLite INTEGER PRIMARY KEY is the rowid: assigned when left out.</summary>
        private void FinishPrimaryKey(SqlSchemaTable table)
        {
            foreach (var name in table.PrimaryKeyList)
            {
                var column = table.FindColumn(name);
                if (column == null)
                {
                    continue;
                }

                column.IsPrimaryKey = true;
                column.IsNullable = false;
            }

            if (_dialect == SqlDialect.Sqlite && table.PrimaryKeyList.Count == 1)
            {
                var column = table.FindColumn(table.PrimaryKeyList[0]);
                if (column != null && string.Equals(column.DeclaredType, "integer", StringComparison.OrdinalIgnoreCase))
                {
                    column.IsIdentity = true;
                    column.IsGenerated = true;
                    column.HasDefault = true;
                }
            }
        }

        private void CreateIndex(CreateIndexStatement create)
        {
            var table = Find(create.Table);
            if (table == null)
            {
                Error($"Table '{create.Table.Name}' does not exist", create.Table);
                return;
            }

            var name = create.Name?.Name;
            if (name != null)
            {
                foreach (var existing in table.IndexList)
                {
                    if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        if (!create.IfNotExists)
                        {
                            Error($"Index '{name}' already exists", create.Name!);
                        }

                        return;
                    }
                }
            }

            CheckColumnsExist(table, create.Columns);
            var index = new SqlSchemaIndex(name, IndexColumns(create.Columns), create.IsUnique, SqlIndexOrigin.Index)
            {
                IsPartial = create.Where != null,
                Predicate = create.Where == null ? null : TextOf(create.Where),
                Method = create.Method,
            };
            table.IndexList.Add(index);
            if (create.IsUnique && create.Where == null && create.Columns.Count == 1 && table.FindColumn(create.Columns[0].ColumnName) is { } column)
            {
                column.IsUnique = true;
            }
        }

        private void Drop(DropStatement drop)
        {
            foreach (var name in drop.Names)
            {
                switch (drop.ObjectKind)
                {
                    case DropObjectKind.Table:
                    case DropObjectKind.View:
                        var table = Find(name);
                        if (table == null)
                        {
                            if (!drop.IfExists)
                            {
                                Error($"{(drop.ObjectKind == DropObjectKind.View ? "View" : "Table")} '{name.Name}' does not exist", name);
                            }
                        }
                        else
                        {
                            _schema.TableList.Remove(table);
                        }

                        break;
                    case DropObjectKind.Index:
                        var onTable = drop.OnTable != null ? Find(drop.OnTable) : (_dialect == SqlDialect.SqlServer && name.Qualifier != null ? _schema.FindTable(name.Qualifier) : null);
                        if (!DropIndex(onTable, name.Name) && !drop.IfExists)
                        {
                            Error($"Index '{name.Name}' does not exist", name);
                        }

                        break;
                    case DropObjectKind.Type:
                        var e = _schema.FindEnum(name.Name);
                        if (e != null)
                        {
                            _schema.EnumList.Remove(e);
                        }

                        break;
                }
            }
        }

        private bool DropIndex(SqlSchemaTable? onTable, string name)
        {
            foreach (var table in _schema.TableList)
            {
                if (onTable != null && table != onTable)
                {
                    continue;
                }

                for (var i = 0; i < table.IndexList.Count; i++)
                {
                    if (string.Equals(table.IndexList[i].Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        RemoveIndexAt(table, i);
                        return true;
                    }
                }
            }

            return false;
        }

        private static void RemoveIndexAt(SqlSchemaTable table, int i)
        {
            var index = table.IndexList[i];
            table.IndexList.RemoveAt(i);
            if (index.Origin == SqlIndexOrigin.PrimaryKey)
            {
                foreach (var name in table.PrimaryKeyList)
                {
                    var c = table.FindColumn(name);
                    if (c != null)
                    {
                        c.IsPrimaryKey = false;
                    }
                }

                table.PrimaryKeyList.Clear();
            }

            if (index.IsUnique && index.Columns.Count == 1 && table.FindColumn(index.Columns[0].Column) is { } column)
            {
                column.IsUnique = false;
            }
        }

        private void AlterTable(AlterTableStatement alter)
        {
            var table = Find(alter.Table);
            if (table == null)
            {
                if (!alter.IfExists)
                {
                    Error($"Table '{alter.Table.Name}' does not exist", alter.Table);
                }

                return;
            }

            foreach (var action in alter.Actions)
            {
                Action(table, action);
            }
        }

        private SqlSchemaColumn? Column(SqlSchemaTable table, SqlIdentifier? name, bool ifExists = false)
        {
            if (name == null)
            {
                return null;
            }

            var column = table.FindColumn(name.Value);
            if (column == null && !ifExists && !table.HasUnknownColumns)
            {
                Error($"Column '{name.Value}' does not exist in table '{table.Name}'", name);
            }

            return column;
        }

        private void Action(SqlSchemaTable table, AlterTableAction action)
        {
            switch (action.ActionKind)
            {
                case AlterTableActionKind.AddColumn when action.Column != null:
                    if (table.FindColumn(action.Column.Name.Value) != null)
                    {
                        if (!action.IfNotExists)
                        {
                            Error($"Column '{action.Column.Name.Value}' already exists in table '{table.Name}'", action.Column.Name);
                        }

                        return;
                    }

                    AddColumn(table, action.Column, Position(table, action));
                    FinishPrimaryKey(table);
                    break;
                case AlterTableActionKind.DropColumn:
                    var dropped = Column(table, action.Name, action.IfExists);
                    if (dropped != null)
                    {
                        DropColumn(table, dropped);
                    }

                    break;
                case AlterTableActionKind.RenameColumn:
                    var renamed = Column(table, action.Name);
                    if (renamed != null && action.NewName != null)
                    {
                        if (table.FindColumn(action.NewName.Value) is { } clash && clash != renamed)
                        {
                            Error($"Column '{action.NewName.Value}' already exists in table '{table.Name}'", action.NewName);
                            return;
                        }

                        RenameColumn(table, renamed, action.NewName.Value);
                    }

                    break;
                case AlterTableActionKind.RenameTable when action.NewTableName != null:
                    var newName = action.NewTableName.Name;
                    if (_schema.FindTable(newName, action.NewTableName.Qualifier ?? table.Schema) is { } other && other != table
                        && string.Equals(other.Schema ?? string.Empty, (action.NewTableName.Qualifier ?? table.Schema) ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                    {
                        Error($"Table '{newName}' already exists", action.NewTableName);
                        return;
                    }

                    foreach (var t in _schema.TableList)
                    {
                        foreach (var fk in t.ForeignKeyList)
                        {
                            if (string.Equals(fk.ReferencedTable, table.Name, StringComparison.OrdinalIgnoreCase))
                            {
                                fk.ReferencedTable = newName;
                            }
                        }
                    }

                    table.Name = newName;
                    _schema.TableList.Reindex();
                    if (action.NewTableName.Qualifier != null)
                    {
                        table.Schema = action.NewTableName.Qualifier;
                    }

                    break;
                case AlterTableActionKind.AddConstraint when action.Constraint != null:
                    AddConstraint(table, action.Constraint);
                    break;
                case AlterTableActionKind.DropConstraint:
                case AlterTableActionKind.DropIndex:
                    if (action.Name == null)
                    {
                        return;
                    }

                    var found = false;
                    for (var i = table.IndexList.Count - 1; i >= 0; i--)
                    {
                        if (string.Equals(table.IndexList[i].Name, action.Name.Value, StringComparison.OrdinalIgnoreCase))
                        {
                            RemoveIndexAt(table, i);
                            found = true;
                        }
                    }

                    if (action.ActionKind == AlterTableActionKind.DropConstraint)
                    {
                        found |= table.ForeignKeyList.RemoveAll(f => string.Equals(f.Name, action.Name.Value, StringComparison.OrdinalIgnoreCase)) > 0;

                        // CHECK and unnamed-in-the-model constraints are not tracked; only report when nothing of that name could exist.
                        found = true;
                    }

                    if (!found && !action.IfExists)
                    {
                        Error($"Index '{action.Name.Value}' does not exist on table '{table.Name}'", action.Name);
                    }

                    break;
                case AlterTableActionKind.DropPrimaryKey:
                    for (var i = table.IndexList.Count - 1; i >= 0; i--)
                    {
                        if (table.IndexList[i].Origin == SqlIndexOrigin.PrimaryKey)
                        {
                            RemoveIndexAt(table, i);
                        }
                    }

                    break;
                case AlterTableActionKind.RenameIndex when action.Name != null && action.NewName != null:
                    foreach (var index in table.IndexList)
                    {
                        if (string.Equals(index.Name, action.Name.Value, StringComparison.OrdinalIgnoreCase))
                        {
                            index.Name = action.NewName.Value;
                        }
                    }

                    break;
                case AlterTableActionKind.SetNotNull:
                    if (Column(table, action.Name) is { } notNull)
                    {
                        notNull.IsNullable = false;
                    }

                    break;
                case AlterTableActionKind.DropNotNull:
                    if (Column(table, action.Name) is { } nullable && !nullable.IsPrimaryKey)
                    {
                        nullable.IsNullable = true;
                    }

                    break;
                case AlterTableActionKind.SetDefault:
                    if (Column(table, action.Name) is { } withDefault && action.Default != null)
                    {
                        withDefault.DefaultSql = TextOf(action.Default);
                        withDefault.HasDefault = true;
                    }

                    break;
                case AlterTableActionKind.DropDefault:
                    if (Column(table, action.Name) is { } noDefault)
                    {
                        noDefault.DefaultSql = null;
                        noDefault.HasDefault = noDefault.IsIdentity || noDefault.IsComputed;
                    }

                    break;
                case AlterTableActionKind.AlterColumnType:
                    if (Column(table, action.Name) is { } retyped && action.Type != null)
                    {
                        var definition = action.Column ?? new ColumnDefinition(action.Name!, action.Type, action.Type.Span);
                        var made = MakeColumn(definition);
                        retyped.DeclaredType = made.DeclaredType;
                        retyped.Type = made.Type;
                        retyped.ElementType = made.ElementType;
                        retyped.EnumTypeName = made.EnumTypeName;
                        retyped.EnumValues = made.EnumValues;
                        if (action.Column != null)
                        {
                            // T-SQL ALTER COLUMN restates nullability (NULL when not written).
                            retyped.IsNullable = action.Column.NotNull != true && !retyped.IsPrimaryKey;
                        }
                    }

                    break;
                case AlterTableActionKind.ReplaceColumn when action.Column != null:
                    var old = Column(table, action.Name);
                    if (old == null)
                    {
                        return;
                    }

                    var position = table.ColumnList.IndexOf(old);
                    var wasKey = old.IsPrimaryKey;
                    if (!string.Equals(old.Name, action.Column.Name.Value, StringComparison.Ordinal))
                    {
                        RenameColumn(table, old, action.Column.Name.Value);
                    }

                    table.ColumnList.RemoveAt(position);
                    var replacement = MakeColumn(action.Column);
                    if (wasKey)
                    {
                        replacement.IsPrimaryKey = true;
                        replacement.IsNullable = false;
                    }

                    table.ColumnList.Insert(Position(table, action, position), replacement);
                    break;
            }
        }

        /// <summary>Where MySQL's FIRST / AFTER c puts the column: <paramref name="otherwise"/> (the end by default) without them or when c does not exist.</summary>
        private int Position(SqlSchemaTable table, AlterTableAction action, int otherwise = -1)
        {
            if (otherwise < 0)
            {
                otherwise = table.ColumnList.Count;
            }

            if (action.First)
            {
                return 0;
            }

            var after = Column(table, action.After);
            return after == null ? otherwise : table.ColumnList.IndexOf(after) + 1;
        }

        private void DropColumn(SqlSchemaTable table, SqlSchemaColumn column)
        {
            table.ColumnList.Remove(column);
            for (var i = table.IndexList.Count - 1; i >= 0; i--)
            {
                foreach (var c in table.IndexList[i].Columns)
                {
                    if (string.Equals(c.Column, column.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        RemoveIndexAt(table, i);
                        break;
                    }
                }
            }

            table.ForeignKeyList.RemoveAll(f => f.Columns.Contains(column.Name, StringComparer.OrdinalIgnoreCase));
        }

        private void RenameColumn(SqlSchemaTable table, SqlSchemaColumn column, string newName)
        {
            var oldName = column.Name;
            column.Name = newName;
            table.ColumnList.Reindex();
            for (var i = 0; i < table.PrimaryKeyList.Count; i++)
            {
                if (string.Equals(table.PrimaryKeyList[i], oldName, StringComparison.OrdinalIgnoreCase))
                {
                    table.PrimaryKeyList[i] = newName;
                }
            }

            foreach (var index in table.IndexList)
            {
                foreach (var c in index.Columns)
                {
                    if (string.Equals(c.Column, oldName, StringComparison.OrdinalIgnoreCase))
                    {
                        c.Column = newName;
                    }
                }
            }

            foreach (var fk in table.ForeignKeyList)
            {
                fk.Columns = Replace(fk.Columns, oldName, newName);
            }

            foreach (var t in _schema.TableList)
            {
                foreach (var fk in t.ForeignKeyList)
                {
                    if (string.Equals(fk.ReferencedTable, table.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        fk.ReferencedColumns = Replace(fk.ReferencedColumns, oldName, newName);
                    }
                }
            }
        }

        private static IReadOnlyList<string> Replace(IReadOnlyList<string> names, string oldName, string newName)
        {
            var list = new List<string>(names.Count);
            foreach (var n in names)
            {
                list.Add(string.Equals(n, oldName, StringComparison.OrdinalIgnoreCase) ? newName : n);
            }

            return list;
        }
    }
}

internal static class ListExtensions
{
    public static bool Contains(this IReadOnlyList<string> list, string value, StringComparer comparer)
    {
        foreach (var s in list)
        {
            if (comparer.Equals(s, value))
            {
                return true;
            }
        }

        return false;
    }
}
