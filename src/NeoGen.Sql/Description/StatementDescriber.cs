using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql;

/// <summary>Result columns, tables and target of one parsed statement.</summary>
internal sealed class StatementShape
{
    public static readonly StatementShape Empty = new(Array.Empty<SqlResultColumn>(), Array.Empty<SqlTableReference>(), null);

    public StatementShape(IReadOnlyList<SqlResultColumn> columns, IReadOnlyList<SqlTableReference> tables, string? targetTable)
    {
        Columns = columns;
        Tables = tables;
        TargetTable = targetTable;
    }

    public IReadOnlyList<SqlResultColumn> Columns { get; }

    public IReadOnlyList<SqlTableReference> Tables { get; }

    public string? TargetTable { get; }
}

internal static class StatementDescriber
{
    /// <summary>A table visible to column references: a named table / CTE, or a derived table / table function by alias.</summary>
    private sealed class ScopeEntry
    {
        public ScopeEntry(TableSource source, string name, string? schema, string? alias, bool isNullable, bool isNamed)
        {
            Source = source;
            Name = name;
            Schema = schema;
            Alias = alias;
            IsNullable = isNullable;
            IsNamed = isNamed;
        }

        public TableSource Source { get; }

        public string Name { get; }

        public string? Schema { get; }

        public string? Alias { get; }

        public bool IsNullable { get; }

        public bool IsNamed { get; }

        public SqlTableReference ToReference() =>
            new(Name, Schema, Alias, IsNullable, Source.Span.Start, Source.Span.Length);
    }

    public static StatementShape Describe(SqlStatement statement)
    {
        var shape = DescribeCore(statement);
        var with = statement switch
        {
            SelectStatement select => select.Query.With,
            InsertStatement insert => insert.With ?? insert.Source?.With,
            UpdateStatement update => update.With,
            DeleteStatement delete => delete.With,
            MergeStatement merge => merge.With,
            _ => null,
        };

        if (with != null)
        {
            foreach (var table in shape.Tables)
            {
                if (table.Schema == null)
                {
                    foreach (var cte in with.Ctes)
                    {
                        if (string.Equals(cte.Name.Value, table.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            table.IsCte = true;
                        }
                    }
                }
            }
        }

        return shape;
    }

    private static StatementShape DescribeCore(SqlStatement statement)
    {
        switch (statement)
        {
            case SelectStatement select:
                return DescribeQuery(select.Query);
            case InsertStatement insert:
                return DescribeInsert(insert);
            case UpdateStatement update:
                return DescribeUpdate(update);
            case DeleteStatement delete:
                return DescribeDelete(delete);
            case MergeStatement merge:
                return DescribeMerge(merge);
            default:
                return StatementShape.Empty;
        }
    }

    private static StatementShape DescribeQuery(SqlQuery query)
    {
        // Tables of every branch of a set operation (not of subqueries); columns from the first branch.
        var tables = new List<SqlTableReference>();
        var stack = new Stack<SqlQuery>();
        stack.Push(query);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case SelectQuery select when select.From != null:
                    foreach (var entry in Flatten(select.From.Sources))
                    {
                        if (entry.IsNamed)
                        {
                            tables.Add(entry.ToReference());
                        }
                    }

                    break;
                case SetOperationQuery set:
                    stack.Push(set.Right);
                    stack.Push(set.Left);
                    break;
                case ParenthesizedQuery paren:
                    stack.Push(paren.Inner);
                    break;
            }
        }

        var columns = new List<SqlResultColumn>();
        var first = query.FirstSelect;
        if (first != null)
        {
            var scope = first.From == null ? new List<ScopeEntry>() : Flatten(first.From.Sources);
            DescribeItems(first.Items, scope, null, columns);
        }
        else if (FirstValues(query) is { Rows.Count: > 0 } values)
        {
            foreach (var item in values.Rows[0].Items)
            {
                columns.Add(new SqlResultColumn(null, null, null, false, false, item.Span.Start, item.Span.Length));
            }
        }

        return new StatementShape(columns, tables, null);
    }

    private static ValuesQuery? FirstValues(SqlQuery query)
    {
        SqlQuery? q = query;
        while (true)
        {
            switch (q)
            {
                case ValuesQuery values:
                    return values;
                case SetOperationQuery set:
                    q = set.Left;
                    break;
                case ParenthesizedQuery paren:
                    q = paren.Inner;
                    break;
                default:
                    return null;
            }
        }
    }

    private static StatementShape DescribeInsert(InsertStatement insert)
    {
        var target = NamedEntry(insert.Target, false);
        var scope = new List<ScopeEntry> { target };
        var columns = new List<SqlResultColumn>();
        if (insert.Output != null)
        {
            DescribeItems(insert.Output.Items, scope, target, columns);
        }

        DescribeItems(insert.Returning, scope, null, columns);
        return new StatementShape(columns, new[] { target.ToReference() }, target.Name);
    }

    private static StatementShape DescribeUpdate(UpdateStatement update)
    {
        var targetScope = Flatten(new[] { update.Target });
        var fromScope = update.From == null ? new List<ScopeEntry>() : Flatten(update.From.Sources);
        ScopeEntry? target;
        List<ScopeEntry> all;
        if (update.Target is NamedTableSource named)
        {
            var resolved = named.Alias == null && named.Name.Parts.Count == 1 ? Resolve(fromScope, named.Name.Name, null) : null;
            if (resolved != null)
            {
                // T-SQL "UPDATE u SET .. FROM users u": the target is an alias of a FROM table.
                target = resolved;
                all = fromScope;
            }
            else
            {
                target = targetScope.Count > 0 ? targetScope[0] : null;
                all = new List<ScopeEntry>(targetScope);
                all.AddRange(fromScope);
            }
        }
        else
        {
            // MySQL multi-table UPDATE: the table of the first qualified SET column, else the first table.
            all = new List<ScopeEntry>(targetScope);
            all.AddRange(fromScope);
            target = null;
            if (update.Assignments.Count > 0 && update.Assignments[0].Targets.Count > 0 && update.Assignments[0].Targets[0].Table is { } qualifier)
            {
                target = Resolve(targetScope, qualifier, update.Assignments[0].Targets[0].Schema);
            }

            target ??= FirstNamed(targetScope);
        }

        var columns = new List<SqlResultColumn>();
        if (update.Output != null)
        {
            DescribeItems(update.Output.Items, all, target, columns);
        }

        DescribeItems(update.Returning, all, null, columns);
        return new StatementShape(columns, References(all), target?.Name);
    }

    private static StatementShape DescribeDelete(DeleteStatement delete)
    {
        var fromScope = new List<ScopeEntry>();
        if (delete.From != null)
        {
            fromScope.AddRange(Flatten(delete.From.Sources));
        }

        if (delete.Using != null)
        {
            fromScope.AddRange(Flatten(delete.Using.Sources));
        }

        var targetNode = delete.Target;
        var resolved = targetNode.Alias == null && targetNode.Name.Parts.Count == 1 ? Resolve(fromScope, targetNode.Name.Name, null) : null;
        ScopeEntry target;
        List<ScopeEntry> all;
        if (resolved != null)
        {
            // "DELETE a FROM users a JOIN ..", "DELETE FROM t USING t JOIN ..": the target is one of the FROM tables.
            target = resolved;
            all = fromScope;
        }
        else
        {
            target = NamedEntry(targetNode, false);
            all = new List<ScopeEntry> { target };
            foreach (var more in delete.AdditionalTargets)
            {
                if (more.Name.Parts.Count != 1 || Resolve(fromScope, more.Name.Name, null) == null)
                {
                    all.Add(NamedEntry(more, false));
                }
            }

            all.AddRange(fromScope);
        }

        var columns = new List<SqlResultColumn>();
        if (delete.Output != null)
        {
            DescribeItems(delete.Output.Items, all, target, columns);
        }

        DescribeItems(delete.Returning, all, null, columns);
        return new StatementShape(columns, References(all), target.Name);
    }

    private static StatementShape DescribeMerge(MergeStatement merge)
    {
        var target = NamedEntry(merge.Target, false);
        var all = new List<ScopeEntry> { target };
        if (merge.Source != null)
        {
            all.AddRange(Flatten(new[] { merge.Source }));
        }

        return new StatementShape(Array.Empty<SqlResultColumn>(), References(all), target.Name);
    }

    private static List<SqlTableReference> References(List<ScopeEntry> entries)
    {
        var list = new List<SqlTableReference>();
        foreach (var entry in entries)
        {
            if (entry.IsNamed)
            {
                list.Add(entry.ToReference());
            }
        }

        return list;
    }

    private static ScopeEntry? FirstNamed(List<ScopeEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.IsNamed)
            {
                return entry;
            }
        }

        return entries.Count > 0 ? entries[0] : null;
    }

    private static ScopeEntry NamedEntry(NamedTableSource table, bool nullable) =>
        new(table, table.Name.Name, table.Name.Qualifier, table.Alias?.Value, nullable, true);

    /// <summary>The FROM items in source order, with outer-join nullability pushed down to every table; no recursion.</summary>
    private static List<ScopeEntry> Flatten(IReadOnlyList<TableSource> sources)
    {
        var entries = new List<ScopeEntry>();
        var stack = new Stack<(TableSource Source, bool Nullable)>();
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            stack.Push((sources[i], false));
        }

        while (stack.Count > 0)
        {
            var (source, nullable) = stack.Pop();
            switch (source)
            {
                case JoinedTableSource join:
                    var leftNullable = nullable || join.Kind == JoinKind.Right || join.Kind == JoinKind.Full;
                    var rightNullable = nullable || join.Kind == JoinKind.Left || join.Kind == JoinKind.Full || join.Kind == JoinKind.OuterApply;
                    stack.Push((join.Right, rightNullable));
                    stack.Push((join.Left, leftNullable));
                    break;
                case NamedTableSource named:
                    entries.Add(NamedEntry(named, nullable));
                    break;
                case DerivedTableSource derived:
                    entries.Add(new ScopeEntry(derived, derived.Alias?.Value ?? string.Empty, null, derived.Alias?.Value, nullable, false));
                    break;
                case FunctionTableSource function:
                    entries.Add(new ScopeEntry(function, function.Alias?.Value ?? function.Function.Name.Name, null, function.Alias?.Value, nullable, false));
                    break;
            }
        }

        return entries;
    }

    private static ScopeEntry? Resolve(List<ScopeEntry> scope, string qualifier, string? schema)
    {
        foreach (var entry in scope)
        {
            if (entry.Alias != null && string.Equals(entry.Alias, qualifier, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        ScopeEntry? aliased = null;
        foreach (var entry in scope)
        {
            if (string.Equals(entry.Name, qualifier, StringComparison.OrdinalIgnoreCase)
                && (schema == null || entry.Schema == null || string.Equals(entry.Schema, schema, StringComparison.OrdinalIgnoreCase)))
            {
                if (entry.Alias == null)
                {
                    return entry;
                }

                aliased ??= entry;
            }
        }

        // Strictly an aliased table hides its name, but naming it anyway is a mistake the binder reports, not this.
        return aliased;
    }

    /// <param name="pseudoTarget">For T-SQL OUTPUT, the table that <c>inserted</c> / <c>deleted</c> stand for.</param>
    private static void DescribeItems(IReadOnlyList<SelectItem> items, List<ScopeEntry> scope, ScopeEntry? pseudoTarget, List<SqlResultColumn> into)
    {
        foreach (var item in items)
        {
            var alias = item.Alias?.Value;
            var start = item.Span.Start;
            var length = item.Span.Length;
            switch (item.Expression)
            {
                case StarExpression { Qualifier: null }:
                    if (scope.Count == 1)
                    {
                        into.Add(new SqlResultColumn(null, scope[0].Name, null, true, scope[0].IsNullable, start, length));
                    }
                    else
                    {
                        var anyNullable = false;
                        foreach (var entry in scope)
                        {
                            anyNullable |= entry.IsNullable;
                        }

                        into.Add(new SqlResultColumn(null, null, null, true, anyNullable, start, length));
                    }

                    break;
                case StarExpression { Qualifier: { } qualifier }:
                    {
                        var entry = ResolveQualifier(scope, pseudoTarget, qualifier.Name, qualifier.Qualifier);
                        into.Add(new SqlResultColumn(null, entry?.Name ?? qualifier.Name, null, true, entry?.IsNullable ?? false, start, length));
                        break;
                    }

                case ColumnReferenceExpression column:
                    {
                        ScopeEntry? entry;
                        string? table;
                        if (column.Table is { } qualifier)
                        {
                            entry = ResolveQualifier(scope, pseudoTarget, qualifier, column.Schema);
                            table = entry?.Name ?? qualifier;
                        }
                        else
                        {
                            entry = scope.Count == 1 ? scope[0] : null;
                            table = entry?.Name;
                        }

                        into.Add(new SqlResultColumn(alias ?? column.Column, table, column.Column, false, entry?.IsNullable ?? false, start, length));
                        break;
                    }

                default:
                    into.Add(new SqlResultColumn(alias, null, null, false, false, start, length));
                    break;
            }
        }
    }

    private static ScopeEntry? ResolveQualifier(List<ScopeEntry> scope, ScopeEntry? pseudoTarget, string qualifier, string? schema)
    {
        if (pseudoTarget != null && schema == null
            && (string.Equals(qualifier, "inserted", StringComparison.OrdinalIgnoreCase) || string.Equals(qualifier, "deleted", StringComparison.OrdinalIgnoreCase)))
        {
            return pseudoTarget;
        }

        return Resolve(scope, qualifier, schema);
    }
}
