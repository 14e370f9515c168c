using System.Collections.Generic;

namespace NeoGen.Sql;

/// <summary>The SQL dialects NeoGen understands.</summary>
public enum SqlDialect
{
    Sqlite = 0,
    PostgreSql = 1,
    MySql = 2,
    SqlServer = 3,
}

/// <summary>What a statement does.</summary>
public enum SqlStatementKind
{
    Unknown = 0,
    Select = 1,
    Insert = 2,
    Update = 3,
    Delete = 4,
    Merge = 5,
    Ddl = 6,
    Other = 7,
}

/// <summary>Where a parameter stands, which decides how a provider receives it.</summary>
public enum SqlParameterContext
{
    /// <summary>A single value.</summary>
    Value = 0,

    /// <summary><c>IN @p</c> with no parentheses: a collection to expand. <see cref="SqlParameterUse.ContextStart"/> is the <c>IN</c> keyword.</summary>
    InList = 1,

    /// <summary><c>ANY(@p)</c> / <c>ALL(@p)</c>: an array.</summary>
    AnyArray = 2,
}

/// <summary>A span of the SQL text with a message.</summary>
public sealed class SqlError
{
    public SqlError(string message, int start, int length)
    {
        Message = message;
        Start = start;
        Length = length;
    }

    public string Message { get; }

    public int Start { get; }

    public int Length { get; }

    public override string ToString() => $"({Start},{Length}): {Message}";
}

/// <summary>One occurrence of an <c>@name</c> parameter.</summary>
public sealed class SqlParameterUse
{
    public SqlParameterUse(string name, int start, int length, SqlParameterContext context, int contextStart)
    {
        Name = name;
        Start = start;
        Length = length;
        Context = context;
        ContextStart = contextStart;
    }

    /// <summary>The name without the <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>Offset of the <c>@</c>.</summary>
    public int Start { get; }

    /// <summary>Length including the <c>@</c>.</summary>
    public int Length { get; }

    public SqlParameterContext Context { get; }

    /// <summary>For <see cref="SqlParameterContext.InList"/>, the offset of the <c>IN</c> keyword; otherwise <see cref="Start"/>.</summary>
    public int ContextStart { get; }
}

/// <summary>A table named in FROM / JOIN, or the target of INSERT / UPDATE / DELETE.</summary>
public sealed class SqlTableReference
{
    public SqlTableReference(string name, string? schema, string? alias, bool isNullable, int start, int length)
    {
        Name = name;
        Schema = schema;
        Alias = alias;
        IsNullable = isNullable;
        Start = start;
        Length = length;
    }

    /// <summary>The table name, unquoted, as written.</summary>
    public string Name { get; }

    public string? Schema { get; }

    public string? Alias { get; }

    /// <summary>True on the optional side of an outer join: every column read from it may be NULL.</summary>
    public bool IsNullable { get; }

    /// <summary>The name is a common table expression of the statement's WITH clause, not a schema table.</summary>
    public bool IsCte { get; internal set; }

    public int Start { get; }

    public int Length { get; }
}

/// <summary>One column of the result (select list or RETURNING / OUTPUT).</summary>
public sealed class SqlResultColumn
{
    public SqlResultColumn(string? name, string? sourceTable, string? sourceColumn, bool isStar, bool isNullableSource, int start, int length)
    {
        Name = name;
        SourceTable = sourceTable;
        SourceColumn = sourceColumn;
        IsStar = isStar;
        IsNullableSource = isNullableSource;
        Start = start;
        Length = length;
    }

    /// <summary>The output name (alias, or the column name of a plain column reference); null for an unnamed expression.</summary>
    public string? Name { get; }

    /// <summary>The table a plain column reference or a qualified star reads (alias resolved to the table name); null when unknown.</summary>
    public string? SourceTable { get; }

    /// <summary>The column of a plain column reference.</summary>
    public string? SourceColumn { get; }

    /// <summary><c>*</c> or <c>t.*</c>; with <see cref="SourceTable"/> null an unqualified star over every FROM table.</summary>
    public bool IsStar { get; }

    /// <summary>The value comes from the optional side of an outer join.</summary>
    public bool IsNullableSource { get; }

    public int Start { get; }

    public int Length { get; }
}

/// <summary>What the generator needs to know about one statement. Built by <see cref="SqlDescriber"/>; never throws.</summary>
public sealed class SqlDescription
{
    public SqlDescription(
        SqlStatementKind kind,
        int statementCount,
        IReadOnlyList<SqlError> errors,
        IReadOnlyList<SqlParameterUse> parameters,
        IReadOnlyList<SqlResultColumn> resultColumns,
        IReadOnlyList<SqlTableReference> tables,
        string? targetTable)
    {
        Kind = kind;
        StatementCount = statementCount;
        Errors = errors;
        Parameters = parameters;
        ResultColumns = resultColumns;
        Tables = tables;
        TargetTable = targetTable;
    }

    public SqlStatementKind Kind { get; }

    public int StatementCount { get; }

    /// <summary>Parse errors; empty when the statement parsed.</summary>
    public IReadOnlyList<SqlError> Errors { get; }

    /// <summary>Every parameter occurrence, in text order.</summary>
    public IReadOnlyList<SqlParameterUse> Parameters { get; }

    /// <summary>The result columns in order; empty when the statement returns no rows.</summary>
    public IReadOnlyList<SqlResultColumn> ResultColumns { get; }

    /// <summary>The tables of the top-level statement's FROM / JOIN, and its target.</summary>
    public IReadOnlyList<SqlTableReference> Tables { get; }

    /// <summary>The table an INSERT / UPDATE / DELETE writes.</summary>
    public string? TargetTable { get; }
}
