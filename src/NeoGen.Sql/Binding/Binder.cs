using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Binding;

public static partial class SqlBinder
{
    private sealed class Source
    {
        public Source(string name, string? alias, SqlSchemaTable? table, List<Col>? columns)
        {
            Name = name;
            Alias = alias;
            Table = table;
            Columns = columns;
        }

        public string Name { get; }

        public string? Alias { get; }

        public SqlSchemaTable? Table { get; }

        /// <summary>Null when the columns are unknown (unknown table, table function): references through it are not checked.</summary>
        public List<Col>? Columns { get; }

        public bool IsNullable { get; set; }

        public BoundTable? Bound { get; set; }

        public bool MatchesAlias(string q) => string.Equals(Alias ?? Name, q, StringComparison.OrdinalIgnoreCase);

        public bool MatchesName(string q) => string.Equals(Name, q, StringComparison.OrdinalIgnoreCase);

        public Col? Find(string column)
        {
            if (Columns == null)
            {
                return null;
            }

            foreach (var c in Columns)
            {
                if (string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
                {
                    return IsNullable ? c.Nullable(true) : c;
                }
            }

            return null;
        }
    }

    private sealed class Cte
    {
        public Cte(string name, List<Col>? columns)
        {
            Name = name;
            Columns = columns;
        }

        public string Name { get; }

        public List<Col>? Columns { get; set; }
    }

    private sealed class Scope
    {
        public Scope(Scope? parent)
        {
            Parent = parent;
        }

        public Scope? Parent { get; }

        public List<Source> Sources { get; } = new();

        public Dictionary<string, Cte>? Ctes { get; set; }

        public HashSet<string>? UsingColumns { get; set; }

        public bool HasNatural { get; set; }

        /// <summary>Select-list outputs, for ORDER BY / GROUP BY / HAVING names and ordinals.</summary>
        public List<Col>? Outputs { get; set; }

        public bool GroupBy { get; set; }

        public Cte? FindCte(string name)
        {
            for (var s = this; s != null; s = s.Parent)
            {
                if (s.Ctes != null && s.Ctes.TryGetValue(name, out var cte))
                {
                    return cte;
                }
            }

            return null;
        }
    }

    private struct Ctx
    {
        public SqlClause Clause;
        public bool Predicate;
        public bool UnderOr;

        public Ctx(SqlClause clause, bool predicate = false)
        {
            Clause = clause;
            Predicate = predicate;
            UnderOr = false;
        }

        public Ctx NoPredicate() => new(Clause, false);
    }

    private sealed partial class Binder
    {
        private static readonly HashSet<string> TargetPseudoTables = new(StringComparer.OrdinalIgnoreCase) { "excluded", "inserted", "deleted", "new", "old" };

        private readonly SqlSchema _schema;
        private readonly SqlDialect _dialect;
        private Source? _dmlTarget;
        private int _mute;
        private SqlSpan? _wrapper;
        private string? _wrapperName;

        // INSERT .. SELECT: the target columns, as hints for the select list of that one SELECT.
        private SelectQuery? _itemHintsFor;
        private List<Col?>? _itemHints;

        public Binder(SqlSchema schema, SqlDialect dialect)
        {
            _schema = schema;
            _dialect = dialect;
        }

        public List<SqlBindingProblem> Problems { get; } = new();

        public List<BoundParameter> Parameters { get; } = new();

        public List<BoundLiteral> Literals { get; } = new();

        public List<BoundTable> Tables { get; } = new();

        public List<BoundColumnReference> References { get; } = new();

        public List<SqlPredicateUse> Uses { get; } = new();

        public List<BoundAssignment> Assignments { get; } = new();

        private void Assigned(Col? target, SqlExpression? value, SqlSpan span, bool isUpdate = false)
        {
            if (_mute == 0 && target?.SourceColumn != null && target.SourceTable != null)
            {
                Assignments.Add(new BoundAssignment(target.SourceTable, target.SourceColumn, value, span.Start, span.Length, isUpdate));
            }
        }

        public List<SqlSpan> Stars { get; } = new();

        private void Problem(SqlBindingProblemKind kind, string name, SqlSpan span, string message)
        {
            if (_mute > 0)
            {
                return;
            }

            foreach (var p in Problems)
            {
                if (p.Start == span.Start && p.Length == span.Length && p.Kind == kind)
                {
                    return;
                }
            }

            Problems.Add(new SqlBindingProblem(kind, name, span.Start, span.Length, message));
        }

        // ---- statements -----------------------------------------------------------------------------------------

        public void BindStatement(SqlStatement statement, BoundStatement result)
        {
            switch (statement)
            {
                case SelectStatement select:
                    result.ResultColumns = ToResult(BindQuery(select.Query, null, 0), select.Query);
                    break;
                case InsertStatement insert:
                    BindInsert(insert, result);
                    break;
                case UpdateStatement update:
                    BindUpdate(update, result);
                    break;
                case DeleteStatement delete:
                    BindDelete(delete, result);
                    break;
                case MergeStatement merge:
                    BindMerge(merge, result);
                    break;
            }

            Tables.Sort((a, b) => a.Start.CompareTo(b.Start));
            Problems.Sort((a, b) => a.Start.CompareTo(b.Start));
            Parameters.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        private List<BoundResultColumn> ToResult(List<Col> columns, SqlQuery? query)
        {
            var list = new List<BoundResultColumn>(columns.Count);
            foreach (var c in columns)
            {
                var span = c.Span;
                list.Add(new BoundResultColumn(c.Name, c.Type, c.IsNullable, span.Start, span.Length)
                {
                    ElementType = c.ElementType,
                    EnumTypeName = c.EnumTypeName,
                    SourceColumn = c.SourceColumn,
                    SourceTable = c.SourceTable,
                    FromStar = c.FromStar,
                    StarQualifier = c.StarQualifier,
                    SourceAlias = c.SourceAlias,
                    IsResolved = !c.IsUnresolved,
                });
            }

            return list;
        }

        private Scope WithScope(WithClause? with, Scope? parent, int depth)
        {
            var scope = new Scope(parent);
            if (with == null)
            {
                return scope;
            }

            scope.Ctes = new Dictionary<string, Cte>(StringComparer.OrdinalIgnoreCase);
            foreach (var cteNode in with.Ctes)
            {
                var name = cteNode.Name.Value;
                var cte = new Cte(name, null);
                var selfReferencing = QueryReferences(cteNode.Query, name);
                if (selfReferencing)
                {
                    // Recursive CTE: learn the columns in muted passes, then bind for real with them. The first guess is the
                    // anchor's (the first UNION branch, when it does not read the CTE), otherwise unknown; each pass feeds
                    // its columns back until their types and nullability settle, so "0 AS depth .. depth + 1" stays NOT NULL.
                    // Inside another muted pass one pass is enough (and keeps nested recursive CTEs from multiplying the work).
                    scope.Ctes[name] = cte;
                    var passes = _mute > 0 ? 1 : 4;
                    _mute++;
                    var anchor = Anchor(cteNode.Query, name);
                    var guess = anchor == null ? null : BindQuery(anchor, scope, depth + 1);
                    for (var pass = 0; pass < passes; pass++)
                    {
                        cte.Columns = guess == null ? null : Rename(guess, cteNode.ColumnNames);
                        var next = BindQuery(cteNode.Query, scope, depth + 1);
                        var settled = guess != null && SameShape(guess, next);
                        guess = next;
                        if (settled)
                        {
                            break;
                        }

                        if (pass == passes - 1 && passes > 1)
                        {
                            // Not settled: fall back to nullable columns.
                            guess = guess.ConvertAll(c => c.Nullable(true));
                        }
                    }

                    _mute--;
                    cte.Columns = Rename(guess!, cteNode.ColumnNames);
                }

                var columns = BindQuery(cteNode.Query, scope, depth + 1);
                if (cteNode.ColumnNames.Count > columns.Count && columns.Count > 0 && !HasUnknownWidth(cteNode.Query))
                {
                    Problem(SqlBindingProblemKind.ColumnListMismatch, name, cteNode.Name.Span, $"CTE '{name}' names {cteNode.ColumnNames.Count} columns but its query returns {columns.Count}");
                }

                cte.Columns = Rename(columns, cteNode.ColumnNames);
                scope.Ctes[name] = cte;
            }

            return scope;
        }

        /// <summary>The first branch of a UNION chain, when it does not read the recursive CTE itself.</summary>
        private static SqlQuery? Anchor(SqlQuery query, string name)
        {
            var q = query;
            while (q is SetOperationQuery set && set.With == null)
            {
                q = set.Left;
            }

            return ReferenceEquals(q, query) || QueryReferences(q, name) ? null : q;
        }

        private static bool SameShape(List<Col> a, List<Col> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (a[i].Type != b[i].Type || a[i].IsNullable != b[i].IsNullable)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasUnknownWidth(SqlQuery query)
        {
            var first = query.FirstSelect;
            if (first == null)
            {
                return false;
            }

            foreach (var item in first.Items)
            {
                if (item.Expression is StarExpression)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool QueryReferences(SqlQuery query, string name)
        {
            foreach (var node in query.DescendantsAndSelf())
            {
                if (node is NamedTableSource named && named.Name.Parts.Count == 1 && string.Equals(named.Name.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static List<Col> Rename(List<Col> columns, IReadOnlyList<SqlIdentifier> names)
        {
            var list = new List<Col>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                var c = i < names.Count ? columns[i].Named(names[i].Value) : columns[i].Copy();
                c.FromStar = false;
                list.Add(c);
            }

            return list;
        }

        // ---- queries --------------------------------------------------------------------------------------------

        public List<Col> BindQuery(SqlQuery query, Scope? parent, int depth)
        {
            if (depth > MaxDepth)
            {
                return new List<Col>();
            }

            var scope = query.With != null ? WithScope(query.With, parent, depth) : parent;
            List<Col> columns;
            Scope? tailScope = null;
            switch (query)
            {
                case SelectQuery select:
                    columns = BindSelect(select, scope, depth, out tailScope);
                    return columns;
                case SetOperationQuery set:
                    columns = BindSetOperation(set, scope, depth);
                    break;
                case ValuesQuery values:
                    columns = BindValues(values, scope, depth);
                    break;
                case ParenthesizedQuery p:
                    columns = BindQuery(p.Inner, scope, depth + 1);
                    break;
                default:
                    columns = new List<Col>();
                    break;
            }

            // ORDER BY / LIMIT of a set operation, VALUES or parenthesized query: output names only.
            tailScope = new Scope(scope) { Outputs = columns };
            BindTail(query, tailScope, depth);
            return columns;
        }

        private List<Col> BindSetOperation(SetOperationQuery set, Scope? scope, int depth)
        {
            // Left-deep chains (a UNION b UNION c ...) are walked without recursion.
            var branches = new List<SqlQuery>();
            SqlQuery q = set;
            while (q is SetOperationQuery s && s.With == null && (ReferenceEquals(s, set) || (s.OrderBy.Count == 0 && s.Limit == null)))
            {
                branches.Add(s.Right);
                q = s.Left;
            }

            branches.Add(q);
            branches.Reverse();
            List<Col>? result = null;
            foreach (var branch in branches)
            {
                var columns = BindQuery(branch, scope, depth + 1);
                if (result == null)
                {
                    result = new List<Col>();
                    foreach (var c in columns)
                    {
                        var copy = c.Copy();
                        copy.FromStar = c.FromStar;
                        result.Add(copy);
                    }

                    continue;
                }

                for (var i = 0; i < result.Count && i < columns.Count; i++)
                {
                    var merged = result[i];
                    var other = columns[i];
                    merged.IsNullable |= other.IsNullable;
                    if (merged.Type == SqlType.Unknown)
                    {
                        merged.Type = other.Type;
                        merged.ElementType = other.ElementType;
                    }
                    else if (other.Type != SqlType.Unknown && other.Type != merged.Type)
                    {
                        merged.Type = Promote(merged.Type, other.Type);
                    }

                    if (merged.SourceColumn != other.SourceColumn)
                    {
                        merged.SourceColumn = null;
                        merged.SourceTable = null;
                    }
                }
            }

            return result ?? new List<Col>();
        }

        private List<Col> BindValues(ValuesQuery values, Scope? scope, int depth)
        {
            List<Col>? result = null;
            var outer = scope ?? new Scope(null);
            foreach (var row in values.Rows)
            {
                var i = 0;
                foreach (var item in row.Items)
                {
                    var c = Infer(item, outer, null, SqlParameterRole.Other, new Ctx(SqlClause.Insert), depth + 1).Value();
                    if (result == null || i >= result.Count)
                    {
                        result ??= new List<Col>();
                        c.Name = "column" + (i + 1);
                        c.Span = item.Span;
                        result.Add(c);
                    }
                    else
                    {
                        result[i].IsNullable |= c.IsNullable;
                        if (result[i].Type == SqlType.Unknown)
                        {
                            result[i].Type = c.Type;
                        }
                    }

                    i++;
                }
            }

            return result ?? new List<Col>();
        }

        private List<Col> BindSelect(SelectQuery select, Scope? parent, int depth, out Scope scope)
        {
            scope = new Scope(parent);
            if (select.From != null)
            {
                AddFrom(scope, select.From.Sources, depth);
            }

            scope.GroupBy = select.GroupBy.Count > 0;
            var outputs = new List<Col>();
            var ctx = new Ctx(SqlClause.Select);
            foreach (var e in select.DistinctOn)
            {
                Infer(e, scope, null, SqlParameterRole.Other, ctx, depth + 1);
            }

            if (select.Top != null)
            {
                Infer(select.Top.Count, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, ctx, depth + 1);
            }

            foreach (var item in select.Items)
            {
                if (item.Expression is StarExpression star)
                {
                    if (_mute == 0)
                    {
                        Stars.Add(star.Span);
                    }

                    ExpandStar(star, scope, outputs);
                    continue;
                }

                var itemHint = ReferenceEquals(select, _itemHintsFor) && _itemHints != null && outputs.Count < _itemHints.Count ? _itemHints[outputs.Count] : null;
                var c = Infer(item.Expression, scope, itemHint, itemHint == null ? SqlParameterRole.Other : SqlParameterRole.InsertValue, ctx, depth + 1);
                var name = item.Alias?.Value ?? NameOf(item.Expression);
                c = c.Named(name);
                if (!(item.Expression is ColumnReferenceExpression))
                {
                    c.SourceColumn = null;
                    c.SourceTable = null;
                }

                c.Span = item.Span;
                outputs.Add(c);
            }

            scope.Outputs = outputs;
            if (select.Where != null)
            {
                Infer(select.Where, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Where, true), depth + 1);
            }

            foreach (var g in select.GroupBy)
            {
                SortKey(g, scope, SqlPredicateKind.GroupBy, SqlClause.GroupBy, depth);
            }

            if (select.Having != null)
            {
                Infer(select.Having, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Having, false), depth + 1);
            }

            foreach (var w in select.Windows)
            {
                BindWindow(w.Specification, scope, depth);
            }

            BindTail(select, scope, depth);

            // Aggregates without GROUP BY always return one row: MIN/MAX/SUM over no rows are NULL. Already reflected.
            return outputs;
        }

        private void BindTail(SqlQuery query, Scope scope, int depth)
        {
            foreach (var o in query.OrderBy)
            {
                SortKey(o.Expression, scope, SqlPredicateKind.OrderBy, SqlClause.OrderBy, depth);
            }

            if (query.Limit != null)
            {
                Infer(query.Limit, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), depth + 1);
            }

            if (query.Offset != null)
            {
                Infer(query.Offset, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), depth + 1);
            }
        }

        /// <summary>ORDER BY / GROUP BY item: an ordinal, an output alias, or an expression over the sources.</summary>
        private void SortKey(SqlExpression e, Scope scope, SqlPredicateKind kind, SqlClause clause, int depth)
        {
            if (e is LiteralExpression { LiteralKind: SqlLiteralKind.Number } number && int.TryParse(number.Value, out var ordinal))
            {
                if (scope.Outputs != null && ordinal >= 1 && ordinal <= scope.Outputs.Count)
                {
                    var output = scope.Outputs[ordinal - 1];
                    if (output.SourceColumn != null && output.SourceTable != null)
                    {
                        Use(output.SourceTable, output.SourceColumn, kind, e.Span, false);
                    }
                }

                return;
            }

            if (e is ColumnReferenceExpression { Table: null } bare && scope.Outputs != null)
            {
                // An output alias wins in ORDER BY; in GROUP BY a source column wins.
                Col? alias = null;
                foreach (var o in scope.Outputs)
                {
                    if (string.Equals(o.Name, bare.Column, StringComparison.OrdinalIgnoreCase))
                    {
                        alias = o;
                        break;
                    }
                }

                if (alias != null && (kind == SqlPredicateKind.OrderBy || FindUnqualified(scope, bare.Column, out _) == null))
                {
                    if (alias.SourceColumn != null && alias.SourceTable != null)
                    {
                        Use(alias.SourceTable, alias.SourceColumn, kind, e.Span, false);
                    }

                    return;
                }
            }

            var before = References.Count;
            Infer(e, scope, null, Unwrap(e) is ParameterExpression ? SqlParameterRole.SortKey : SqlParameterRole.Other, new Ctx(clause), depth + 1);
            RecordUses(e, before, kind, null, false);
        }

        /// <summary>
        /// The name the database gives an unaliased select item: the column's for a column reference everywhere;
        /// PostgreSQL also names a function call, a cast and a CASE (<c>count(*)</c> is <c>count</c>). SQLite, MySQL and
        /// SQL Server name other expressions by their text or not at all, which no member can match: null.
        /// </summary>
        private string? NameOf(SqlExpression e)
        {
            switch (e)
            {
                case ColumnReferenceExpression c:
                    return c.Column;
                case ParenthesizedExpression p:
                    return NameOf(p.Inner);
                case CastExpression cast when _dialect == SqlDialect.PostgreSql:
                    return NameOf(cast.Operand);
                case FunctionCallExpression f when _dialect == SqlDialect.PostgreSql:
                    return f.Name.Parts.Count > 0 && f.Name.Parts[f.Name.Parts.Count - 1].IsQuoted ? f.Name.Name : f.Name.Name.ToLowerInvariant();
                case CaseExpression when _dialect == SqlDialect.PostgreSql:
                    return "case";
                case ExistsExpression when _dialect == SqlDialect.PostgreSql:
                    return "exists";
                default:
                    return null;
            }
        }

        private void ExpandStar(StarExpression star, Scope scope, List<Col> outputs)
        {
            if (star.Qualifier != null)
            {
                var source = FindSource(scope, star.Qualifier.Name, false, out _);
                if (source == null)
                {
                    Problem(SqlBindingProblemKind.UnknownQualifier, star.Qualifier.Name, star.Qualifier.Span, $"No table or alias '{star.Qualifier.Name}' in scope");
                    return;
                }

                AddStarColumns(source, star, outputs, star.Qualifier.Name);
                return;
            }

            foreach (var source in scope.Sources)
            {
                AddStarColumns(source, star, outputs);
            }
        }

        private static void AddStarColumns(Source source, StarExpression star, List<Col> outputs, string? writtenQualifier = null)
        {
            if (source.Columns == null)
            {
                return;
            }

            foreach (var c in source.Columns)
            {
                var copy = c.Copy();
                copy.IsNullable |= source.IsNullable;
                copy.FromStar = true;
                // As written: inserted.* and old.* name the pseudo-table, not the target they stand for.
                copy.StarQualifier = writtenQualifier ?? source.Alias ?? source.Name;
                copy.Span = star.Span;
                outputs.Add(copy);
            }
        }

        // ---- FROM -----------------------------------------------------------------------------------------------

        private void AddFrom(Scope scope, IReadOnlyList<TableSource> sources, int depth)
        {
            var conditions = new List<(SqlExpression On, bool Outer)>();
            foreach (var source in sources)
            {
                AddSource(scope, source, depth, conditions);
            }

            foreach (var (on, _) in conditions)
            {
                Infer(on, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Join, true), depth + 1);
            }
        }

        private void AddSource(Scope scope, TableSource root, int depth, List<(SqlExpression On, bool Outer)> conditions)
        {
            // Joins are left-deep: walk the left spine with a stack.
            var spine = new Stack<JoinedTableSource>();
            var node = root;
            while (node is JoinedTableSource j && j.Alias == null)
            {
                spine.Push(j);
                node = j.Left;
            }

            AddPrimary(scope, node, depth, conditions);
            while (spine.Count > 0)
            {
                var join = spine.Pop();
                var leftEnd = scope.Sources.Count;
                AddPrimary(scope, join.Right, depth, conditions, join.Kind == JoinKind.CrossApply || join.Kind == JoinKind.OuterApply);
                if (join.Kind == JoinKind.Left || join.Kind == JoinKind.Full || join.Kind == JoinKind.OuterApply)
                {
                    for (var i = leftEnd; i < scope.Sources.Count; i++)
                    {
                        MarkNullable(scope.Sources[i]);
                    }
                }

                if (join.Kind == JoinKind.Right || join.Kind == JoinKind.Full)
                {
                    for (var i = 0; i < leftEnd; i++)
                    {
                        MarkNullable(scope.Sources[i]);
                    }
                }

                if (join.On != null)
                {
                    conditions.Add((join.On, join.Kind != JoinKind.Inner));
                }

                if (join.Using.Count > 0)
                {
                    scope.UsingColumns ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var u in join.Using)
                    {
                        scope.UsingColumns.Add(u.Value);
                        var found = 0;
                        foreach (var s in scope.Sources)
                        {
                            var c = s.Find(u.Value);
                            if (c != null)
                            {
                                found++;
                                if (c.SourceColumn != null && c.SourceTable != null)
                                {
                                    Use(c.SourceTable, c.SourceColumn, SqlPredicateKind.JoinKey, u.Span, false);
                                }
                            }
                        }

                        if (found == 0 && AllKnown(scope))
                        {
                            Problem(SqlBindingProblemKind.UnknownColumn, u.Value, u.Span, $"Column '{u.Value}' does not exist in the joined tables");
                        }
                    }
                }

                if (join.IsNatural)
                {
                    scope.HasNatural = true;
                }
            }
        }

        private static bool AllKnown(Scope scope)
        {
            foreach (var s in scope.Sources)
            {
                if (s.Columns == null)
                {
                    return false;
                }
            }

            return true;
        }

        private static void MarkNullable(Source source)
        {
            source.IsNullable = true;
            if (source.Bound != null)
            {
                source.Bound.IsNullable = true;
            }
        }

        private void AddPrimary(Scope scope, TableSource source, int depth, List<(SqlExpression On, bool Outer)> conditions, bool lateral = false)
        {
            var alias = source.Alias?.Value;
            switch (source)
            {
                case NamedTableSource named:
                    scope.Sources.Add(ResolveNamed(scope, named));
                    break;
                case DerivedTableSource derived:
                    {
                        // A LATERAL subquery sees the sources to its left; others only the enclosing query's.
                        var parent = derived.IsLateral || lateral ? scope : scope.Parent;
                        var columns = BindQuery(derived.Query, parent, depth + 1);
                        if (derived.ColumnAliases.Count > columns.Count && columns.Count > 0 && !HasUnknownWidth(derived.Query))
                        {
                            Problem(SqlBindingProblemKind.ColumnListMismatch, alias ?? string.Empty, source.Alias?.Span ?? derived.Span, $"Column list names {derived.ColumnAliases.Count} columns but the subquery returns {columns.Count}");
                        }

                        scope.Sources.Add(new Source(alias ?? string.Empty, alias, null, Rename(columns, derived.ColumnAliases)));
                        break;
                    }

                case FunctionTableSource function:
                    {
                        Infer(function.Function, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Other), depth + 1);
                        List<Col>? columns = null;
                        if (function.ColumnAliases.Count > 0)
                        {
                            columns = new List<Col>();
                            foreach (var a in function.ColumnAliases)
                            {
                                columns.Add(new Col { Name = a.Value, IsNullable = true });
                            }
                        }

                        scope.Sources.Add(new Source(alias ?? function.Function.Name.Name, alias, null, columns));
                        break;
                    }

                case JoinedTableSource join:
                    {
                        // A parenthesized, aliased join: bind it in its own scope and expose its columns under the alias.
                        var inner = new Scope(scope.Parent);
                        AddSource(inner, new JoinedTableSource(join.Left, join.Kind, join.IsNatural, join.Right, join.On, join.Using, join.Span), depth + 1, conditions);
                        List<Col>? columns = new();
                        foreach (var s in inner.Sources)
                        {
                            if (s.Columns == null)
                            {
                                columns = null;
                                break;
                            }

                            foreach (var c in s.Columns)
                            {
                                columns.Add(s.IsNullable ? c.Nullable(true) : c);
                            }
                        }

                        if (alias == null)
                        {
                            scope.Sources.AddRange(inner.Sources);
                        }
                        else
                        {
                            scope.Sources.Add(new Source(alias, alias, null, columns));
                        }

                        break;
                    }
            }
        }

        private Source ResolveNamed(Scope scope, NamedTableSource named)
        {
            var name = named.Name.Name;
            var alias = named.Alias?.Value;
            if (named.Name.Parts.Count == 1)
            {
                var cte = scope.FindCte(name);
                if (cte != null)
                {
                    AddBound(new BoundTable(name, alias, null, true, false, named.Name.Span.Start, named.Name.Span.Length));
                    var cteSource = new Source(name, alias, null, cte.Columns == null ? null : new List<Col>(cte.Columns));
                    cteSource.Bound = Tables.Count > 0 && _mute == 0 ? Tables[Tables.Count - 1] : null;
                    return cteSource;
                }
            }

            var table = _schema.FindTable(name, named.Name.Qualifier);
            if (table == null)
            {
                if (!IsSystemTable(named.Name))
                {
                    var names = new List<string?>();
                    foreach (var t in _schema.Tables)
                    {
                        names.Add(t.Name);
                    }

                    Problem(SqlBindingProblemKind.UnknownTable, named.Name.ToString(), named.Name.Span, $"Table '{named.Name}' does not exist in the schema{SqlNames.DidYouMean(name, names)}");
                }

                AddBound(new BoundTable(name, alias, null, false, false, named.Name.Span.Start, named.Name.Span.Length));
                var unknown = new Source(name, alias, null, null);
                unknown.Bound = Tables.Count > 0 && _mute == 0 ? Tables[Tables.Count - 1] : null;
                return unknown;
            }

            var bound = new BoundTable(table.Name, alias, table, false, false, named.Name.Span.Start, named.Name.Span.Length);
            AddBound(bound);
            return new Source(name, alias, table, ColumnsOf(table, alias ?? name)) { Bound = bound };
        }

        private bool IsSystemTable(SqlObjectName name)
        {
            var q = name.Qualifier;
            var n = name.Name;
            if (q != null && (q.Equals("information_schema", StringComparison.OrdinalIgnoreCase) || q.Equals("pg_catalog", StringComparison.OrdinalIgnoreCase)
                || q.Equals("sys", StringComparison.OrdinalIgnoreCase) || q.Equals("mysql", StringComparison.OrdinalIgnoreCase) || q.Equals("performance_schema", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return n.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) || n.StartsWith("pg_", StringComparison.OrdinalIgnoreCase)
                || (_dialect == SqlDialect.MySql && n.Equals("dual", StringComparison.OrdinalIgnoreCase));
        }

        private void AddBound(BoundTable table)
        {
            if (_mute == 0)
            {
                Tables.Add(table);
            }
        }

        private static List<Col>? ColumnsOf(SqlSchemaTable table, string? qualifier = null)
        {
            if (table.HasUnknownColumns)
            {
                return null;
            }

            var list = new List<Col>(table.Columns.Count);
            foreach (var c in table.Columns)
            {
                var column = Col.FromSchema(table, c);
                column.SourceAlias = qualifier;
                list.Add(column);
            }

            return list;
        }

        // ---- name resolution ------------------------------------------------------------------------------------

        private Source? FindSource(Scope scope, string qualifier, bool anyLevel, out int level)
        {
            level = 0;
            for (var s = scope; s != null; s = s.Parent, level++)
            {
                foreach (var source in s.Sources)
                {
                    if (source.MatchesAlias(qualifier))
                    {
                        return source;
                    }
                }

                foreach (var source in s.Sources)
                {
                    if (source.MatchesName(qualifier))
                    {
                        return source;
                    }
                }
            }

            return null;
        }

        /// <summary>The column an unqualified name means at the nearest level that has it; null if none. Ambiguity is reported by the caller.</summary>
        private static Col? FindUnqualified(Scope scope, string column, out int matches)
        {
            matches = 0;
            Col? found = null;
            foreach (var source in scope.Sources)
            {
                var c = source.Find(column);
                if (c != null)
                {
                    matches++;
                    found ??= c;
                }
            }

            return found;
        }

        private Col ResolveColumn(ColumnReferenceExpression reference, Scope scope, SqlClause clause)
        {
            var parts = reference.Name.Parts;
            var columnPart = parts[parts.Count - 1];
            var name = columnPart.Value;
            if (parts.Count >= 2)
            {
                var qualifierPart = parts[parts.Count - 2];
                var source = FindSource(scope, qualifierPart.Value, true, out _);
                if (source == null && parts.Count >= 3)
                {
                    // schema.table.column: the table may be unaliased and written with its schema.
                    source = FindSource(scope, qualifierPart.Value, true, out _);
                }

                if (source == null)
                {
                    if (TargetPseudoTables.Contains(qualifierPart.Value))
                    {
                        source = FindTarget(scope);
                    }

                    if (source == null)
                    {
                        Problem(SqlBindingProblemKind.UnknownQualifier, qualifierPart.Value, qualifierPart.Span, $"No table or alias '{qualifierPart.Value}' in scope");

                        return Col.Unknown();
                    }
                }

                if (source.Columns == null)
                {
                    return Col.Unresolved(name);
                }

                var c = source.Find(name) ?? PseudoColumn(name);
                if (c == null)
                {
                    Problem(SqlBindingProblemKind.UnknownColumn, name, columnPart.Span, $"Column '{name}' does not exist in '{source.Alias ?? source.Name}'{SqlNames.DidYouMean(name, ColumnNames(source))}");
                    return Col.Unresolved(name);
                }

                Reference(c, reference, clause);
                return c;
            }

            var anyUnknown = false;
            for (var s = scope; s != null; s = s.Parent)
            {
                var c = FindUnqualified(s, name, out var matches);
                foreach (var source in s.Sources)
                {
                    anyUnknown |= source.Columns == null;
                }

                if (c != null)
                {
                    if (matches > 1 && !(s.UsingColumns?.Contains(name) ?? false) && !s.HasNatural)
                    {
                        var owners = new List<string>();
                        foreach (var source in s.Sources)
                        {
                            if (source.Find(name) != null)
                            {
                                owners.Add(source.Alias ?? source.Name);
                            }
                        }

                        var listed = owners.Count <= 2 ? "'" + string.Join("' and '", owners) + "' both" : "'" + string.Join("', '", owners) + "' all";
                        Problem(SqlBindingProblemKind.AmbiguousColumn, name, columnPart.Span, $"Column '{name}' is ambiguous: {listed} have it; qualify it ({owners[0]}.{name})");
                    }

                    Reference(c, reference, clause);
                    return c;
                }

                if (s.Outputs != null && clause != SqlClause.Select && clause != SqlClause.Where && clause != SqlClause.Join)
                {
                    foreach (var o in s.Outputs)
                    {
                        if (string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return o;
                        }
                    }
                }

                if (anyUnknown)
                {
                    // An unknown table might have it; say nothing.
                    return Col.Unresolved(name);
                }
            }

            var pseudo = PseudoColumn(name);
            if (pseudo != null)
            {
                return pseudo;
            }

            if (IsBareWordValue(reference))
            {
                return Col.Unknown();
            }

            var visible = new List<string?>();
            for (var s = scope; s != null; s = s.Parent)
            {
                foreach (var source in s.Sources)
                {
                    visible.AddRange(ColumnNames(source));
                }
            }

            Problem(SqlBindingProblemKind.UnknownColumn, name, columnPart.Span, $"Column '{name}' does not exist in any table in scope{SqlNames.DidYouMean(name, visible)}");
            return Col.Unresolved(name);
        }

        private static IEnumerable<string?> ColumnNames(Source source)
        {
            if (source.Columns == null)
            {
                yield break;
            }

            foreach (var c in source.Columns)
            {
                yield return c.Name;
            }
        }

        private Source? FindTarget(Scope scope)
        {
            // inserted / deleted / excluded / old / new stand for the statement's target, wherever it sits in FROM.
            if (_dmlTarget != null)
            {
                return _dmlTarget;
            }

            for (var s = scope; s != null; s = s.Parent)
            {
                if (s.Sources.Count > 0)
                {
                    return s.Sources[0];
                }
            }

            return null;
        }

        /// <summary>Bare words that parse as column names but are values: T-SQL date parts, MySQL / SQLite keywords used as values.</summary>
        private static bool IsBareWordValue(ColumnReferenceExpression reference)
        {
            if (reference.Name.Parts.Count != 1 || reference.Name.Parts[0].IsQuoted)
            {
                return false;
            }

            var n = reference.Column;
            return n.Equals("DEFAULT", StringComparison.OrdinalIgnoreCase) || n.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
                || n.Equals("CURRENT_TIMESTAMP", StringComparison.OrdinalIgnoreCase) || n.Equals("CURRENT_DATE", StringComparison.OrdinalIgnoreCase)
                || n.Equals("SYSDATE", StringComparison.OrdinalIgnoreCase);
        }

        private Col? PseudoColumn(string name)
        {
            switch (_dialect)
            {
                case SqlDialect.Sqlite when name.Equals("rowid", StringComparison.OrdinalIgnoreCase) || name.Equals("oid", StringComparison.OrdinalIgnoreCase) || name.Equals("_rowid_", StringComparison.OrdinalIgnoreCase):
                    return Col.Of(SqlType.Integer, false).Named(name);
                case SqlDialect.PostgreSql when name.Equals("ctid", StringComparison.OrdinalIgnoreCase) || name.Equals("xmin", StringComparison.OrdinalIgnoreCase) || name.Equals("xmax", StringComparison.OrdinalIgnoreCase) || name.Equals("tableoid", StringComparison.OrdinalIgnoreCase):
                    return Col.Unknown(false).Named(name);
                case SqlDialect.SqlServer when name.Equals("$action", StringComparison.OrdinalIgnoreCase):
                    return Col.Of(SqlType.Text, false);
                default:
                    return null;
            }
        }

        private void Reference(Col c, ColumnReferenceExpression reference, SqlClause clause)
        {
            if (_mute > 0 || c.SourceColumn == null || c.SourceTable == null)
            {
                return;
            }

            References.Add(new BoundColumnReference(c.SourceTable, c.SourceColumn, clause, reference.Span.Start, reference.Span.Length)
            {
                Wrapper = _wrapper,
                WrapperName = _wrapperName,
            });
        }

        private void Use(SqlSchemaTable table, SqlSchemaColumn column, SqlPredicateKind kind, SqlSpan span, bool underOr)
        {
            if (_mute > 0)
            {
                return;
            }

            Uses.Add(new SqlPredicateUse(table, column, kind, span.Start, span.Length) { UnderOr = underOr });
        }

        /// <summary>Predicate uses for the column references recorded since <paramref name="before"/> (an operand's).</summary>
        private void RecordUses(SqlExpression operand, int before, SqlPredicateKind kind, SqlExpression? pattern, bool underOr)
        {
            if (_mute > 0 || ContainsQuery(operand))
            {
                return;
            }

            var direct = Unwrap(operand) is ColumnReferenceExpression;
            for (var i = before; i < References.Count; i++)
            {
                var r = References[i];
                var use = new SqlPredicateUse(r.Table, r.Column, kind, r.Start, r.Length) { UnderOr = underOr };
                if (!direct)
                {
                    use.Wrapper = r.Wrapper ?? operand.Span;
                    use.WrapperName = r.WrapperName;
                }

                if (pattern != null)
                {
                    use.Pattern = pattern.Span;
                    use.HasLeadingWildcard = LeadingWildcard(pattern);
                }

                Uses.Add(use);
            }
        }

        private static SqlExpression Unwrap(SqlExpression e)
        {
            while (e is ParenthesizedExpression p)
            {
                e = p.Inner;
            }

            return e;
        }

        private static bool ContainsQuery(SqlExpression e)
        {
            foreach (var n in e.DescendantsAndSelf())
            {
                if (n is SqlQuery)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LeadingWildcard(SqlExpression pattern)
        {
            var e = Unwrap(pattern);
            while (true)
            {
                switch (e)
                {
                    case LiteralExpression { LiteralKind: SqlLiteralKind.String } s:
                        return s.Value.Length > 0 && (s.Value[0] == '%' || s.Value[0] == '_' || s.Value[0] == '*');
                    case BinaryExpression { Operator: "||" } b:
                        e = Unwrap(b.Left);
                        continue;
                    case BinaryExpression { Operator: "+" } plus:
                        e = Unwrap(plus.Left);
                        continue;
                    case FunctionCallExpression f when f.Arguments.Count > 0 && (f.Name.Name.Equals("concat", StringComparison.OrdinalIgnoreCase)):
                        e = Unwrap(f.Arguments[0]);
                        continue;
                    default:
                        return false;
                }
            }
        }
    }
}
