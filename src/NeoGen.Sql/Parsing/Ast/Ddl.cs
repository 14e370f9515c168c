using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

/// <summary><c>REFERENCES t [(c, ..)] [ON DELETE ..]</c>.</summary>
public sealed class ForeignKeyReference : SqlNode
{
    public ForeignKeyReference(SqlObjectName table, IReadOnlyList<SqlIdentifier> columns, SqlSpan span)
        : base(span)
    {
        Table = table;
        Columns = columns;
    }

    public SqlObjectName Table { get; }

    /// <summary>Empty when the referenced table's primary key is meant.</summary>
    public IReadOnlyList<SqlIdentifier> Columns { get; }

    /// <summary>The action word(s) after ON DELETE, upper case (<c>CASCADE</c>, <c>SET NULL</c>, ...), if written.</summary>
    public string? OnDelete { get; internal set; }

    public string? OnUpdate { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Table);
        AddAll(sink, Columns);
    }
}

/// <summary>One column of CREATE TABLE / ALTER TABLE ADD COLUMN, with its inline constraints.</summary>
public sealed class ColumnDefinition : SqlNode
{
    public ColumnDefinition(SqlIdentifier name, SqlDataType? type, SqlSpan span)
        : base(span)
    {
        Name = name;
        Type = type;
    }

    public SqlIdentifier Name { get; }

    /// <summary>Null when no type is written (SQLite allows that).</summary>
    public SqlDataType? Type { get; }

    /// <summary>True for NOT NULL, false for an explicit NULL, null when neither is written.</summary>
    public bool? NotNull { get; internal set; }

    public SqlExpression? Default { get; internal set; }

    public bool IsPrimaryKey { get; internal set; }

    /// <summary>PRIMARY KEY DESC (SQLite: then not a rowid alias).</summary>
    public bool PrimaryKeyDescending { get; internal set; }

    public bool IsUnique { get; internal set; }

    public ForeignKeyReference? References { get; internal set; }

    public IReadOnlyList<SqlExpression> Checks { get; internal set; } = Array.Empty<SqlExpression>();

    /// <summary>GENERATED .. AS IDENTITY, T-SQL IDENTITY(1,1).</summary>
    public bool IsIdentity { get; internal set; }

    /// <summary>SQLite AUTOINCREMENT, MySQL AUTO_INCREMENT.</summary>
    public bool IsAutoIncrement { get; internal set; }

    /// <summary>A computed column: <c>GENERATED ALWAYS AS (expr) [STORED]</c> or T-SQL <c>AS expr</c>.</summary>
    public SqlExpression? ComputedExpression { get; internal set; }

    public string? Collation { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        Add(sink, Type);
        Add(sink, Default);
        Add(sink, References);
        AddAll(sink, Checks);
        Add(sink, ComputedExpression);
    }
}

public enum TableConstraintKind
{
    PrimaryKey,
    Unique,
    ForeignKey,
    Check,

    /// <summary>MySQL <c>KEY ix (..)</c> / <c>INDEX ix (..)</c> / T-SQL inline <c>INDEX ix (..)</c> inside CREATE TABLE.</summary>
    Index,

    /// <summary>T-SQL <c>[CONSTRAINT n] DEFAULT expr FOR col</c> (ALTER TABLE .. ADD).</summary>
    Default,

    /// <summary>PostgreSQL EXCLUDE and anything else recognised but not modelled.</summary>
    Other,
}

/// <summary>A table-level constraint: <c>[CONSTRAINT n] PRIMARY KEY (..) | UNIQUE (..) | FOREIGN KEY (..) REFERENCES .. | CHECK (..)</c>.</summary>
public sealed class TableConstraint : SqlNode
{
    public TableConstraint(TableConstraintKind kind, SqlIdentifier? name, IReadOnlyList<IndexColumn> columns, SqlSpan span)
        : base(span)
    {
        ConstraintKind = kind;
        Name = name;
        Columns = columns;
    }

    public TableConstraintKind ConstraintKind { get; }

    public SqlIdentifier? Name { get; }

    /// <summary>The key / unique / foreign key / index columns in order.</summary>
    public IReadOnlyList<IndexColumn> Columns { get; }

    public ForeignKeyReference? References { get; internal set; }

    public SqlExpression? Check { get; internal set; }

    /// <summary>For <see cref="TableConstraintKind.Default"/>: the value.</summary>
    public SqlExpression? Default { get; internal set; }

    /// <summary>For <see cref="TableConstraintKind.Default"/>: the column (<c>FOR col</c>).</summary>
    public SqlIdentifier? DefaultColumn { get; internal set; }

    /// <summary>For <see cref="TableConstraintKind.Index"/>: MySQL UNIQUE KEY / FULLTEXT is reported as Unique / Index.</summary>
    public bool IsUniqueIndex { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Name);
        AddAll(sink, Columns);
        Add(sink, References);
        Add(sink, Check);
        Add(sink, Default);
        Add(sink, DefaultColumn);
    }
}

/// <summary>CREATE TABLE.</summary>
public sealed class CreateTableStatement : SqlStatement
{
    public CreateTableStatement(SqlObjectName name, SqlSpan span)
        : base(span)
    {
        Name = name;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    public SqlObjectName Name { get; }

    public bool IfNotExists { get; internal set; }

    public bool IsTemporary { get; internal set; }

    public IReadOnlyList<ColumnDefinition> Columns { get; internal set; } = Array.Empty<ColumnDefinition>();

    public IReadOnlyList<TableConstraint> Constraints { get; internal set; } = Array.Empty<TableConstraint>();

    /// <summary><c>CREATE TABLE t AS SELECT ..</c>.</summary>
    public SqlQuery? AsQuery { get; internal set; }

    /// <summary>MySQL <c>CREATE TABLE t LIKE other</c>, PostgreSQL <c>CREATE TABLE t (LIKE other ..)</c>: the table whose columns are copied.</summary>
    public SqlObjectName? LikeTable { get; internal set; }

    /// <summary>PostgreSQL <c>INHERITS (parent, ..)</c>: the tables whose columns come first.</summary>
    public IReadOnlyList<SqlObjectName> Inherits { get; internal set; } = Array.Empty<SqlObjectName>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        AddAll(sink, Columns);
        AddAll(sink, Constraints);
        Add(sink, AsQuery);
        Add(sink, LikeTable);
        AddAll(sink, Inherits);
    }
}

/// <summary>CREATE [OR REPLACE] VIEW name [(cols)] AS query.</summary>
public sealed class CreateViewStatement : SqlStatement
{
    public CreateViewStatement(SqlObjectName name, IReadOnlyList<SqlIdentifier> columnNames, SqlQuery query, SqlSpan span)
        : base(span)
    {
        Name = name;
        ColumnNames = columnNames;
        Query = query;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    public SqlObjectName Name { get; }

    public IReadOnlyList<SqlIdentifier> ColumnNames { get; }

    public SqlQuery Query { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        AddAll(sink, ColumnNames);
        sink.Add(Query);
    }
}

/// <summary>A key part of an index or constraint: a column or an expression, with its direction.</summary>
public sealed class IndexColumn : SqlNode
{
    public IndexColumn(SqlExpression expression, bool? descending, SqlSpan span)
        : base(span)
    {
        Expression = expression;
        Descending = descending;
    }

    public SqlExpression Expression { get; }

    public bool? Descending { get; }

    /// <summary>The column name when the key part is a plain column (or a MySQL prefix <c>col(10)</c>); null for an expression.</summary>
    public string? ColumnName { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Expression);
}

/// <summary>CREATE [UNIQUE] INDEX.</summary>
public sealed class CreateIndexStatement : SqlStatement
{
    public CreateIndexStatement(SqlObjectName? name, SqlObjectName table, IReadOnlyList<IndexColumn> columns, SqlSpan span)
        : base(span)
    {
        Name = name;
        Table = table;
        Columns = columns;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    /// <summary>Null for PostgreSQL's unnamed <c>CREATE INDEX ON t (..)</c>.</summary>
    public SqlObjectName? Name { get; }

    public SqlObjectName Table { get; }

    public IReadOnlyList<IndexColumn> Columns { get; }

    public bool IsUnique { get; internal set; }

    public bool IfNotExists { get; internal set; }

    /// <summary><c>USING btree</c> / <c>gin</c> / ..., lower case; MySQL FULLTEXT / SPATIAL too.</summary>
    public string? Method { get; internal set; }

    /// <summary>INCLUDE (..) columns.</summary>
    public IReadOnlyList<SqlIdentifier> Include { get; internal set; } = Array.Empty<SqlIdentifier>();

    /// <summary>The predicate of a partial (filtered) index.</summary>
    public SqlExpression? Where { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Name);
        sink.Add(Table);
        AddAll(sink, Columns);
        AddAll(sink, Include);
        Add(sink, Where);
    }
}

public enum AlterTableActionKind
{
    AddColumn,
    DropColumn,
    RenameColumn,
    RenameTable,
    AddConstraint,
    DropConstraint,
    SetNotNull,
    DropNotNull,
    SetDefault,
    DropDefault,

    /// <summary><c>ALTER COLUMN c TYPE t</c>, T-SQL <c>ALTER COLUMN c t [NOT NULL]</c>, MySQL <c>MODIFY</c> / <c>CHANGE</c> (with <see cref="AlterTableAction.Column"/>).</summary>
    AlterColumnType,

    /// <summary>MySQL <c>CHANGE old new_definition</c> and <c>MODIFY definition</c>: replace the column.</summary>
    ReplaceColumn,

    DropPrimaryKey,
    DropIndex,
    RenameIndex,

    /// <summary>Recognised syntax that does not change the modelled schema (owner, storage, triggers ...).</summary>
    Other,
}

public sealed class AlterTableAction : SqlNode
{
    public AlterTableAction(AlterTableActionKind kind, SqlSpan span)
        : base(span)
    {
        ActionKind = kind;
    }

    public AlterTableActionKind ActionKind { get; }

    /// <summary>The new column for AddColumn / ReplaceColumn (and MySQL MODIFY); for AlterColumnType in T-SQL, the new definition.</summary>
    public ColumnDefinition? Column { get; internal set; }

    /// <summary>The column acted on (drop, rename, alter); or the constraint / index name for DropConstraint / DropIndex / RenameIndex.</summary>
    public SqlIdentifier? Name { get; internal set; }

    /// <summary>RenameColumn / RenameIndex: the new name.</summary>
    public SqlIdentifier? NewName { get; internal set; }

    /// <summary>RenameTable: the new table name.</summary>
    public SqlObjectName? NewTableName { get; internal set; }

    public TableConstraint? Constraint { get; internal set; }

    public SqlDataType? Type { get; internal set; }

    public SqlExpression? Default { get; internal set; }

    public bool IfExists { get; internal set; }

    public bool IfNotExists { get; internal set; }

    /// <summary>MySQL <c>FIRST</c> on ADD / CHANGE / MODIFY: the column becomes the table's first.</summary>
    public bool First { get; internal set; }

    /// <summary>MySQL <c>AFTER c</c> on ADD / CHANGE / MODIFY: the column goes right after this one.</summary>
    public SqlIdentifier? After { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Column);
        Add(sink, Name);
        Add(sink, After);
        Add(sink, NewName);
        Add(sink, NewTableName);
        Add(sink, Constraint);
        Add(sink, Type);
        Add(sink, Default);
    }
}

/// <summary>ALTER TABLE, and MySQL's RENAME TABLE a TO b (one statement per pair).</summary>
public sealed class AlterTableStatement : SqlStatement
{
    public AlterTableStatement(SqlObjectName table, IReadOnlyList<AlterTableAction> actions, SqlSpan span)
        : base(span)
    {
        Table = table;
        Actions = actions;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    public SqlObjectName Table { get; }

    public bool IfExists { get; internal set; }

    public IReadOnlyList<AlterTableAction> Actions { get; }

    /// <summary>MySQL RENAME TABLE a TO b, c TO d: the further pairs after the first.</summary>
    public IReadOnlyList<AlterTableStatement> MoreRenames { get; internal set; } = Array.Empty<AlterTableStatement>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Table);
        AddAll(sink, Actions);
        AddAll(sink, MoreRenames);
    }
}

public enum DropObjectKind
{
    Table,
    Index,
    View,
    Type,
}

public sealed class DropStatement : SqlStatement
{
    public DropStatement(DropObjectKind objectKind, IReadOnlyList<SqlObjectName> names, SqlSpan span)
        : base(span)
    {
        ObjectKind = objectKind;
        Names = names;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    public DropObjectKind ObjectKind { get; }

    public IReadOnlyList<SqlObjectName> Names { get; }

    public bool IfExists { get; internal set; }

    /// <summary>MySQL / T-SQL <c>DROP INDEX ix ON t</c>.</summary>
    public SqlObjectName? OnTable { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        AddAll(sink, Names);
        Add(sink, OnTable);
    }
}

/// <summary>PostgreSQL CREATE TYPE name AS ENUM ('a', 'b'); also ALTER TYPE name ADD VALUE 'c' (one value in <see cref="AddedValues"/>).</summary>
public sealed class CreateEnumTypeStatement : SqlStatement
{
    public CreateEnumTypeStatement(SqlObjectName name, IReadOnlyList<string> values, bool isAlter, SqlSpan span)
        : base(span)
    {
        Name = name;
        Values = values;
        IsAlter = isAlter;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Ddl;

    public SqlObjectName Name { get; }

    /// <summary>The labels in order (for ALTER TYPE .. ADD VALUE, the added label).</summary>
    public IReadOnlyList<string> Values { get; }

    public bool IsAlter { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Name);
}
