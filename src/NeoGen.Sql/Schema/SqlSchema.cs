using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Schema;

/// <summary>How the application encrypts a column's values.</summary>
public enum SqlColumnEncryption
{
    None = 0,

    /// <summary>A random nonce per value: equal values differ, so nothing but reading and writing works.</summary>
    Randomized,

    /// <summary>Equal values give equal ciphertexts: equality with a parameter (and IN, IS NULL) works.</summary>
    Deterministic,
}

/// <summary>A column of a schema table.</summary>
public sealed class SqlSchemaColumn
{
    public SqlSchemaColumn(string name, SqlType type, bool isNullable)
    {
        Name = name;
        Type = type;
        IsNullable = isNullable;
    }

    public string Name { get; internal set; }

    /// <summary>The type as declared (<c>varchar(20)</c>, <c>numeric(10,2)</c>, <c>int[]</c>); null when not written.</summary>
    public string? DeclaredType { get; internal set; }

    public SqlType Type { get; internal set; }

    /// <summary>For <see cref="SqlType.Array"/>, the element category.</summary>
    public SqlType ElementType { get; internal set; }

    /// <summary>For <see cref="SqlType.Enum"/> from a PostgreSQL enum type, its name.</summary>
    public string? EnumTypeName { get; internal set; }

    /// <summary>MySQL <c>enum('a','b')</c> or the PostgreSQL enum's labels, when known.</summary>
    public IReadOnlyList<string> EnumValues { get; internal set; } = Array.Empty<string>();

    public bool IsNullable { get; internal set; }

    /// <summary>The DEFAULT expression's text, if any.</summary>
    public string? DefaultSql { get; internal set; }

    /// <summary>True when the database supplies a value when an INSERT leaves the column out (DEFAULT, identity, serial, computed, rowid).</summary>
    public bool HasDefault { get; internal set; }

    /// <summary>GENERATED AS IDENTITY, T-SQL IDENTITY, SQLite AUTOINCREMENT / INTEGER PRIMARY KEY, MySQL AUTO_INCREMENT, serial.</summary>
    public bool IsIdentity { get; internal set; }

    /// <summary>Assigned by the database: identity or computed (or, from C#, <c>[Generated]</c>).</summary>
    public bool IsGenerated { get; internal set; }

    /// <summary>A computed column (GENERATED ALWAYS AS (expr), T-SQL AS expr): never written.</summary>
    public bool IsComputed { get; internal set; }

    /// <summary>Part of the table's primary key.</summary>
    public bool IsPrimaryKey { get; internal set; }

    /// <summary>Declared UNIQUE on its own (column constraint, or a single-column unique constraint / index).</summary>
    public bool IsUnique { get; internal set; }

    public string? Collation { get; internal set; }

    /// <summary>Encrypted by the application (<c>[Encrypted]</c>): the database sees only ciphertext.</summary>
    public SqlColumnEncryption Encryption { get; internal set; }

    public bool IsEncrypted => Encryption != SqlColumnEncryption.None;

    /// <summary>For an encrypted column, the type its values are encrypted from, as the code that declares it names it.</summary>
    public string? EncryptedFrom { get; internal set; }

    /// <summary>
    /// For an encrypted column, the table and column its ciphertexts are bound to: its own, or for a view's column the
    /// base table column it shows.
    /// </summary>
    public (string Table, string Column)? EncryptedAs { get; internal set; }

    /// <summary>For a view's column, the base table and column it shows unchanged, when it shows one.</summary>
    internal (string Table, string Column)? ViewOf { get; set; }

    /// <summary>NOT NULL, no default, not generated: an INSERT must give it a value.</summary>
    public bool IsRequiredOnInsert => !IsNullable && !HasDefault && !IsGenerated && !IsComputed;

    internal SqlSchemaColumn Clone() => (SqlSchemaColumn)MemberwiseClone();

    public override string ToString() => $"{Name} {DeclaredType ?? Type.ToString()}{(IsNullable ? string.Empty : " NOT NULL")}";
}

public enum SqlIndexOrigin
{
    /// <summary>CREATE INDEX, an inline MySQL / T-SQL index, or <c>[Index]</c>.</summary>
    Index,

    PrimaryKey,

    /// <summary>A UNIQUE constraint (column or table level).</summary>
    UniqueConstraint,
}

/// <summary>One key part of an index: a column, or an expression (then <see cref="Column"/> is null).</summary>
public sealed class SqlIndexColumn
{
    public SqlIndexColumn(string? column, string? expression, bool descending)
    {
        Column = column;
        Expression = expression;
        IsDescending = descending;
    }

    public string? Column { get; internal set; }

    /// <summary>The expression's text for an expression key part.</summary>
    public string? Expression { get; }

    public bool IsDescending { get; }
}

/// <summary>An index, or a primary key / unique constraint (which the database backs with one).</summary>
public sealed class SqlSchemaIndex
{
    public SqlSchemaIndex(string? name, IReadOnlyList<SqlIndexColumn> columns, bool isUnique, SqlIndexOrigin origin)
    {
        Name = name;
        Columns = columns;
        IsUnique = isUnique;
        Origin = origin;
    }

    public string? Name { get; internal set; }

    public IReadOnlyList<SqlIndexColumn> Columns { get; internal set; }

    public bool IsUnique { get; }

    public SqlIndexOrigin Origin { get; }

    /// <summary>Has a WHERE clause.</summary>
    public bool IsPartial { get; internal set; }

    /// <summary>The WHERE clause's text of a partial index.</summary>
    public string? Predicate { get; internal set; }

    /// <summary>At least one key part is an expression.</summary>
    public bool IsExpression
    {
        get
        {
            foreach (var c in Columns)
            {
                if (c.Column == null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>USING method, lower case (btree, gin, hash, fulltext ...); null when not written.</summary>
    public string? Method { get; internal set; }

    /// <summary>The leading key part's column, or null if it is an expression.</summary>
    public string? LeadingColumn => Columns.Count == 0 ? null : Columns[0].Column;

    internal SqlSchemaIndex Clone()
    {
        var columns = new SqlIndexColumn[Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new SqlIndexColumn(Columns[i].Column, Columns[i].Expression, Columns[i].IsDescending);
        }

        return new SqlSchemaIndex(Name, columns, IsUnique, Origin) { IsPartial = IsPartial, Predicate = Predicate, Method = Method };
    }
}

public sealed class SqlForeignKey
{
    public SqlForeignKey(string? name, IReadOnlyList<string> columns, string referencedTable, string? referencedSchema, IReadOnlyList<string> referencedColumns)
    {
        Name = name;
        Columns = columns;
        ReferencedTable = referencedTable;
        ReferencedSchema = referencedSchema;
        ReferencedColumns = referencedColumns;
    }

    public string? Name { get; }

    public IReadOnlyList<string> Columns { get; internal set; }

    public string ReferencedTable { get; internal set; }

    public string? ReferencedSchema { get; }

    /// <summary>Empty when the referenced table's primary key is meant.</summary>
    public IReadOnlyList<string> ReferencedColumns { get; internal set; }

    public string? OnDelete { get; internal set; }

    internal SqlForeignKey Clone() =>
        new(Name, new List<string>(Columns), ReferencedTable, ReferencedSchema, new List<string>(ReferencedColumns)) { OnDelete = OnDelete };
}

public sealed class SqlSchemaTable
{
    internal readonly ColumnCollection ColumnList = new();
    internal readonly List<SqlSchemaIndex> IndexList = new();
    internal readonly List<SqlForeignKey> ForeignKeyList = new();
    internal readonly List<string> PrimaryKeyList = new();

    public SqlSchemaTable(string name, string? schema)
    {
        Name = name;
        Schema = schema;
    }

    public string Name { get; internal set; }

    /// <summary>The schema qualifier as written (<c>public</c>, <c>dbo</c>), if any.</summary>
    public string? Schema { get; internal set; }

    /// <summary>A view (its columns come from its query).</summary>
    public bool IsView { get; internal set; }

    /// <summary>The column list is not known (CREATE TABLE .. AS with an unbindable query, a view that did not bind): column references are not checked.</summary>
    public bool HasUnknownColumns { get; internal set; }

    /// <summary>Declared by a C# type through <see cref="SqlSchemaBuilder.AddTable"/>, not by DDL.</summary>
    public bool IsFromCode { get; internal set; }

    /// <summary>The column that holds each row's tenant (<c>[TenantKey]</c>), when rows belong to tenants.</summary>
    public string? TenantColumn { get; internal set; }

    public IReadOnlyList<SqlSchemaColumn> Columns => ColumnList;

    /// <summary>The primary key's columns in key order (column or table constraint); empty when none.</summary>
    public IReadOnlyList<string> PrimaryKey => PrimaryKeyList;

    /// <summary>Indexes, including the primary key and unique constraints (see <see cref="SqlSchemaIndex.Origin"/>).</summary>
    public IReadOnlyList<SqlSchemaIndex> Indexes => IndexList;

    public IReadOnlyList<SqlForeignKey> ForeignKeys => ForeignKeyList;

    /// <summary>Unique constraints and unique indexes (not the primary key), as column lists.</summary>
    public IReadOnlyList<IReadOnlyList<string>> UniqueKeys
    {
        get
        {
            var list = new List<IReadOnlyList<string>>();
            foreach (var index in IndexList)
            {
                if (index.IsUnique && index.Origin != SqlIndexOrigin.PrimaryKey && !index.IsPartial && !index.IsExpression)
                {
                    var names = new List<string>();
                    foreach (var c in index.Columns)
                    {
                        names.Add(c.Column!);
                    }

                    list.Add(names);
                }
            }

            return list;
        }
    }

    /// <summary>The column named <paramref name="name"/>, case-insensitively; null if none.</summary>
    public SqlSchemaColumn? FindColumn(string? name)
    {
        if (name == null)
        {
            return null;
        }

        return ColumnList.Find(name);
    }

    /// <summary>
    /// True when some non-partial index (primary key and unique constraints included) has <paramref name="column"/> as
    /// its leading key part, so a filter, join or sort on it can use the index.
    /// </summary>
    public bool HasIndexLeadingWith(string column)
    {
        foreach (var index in IndexList)
        {
            if (!index.IsPartial && index.LeadingColumn != null && string.Equals(index.LeadingColumn, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some non-partial index's key starts with exactly these columns, in any order within the prefix.</summary>
    public bool HasIndexCovering(IReadOnlyList<string> columns)
    {
        foreach (var index in IndexList)
        {
            if (index.IsPartial || index.Columns.Count < columns.Count || columns.Count == 0)
            {
                continue;
            }

            var all = true;
            foreach (var column in columns)
            {
                var found = false;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (string.Equals(index.Columns[i].Column, column, StringComparison.OrdinalIgnoreCase))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    internal SqlSchemaTable Clone()
    {
        var t = new SqlSchemaTable(Name, Schema) { IsView = IsView, HasUnknownColumns = HasUnknownColumns, IsFromCode = IsFromCode, TenantColumn = TenantColumn };
        foreach (var c in ColumnList)
        {
            t.ColumnList.Add(c.Clone());
        }

        foreach (var i in IndexList)
        {
            t.IndexList.Add(i.Clone());
        }

        foreach (var f in ForeignKeyList)
        {
            t.ForeignKeyList.Add(f.Clone());
        }

        t.PrimaryKeyList.AddRange(PrimaryKeyList);
        return t;
    }

    public override string ToString() => Schema == null ? Name : Schema + "." + Name;
}

public sealed class SqlEnumType
{
    public SqlEnumType(string name, string? schema, IReadOnlyList<string> values)
    {
        Name = name;
        Schema = schema;
        Values = values;
    }

    public string Name { get; internal set; }

    public string? Schema { get; }

    public IReadOnlyList<string> Values { get; internal set; }
}

/// <summary>Tables (case-insensitive names, optional schema qualifier) and enum types. Built by <see cref="SqlSchemaBuilder"/>.</summary>
public sealed class SqlSchema
{
    internal readonly TableCollection TableList = new();
    internal readonly List<SqlEnumType> EnumList = new();

    public static SqlSchema Empty { get; } = new();

    public IReadOnlyList<SqlSchemaTable> Tables => TableList;

    public IReadOnlyList<SqlEnumType> EnumTypes => EnumList;

    /// <summary>
    /// The table named <paramref name="name"/> (case-insensitive). With a <paramref name="schema"/> qualifier, a table
    /// declared with that qualifier, or one declared without any; without one, the first table of that name.
    /// </summary>
    public SqlSchemaTable? FindTable(string? name, string? schema = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        SqlSchemaTable? unqualified = null;
        foreach (var t in TableList.Named(name!))
        {
            if (string.IsNullOrEmpty(schema) || string.Equals(t.Schema, schema, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }

            if (t.Schema == null)
            {
                unqualified ??= t;
            }
        }

        return unqualified;
    }

    public SqlEnumType? FindEnum(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var dot = name!.LastIndexOf('.');
        var bare = dot >= 0 ? name.Substring(dot + 1) : name;
        foreach (var e in EnumList)
        {
            if (string.Equals(e.Name, bare, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return null;
    }

    internal SqlSchema Clone()
    {
        var s = new SqlSchema();
        foreach (var t in TableList)
        {
            s.TableList.Add(t.Clone());
        }

        foreach (var e in EnumList)
        {
            s.EnumList.Add(new SqlEnumType(e.Name, e.Schema, new List<string>(e.Values)));
        }

        return s;
    }
}
