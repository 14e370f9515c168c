using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Binding;

public enum SqlBindingProblemKind
{
    /// <summary>A table (or view) that is neither in the schema nor a CTE of the statement.</summary>
    UnknownTable,

    /// <summary>A column no visible table has.</summary>
    UnknownColumn,

    /// <summary>An unqualified column that more than one visible table has.</summary>
    AmbiguousColumn,

    /// <summary>A qualifier (<c>x.col</c>) that names no table or alias in scope.</summary>
    UnknownQualifier,

    /// <summary>INSERT: a VALUES row (or SELECT) gives more or fewer values than the column list names.</summary>
    ValueCountMismatch,

    /// <summary>A CTE or derived table's column list names more columns than its query returns.</summary>
    ColumnListMismatch,
}

/// <summary>A name that did not resolve. <see cref="Start"/>/<see cref="Length"/> cover exactly the offending name in the SQL text.</summary>
public sealed class SqlBindingProblem
{
    public SqlBindingProblem(SqlBindingProblemKind kind, string name, int start, int length, string message)
    {
        Kind = kind;
        Name = name;
        Start = start;
        Length = length;
        Message = message;
    }

    public SqlBindingProblemKind Kind { get; }

    public string Name { get; }

    public int Start { get; }

    public int Length { get; }

    public string Message { get; }

    public override string ToString() => $"{Kind} '{Name}' ({Start},{Length})";
}

/// <summary>Where a column (or parameter) is used.</summary>
public enum SqlClause
{
    Other,
    Select,
    Where,
    Join,
    GroupBy,
    Having,
    OrderBy,
    Set,
    Insert,
    Returning,
}

/// <summary>A column reference that resolved to a schema table's column.</summary>
public sealed class BoundColumnReference
{
    internal BoundColumnReference(SqlSchemaTable table, SqlSchemaColumn column, SqlClause clause, int start, int length)
    {
        Table = table;
        Column = column;
        Clause = clause;
        Start = start;
        Length = length;
    }

    public SqlSchemaTable Table { get; }

    public SqlSchemaColumn Column { get; }

    public SqlClause Clause { get; }

    /// <summary>The whole reference as written (<c>u.email</c>).</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>The smallest function call, cast or operator expression around the reference (not counting comparisons), if any.</summary>
    public SqlSpan? Wrapper { get; internal set; }

    /// <summary>The wrapping function's name (lower case), or <c>cast</c>, or the operator.</summary>
    public string? WrapperName { get; internal set; }
}

/// <summary>A value written to a column by SET or INSERT: what an encrypted column must receive as a bare parameter.</summary>
public sealed class BoundAssignment
{
    internal BoundAssignment(SqlSchemaTable table, SqlSchemaColumn column, SqlExpression? value, int start, int length, bool isUpdate)
    {
        IsUpdate = isUpdate;
        Table = table;
        Column = column;
        Value = value;
        Start = start;
        Length = length;
    }

    public SqlSchemaTable Table { get; }

    public SqlSchemaColumn Column { get; }

    /// <summary>The value expression; null when the rows come from a query (INSERT ... SELECT).</summary>
    public SqlExpression? Value { get; }

    /// <summary>A SET of an UPDATE or of an upsert's update, rather than a value an INSERT gives a new row.</summary>
    public bool IsUpdate { get; }

    /// <summary>The value's span (the query's for INSERT ... SELECT).</summary>
    public int Start { get; }

    public int Length { get; }
}

/// <summary>A table a statement reads or writes.</summary>
public sealed class BoundTable
{
    internal BoundTable(string name, string? alias, SqlSchemaTable? table, bool isCte, bool isNullable, int start, int length)
    {
        Name = name;
        Alias = alias;
        Table = table;
        IsCte = isCte;
        IsNullable = isNullable;
        Start = start;
        Length = length;
    }

    public string Name { get; }

    public string? Alias { get; }

    /// <summary>The schema table; null for a CTE or an unknown table.</summary>
    public SqlSchemaTable? Table { get; }

    public bool IsCte { get; }

    /// <summary>On the optional side of an outer join.</summary>
    public bool IsNullable { get; internal set; }

    /// <summary>The name as written (without the alias).</summary>
    public int Start { get; }

    public int Length { get; }
}

/// <summary>One result column, with stars expanded.</summary>
public sealed class BoundResultColumn
{
    internal BoundResultColumn(string? name, SqlType type, bool isNullable, int start, int length)
    {
        Name = name;
        Type = type;
        IsNullable = isNullable;
        Start = start;
        Length = length;
    }

    /// <summary>The output name (alias or column name); null for an unnamed expression.</summary>
    public string? Name { get; }

    public SqlType Type { get; internal set; }

    public SqlType ElementType { get; internal set; }

    public string? EnumTypeName { get; internal set; }

    public bool IsNullable { get; internal set; }

    /// <summary>The schema column a plain reference (or star) reads, through aliases, derived tables and CTEs.</summary>
    public SqlSchemaColumn? SourceColumn { get; internal set; }

    public SqlSchemaTable? SourceTable { get; internal set; }

    /// <summary>Expanded from <c>*</c> / <c>t.*</c>; the span is then the star's.</summary>
    public bool FromStar { get; internal set; }

    /// <summary>For a column expanded from a star, the alias (or name) of the source it came from.</summary>
    public string? StarQualifier { get; internal set; }

    /// <summary>
    /// The alias (or name, without alias) of the FROM table the column was read from by a plain reference or a star
    /// (<c>c</c> for <c>c.name</c> over <c>JOIN customers c</c>); null for an expression or a column of a derived table.
    /// </summary>
    public string? SourceAlias { get; internal set; }

    /// <summary>False for a column of a table the schema does not have: its type and nullability are unknown.</summary>
    public bool IsResolved { get; internal set; } = true;

    /// <summary>The select item (or the star).</summary>
    public int Start { get; }

    public int Length { get; }

    public override string ToString() => $"{Name} {Type}{(IsNullable ? "?" : string.Empty)}";
}

public enum SqlParameterRole
{
    /// <summary>Nothing to infer from (a select-list item, a function argument ...).</summary>
    Other,

    /// <summary><c>col = @p</c>, <c>@p &lt; col</c> ...</summary>
    Comparison,

    /// <summary>An item of <c>col IN (@a, @b)</c>.</summary>
    InListItem,

    /// <summary><c>col IN @list</c> or <c>col = ANY(@p)</c>: a collection.</summary>
    InCollection,

    /// <summary>A bound of <c>col BETWEEN @a AND @b</c>.</summary>
    Between,

    /// <summary>The pattern of <c>col LIKE @p</c>.</summary>
    LikePattern,

    /// <summary><c>SET col = @p</c> (UPDATE, ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE, MySQL INSERT SET).</summary>
    Assignment,

    /// <summary>A VALUES item matched to an INSERT column.</summary>
    InsertValue,

    /// <summary>LIMIT / OFFSET / TOP / FETCH.</summary>
    RowCount,

    /// <summary>An operand of arithmetic or a CAST: the type is known, no column.</summary>
    Operand,

    /// <summary>A whole ORDER BY, GROUP BY or PARTITION BY key: a constant, so it sorts or groups nothing.</summary>
    SortKey,
}

/// <summary>How a collection parameter is written.</summary>
public enum ParameterListSyntax
{
    /// <summary>Not a list.</summary>
    None,

    /// <summary><c>col [NOT] IN @p</c>, without parentheses.</summary>
    InList,

    /// <summary><c>col = ANY(@p)</c> / <c>ALL(@p)</c>.</summary>
    AnyArray,
}

/// <summary>One occurrence of an <c>@name</c> parameter, with what the binder inferred about it.</summary>
public sealed class BoundParameter
{
    internal BoundParameter(string name, int start, int length)
    {
        Name = name;
        Start = start;
        Length = length;
    }

    /// <summary>Without the <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>@</c> of the occurrence.</summary>
    public int Start { get; }

    public int Length { get; }

    public SqlParameterRole Role { get; internal set; }

    /// <summary>The inferred type; for a collection (<see cref="IsCollection"/>), the element type.</summary>
    public SqlType Type { get; internal set; }

    /// <summary>True when NULL is a meaningful value: assigned to / inserted into a nullable column. Comparisons expect non-null values.</summary>
    public bool IsNullable { get; internal set; }

    public bool IsCollection { get; internal set; }

    /// <summary>For a collection, how it is written.</summary>
    public ParameterListSyntax ListSyntax { get; internal set; }

    /// <summary>For <see cref="ParameterListSyntax.InList"/>, the <c>IN</c> keyword's offset; otherwise <see cref="Start"/>.</summary>
    public int ListStart { get; internal set; }

    /// <summary><c>NOT IN @p</c>.</summary>
    public bool IsNegatedList { get; internal set; }

    /// <summary>The column it is compared with or assigned to.</summary>
    public SqlSchemaColumn? Column { get; internal set; }

    public SqlSchemaTable? Table { get; internal set; }

    public override string ToString() => $"@{Name} {Role} {Type}{(IsCollection ? "[]" : string.Empty)} -> {Column?.Name}";
}

public enum SqlPredicateKind
{
    Equality,
    Range,
    Like,
    InList,
    JoinKey,
    OrderBy,
    GroupBy,
}

/// <summary>
/// A number, boolean or string literal compared with or assigned to a column (<c>done = 1</c>, <c>id = 'abc'</c>): the
/// type the literal has and the column it meets, so a pair the database refuses can be told at compile time.
/// </summary>
public sealed class BoundLiteral
{
    internal BoundLiteral(SqlType type, string value, SqlSchemaTable table, SqlSchemaColumn column, SqlParameterRole role, int start, int length)
    {
        Type = type;
        Value = value;
        Table = table;
        Column = column;
        Role = role;
        Start = start;
        Length = length;
    }

    /// <summary><see cref="SqlType.Integer"/>, <see cref="SqlType.Decimal"/>, <see cref="SqlType.Float"/>, <see cref="SqlType.Boolean"/> or <see cref="SqlType.Text"/>.</summary>
    public SqlType Type { get; }

    /// <summary>The literal's value as written (a string's without its quotes).</summary>
    public string Value { get; }

    public SqlSchemaTable Table { get; }

    public SqlSchemaColumn Column { get; }

    /// <summary>Comparison, list item, BETWEEN bound, assignment or INSERT value.</summary>
    public SqlParameterRole Role { get; }

    public int Start { get; }

    public int Length { get; }
}

/// <summary>A column filtered, joined, sorted or grouped on: what index analysis needs.</summary>
public sealed class SqlPredicateUse
{
    internal SqlPredicateUse(SqlSchemaTable table, SqlSchemaColumn column, SqlPredicateKind kind, int start, int length)
    {
        Table = table;
        Column = column;
        Kind = kind;
        Start = start;
        Length = length;
    }

    public SqlSchemaTable Table { get; }

    public SqlSchemaColumn Column { get; }

    public SqlPredicateKind Kind { get; }

    /// <summary>The column reference.</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>LIKE with a literal pattern (or a concatenation starting with one) that begins with <c>%</c> or <c>_</c>.</summary>
    public bool HasLeadingWildcard { get; internal set; }

    /// <summary>The pattern's span for LIKE.</summary>
    public SqlSpan? Pattern { get; internal set; }

    /// <summary>The column sits inside a function call, cast or arithmetic (not sargable, unless an expression index matches).</summary>
    public bool IsWrapped => Wrapper != null;

    /// <summary>The span of the wrapping expression (<c>lower(email)</c>).</summary>
    public SqlSpan? Wrapper { get; internal set; }

    /// <summary>The wrapping function's name (lower case), or <c>cast</c>, or the operator.</summary>
    public string? WrapperName { get; internal set; }

    /// <summary>The predicate sits under an OR (an index on it alone may not help).</summary>
    public bool UnderOr { get; internal set; }

    /// <summary>For a <see cref="SqlPredicateKind.JoinKey"/>, the column on the other side of the equality.</summary>
    public SqlPredicateUse? Partner { get; internal set; }

    public override string ToString() => $"{Table.Name}.{Column.Name} {Kind}{(IsWrapped ? " wrapped" : string.Empty)}{(HasLeadingWildcard ? " %..." : string.Empty)}";
}

/// <summary>The binder's view of one statement. Built by <see cref="SqlBinder"/>; never null lists.</summary>
public sealed class BoundStatement
{
    internal BoundStatement(SqlScript script, SqlStatement? statement)
    {
        Script = script;
        Statement = statement;
    }

    /// <summary>The parsed script (so callers need not parse again).</summary>
    public SqlScript Script { get; }

    /// <summary>The statement bound: the first one of the script; null when there is none.</summary>
    public SqlStatement? Statement { get; }

    public SqlStatementKind Kind => Statement?.Kind ?? SqlStatementKind.Unknown;

    /// <summary>Lexical and parse errors of the whole script.</summary>
    public IReadOnlyList<SqlError> Errors => Script.Errors;

    public IReadOnlyList<SqlBindingProblem> Problems { get; internal set; } = Array.Empty<SqlBindingProblem>();

    public IReadOnlyList<BoundResultColumn> ResultColumns { get; internal set; } = Array.Empty<BoundResultColumn>();

    public IReadOnlyList<BoundParameter> Parameters { get; internal set; } = Array.Empty<BoundParameter>();

    /// <summary>Number and boolean literals compared with or assigned to a column.</summary>
    public IReadOnlyList<BoundLiteral> Literals { get; internal set; } = Array.Empty<BoundLiteral>();

    /// <summary>Every table named in the statement (FROM, JOIN, subqueries, CTE bodies, DML target), in text order.</summary>
    public IReadOnlyList<BoundTable> Tables { get; internal set; } = Array.Empty<BoundTable>();

    /// <summary>Every column reference that resolved to a schema column.</summary>
    public IReadOnlyList<BoundColumnReference> ColumnReferences { get; internal set; } = Array.Empty<BoundColumnReference>();

    public IReadOnlyList<SqlPredicateUse> PredicateUses { get; internal set; } = Array.Empty<SqlPredicateUse>();

    /// <summary>Values written to schema columns by SET and INSERT.</summary>
    public IReadOnlyList<BoundAssignment> Assignments { get; internal set; } = Array.Empty<BoundAssignment>();

    /// <summary>Spans of <c>*</c> / <c>t.*</c> in select lists and RETURNING (not <c>COUNT(*)</c>).</summary>
    public IReadOnlyList<SqlSpan> StarSpans { get; internal set; } = Array.Empty<SqlSpan>();

    /// <summary>The table an INSERT / UPDATE / DELETE / MERGE writes, when it is in the schema.</summary>
    public SqlSchemaTable? TargetTable { get; internal set; }

    /// <summary>An UPDATE or DELETE with no WHERE clause (and, for UPDATE .. FROM / DELETE .. USING, no join condition either).</summary>
    public bool IsUpdateOrDeleteWithoutWhere { get; internal set; }

    /// <summary>The UPDATE / DELETE keyword, for reporting <see cref="IsUpdateOrDeleteWithoutWhere"/>.</summary>
    public SqlSpan? StatementKeyword { get; internal set; }

    /// <summary>INSERT: the target's NOT NULL columns without a default that the statement does not give a value.</summary>
    public IReadOnlyList<SqlSchemaColumn> MissingInsertColumns { get; internal set; } = Array.Empty<SqlSchemaColumn>();

    /// <summary>INSERT: from the first to the last listed column, or the target table's span when there is no list.</summary>
    public SqlSpan? InsertColumnsSpan { get; internal set; }

    /// <summary>
    /// Placeholders that are not NeoGen's <c>@name</c> (<c>$1</c>, <c>?</c>, <c>:name</c>, SQLite's <c>$name</c>), in every
    /// statement of the script, in text order: providers would bind them by position or by a name NeoGen never sets.
    /// </summary>
    public IReadOnlyList<ParameterExpression> ForeignPlaceholders
    {
        get
        {
            var list = new List<ParameterExpression>();
            foreach (var statement in Script.Statements)
            {
                foreach (var node in statement.DescendantsAndSelf())
                {
                    if (node is ParameterExpression { ParameterKind: SqlParameterKind.Positional or SqlParameterKind.Named } p)
                    {
                        list.Add(p);
                    }
                }
            }

            list.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            return list;
        }
    }

    /// <summary>The parameters grouped by name (case-insensitive), in order of first occurrence.</summary>
    public IReadOnlyList<string> ParameterNames
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var list = new List<string>();
            foreach (var p in Parameters)
            {
                if (seen.Add(p.Name))
                {
                    list.Add(p.Name);
                }
            }

            return list;
        }
    }
}
