using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Binding;

public static partial class SqlBinder
{
    private sealed partial class Binder
    {
        private void BindInsert(InsertStatement insert, BoundStatement result)
        {
            var scope = WithScope(insert.With, null, 0);
            var target = ResolveNamed(scope, insert.Target);
            var targetScope = new Scope(scope);
            targetScope.Sources.Add(target);
            _dmlTarget = target;
            result.TargetTable = target.Table;

            // The target columns: the list, or every column in order.
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (insert.Columns.Count > 0)
            {
                var first = insert.Columns[0].Span.Start;
                var last = insert.Columns[insert.Columns.Count - 1].Span.End;
                result.InsertColumnsSpan = SqlSpan.FromBounds(first, last);
            }
            else
            {
                result.InsertColumnsSpan = insert.Target.Span;
            }

            var columns = InsertColumns(target, insert.Columns, named);

            var knownWidth = insert.Columns.Count > 0 || target.Columns != null;
            if (insert.Source is ValuesQuery values)
            {
                foreach (var row in values.Rows)
                {
                    for (var i = 0; i < row.Items.Count; i++)
                    {
                        var column = i < columns.Count ? columns[i] : null;
                        Assigned(column, row.Items[i], row.Items[i].Span);
                        Infer(row.Items[i], scope, column, SqlParameterRole.InsertValue, new Ctx(SqlClause.Insert), 1);
                    }

                    if (knownWidth && row.Items.Count != columns.Count && (insert.Columns.Count > 0 || row.Items.Count > columns.Count))
                    {
                        Problem(SqlBindingProblemKind.ValueCountMismatch, target.Name, row.Span, $"The row has {row.Items.Count} values but {columns.Count} columns are listed");
                    }
                    else if (insert.Columns.Count == 0 && target.Columns != null)
                    {
                        for (var i = 0; i < row.Items.Count && i < columns.Count; i++)
                        {
                            if (columns[i]?.Name is { } n)
                            {
                                named.Add(n);
                            }
                        }
                    }
                }
            }
            else if (insert.Source != null)
            {
                foreach (var column in columns)
                {
                    Assigned(column, null, insert.Source.Span);
                }

                if (insert.Source is SelectQuery select)
                {
                    _itemHintsFor = select;
                    _itemHints = columns;
                }

                var selected = BindQuery(insert.Source, scope, 1);
                _itemHintsFor = null;
                _itemHints = null;
                if (knownWidth && selected.Count > 0 && selected.Count != columns.Count && !HasUnknownWidth(insert.Source) && insert.Columns.Count > 0)
                {
                    Problem(SqlBindingProblemKind.ValueCountMismatch, target.Name, insert.Source.Span, $"The query returns {selected.Count} columns but {columns.Count} are listed");
                }

                if (insert.Columns.Count == 0)
                {
                    for (var i = 0; i < selected.Count && i < columns.Count; i++)
                    {
                        if (columns[i]?.Name is { } n)
                        {
                            named.Add(n);
                        }
                    }
                }
            }

            foreach (var a in insert.SetAssignments)
            {
                Assign(a, targetScope, targetScope, SqlClause.Set);
                foreach (var t in a.Targets)
                {
                    named.Add(t.Column);
                }
            }

            foreach (var conflict in insert.OnConflict)
            {
                foreach (var t in conflict.TargetColumns)
                {
                    Infer(t, targetScope, null, SqlParameterRole.Other, new Ctx(SqlClause.Other), 1);
                }

                if (conflict.TargetWhere != null)
                {
                    Infer(conflict.TargetWhere, targetScope, null, SqlParameterRole.Other, new Ctx(SqlClause.Other), 1);
                }

                foreach (var a in conflict.Assignments)
                {
                    Assign(a, targetScope, targetScope, SqlClause.Set);
                }

                if (conflict.Where != null)
                {
                    Infer(conflict.Where, targetScope, null, SqlParameterRole.Other, new Ctx(SqlClause.Other), 1);
                }
            }

            foreach (var a in insert.OnDuplicateKeyUpdate)
            {
                Assign(a, targetScope, targetScope, SqlClause.Set);
            }

            var returning = Returning(insert.Returning, insert.Output, targetScope);
            result.ResultColumns = ToResult(returning, null);

            // Required columns the statement leaves out.
            if (target.Table != null && !target.Table.HasUnknownColumns && (insert.Columns.Count > 0 || insert.IsDefaultValues || insert.SetAssignments.Count > 0 || insert.Source != null))
            {
                var missing = new List<SqlSchemaColumn>();
                foreach (var c in target.Table.Columns)
                {
                    if (c.IsRequiredOnInsert && !named.Contains(c.Name))
                    {
                        missing.Add(c);
                    }
                }

                result.MissingInsertColumns = missing;
            }
        }

        /// <summary>The columns an INSERT fills: the listed ones (unknown names reported), or every non-computed column in order.</summary>
        private List<Col?> InsertColumns(Source target, IReadOnlyList<SqlIdentifier> listed, HashSet<string> named)
        {
            var columns = new List<Col?>();
            if (listed.Count > 0)
            {
                foreach (var id in listed)
                {
                    named.Add(id.Value);
                    var c = target.Find(id.Value);
                    if (c == null && target.Columns != null)
                    {
                        Problem(SqlBindingProblemKind.UnknownColumn, id.Value, id.Span, $"Column '{id.Value}' does not exist in '{target.Name}'");
                    }
                    else if (c != null && c.SourceColumn != null && c.SourceTable != null && _mute == 0)
                    {
                        References.Add(new BoundColumnReference(c.SourceTable, c.SourceColumn, SqlClause.Insert, id.Span.Start, id.Span.Length));
                    }

                    columns.Add(c);
                }
            }
            else if (target.Columns != null)
            {
                foreach (var c in target.Columns)
                {
                    if (c.SourceColumn?.IsComputed != true)
                    {
                        columns.Add(c);
                    }
                }
            }

            return columns;
        }

        private List<Col> Returning(IReadOnlyList<SelectItem> returning, OutputClause? output, Scope scope)
        {
            var items = new List<SelectItem>(returning);
            if (output != null)
            {
                items.AddRange(output.Items);
            }

            var list = new List<Col>();
            foreach (var item in items)
            {
                if (item.Expression is StarExpression star)
                {
                    if (_mute == 0)
                    {
                        Stars.Add(star.Span);
                    }

                    if (star.Qualifier != null && TargetPseudoTables.Contains(star.Qualifier.Name) && scope.Sources.Count > 0)
                    {
                        // MERGE scopes inserted / deleted as sources of their own; elsewhere they mean the target.
                        AddStarColumns(FindSource(scope, star.Qualifier.Name, true, out _) ?? scope.Sources[0], star, list, star.Qualifier.Name);
                    }
                    else
                    {
                        ExpandStar(star, scope, list);
                    }

                    continue;
                }

                var c = Infer(item.Expression, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Returning), 1).Named(item.Alias?.Value ?? NameOf(item.Expression));
                c.Span = item.Span;
                list.Add(c);
            }

            return list;
        }

        private void Assign(Assignment a, Scope targetScope, Scope valueScope, SqlClause clause)
        {
            var targets = new List<Col>();
            foreach (var t in a.Targets)
            {
                if (_dialect == SqlDialect.SqlServer && IsVariable(t))
                {
                    targets.Add(Col.Unknown());
                    continue;
                }

                targets.Add(ResolveColumn(t, targetScope, clause));
            }

            if (a.Value is RowExpression row && targets.Count > 1)
            {
                for (var i = 0; i < row.Items.Count; i++)
                {
                    Assigned(i < targets.Count ? targets[i] : null, row.Items[i], row.Items[i].Span, isUpdate: true);
                    Infer(row.Items[i], valueScope, i < targets.Count ? targets[i] : null, SqlParameterRole.Assignment, new Ctx(clause), 1);
                }

                return;
            }

            if (targets.Count == 1)
            {
                Assigned(targets[0], a.Operator == "=" ? a.Value : null, a.Value.Span, isUpdate: true);
            }

            var hint = targets.Count == 1 ? targets[0] : null;
            if (hint != null && hint.Type == SqlType.Unknown && hint.SourceColumn == null)
            {
                hint = null;
            }

            Infer(a.Value, valueScope, hint, a.Operator == "=" ? SqlParameterRole.Assignment : SqlParameterRole.Operand, new Ctx(clause), 1);
        }

        /// <summary>T-SQL <c>SET @v = ..</c>: the parser keeps the variable as a one-part name whose span includes the <c>@</c>.</summary>
        private static bool IsVariable(ColumnReferenceExpression t) =>
            t.Name.Parts.Count == 1 && !t.Name.Parts[0].IsQuoted && t.Name.Parts[0].Span.Length == t.Name.Parts[0].Value.Length + 1;

        private void BindUpdate(UpdateStatement update, BoundStatement result)
        {
            var scope = WithScope(update.With, null, 0);
            var query = new Scope(scope);
            result.StatementKeyword = new SqlSpan(update.Span.Start, 6);
            var conditions = new List<(SqlExpression On, bool Outer)>();

            // T-SQL / MySQL: "UPDATE a SET .. FROM t a JOIN .." names an alias of the FROM clause as the target.
            Source? target = null;
            if (update.From != null && update.Target is NamedTableSource named && named.Name.Parts.Count == 1 && named.Alias == null)
            {
                AddFrom(query, update.From.Sources, 1);
                target = FindSource(query, named.Name.Name, false, out _);
                if (target == null)
                {
                    target = ResolveNamed(scope, named);
                    query.Sources.Insert(0, target);
                }
            }
            else
            {
                AddSource(query, update.Target, 1, conditions);
                target = query.Sources.Count > 0 ? query.Sources[0] : null;
                if (update.From != null)
                {
                    AddFrom(query, update.From.Sources, 1);
                }

                foreach (var (on, _) in conditions)
                {
                    Infer(on, query, null, SqlParameterRole.Other, new Ctx(SqlClause.Join, true), 1);
                }
            }

            // MySQL's multi-table UPDATE writes the table its SET names; elsewhere the target is the named one.
            if (update.From == null && query.Sources.Count > 1 && update.Assignments.Count > 0 && update.Assignments[0].Targets.Count > 0
                && update.Assignments[0].Targets[0].Table is { } qualifier && FindSource(query, qualifier, false, out _) is { } written)
            {
                target = written;
            }

            _dmlTarget = target;
            result.TargetTable = target?.Table;
            if (update.Top != null)
            {
                Infer(update.Top.Count, query, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), 1);
            }

            var targetScope = new Scope(scope);
            if (target != null)
            {
                targetScope.Sources.Add(target);
            }

            foreach (var a in update.Assignments)
            {
                // MySQL multi-table UPDATE may set columns of any joined table; elsewhere SET names the target's columns.
                Assign(a, query.Sources.Count > 1 && update.From == null ? query : targetScope.Sources.Count > 0 ? (a.Targets.Count > 0 && a.Targets[0].Table != null ? query : targetScope) : query, query, SqlClause.Set);
            }

            if (update.Where != null)
            {
                Infer(update.Where, query, null, SqlParameterRole.Other, new Ctx(SqlClause.Where, true), 1);
            }

            result.IsUpdateOrDeleteWithoutWhere = update.Where == null;
            foreach (var o in update.OrderBy)
            {
                SortKey(o.Expression, query, SqlPredicateKind.OrderBy, SqlClause.OrderBy, 0);
            }

            if (update.Limit != null)
            {
                Infer(update.Limit, query, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), 1);
            }

            result.ResultColumns = ToResult(Returning(update.Returning, update.Output, query), null);
        }

        private void BindDelete(DeleteStatement delete, BoundStatement result)
        {
            var scope = WithScope(delete.With, null, 0);
            var query = new Scope(scope);
            result.StatementKeyword = new SqlSpan(delete.Span.Start, 6);
            Source? target = null;
            var extra = delete.From ?? delete.Using;
            if (extra != null)
            {
                AddFrom(query, extra.Sources, 1);
            }

            if (delete.From != null && delete.Target.Name.Parts.Count == 1 && delete.Target.Alias == null)
            {
                // DELETE a FROM t a JOIN .. (MySQL, T-SQL): the target is an alias of the FROM clause.
                target = FindSource(query, delete.Target.Name.Name, false, out _);
            }

            if (target == null)
            {
                target = ResolveNamed(scope, delete.Target);
                query.Sources.Insert(0, target);
            }

            if (delete.Using != null && delete.From != null)
            {
                AddFrom(query, delete.Using.Sources, 1);
            }

            foreach (var more in delete.AdditionalTargets)
            {
                if (FindSource(query, more.Name.Name, false, out _) == null)
                {
                    query.Sources.Add(ResolveNamed(scope, more));
                }
            }

            _dmlTarget = target;
            result.TargetTable = target.Table;
            if (delete.Top != null)
            {
                Infer(delete.Top.Count, query, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), 1);
            }

            if (delete.Where != null)
            {
                Infer(delete.Where, query, null, SqlParameterRole.Other, new Ctx(SqlClause.Where, true), 1);
            }

            result.IsUpdateOrDeleteWithoutWhere = delete.Where == null;
            foreach (var o in delete.OrderBy)
            {
                SortKey(o.Expression, query, SqlPredicateKind.OrderBy, SqlClause.OrderBy, 0);
            }

            if (delete.Limit != null)
            {
                Infer(delete.Limit, query, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), 1);
            }

            result.ResultColumns = ToResult(Returning(delete.Returning, delete.Output, query), null);
        }

        private void BindMerge(MergeStatement merge, BoundStatement result)
        {
            var scope = WithScope(merge.With, null, 0);
            var query = new Scope(scope);
            var target = ResolveNamed(scope, merge.Target);
            query.Sources.Add(target);
            _dmlTarget = target;
            result.TargetTable = target.Table;
            if (merge.Top != null)
            {
                Infer(merge.Top.Count, query, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), 1);
            }

            var conditions = new List<(SqlExpression On, bool Outer)>();
            if (merge.Source != null)
            {
                AddSource(query, merge.Source, 1, conditions);
            }

            if (merge.On != null)
            {
                Infer(merge.On, query, null, SqlParameterRole.Other, new Ctx(SqlClause.Join, true), 1);
            }

            // WHEN MATCHED sees the target and the source; NOT MATCHED [BY TARGET] only the source; NOT MATCHED BY SOURCE only the target.
            var targetScope = new Scope(scope);
            targetScope.Sources.Add(target);
            var sourceScope = new Scope(scope);
            for (var i = 1; i < query.Sources.Count; i++)
            {
                sourceScope.Sources.Add(query.Sources[i]);
            }

            bool inserts = false, deletes = false, bySource = false;
            foreach (var clause in merge.WhenClauses)
            {
                var rows = clause.Match switch
                {
                    MergeMatchKind.Matched => query,
                    MergeMatchKind.NotMatchedByTarget => sourceScope,
                    _ => targetScope,
                };
                bySource |= clause.Match == MergeMatchKind.NotMatchedBySource;
                if (clause.Condition != null)
                {
                    Infer(clause.Condition, rows, null, SqlParameterRole.Other, new Ctx(SqlClause.Where), 1);
                }

                switch (clause.Action)
                {
                    case MergeActionKind.Update:
                        foreach (var a in clause.Assignments)
                        {
                            Assign(a, targetScope, rows, SqlClause.Set);
                        }

                        break;
                    case MergeActionKind.Delete:
                        deletes = true;
                        break;
                    case MergeActionKind.Insert:
                        inserts = true;
                        BindMergeInsert(clause, target, rows);
                        break;
                }
            }

            // OUTPUT / RETURNING: T-SQL's inserted (null for deleted rows) and deleted (null for inserted rows), the
            // target, and the source (null for rows NOT MATCHED BY SOURCE).
            var pseudo = new Scope(scope);
            if (_dialect == SqlDialect.SqlServer)
            {
                pseudo.Sources.Add(new Source("inserted", null, target.Table, target.Columns) { IsNullable = target.IsNullable || deletes });
                pseudo.Sources.Add(new Source("deleted", null, target.Table, target.Columns) { IsNullable = target.IsNullable || inserts });
            }

            var output = new Scope(pseudo);
            output.Sources.Add(target);
            foreach (var source in sourceScope.Sources)
            {
                output.Sources.Add(bySource && !source.IsNullable ? new Source(source.Name, source.Alias, source.Table, source.Columns) { IsNullable = true, Bound = source.Bound } : source);
            }

            result.ResultColumns = ToResult(Returning(merge.Returning, merge.Output, output), null);
        }

        private void BindMergeInsert(MergeWhenClause clause, Source target, Scope rows)
        {
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var columns = InsertColumns(target, clause.InsertColumns, named);
            if (clause.InsertValues is not { } values)
            {
                return;
            }

            for (var i = 0; i < values.Items.Count; i++)
            {
                Infer(values.Items[i], rows, i < columns.Count ? columns[i] : null, SqlParameterRole.InsertValue, new Ctx(SqlClause.Insert), 1);
            }

            if ((clause.InsertColumns.Count > 0 || target.Columns != null) && values.Items.Count != columns.Count
                && (clause.InsertColumns.Count > 0 || values.Items.Count > columns.Count))
            {
                Problem(SqlBindingProblemKind.ValueCountMismatch, target.Name, values.Span, $"The row has {values.Items.Count} values but {columns.Count} columns are listed");
            }
        }
    }
}
