using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

public abstract class SqlStatement : SqlNode
{
    protected SqlStatement(SqlSpan span)
        : base(span)
    {
    }

    public abstract SqlStatementKind Kind { get; }
}

/// <summary>A script: the statements between semicolons (empty ones dropped) and every lexical and parse error.</summary>
public sealed class SqlScript
{
    internal SqlScript(IReadOnlyList<SqlStatement> statements, IReadOnlyList<SqlError> errors)
    {
        Statements = statements;
        Errors = errors;
    }

    public IReadOnlyList<SqlStatement> Statements { get; }

    public IReadOnlyList<SqlError> Errors { get; }
}

public sealed class SelectStatement : SqlStatement
{
    public SelectStatement(SqlQuery query, SqlSpan span)
        : base(span)
    {
        Query = query;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Select;

    /// <summary>The WITH clause, if any, is on the query.</summary>
    public SqlQuery Query { get; }

    internal override void CollectChildren(List<SqlNode> sink) => sink.Add(Query);
}

/// <summary><c>col = expr</c>, <c>t.col = expr</c>, PostgreSQL <c>(a, b) = (..)</c>, T-SQL <c>col += expr</c>.</summary>
public sealed class Assignment : SqlNode
{
    public Assignment(IReadOnlyList<ColumnReferenceExpression> targets, string op, SqlExpression value, SqlSpan span)
        : base(span)
    {
        Targets = targets;
        Operator = op;
        Value = value;
    }

    public IReadOnlyList<ColumnReferenceExpression> Targets { get; }

    public string Operator { get; }

    public SqlExpression Value { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        AddAll(sink, Targets);
        sink.Add(Value);
    }
}

/// <summary>T-SQL <c>OUTPUT inserted.x, deleted.y [INTO target]</c>.</summary>
public sealed class OutputClause : SqlNode
{
    public OutputClause(IReadOnlyList<SelectItem> items, SqlSpan? into, SqlSpan span)
        : base(span)
    {
        Items = items;
        Into = into;
    }

    public IReadOnlyList<SelectItem> Items { get; }

    public SqlSpan? Into { get; }

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Items);
}

/// <summary>PostgreSQL / SQLite <c>ON CONFLICT [(cols) [WHERE]] | ON CONSTRAINT c] DO NOTHING | DO UPDATE SET .. [WHERE ..]</c>.</summary>
public sealed class OnConflictClause : SqlNode
{
    public OnConflictClause(SqlSpan span)
        : base(span)
    {
    }

    public IReadOnlyList<SqlExpression> TargetColumns { get; internal set; } = Array.Empty<SqlExpression>();

    public SqlExpression? TargetWhere { get; internal set; }

    public SqlIdentifier? ConstraintName { get; internal set; }

    public bool DoNothing { get; internal set; }

    public IReadOnlyList<Assignment> Assignments { get; internal set; } = Array.Empty<Assignment>();

    public SqlExpression? Where { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        AddAll(sink, TargetColumns);
        Add(sink, TargetWhere);
        Add(sink, ConstraintName);
        AddAll(sink, Assignments);
        Add(sink, Where);
    }
}

public sealed class InsertStatement : SqlStatement
{
    public InsertStatement(NamedTableSource target, SqlSpan span)
        : base(span)
    {
        Target = target;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Insert;

    public WithClause? With { get; internal set; }

    /// <summary>True for <c>REPLACE INTO</c> (MySQL, SQLite).</summary>
    public bool IsReplace { get; internal set; }

    /// <summary>SQLite <c>OR REPLACE</c> / <c>OR IGNORE</c> ..., MySQL <c>IGNORE</c>: the word, upper case.</summary>
    public string? ConflictResolution { get; internal set; }

    public TopClause? Top { get; internal set; }

    public NamedTableSource Target { get; }

    public IReadOnlyList<SqlIdentifier> Columns { get; internal set; } = Array.Empty<SqlIdentifier>();

    public OutputClause? Output { get; internal set; }

    /// <summary>A <see cref="ValuesQuery"/> or any query; null for DEFAULT VALUES and MySQL <c>INSERT .. SET</c>.</summary>
    public SqlQuery? Source { get; internal set; }

    public bool IsDefaultValues { get; internal set; }

    /// <summary>MySQL <c>INSERT INTO t SET a = 1</c>.</summary>
    public IReadOnlyList<Assignment> SetAssignments { get; internal set; } = Array.Empty<Assignment>();

    public IReadOnlyList<OnConflictClause> OnConflict { get; internal set; } = Array.Empty<OnConflictClause>();

    /// <summary>MySQL <c>ON DUPLICATE KEY UPDATE</c>.</summary>
    public IReadOnlyList<Assignment> OnDuplicateKeyUpdate { get; internal set; } = Array.Empty<Assignment>();

    public IReadOnlyList<SelectItem> Returning { get; internal set; } = Array.Empty<SelectItem>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        Add(sink, Top);
        sink.Add(Target);
        AddAll(sink, Columns);
        Add(sink, Output);
        Add(sink, Source);
        AddAll(sink, SetAssignments);
        AddAll(sink, OnConflict);
        AddAll(sink, OnDuplicateKeyUpdate);
        AddAll(sink, Returning);
    }
}

public sealed class UpdateStatement : SqlStatement
{
    public UpdateStatement(TableSource target, SqlSpan span)
        : base(span)
    {
        Target = target;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Update;

    public WithClause? With { get; internal set; }

    public string? ConflictResolution { get; internal set; }

    public TopClause? Top { get; internal set; }

    /// <summary>Usually a <see cref="NamedTableSource"/>; a join tree for MySQL multi-table UPDATE.</summary>
    public TableSource Target { get; }

    public IReadOnlyList<Assignment> Assignments { get; internal set; } = Array.Empty<Assignment>();

    public OutputClause? Output { get; internal set; }

    public FromClause? From { get; internal set; }

    public SqlExpression? Where { get; internal set; }

    public IReadOnlyList<OrderByItem> OrderBy { get; internal set; } = Array.Empty<OrderByItem>();

    public SqlExpression? Limit { get; internal set; }

    public IReadOnlyList<SelectItem> Returning { get; internal set; } = Array.Empty<SelectItem>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        Add(sink, Top);
        sink.Add(Target);
        AddAll(sink, Assignments);
        Add(sink, Output);
        Add(sink, From);
        Add(sink, Where);
        AddAll(sink, OrderBy);
        Add(sink, Limit);
        AddAll(sink, Returning);
    }
}

public sealed class DeleteStatement : SqlStatement
{
    public DeleteStatement(NamedTableSource target, SqlSpan span)
        : base(span)
    {
        Target = target;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Delete;

    public WithClause? With { get; internal set; }

    public TopClause? Top { get; internal set; }

    /// <summary>The table rows are deleted from (for MySQL <c>DELETE a FROM ..</c> the first name after DELETE, often an alias).</summary>
    public NamedTableSource Target { get; }

    /// <summary>Further MySQL multi-table targets (<c>DELETE a, b FROM ..</c>).</summary>
    public IReadOnlyList<NamedTableSource> AdditionalTargets { get; internal set; } = Array.Empty<NamedTableSource>();

    public OutputClause? Output { get; internal set; }

    /// <summary>T-SQL's second FROM, or MySQL's FROM after the target list.</summary>
    public FromClause? From { get; internal set; }

    /// <summary>PostgreSQL / MySQL USING.</summary>
    public FromClause? Using { get; internal set; }

    public SqlExpression? Where { get; internal set; }

    public IReadOnlyList<OrderByItem> OrderBy { get; internal set; } = Array.Empty<OrderByItem>();

    public SqlExpression? Limit { get; internal set; }

    public IReadOnlyList<SelectItem> Returning { get; internal set; } = Array.Empty<SelectItem>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        Add(sink, Top);
        sink.Add(Target);
        AddAll(sink, AdditionalTargets);
        Add(sink, Output);
        Add(sink, From);
        Add(sink, Using);
        Add(sink, Where);
        AddAll(sink, OrderBy);
        Add(sink, Limit);
        AddAll(sink, Returning);
    }
}

/// <summary>MERGE (SQL Server, PostgreSQL 15+): target, source, join condition, WHEN clauses and OUTPUT / RETURNING.</summary>
public sealed class MergeStatement : SqlStatement
{
    public MergeStatement(NamedTableSource target, SqlSpan span)
        : base(span)
    {
        Target = target;
    }

    public override SqlStatementKind Kind => SqlStatementKind.Merge;

    public WithClause? With { get; internal set; }

    public TopClause? Top { get; internal set; }

    public NamedTableSource Target { get; }

    public TableSource? Source { get; internal set; }

    public SqlExpression? On { get; internal set; }

    /// <summary>The span of the WHEN clauses (and what follows them), when there are any.</summary>
    public SqlSpan? Clauses { get; internal set; }

    public IReadOnlyList<MergeWhenClause> WhenClauses { get; internal set; } = Array.Empty<MergeWhenClause>();

    /// <summary>T-SQL <c>OUTPUT</c>.</summary>
    public OutputClause? Output { get; internal set; }

    /// <summary>PostgreSQL 17 <c>RETURNING</c>.</summary>
    public IReadOnlyList<SelectItem> Returning { get; internal set; } = Array.Empty<SelectItem>();

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, With);
        Add(sink, Top);
        sink.Add(Target);
        Add(sink, Source);
        Add(sink, On);
        AddAll(sink, WhenClauses);
        Add(sink, Output);
        AddAll(sink, Returning);
    }
}

public enum MergeMatchKind
{
    /// <summary><c>WHEN MATCHED</c>: a target row joined a source row; both are in scope.</summary>
    Matched,

    /// <summary><c>WHEN NOT MATCHED [BY TARGET]</c>: a source row with no target row; only the source is in scope.</summary>
    NotMatchedByTarget,

    /// <summary><c>WHEN NOT MATCHED BY SOURCE</c>: a target row with no source row; only the target is in scope.</summary>
    NotMatchedBySource,
}

public enum MergeActionKind
{
    Update,
    Delete,
    Insert,

    /// <summary>PostgreSQL <c>DO NOTHING</c>.</summary>
    DoNothing,
}

/// <summary>One <c>WHEN [NOT] MATCHED [BY SOURCE | BY TARGET] [AND condition] THEN action</c> of a MERGE.</summary>
public sealed class MergeWhenClause : SqlNode
{
    public MergeWhenClause(MergeMatchKind match, SqlSpan span)
        : base(span)
    {
        Match = match;
    }

    public MergeMatchKind Match { get; }

    public MergeActionKind Action { get; internal set; }

    public SqlExpression? Condition { get; internal set; }

    /// <summary>UPDATE SET assignments.</summary>
    public IReadOnlyList<Assignment> Assignments { get; internal set; } = Array.Empty<Assignment>();

    /// <summary>INSERT's column list (empty: every column of the target, in order).</summary>
    public IReadOnlyList<SqlIdentifier> InsertColumns { get; internal set; } = Array.Empty<SqlIdentifier>();

    /// <summary>INSERT's VALUES row; null for DEFAULT VALUES.</summary>
    public RowExpression? InsertValues { get; internal set; }

    public bool IsDefaultValues { get; internal set; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
        Add(sink, Condition);
        AddAll(sink, Assignments);
        AddAll(sink, InsertColumns);
        Add(sink, InsertValues);
    }
}

/// <summary>A statement recognised by its leading words but not parsed further (DDL, transaction control, SET, PRAGMA, ...).</summary>
public sealed class OpaqueStatement : SqlStatement
{
    public OpaqueStatement(SqlStatementKind kind, string verb, SqlSpan span)
        : base(span)
    {
        OpaqueKind = kind;
        Verb = verb;
    }

    public SqlStatementKind OpaqueKind { get; }

    /// <summary>The leading word, upper case (CREATE, PRAGMA, BEGIN, ...).</summary>
    public string Verb { get; }

    public override SqlStatementKind Kind => OpaqueKind;

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}

/// <summary>A statement that failed to parse; its kind is guessed from the leading word.</summary>
public sealed class InvalidStatement : SqlStatement
{
    public InvalidStatement(SqlStatementKind guessedKind, SqlSpan span)
        : base(span)
    {
        GuessedKind = guessedKind;
    }

    public SqlStatementKind GuessedKind { get; }

    public override SqlStatementKind Kind => GuessedKind;

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }
}
