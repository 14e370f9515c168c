using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

public sealed class FromClause : SqlNode
{
    public FromClause(IReadOnlyList<TableSource> sources, SqlSpan span)
        : base(span)
    {
        Sources = sources;
    }

    /// <summary>The comma-separated items; joins are nested inside each.</summary>
    public IReadOnlyList<TableSource> Sources { get; }

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Sources);
}

public abstract class TableSource : SqlNode
{
    protected TableSource(SqlSpan span)
        : base(span)
    {
    }

    public SqlIdentifier? Alias { get; internal set; }

    /// <summary><c>AS t(a, b)</c>.</summary>
    public IReadOnlyList<SqlIdentifier> ColumnAliases { get; internal set; } = Array.Empty<SqlIdentifier>();

    internal void CollectAlias(List<SqlNode> sink)
    {
        Add(sink, Alias);
        AddAll(sink, ColumnAliases);
    }
}

/// <summary>A table, view or CTE named in FROM / JOIN, or a DML target.</summary>
public sealed class NamedTableSource : TableSource
{
    public NamedTableSource(SqlObjectName name, SqlSpan span)
        : base(span)
    {
        Name = name;
    }

    public SqlObjectName Name { get; }

    /// <summary>T-SQL <c>WITH (NOLOCK)</c> or MySQL index hints, kept as a span.</summary>
    public SqlSpan? Hints { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        CollectAlias(sink);
    }
}

public sealed class DerivedTableSource : TableSource
{
    public DerivedTableSource(SqlQuery query, bool isLateral, SqlSpan span)
        : base(span)
    {
        Query = query;
        IsLateral = isLateral;
    }

    public SqlQuery Query { get; }

    public bool IsLateral { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Query);
        CollectAlias(sink);
    }
}

/// <summary>A set-returning function in FROM: <c>unnest(@ids) AS t(id)</c>, <c>generate_series(1, 10)</c>.</summary>
public sealed class FunctionTableSource : TableSource
{
    public FunctionTableSource(FunctionCallExpression function, bool isLateral, SqlSpan span)
        : base(span)
    {
        Function = function;
        IsLateral = isLateral;
    }

    public FunctionCallExpression Function { get; }

    public bool IsLateral { get; }

    public bool WithOrdinality { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Function);
        CollectAlias(sink);
    }
}

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,

    /// <summary>T-SQL CROSS APPLY.</summary>
    CrossApply,

    /// <summary>T-SQL OUTER APPLY: the right side may be all NULL.</summary>
    OuterApply,
}

public sealed class JoinedTableSource : TableSource
{
    public JoinedTableSource(TableSource left, JoinKind kind, bool isNatural, TableSource right, SqlExpression? on, IReadOnlyList<SqlIdentifier> usingColumns, SqlSpan span)
        : base(span)
    {
        Left = left;
        Kind = kind;
        IsNatural = isNatural;
        Right = right;
        On = on;
        Using = usingColumns;
    }

    public TableSource Left { get; }

    public JoinKind Kind { get; }

    public bool IsNatural { get; }

    public TableSource Right { get; }

    public SqlExpression? On { get; }

    public IReadOnlyList<SqlIdentifier> Using { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Left);
        sink.Add(Right);
        Add(sink, On);
        AddAll(sink, Using);
        CollectAlias(sink);
    }
}
