using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

public sealed class OrderByItem : SqlNode
{
    public OrderByItem(SqlExpression expression, bool? descending, bool? nullsFirst, SqlSpan span)
        : base(span)
    {
        Expression = expression;
        Descending = descending;
        NullsFirst = nullsFirst;
    }

    public SqlExpression Expression { get; }

    /// <summary>True for DESC, false for ASC, null when not written.</summary>
    public bool? Descending { get; }

    /// <summary>True for NULLS FIRST, false for NULLS LAST, null when not written.</summary>
    public bool? NullsFirst { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Expression);
}

public sealed class CommonTableExpression : SqlNode
{
    public CommonTableExpression(SqlIdentifier name, IReadOnlyList<SqlIdentifier> columnNames, SqlQuery query, bool? materialized, SqlSpan span)
        : base(span)
    {
        Name = name;
        ColumnNames = columnNames;
        Query = query;
        Materialized = materialized;
    }

    public SqlIdentifier Name { get; }

    public IReadOnlyList<SqlIdentifier> ColumnNames { get; }

    public SqlQuery Query { get; }

    /// <summary>PostgreSQL [NOT] MATERIALIZED; null when not written.</summary>
    public bool? Materialized { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        AddAll(sink, ColumnNames);
        sink.Add(Query);
    }
}

public sealed class WithClause : SqlNode
{
    public WithClause(bool isRecursive, IReadOnlyList<CommonTableExpression> ctes, SqlSpan span)
        : base(span)
    {
        IsRecursive = isRecursive;
        Ctes = ctes;
    }

    public bool IsRecursive { get; }

    public IReadOnlyList<CommonTableExpression> Ctes { get; }

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Ctes);
}

/// <summary>One entry of a select list, RETURNING list or OUTPUT list.</summary>
public sealed class SelectItem : SqlNode
{
    public SelectItem(SqlExpression expression, SqlIdentifier? alias, SqlSpan span)
        : base(span)
    {
        Expression = expression;
        Alias = alias;
    }

    /// <summary>A <see cref="StarExpression"/> for <c>*</c> / <c>t.*</c>.</summary>
    public SqlExpression Expression { get; }

    /// <summary>From <c>AS x</c>, <c>x</c>, <c>AS 'x'</c> or T-SQL <c>x = expr</c>.</summary>
    public SqlIdentifier? Alias { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Expression);
        Add(sink, Alias);
    }
}

/// <summary>T-SQL <c>TOP (n) [PERCENT] [WITH TIES]</c>.</summary>
public sealed class TopClause : SqlNode
{
    public TopClause(SqlExpression count, bool percent, bool withTies, SqlSpan span)
        : base(span)
    {
        Count = count;
        Percent = percent;
        WithTies = withTies;
    }

    public SqlExpression Count { get; }

    public bool Percent { get; }

    public bool WithTies { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Count);
}

public enum SqlLimitSyntax
{
    None,

    /// <summary><c>LIMIT n [OFFSET m]</c> or MySQL/SQLite <c>LIMIT m, n</c>.</summary>
    Limit,

    /// <summary><c>OFFSET m ROWS FETCH NEXT n ROWS ONLY</c>.</summary>
    Fetch,
}

/// <summary>A query expression: a SELECT, VALUES, a set operation, or a parenthesized query, with its ORDER BY / LIMIT.</summary>
public abstract class SqlQuery : SqlNode
{
    protected SqlQuery(SqlSpan span)
        : base(span)
    {
    }

    public WithClause? With { get; internal set; }

    public IReadOnlyList<OrderByItem> OrderBy { get; internal set; } = Array.Empty<OrderByItem>();

    public SqlExpression? Limit { get; internal set; }

    public SqlExpression? Offset { get; internal set; }

    public SqlLimitSyntax LimitSyntax { get; internal set; }

    /// <summary>FETCH .. WITH TIES.</summary>
    public bool FetchWithTies { get; internal set; }

    /// <summary>The span of a trailing locking / FOR JSON / OPTION clause, kept as text.</summary>
    public SqlSpan? TrailingClause { get; internal set; }

    /// <summary>The leftmost SELECT (the one that names the result columns), if any.</summary>
    public SelectQuery? FirstSelect
    {
        get
        {
            SqlQuery? q = this;
            while (true)
            {
                switch (q)
                {
                    case SelectQuery s:
                        return s;
                    case SetOperationQuery set:
                        q = set.Left;
                        break;
                    case ParenthesizedQuery p:
                        q = p.Inner;
                        break;
                    default:
                        return null;
                }
            }
        }
    }

    internal void CollectTail(List<SqlNode> sink)
    {
        AddAll(sink, OrderBy);
        if (LimitSyntax == SqlLimitSyntax.Limit && Offset != null && Limit != null && Offset.Span.Start < Limit.Span.Start)
        {
            sink.Add(Offset);
            sink.Add(Limit);
        }
        else
        {
            if (LimitSyntax == SqlLimitSyntax.Fetch)
            {
                Add(sink, Offset);
                Add(sink, Limit);
            }
            else
            {
                Add(sink, Limit);
                Add(sink, Offset);
            }
        }
    }
}

public sealed class SelectQuery : SqlQuery
{
    public SelectQuery(SqlSpan span)
        : base(span)
    {
    }

    public bool IsDistinct { get; internal set; }

    /// <summary>PostgreSQL <c>DISTINCT ON (..)</c>.</summary>
    public IReadOnlyList<SqlExpression> DistinctOn { get; internal set; } = Array.Empty<SqlExpression>();

    public TopClause? Top { get; internal set; }

    public IReadOnlyList<SelectItem> Items { get; internal set; } = Array.Empty<SelectItem>();

    /// <summary><c>SELECT .. INTO target</c>, kept as a span.</summary>
    public SqlSpan? Into { get; internal set; }

    public FromClause? From { get; internal set; }

    public SqlExpression? Where { get; internal set; }

    public IReadOnlyList<SqlExpression> GroupBy { get; internal set; } = Array.Empty<SqlExpression>();

    public SqlExpression? Having { get; internal set; }

    public IReadOnlyList<NamedWindow> Windows { get; internal set; } = Array.Empty<NamedWindow>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        AddAll(sink, DistinctOn);
        Add(sink, Top);
        AddAll(sink, Items);
        Add(sink, From);
        Add(sink, Where);
        AddAll(sink, GroupBy);
        Add(sink, Having);
        AddAll(sink, Windows);
        CollectTail(sink);
    }
}

public sealed class NamedWindow : SqlNode
{
    public NamedWindow(SqlIdentifier name, WindowSpecification specification, SqlSpan span)
        : base(span)
    {
        Name = name;
        Specification = specification;
    }

    public SqlIdentifier Name { get; }

    public WindowSpecification Specification { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        sink.Add(Specification);
    }
}

public enum SetOperator
{
    Union,
    Intersect,
    Except,
}

public sealed class SetOperationQuery : SqlQuery
{
    public SetOperationQuery(SqlQuery left, SetOperator op, bool isAll, SqlQuery right, SqlSpan span)
        : base(span)
    {
        Left = left;
        Operator = op;
        IsAll = isAll;
        Right = right;
    }

    public SqlQuery Left { get; }

    public SetOperator Operator { get; }

    public bool IsAll { get; }

    public SqlQuery Right { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        sink.Add(Left);
        sink.Add(Right);
        CollectTail(sink);
    }
}

public sealed class ValuesQuery : SqlQuery
{
    public ValuesQuery(IReadOnlyList<RowExpression> rows, SqlSpan span)
        : base(span)
    {
        Rows = rows;
    }

    public IReadOnlyList<RowExpression> Rows { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        AddAll(sink, Rows);
        CollectTail(sink);
    }
}

public sealed class ParenthesizedQuery : SqlQuery
{
    public ParenthesizedQuery(SqlQuery inner, SqlSpan span)
        : base(span)
    {
        Inner = inner;
    }

    public SqlQuery Inner { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        sink.Add(Inner);
        CollectTail(sink);
    }
}
