using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

public abstract class SqlExpression : SqlNode
{
    protected SqlExpression(SqlSpan span)
        : base(span)
    {
    }
}

/// <summary>Stands where an expression failed to parse, so partial trees stay well-formed.</summary>
public sealed class ErrorExpression : SqlExpression
{
    public ErrorExpression(SqlSpan span)
        : base(span)
    {
    }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

public enum SqlLiteralKind
{
    String,
    Number,
    Blob,
    Null,
    Boolean,

    /// <summary>The <c>DEFAULT</c> keyword in VALUES or SET.</summary>
    Default,
}

public sealed class LiteralExpression : SqlExpression
{
    public LiteralExpression(SqlLiteralKind kind, string value, SqlSpan span)
        : base(span)
    {
        LiteralKind = kind;
        Value = value;
    }

    public SqlLiteralKind LiteralKind { get; }

    /// <summary>Strings unescaped, numbers as written, booleans "TRUE"/"FALSE".</summary>
    public string Value { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

/// <summary><c>DATE '2020-01-01'</c>, <c>TIMESTAMP '..'</c>.</summary>
public sealed class TypedLiteralExpression : SqlExpression
{
    public TypedLiteralExpression(string typeName, string value, SqlSpan span)
        : base(span)
    {
        TypeName = typeName;
        Value = value;
    }

    public string TypeName { get; }

    public string Value { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

/// <summary><c>INTERVAL '1 day'</c>, <c>INTERVAL 1 DAY</c>.</summary>
public sealed class IntervalExpression : SqlExpression
{
    public IntervalExpression(SqlExpression value, string? unit, SqlSpan span)
        : base(span)
    {
        Value = value;
        Unit = unit;
    }

    public SqlExpression Value { get; }

    public string? Unit { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Value);
}

/// <summary>A bare keyword argument such as the date part in <c>EXTRACT(YEAR FROM x)</c> or <c>DATEADD(day, 1, x)</c>, or <c>LEADING</c> in TRIM.</summary>
public sealed class KeywordExpression : SqlExpression
{
    public KeywordExpression(string keyword, SqlSpan span)
        : base(span)
    {
        Keyword = keyword;
    }

    public string Keyword { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

/// <summary><c>a</c>, <c>t.a</c>, <c>s.t.a</c>.</summary>
public sealed class ColumnReferenceExpression : SqlExpression
{
    public ColumnReferenceExpression(SqlObjectName name)
        : base(name.Span)
    {
        Name = name;
    }

    public SqlObjectName Name { get; }

    public string Column => Name.Name;

    /// <summary>The table (or alias) qualifier, if written.</summary>
    public string? Table => Name.Qualifier;

    public string? Schema => Name.SecondQualifier;

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Name);
}

/// <summary><c>*</c> or <c>t.*</c>.</summary>
public sealed class StarExpression : SqlExpression
{
    public StarExpression(SqlObjectName? qualifier, SqlSpan span)
        : base(span)
    {
        Qualifier = qualifier;
    }

    public SqlObjectName? Qualifier { get; }

    internal override void CollectChildren(List<SqlNode> sink) => Add(sink, Qualifier);
}

public enum SqlParameterKind
{
    /// <summary>NeoGen's <c>@name</c>.</summary>
    NeoGen,

    /// <summary><c>$1</c>, <c>?</c>.</summary>
    Positional,

    /// <summary><c>:name</c>, SQLite <c>$name</c>.</summary>
    Named,

    /// <summary><c>@@ROWCOUNT</c>.</summary>
    SystemVariable,
}

public sealed class ParameterExpression : SqlExpression
{
    public ParameterExpression(SqlParameterKind kind, string name, SqlSpan span)
        : base(span)
    {
        ParameterKind = kind;
        Name = name;
    }

    public SqlParameterKind ParameterKind { get; }

    /// <summary>Without the sigil.</summary>
    public string Name { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

public sealed class UnaryExpression : SqlExpression
{
    public UnaryExpression(string op, SqlExpression operand, SqlSpan span)
        : base(span)
    {
        Operator = op;
        Operand = operand;
    }

    /// <summary><c>-</c>, <c>+</c>, <c>~</c>, <c>NOT</c>, ...</summary>
    public string Operator { get; }

    public SqlExpression Operand { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Operand);
}

public sealed class BinaryExpression : SqlExpression
{
    public BinaryExpression(string op, SqlExpression left, SqlExpression right, SqlSpan span)
        : base(span)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    /// <summary>The operator as written for symbols; upper case for words (<c>AND</c>, <c>OR</c>, <c>IS DISTINCT FROM</c>, ...).</summary>
    public string Operator { get; }

    public SqlExpression Left { get; }

    public SqlExpression Right { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Left);
        sink.Add(Right);
    }
}

/// <summary><c>x IS [NOT] NULL</c>, <c>x ISNULL</c>, <c>x NOTNULL</c>.</summary>
public sealed class IsNullExpression : SqlExpression
{
    public IsNullExpression(SqlExpression operand, bool isNot, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        IsNot = isNot;
    }

    public SqlExpression Operand { get; }

    public bool IsNot { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Operand);
}

public enum InSourceKind
{
    /// <summary><c>IN (a, b)</c>.</summary>
    List,

    /// <summary><c>IN (SELECT ..)</c>.</summary>
    Subquery,

    /// <summary><c>IN @p</c> with no parentheses: a NeoGen collection parameter.</summary>
    Parameter,

    /// <summary>Anything else without parentheses (SQLite <c>IN table</c>, <c>IN $1</c>).</summary>
    Expression,
}

public sealed class InExpression : SqlExpression
{
    public InExpression(SqlExpression operand, bool isNot, InSourceKind sourceKind, IReadOnlyList<SqlExpression> items, SqlQuery? query, SqlSpan inKeyword, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        IsNot = isNot;
        SourceKind = sourceKind;
        Items = items;
        Query = query;
        InKeyword = inKeyword;
    }

    public SqlExpression Operand { get; }

    public bool IsNot { get; }

    public InSourceKind SourceKind { get; }

    /// <summary>The list items; for <see cref="InSourceKind.Parameter"/> and <see cref="InSourceKind.Expression"/> the single operand.</summary>
    public IReadOnlyList<SqlExpression> Items { get; }

    public SqlQuery? Query { get; }

    /// <summary>The span of the <c>IN</c> keyword (not of <c>NOT</c>).</summary>
    public SqlSpan InKeyword { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Operand);
        AddAll(sink, Items);
        Add(sink, Query);
    }
}

public sealed class BetweenExpression : SqlExpression
{
    public BetweenExpression(SqlExpression operand, bool isNot, SqlExpression low, SqlExpression high, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        IsNot = isNot;
        Low = low;
        High = high;
    }

    public SqlExpression Operand { get; }

    public bool IsNot { get; }

    public SqlExpression Low { get; }

    public SqlExpression High { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Operand);
        sink.Add(Low);
        sink.Add(High);
    }
}

/// <summary><c>[NOT] LIKE / ILIKE / GLOB / REGEXP / RLIKE / MATCH / SIMILAR TO</c>.</summary>
public sealed class LikeExpression : SqlExpression
{
    public LikeExpression(SqlExpression operand, bool isNot, string op, SqlExpression pattern, SqlExpression? escape, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        IsNot = isNot;
        Operator = op;
        Pattern = pattern;
        Escape = escape;
    }

    public SqlExpression Operand { get; }

    public bool IsNot { get; }

    /// <summary>Upper case: <c>LIKE</c>, <c>ILIKE</c>, <c>GLOB</c>, <c>REGEXP</c>, <c>RLIKE</c>, <c>MATCH</c>, <c>SIMILAR TO</c>.</summary>
    public string Operator { get; }

    public SqlExpression Pattern { get; }

    public SqlExpression? Escape { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Operand);
        sink.Add(Pattern);
        Add(sink, Escape);
    }
}

public sealed class CaseWhen : SqlNode
{
    public CaseWhen(SqlExpression condition, SqlExpression result, SqlSpan span)
        : base(span)
    {
        Condition = condition;
        Result = result;
    }

    public SqlExpression Condition { get; }

    public SqlExpression Result { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Condition);
        sink.Add(Result);
    }
}

public sealed class CaseExpression : SqlExpression
{
    public CaseExpression(SqlExpression? operand, IReadOnlyList<CaseWhen> whens, SqlExpression? elseResult, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        Whens = whens;
        Else = elseResult;
    }

    /// <summary>The simple-CASE operand (<c>CASE x WHEN 1 ..</c>); null for a searched CASE.</summary>
    public SqlExpression? Operand { get; }

    public IReadOnlyList<CaseWhen> Whens { get; }

    public SqlExpression? Else { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Operand);
        AddAll(sink, Whens);
        Add(sink, Else);
    }
}

/// <summary>A type name as written: <c>varchar(10)</c>, <c>double precision</c>, <c>numeric(10,2)[]</c>.</summary>
public sealed class SqlDataType : SqlNode
{
    public SqlDataType(string name, IReadOnlyList<SqlExpression> arguments, int arrayRank, SqlSpan span)
        : base(span)
    {
        Name = name;
        Arguments = arguments;
        ArrayRank = arrayRank;
    }

    /// <summary>The words of the name joined by single spaces, as written (<c>timestamp with time zone</c>), without arguments.</summary>
    public string Name { get; }

    public IReadOnlyList<SqlExpression> Arguments { get; }

    public int ArrayRank { get; }

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Arguments);
}

public enum CastSyntax
{
    /// <summary><c>CAST(x AS t)</c>.</summary>
    Cast,

    /// <summary><c>TRY_CAST(x AS t)</c>.</summary>
    TryCast,

    /// <summary><c>x::t</c>.</summary>
    DoubleColon,
}

public sealed class CastExpression : SqlExpression
{
    public CastExpression(SqlExpression operand, SqlDataType type, CastSyntax syntax, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        Type = type;
        Syntax = syntax;
    }

    public SqlExpression Operand { get; }

    public SqlDataType Type { get; }

    public CastSyntax Syntax { get; }

    /// <summary>The style argument of T-SQL <c>CONVERT(type, x, style)</c>.</summary>
    public SqlExpression? Style { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        if (Syntax != CastSyntax.DoubleColon && Type.Span.Start < Operand.Span.Start)
        {
            // T-SQL CONVERT(type, x): children in text order.
            sink.Add(Type);
            sink.Add(Operand);
        }
        else
        {
            sink.Add(Operand);
            sink.Add(Type);
        }

        Add(sink, Style);
    }
}

public enum WindowFrameBoundKind
{
    UnboundedPreceding,
    Preceding,
    CurrentRow,
    Following,
    UnboundedFollowing,
}

public sealed class WindowFrameBound : SqlNode
{
    public WindowFrameBound(WindowFrameBoundKind kind, SqlExpression? offset, SqlSpan span)
        : base(span)
    {
        BoundKind = kind;
        Offset = offset;
    }

    public WindowFrameBoundKind BoundKind { get; }

    public SqlExpression? Offset { get; }

    internal override void CollectChildren(List<SqlNode> sink) => Add(sink, Offset);
}

public sealed class WindowFrame : SqlNode
{
    public WindowFrame(string units, WindowFrameBound start, WindowFrameBound? end, SqlSpan span)
        : base(span)
    {
        Units = units;
        Start = start;
        End = end;
    }

    /// <summary><c>ROWS</c>, <c>RANGE</c> or <c>GROUPS</c>.</summary>
    public string Units { get; }

    public WindowFrameBound Start { get; }

    /// <summary>The upper bound of <c>BETWEEN .. AND ..</c>; null for a single bound.</summary>
    public WindowFrameBound? End { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Start);
        Add(sink, End);
    }
}

/// <summary><c>OVER (PARTITION BY .. ORDER BY .. frame)</c>, <c>OVER w</c>, or the body of a WINDOW clause entry.</summary>
public sealed class WindowSpecification : SqlNode
{
    public WindowSpecification(SqlIdentifier? baseWindow, IReadOnlyList<SqlExpression> partitionBy, IReadOnlyList<OrderByItem> orderBy, WindowFrame? frame, SqlSpan span)
        : base(span)
    {
        BaseWindow = baseWindow;
        PartitionBy = partitionBy;
        OrderBy = orderBy;
        Frame = frame;
    }

    /// <summary>The named window this one refers to or extends.</summary>
    public SqlIdentifier? BaseWindow { get; }

    public IReadOnlyList<SqlExpression> PartitionBy { get; }

    public IReadOnlyList<OrderByItem> OrderBy { get; }

    public WindowFrame? Frame { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, BaseWindow);
        AddAll(sink, PartitionBy);
        AddAll(sink, OrderBy);
        Add(sink, Frame);
    }
}

public sealed class FunctionCallExpression : SqlExpression
{
    public FunctionCallExpression(SqlObjectName name, IReadOnlyList<SqlExpression> arguments, bool hasParentheses, SqlSpan span)
        : base(span)
    {
        Name = name;
        Arguments = arguments;
        HasParentheses = hasParentheses;
    }

    public SqlObjectName Name { get; }

    /// <summary>COUNT(*) has one <see cref="StarExpression"/> argument.</summary>
    public IReadOnlyList<SqlExpression> Arguments { get; }

    /// <summary>False for niladic forms such as <c>CURRENT_TIMESTAMP</c>.</summary>
    public bool HasParentheses { get; }

    public bool IsDistinct { get; internal set; }

    /// <summary>ORDER BY inside the parentheses (<c>string_agg(x, ',' ORDER BY y)</c>, GROUP_CONCAT).</summary>
    public IReadOnlyList<OrderByItem> ArgumentOrderBy { get; internal set; } = Array.Empty<OrderByItem>();

    /// <summary><c>WITHIN GROUP (ORDER BY ..)</c>.</summary>
    public IReadOnlyList<OrderByItem> WithinGroup { get; internal set; } = Array.Empty<OrderByItem>();

    /// <summary><c>FILTER (WHERE ..)</c>.</summary>
    public SqlExpression? Filter { get; internal set; }

    /// <summary><c>OVER (..)</c> or <c>OVER name</c>; non-null makes this a window function call.</summary>
    public WindowSpecification? Over { get; internal set; }

    public bool IsStarArgument => Arguments.Count == 1 && Arguments[0] is StarExpression { Qualifier: null };

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Name);
        AddAll(sink, Arguments);
        AddAll(sink, ArgumentOrderBy);
        AddAll(sink, WithinGroup);
        Add(sink, Filter);
        Add(sink, Over);
    }
}

public sealed class ExistsExpression : SqlExpression
{
    public ExistsExpression(SqlQuery query, SqlSpan span)
        : base(span)
    {
        Query = query;
    }

    public SqlQuery Query { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Query);
}

/// <summary><c>ANY(..)</c> / <c>ALL(..)</c> / <c>SOME(..)</c> on the right of a comparison; holds a subquery or an array expression.</summary>
public sealed class QuantifiedExpression : SqlExpression
{
    public QuantifiedExpression(string quantifier, SqlExpression? argument, SqlQuery? query, SqlSpan span)
        : base(span)
    {
        Quantifier = quantifier;
        Argument = argument;
        Query = query;
    }

    /// <summary><c>ANY</c>, <c>ALL</c> or <c>SOME</c>.</summary>
    public string Quantifier { get; }

    public SqlExpression? Argument { get; }

    public SqlQuery? Query { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Argument);
        Add(sink, Query);
    }
}

/// <summary>A scalar subquery <c>(SELECT ..)</c>.</summary>
public sealed class SubqueryExpression : SqlExpression
{
    public SubqueryExpression(SqlQuery query, SqlSpan span)
        : base(span)
    {
        Query = query;
    }

    public SqlQuery Query { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Query);
}

public sealed class ParenthesizedExpression : SqlExpression
{
    public ParenthesizedExpression(SqlExpression inner, SqlSpan span)
        : base(span)
    {
        Inner = inner;
    }

    public SqlExpression Inner { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Inner);
}

/// <summary><c>(a, b)</c> or <c>ROW(a, b)</c>.</summary>
public sealed class RowExpression : SqlExpression
{
    public RowExpression(IReadOnlyList<SqlExpression> items, SqlSpan span)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<SqlExpression> Items { get; }

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Items);
}

/// <summary>PostgreSQL <c>ARRAY[..]</c> or <c>ARRAY(SELECT ..)</c>.</summary>
public sealed class ArrayExpression : SqlExpression
{
    public ArrayExpression(IReadOnlyList<SqlExpression> items, SqlQuery? query, SqlSpan span)
        : base(span)
    {
        Items = items;
        Query = query;
    }

    public IReadOnlyList<SqlExpression> Items { get; }

    public SqlQuery? Query { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        AddAll(sink, Items);
        Add(sink, Query);
    }
}

/// <summary><c>a[i]</c> or <c>a[lo:hi]</c>.</summary>
public sealed class SubscriptExpression : SqlExpression
{
    public SubscriptExpression(SqlExpression target, SqlExpression? index, SqlExpression? upper, SqlSpan span)
        : base(span)
    {
        Target = target;
        Index = index;
        Upper = upper;
    }

    public SqlExpression Target { get; }

    public SqlExpression? Index { get; }

    public SqlExpression? Upper { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Target);
        Add(sink, Index);
        Add(sink, Upper);
    }
}

public sealed class CollateExpression : SqlExpression
{
    public CollateExpression(SqlExpression operand, string collation, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        Collation = collation;
    }

    public SqlExpression Operand { get; }

    public string Collation { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Operand);
}

public sealed class AtTimeZoneExpression : SqlExpression
{
    public AtTimeZoneExpression(SqlExpression operand, SqlExpression zone, SqlSpan span)
        : base(span)
    {
        Operand = operand;
        Zone = zone;
    }

    public SqlExpression Operand { get; }

    public SqlExpression Zone { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Operand);
        sink.Add(Zone);
    }
}

/// <summary>PostgreSQL composite field selection: <c>(x).field</c>, <c>(f()).*</c> (member null for the star).</summary>
public sealed class FieldSelectionExpression : SqlExpression
{
    public FieldSelectionExpression(SqlExpression target, SqlIdentifier? field, SqlSpan span)
        : base(span)
    {
        Target = target;
        Field = field;
    }

    public SqlExpression Target { get; }

    /// <summary>Null for <c>(x).*</c>.</summary>
    public SqlIdentifier? Field { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        sink.Add(Target);
        Add(sink, Field);
    }
}
