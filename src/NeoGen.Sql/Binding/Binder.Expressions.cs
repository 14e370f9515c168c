using System;
using System.Collections.Generic;
using System.Linq;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Binding;

public static partial class SqlBinder
{
    private sealed partial class Binder
    {
        private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase)
        {
            "sum", "avg", "min", "max", "total", "string_agg", "group_concat", "array_agg", "json_agg", "jsonb_agg", "listagg",
            "bool_and", "bool_or", "every", "stddev", "variance", "stdev", "var", "json_group_array", "json_object_agg",
        };

        private static readonly HashSet<string> TextFunctions = new(StringComparer.OrdinalIgnoreCase)
        {
            "lower", "upper", "trim", "ltrim", "rtrim", "btrim", "substr", "substring", "replace", "left", "right", "lpad", "rpad",
            "concat_ws", "reverse", "initcap", "md5", "to_char", "format", "quote_ident", "quote_literal", "repeat", "translate",
            "typeof", "hex", "printf", "char", "chr", "string_agg", "group_concat", "listagg", "stuff", "space", "soundex",
            "upper_case", "lcase", "ucase", "split_part", "regexp_replace", "date_format", "strftime", "encode", "concat",
        };

        private static readonly HashSet<string> IntegerFunctions = new(StringComparer.OrdinalIgnoreCase)
        {
            "length", "char_length", "character_length", "len", "octet_length", "bit_length", "instr", "strpos", "position",
            "charindex", "row_number", "rank", "dense_rank", "ntile", "count_big", "datediff", "last_insert_rowid", "changes",
            "last_insert_id", "row_count", "scope_identity", "array_length", "cardinality", "sign", "ascii", "unicode",
            "year", "month", "day", "datepart", "datediff_big", "quarter", "week", "weekday", "dayofweek", "dayofmonth", "dayofyear",
            "hour", "minute", "second", "timestampdiff", "to_days",
        };

        public Col Infer(SqlExpression e, Scope scope, Col? hint, SqlParameterRole role, Ctx ctx, int depth)
        {
            if (depth > MaxDepth)
            {
                return Col.Unknown();
            }

            switch (e)
            {
                case ParameterExpression p:
                    return Parameter(p, hint, role, false);
                case ColumnReferenceExpression c:
                    return ResolveColumn(c, scope, ctx.Clause);
                case LiteralExpression l:
                    var literal = Literal(l);
                    if (_mute == 0 && hint?.SourceColumn != null && hint.SourceTable != null && literal.Type is SqlType.Integer or SqlType.Decimal or SqlType.Float or SqlType.Boolean or SqlType.Text
                        && role is SqlParameterRole.Comparison or SqlParameterRole.InListItem or SqlParameterRole.Between or SqlParameterRole.Assignment or SqlParameterRole.InsertValue)
                    {
                        Literals.Add(new BoundLiteral(literal.Type, l.Value, hint.SourceTable, hint.SourceColumn, role, l.Span.Start, l.Span.Length));
                    }

                    return literal;
                case TypedLiteralExpression t:
                    return Col.Of(SqlTypes.Categorize(t.TypeName, _dialect), false);
                case IntervalExpression interval:
                    Infer(interval.Value, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                    return Col.Of(SqlType.Unknown, false);
                case KeywordExpression:
                    return Col.Unknown(false);
                case ParenthesizedExpression p:
                    return Infer(p.Inner, scope, hint, role, ctx, depth + 1);
                case UnaryExpression u:
                    {
                        if (u.Operator == "NOT")
                        {
                            var inner = Infer(u.Operand, scope, null, SqlParameterRole.Other, ctx, depth + 1);
                            return Col.Of(SqlType.Boolean, inner.IsNullable);
                        }

                        var operand = Wrapped(u.Span, u.Operator, () => Infer(u.Operand, scope, hint, SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1));
                        return operand.Value();
                    }

                case BinaryExpression b:
                    return Binary(b, scope, hint, ctx, depth);
                case IsNullExpression isNull:
                    Infer(isNull.Operand, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                    return Col.Of(SqlType.Boolean, false);
                case InExpression inExpression:
                    return In(inExpression, scope, ctx, depth);
                case BetweenExpression between:
                    {
                        var before = References.Count;
                        var operand = Infer(between.Operand, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                        if (ctx.Predicate && !between.IsNot)
                        {
                            RecordUses(between.Operand, before, SqlPredicateKind.Range, null, ctx.UnderOr);
                        }

                        var low = Infer(between.Low, scope, operand, SqlParameterRole.Between, ctx.NoPredicate(), depth + 1);
                        var high = Infer(between.High, scope, operand, SqlParameterRole.Between, ctx.NoPredicate(), depth + 1);
                        return Col.Of(SqlType.Boolean, operand.IsNullable || low.IsNullable || high.IsNullable);
                    }

                case LikeExpression like:
                    {
                        var before = References.Count;
                        var operand = Infer(like.Operand, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                        if (ctx.Predicate && !like.IsNot)
                        {
                            RecordUses(like.Operand, before, SqlPredicateKind.Like, like.Pattern, ctx.UnderOr);
                        }

                        var textHint = operand.Type == SqlType.Unknown || operand.Type == SqlType.Text || operand.Type == SqlType.Enum ? operand : null;
                        var pattern = Infer(like.Pattern, scope, textHint == null ? Col.Of(SqlType.Text, false) : textHint.Nullable(false), SqlParameterRole.LikePattern, ctx.NoPredicate(), depth + 1);
                        if (like.Escape != null)
                        {
                            Infer(like.Escape, scope, Col.Of(SqlType.Text, false), SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                        }

                        return Col.Of(SqlType.Boolean, operand.IsNullable || pattern.IsNullable);
                    }

                case CaseExpression c:
                    return Case(c, scope, ctx, depth);
                case CastExpression cast:
                    {
                        var target = SqlTypes.Categorize(cast.Type.Name, _dialect, cast.Type.ArrayRank, null, n => _schema.FindEnum(n) != null);
                        var targetCol = Col.Of(target, true);
                        if (target == SqlType.Array)
                        {
                            targetCol.ElementType = SqlTypes.Categorize(cast.Type.Name, _dialect);
                        }

                        var operand = Wrapped(cast.Span, "cast", () => Infer(cast.Operand, scope, targetCol.Nullable(false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1));
                        if (cast.Style != null)
                        {
                            Infer(cast.Style, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1);
                        }

                        var result = targetCol.Nullable(operand.IsNullable || cast.Syntax == CastSyntax.TryCast);
                        if (target == SqlType.Enum)
                        {
                            result.EnumTypeName = _schema.FindEnum(cast.Type.Name)?.Name;
                        }

                        return result;
                    }

                case FunctionCallExpression f:
                    return Function(f, scope, hint, ctx, depth);
                case ExistsExpression exists:
                    BindQuery(exists.Query, scope, depth + 1);
                    return Col.Of(SqlType.Boolean, false);
                case SubqueryExpression sub:
                    {
                        var columns = BindQuery(sub.Query, scope, depth + 1);
                        if (columns.Count == 0)
                        {
                            return Col.Unknown();
                        }

                        // A scalar subquery is NULL when it finds no row, unless it always returns exactly one.
                        return columns[0].Value().Nullable(columns[0].IsNullable || !ReturnsOneRow(sub.Query));
                    }

                case QuantifiedExpression q:
                    {
                        if (q.Query != null)
                        {
                            var columns = BindQuery(q.Query, scope, depth + 1);
                            return columns.Count > 0 ? columns[0].Value() : Col.Unknown();
                        }

                        if (q.Argument != null)
                        {
                            if (UnwrapCasts(q.Argument) is ParameterExpression p)
                            {
                                return Parameter(p, hint, SqlParameterRole.InCollection, true, ParameterListSyntax.AnyArray, p.Span.Start, false);
                            }

                            var array = Infer(q.Argument, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                            return Col.Of(array.ElementType, true);
                        }

                        return Col.Unknown();
                    }

                case RowExpression row:
                    foreach (var item in row.Items)
                    {
                        Infer(item, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                    }

                    return Col.Unknown();
                case ArrayExpression array:
                    {
                        var element = SqlType.Unknown;
                        foreach (var item in array.Items)
                        {
                            var c = Infer(item, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                            if (element == SqlType.Unknown)
                            {
                                element = c.Type;
                            }
                        }

                        if (array.Query != null)
                        {
                            var columns = BindQuery(array.Query, scope, depth + 1);
                            if (columns.Count > 0)
                            {
                                element = columns[0].Type;
                            }
                        }

                        return new Col { Type = SqlType.Array, ElementType = element, IsNullable = false };
                    }

                case SubscriptExpression s:
                    {
                        var target = Infer(s.Target, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                        if (s.Index != null)
                        {
                            Infer(s.Index, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1);
                        }

                        if (s.Upper != null)
                        {
                            Infer(s.Upper, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1);
                            return target.Value();
                        }

                        return target.Type == SqlType.Array ? Col.Of(target.ElementType, true) : Col.Unknown();
                    }

                case CollateExpression collate:
                    return Infer(collate.Operand, scope, hint, role, ctx, depth + 1);
                case AtTimeZoneExpression atz:
                    {
                        var operand = Infer(atz.Operand, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                        Infer(atz.Zone, scope, Col.Of(SqlType.Text, false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1);
                        var type = operand.Type == SqlType.TimestampTz ? SqlType.Timestamp : operand.Type == SqlType.Timestamp ? SqlType.TimestampTz : operand.Type;
                        return Col.Of(type, operand.IsNullable);
                    }

                case FieldSelectionExpression field:
                    Infer(field.Target, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
                    return Col.Unknown();
                case StarExpression:
                    return Col.Unknown();
                default:
                    return Col.Unknown();
            }
        }

        private Col Wrapped(SqlSpan span, string name, Func<Col> inner)
        {
            var saved = _wrapper;
            var savedName = _wrapperName;
            _wrapper = span;
            _wrapperName = name;
            try
            {
                return inner();
            }
            finally
            {
                _wrapper = saved;
                _wrapperName = savedName;
            }
        }

        private Col Unwrapped(Func<Col> inner)
        {
            var saved = _wrapper;
            var savedName = _wrapperName;
            _wrapper = null;
            _wrapperName = null;
            try
            {
                return inner();
            }
            finally
            {
                _wrapper = saved;
                _wrapperName = savedName;
            }
        }

        private Col Parameter(ParameterExpression p, Col? hint, SqlParameterRole role, bool collection, ParameterListSyntax listSyntax = ParameterListSyntax.None, int listStart = -1, bool negated = false)
        {
            if (p.ParameterKind != SqlParameterKind.NeoGen)
            {
                return hint?.Value() ?? Col.Unknown();
            }

            if (_mute == 0)
            {
                var bound = new BoundParameter(p.Name, p.Span.Start, p.Span.Length)
                {
                    Role = hint == null && role is not (SqlParameterRole.RowCount or SqlParameterRole.SortKey) ? SqlParameterRole.Other : role,
                    IsCollection = collection,
                    ListSyntax = listSyntax,
                    ListStart = listStart < 0 ? p.Span.Start : listStart,
                    IsNegatedList = negated,
                };
                if (hint != null)
                {
                    bound.Type = hint.Type == SqlType.Array && collection ? hint.ElementType : hint.Type;
                    bound.Column = hint.SourceColumn;
                    bound.Table = hint.SourceTable;
                    bound.IsNullable = (role == SqlParameterRole.Assignment || role == SqlParameterRole.InsertValue) && hint.IsNullable;
                }
                else
                {
                    bound.IsNullable = true;
                }

                Parameters.Add(bound);
            }

            var result = hint?.Value() ?? Col.Unknown();
            result.IsNullable = true;
            return result;
        }

        private static Col Literal(LiteralExpression l)
        {
            switch (l.LiteralKind)
            {
                case SqlLiteralKind.String:
                    return Col.Of(SqlType.Text, false);
                case SqlLiteralKind.Number:
                    var v = l.Value;
                    if (v.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                    {
                        return Col.Of(SqlType.Integer, false);
                    }

                    if (v.IndexOf('e') >= 0 || v.IndexOf('E') >= 0)
                    {
                        return Col.Of(SqlType.Float, false);
                    }

                    return Col.Of(v.IndexOf('.') >= 0 ? SqlType.Decimal : SqlType.Integer, false);
                case SqlLiteralKind.Blob:
                    return Col.Of(SqlType.Binary, false);
                case SqlLiteralKind.Boolean:
                    return Col.Of(SqlType.Boolean, false);
                case SqlLiteralKind.Null:
                    return Col.Unknown(true);
                default:
                    return Col.Unknown(false);
            }
        }

        private static bool IsComparison(string op) =>
            op == "=" || op == "==" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=" || op == "<=>"
            || op == "IS" || op == "IS NOT" || op == "IS DISTINCT FROM" || op == "IS NOT DISTINCT FROM" || op == "!<" || op == "!>";

        private Col Binary(BinaryExpression b, Scope scope, Col? hint, Ctx ctx, int depth)
        {
            if (b.Operator == "AND" || b.Operator == "OR" || b.Operator == "XOR" || ((b.Operator == "&&" || b.Operator == "||") && _dialect == SqlDialect.MySql))
            {
                // Long AND / OR chains are left-deep: collect the operands with a stack instead of recursing.
                var operands = new List<SqlExpression>();
                var stack = new Stack<SqlExpression>();
                stack.Push(b);
                while (stack.Count > 0)
                {
                    var e = stack.Pop();
                    if (e is BinaryExpression inner && inner.Operator == b.Operator)
                    {
                        stack.Push(inner.Right);
                        stack.Push(inner.Left);
                    }
                    else
                    {
                        operands.Add(e);
                    }
                }

                var innerCtx = ctx;
                if (b.Operator != "AND" && b.Operator != "&&")
                {
                    innerCtx.UnderOr = true;
                }

                var nullable = false;
                foreach (var operand in operands)
                {
                    nullable |= Unwrapped(() => Infer(operand, scope, null, SqlParameterRole.Other, innerCtx, depth + 1)).IsNullable;
                }

                return Col.Of(SqlType.Boolean, nullable);
            }

            if (IsComparison(b.Operator))
            {
                return Unwrapped(() => Comparison(b, scope, ctx, depth));
            }

            // Arithmetic, concatenation and other operators: a left-deep chain of the same operator is walked iteratively.
            var chain = new List<SqlExpression>();
            SqlExpression node = b;
            while (node is BinaryExpression same && same.Operator == b.Operator && chain.Count < 100000)
            {
                chain.Add(same.Right);
                node = same.Left;
            }

            chain.Add(node);
            chain.Reverse();
            Col? result = null;
            var anyNullable = false;
            var op = b.Operator;
            var concat = op == "||";
            foreach (var operand in chain)
            {
                var operandHint = result ?? hint;
                var c = Wrapped(b.Span, op, () => Infer(operand, scope, operandHint?.Value().Nullable(false), SqlParameterRole.Operand, ctx.NoPredicate(), depth + 1));
                anyNullable |= c.IsNullable;
                if (result == null)
                {
                    result = c.Value();
                }
                else
                {
                    result = Col.Of(Combine(op, result.Type, c.Type), anyNullable);
                }
            }

            if (result == null)
            {
                return Col.Unknown();
            }

            if (concat)
            {
                return Col.Of(SqlType.Text, anyNullable);
            }

            if (op == "->" || op == "#>")
            {
                return Col.Of(SqlType.Json, true);
            }

            if (op == "->>" || op == "#>>")
            {
                return Col.Of(SqlType.Text, true);
            }

            if (op == "@>" || op == "<@" || op == "?" || op == "?|" || op == "?&" || op == "&&" || op == "~" || op == "~*" || op == "!~" || op == "!~*" || op == "@@")
            {
                return Col.Of(SqlType.Boolean, anyNullable);
            }

            return result.Nullable(anyNullable);
        }

        private static SqlType Combine(string op, SqlType left, SqlType right)
        {
            if (op == "||")
            {
                return left == SqlType.Array || right == SqlType.Array ? SqlType.Array : SqlType.Text;
            }

            if (op == "+" || op == "-")
            {
                if (left is SqlType.Date or SqlType.Timestamp or SqlType.TimestampTz)
                {
                    return op == "-" && right == left ? SqlType.Unknown : left;
                }

                if (left == SqlType.Text && right == SqlType.Text && op == "+")
                {
                    return SqlType.Text;
                }
            }

            if (op == "/" || op == "*" || op == "+" || op == "-" || op == "%")
            {
                return Promote(left, right);
            }

            return left == right ? left : SqlType.Unknown;
        }

        private static SqlType Promote(SqlType a, SqlType b)
        {
            if (a == b)
            {
                return a;
            }

            if (a == SqlType.Unknown)
            {
                return b;
            }

            if (b == SqlType.Unknown)
            {
                return a;
            }

            int Rank(SqlType t) => t switch { SqlType.Integer => 1, SqlType.Decimal => 2, SqlType.Float => 3, _ => 0 };
            var ra = Rank(a);
            var rb = Rank(b);
            if (ra > 0 && rb > 0)
            {
                return ra >= rb ? a : b;
            }

            return a;
        }

        private Col Comparison(BinaryExpression b, Scope scope, Ctx ctx, int depth)
        {
            var left = b.Left;
            var right = b.Right;
            var leftIsParam = Unwrap(left) is ParameterExpression;
            var rightIsParam = Unwrap(right) is ParameterExpression;
            var op = b.Operator;
            var role = SqlParameterRole.Comparison;
            var noPred = ctx.NoPredicate();

            Col l;
            Col r;
            if (leftIsParam && !rightIsParam)
            {
                var rightBefore = References.Count;
                r = Infer(right, scope, null, SqlParameterRole.Other, noPred, depth + 1);
                var rightAfter = References.Count;
                l = Infer(left, scope, r.Nullable(false), role, noPred, depth + 1);
                RecordComparisonUses(b, left, right, References.Count, References.Count, rightBefore, rightAfter, ctx);
            }
            else
            {
                var leftBefore = References.Count;
                l = Infer(left, scope, null, SqlParameterRole.Other, noPred, depth + 1);
                var leftAfter = References.Count;
                r = Infer(right, scope, l.Nullable(false), right is QuantifiedExpression ? SqlParameterRole.InCollection : role, noPred, depth + 1);
                RecordComparisonUses(b, left, right, leftBefore, leftAfter, leftAfter, References.Count, ctx);
            }

            var nullSafe = op.StartsWith("IS", StringComparison.Ordinal) || op == "<=>";
            return Col.Of(SqlType.Boolean, !nullSafe && (l.IsNullable || r.IsNullable));
        }

        private void RecordComparisonUses(BinaryExpression b, SqlExpression left, SqlExpression right, int leftBefore, int leftAfter, int rightBefore, int rightAfter, Ctx ctx)
        {
            if (!ctx.Predicate || _mute > 0)
            {
                return;
            }

            var op = b.Operator;
            if (op == "<>" || op == "!=" || op == "IS NOT" || op == "IS DISTINCT FROM")
            {
                return;
            }

            var kind = op == "<" || op == ">" || op == "<=" || op == ">=" || op == "!<" || op == "!>" ? SqlPredicateKind.Range : SqlPredicateKind.Equality;
            var leftColumn = Unwrap(left) is ColumnReferenceExpression && leftAfter - leftBefore == 1;
            var rightColumn = Unwrap(right) is ColumnReferenceExpression && rightAfter - rightBefore == 1;
            if (leftColumn && rightColumn && kind == SqlPredicateKind.Equality)
            {
                kind = SqlPredicateKind.JoinKey;
            }

            if (right is QuantifiedExpression { Quantifier: "ANY" or "SOME" } && kind == SqlPredicateKind.Equality)
            {
                kind = SqlPredicateKind.InList;
            }

            var firstUse = Uses.Count;
            RecordUsesRange(left, leftBefore, leftAfter, kind, ctx.UnderOr);
            var secondUse = Uses.Count;
            if (!(right is QuantifiedExpression))
            {
                RecordUsesRange(right, rightBefore, rightAfter, kind, ctx.UnderOr);
            }

            if (kind == SqlPredicateKind.JoinKey && secondUse - firstUse == 1 && Uses.Count - secondUse == 1)
            {
                // Each side of a join key knows the other: one index on either lets the planner look rows up.
                Uses[firstUse].Partner = Uses[secondUse];
                Uses[secondUse].Partner = Uses[firstUse];
            }
        }

        private void RecordUsesRange(SqlExpression operand, int before, int after, SqlPredicateKind kind, bool underOr)
        {
            if (ContainsQuery(operand))
            {
                return;
            }

            var direct = Unwrap(operand) is ColumnReferenceExpression;
            for (var i = before; i < after && i < References.Count; i++)
            {
                var r = References[i];
                var use = new SqlPredicateUse(r.Table, r.Column, kind, r.Start, r.Length) { UnderOr = underOr };
                if (!direct)
                {
                    use.Wrapper = r.Wrapper ?? operand.Span;
                    use.WrapperName = r.WrapperName;
                }

                Uses.Add(use);
            }
        }

        private Col In(InExpression inExpression, Scope scope, Ctx ctx, int depth)
        {
            var before = References.Count;
            var operand = Infer(inExpression.Operand, scope, null, SqlParameterRole.Other, ctx.NoPredicate(), depth + 1);
            if (ctx.Predicate && !inExpression.IsNot)
            {
                RecordUses(inExpression.Operand, before, SqlPredicateKind.InList, null, ctx.UnderOr);
            }

            var hint = operand.Nullable(false);
            var nullable = operand.IsNullable;
            switch (inExpression.SourceKind)
            {
                case InSourceKind.Subquery when inExpression.Query != null:
                    BindQuery(inExpression.Query, scope, depth + 1);
                    break;
                case InSourceKind.Parameter:
                    foreach (var item in inExpression.Items)
                    {
                        if (Unwrap(item) is ParameterExpression p)
                        {
                            Parameter(p, hint, SqlParameterRole.InCollection, true, ParameterListSyntax.InList, inExpression.InKeyword.Start, inExpression.IsNot);
                        }
                    }

                    break;
                default:
                    foreach (var item in inExpression.Items)
                    {
                        nullable |= Infer(item, scope, hint, SqlParameterRole.InListItem, ctx.NoPredicate(), depth + 1).IsNullable && !(Unwrap(item) is ParameterExpression);
                    }

                    break;
            }

            return Col.Of(SqlType.Boolean, nullable);
        }

        private Col Case(CaseExpression c, Scope scope, Ctx ctx, int depth)
        {
            Col? operand = null;
            var noPred = ctx.NoPredicate();
            if (c.Operand != null)
            {
                operand = Infer(c.Operand, scope, null, SqlParameterRole.Other, noPred, depth + 1);
            }

            var results = new List<Col>();
            foreach (var when in c.Whens)
            {
                if (operand != null)
                {
                    Infer(when.Condition, scope, operand.Nullable(false), SqlParameterRole.Comparison, noPred, depth + 1);
                }
                else
                {
                    Infer(when.Condition, scope, null, SqlParameterRole.Other, noPred, depth + 1);
                }
            }

            foreach (var when in c.Whens)
            {
                results.Add(Infer(when.Result, scope, null, SqlParameterRole.Other, noPred, depth + 1));
            }

            if (c.Else != null)
            {
                results.Add(Infer(c.Else, scope, null, SqlParameterRole.Other, noPred, depth + 1));
            }

            var type = SqlType.Unknown;
            var nullable = c.Else == null;
            foreach (var r in results)
            {
                nullable |= r.IsNullable;
                type = type == SqlType.Unknown ? r.Type : Promote(type, r.Type);
            }

            return Col.Of(type, nullable);
        }

        private void BindWindow(WindowSpecification spec, Scope scope, int depth)
        {
            foreach (var p in spec.PartitionBy)
            {
                Infer(p, scope, null, Unwrap(p) is ParameterExpression ? SqlParameterRole.SortKey : SqlParameterRole.Other, new Ctx(SqlClause.Other), depth + 1);
            }

            foreach (var o in spec.OrderBy)
            {
                Infer(o.Expression, scope, null, Unwrap(o.Expression) is ParameterExpression ? SqlParameterRole.SortKey : SqlParameterRole.Other, new Ctx(SqlClause.Other), depth + 1);
            }

            if (spec.Frame != null)
            {
                if (spec.Frame.Start.Offset != null)
                {
                    Infer(spec.Frame.Start.Offset, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), depth + 1);
                }

                if (spec.Frame.End?.Offset != null)
                {
                    Infer(spec.Frame.End.Offset, scope, Col.Of(SqlType.Integer, false), SqlParameterRole.RowCount, new Ctx(SqlClause.Other), depth + 1);
                }
            }
        }

        private Col Function(FunctionCallExpression f, Scope scope, Col? hint, Ctx ctx, int depth)
        {
            var name = f.Name.Name.ToLowerInvariant();
            var noPred = ctx.NoPredicate();
            var args = new List<Col>(f.Arguments.Count);
            var isCoalesce = name == "coalesce" || name == "ifnull" || name == "nvl" || (name == "isnull" && f.Arguments.Count == 2);
            Col? firstKnown = null;
            foreach (var arg in f.Arguments)
            {
                if (arg is StarExpression)
                {
                    args.Add(Col.Unknown(false));
                    continue;
                }

                var argHint = isCoalesce || name == "nullif" || name == "greatest" || name == "least" ? (firstKnown ?? hint)?.Value().Nullable(false) : null;
                var c = Wrapped(f.Span, name, () => Infer(arg, scope, argHint, argHint == null ? SqlParameterRole.Other : SqlParameterRole.Operand, noPred, depth + 1));
                if (firstKnown == null && c.Type != SqlType.Unknown)
                {
                    firstKnown = c;
                }

                args.Add(c);
            }

            foreach (var o in f.ArgumentOrderBy)
            {
                Infer(o.Expression, scope, null, SqlParameterRole.Other, noPred, depth + 1);
            }

            foreach (var o in f.WithinGroup)
            {
                Infer(o.Expression, scope, null, SqlParameterRole.Other, noPred, depth + 1);
            }

            if (f.Filter != null)
            {
                Infer(f.Filter, scope, null, SqlParameterRole.Other, new Ctx(SqlClause.Other), depth + 1);
            }

            if (f.Over != null)
            {
                BindWindow(f.Over, scope, depth);
            }

            var first = args.Count > 0 ? args[0] : Col.Unknown();
            var anyNullable = args.Count == 0;
            foreach (var a in args)
            {
                anyNullable |= a.IsNullable;
            }

            switch (name)
            {
                case "count":
                case "count_big":
                    return Col.Of(SqlType.Integer, false);
                case "coalesce":
                case "ifnull":
                case "nvl":
                    {
                        var all = true;
                        foreach (var a in args)
                        {
                            all &= a.IsNullable;
                        }

                        return (firstKnown ?? first).Value().Nullable(all && args.Count > 0);
                    }

                case "isnull" when args.Count == 2:
                    return (firstKnown ?? first).Value().Nullable(args[0].IsNullable && args[1].IsNullable);
                case "nullif":
                    return first.Value().Nullable(true);
                case "greatest":
                case "least":
                    return (firstKnown ?? first).Value().Nullable(anyNullable);
                case "sum":
                    // PostgreSQL: sum(int4) is bigint, sum(bigint) is numeric; literals and CASEs of literals are int4.
                    var int4 = IsPgIntOrSmaller(first.SourceColumn) || (first.SourceColumn == null && f.Arguments.Count > 0 && IsInt4Expression(f.Arguments[0]));
                    return Col.Of(first.Type == SqlType.Integer ? (_dialect == SqlDialect.MySql || (_dialect == SqlDialect.PostgreSql && !int4) ? SqlType.Decimal : SqlType.Integer) : first.Type == SqlType.Unknown ? SqlType.Unknown : first.Type, AggregateNullable(scope, first, f));
                case "total":
                    return Col.Of(SqlType.Float, false);
                case "avg":
                    return Col.Of(first.Type == SqlType.Float ? SqlType.Float : _dialect == SqlDialect.Sqlite ? SqlType.Float : SqlType.Decimal, AggregateNullable(scope, first, f));
                case "min":
                case "max":
                    if (f.Over == null && args.Count > 1)
                    {
                        // SQLite scalar min/max.
                        return (firstKnown ?? first).Value().Nullable(anyNullable);
                    }

                    return first.Value().Nullable(AggregateNullable(scope, first, f));
                case "string_agg":
                case "group_concat":
                case "listagg":
                    return Col.Of(SqlType.Text, true);
                case "array_agg":
                    return new Col { Type = SqlType.Array, ElementType = first.Type, IsNullable = true };
                case "json_agg":
                case "jsonb_agg":
                case "json_object_agg":
                case "json_group_array":
                    return Col.Of(SqlType.Json, true);
                case "bool_and":
                case "bool_or":
                case "every":
                    return Col.Of(SqlType.Boolean, true);
                case "row_number":
                case "rank":
                case "dense_rank":
                case "ntile":
                    return Col.Of(SqlType.Integer, false);
                case "percent_rank":
                case "cume_dist":
                    return Col.Of(SqlType.Float, false);
                case "lag":
                case "lead":
                case "first_value":
                case "last_value":
                case "nth_value":
                    return first.Value().Nullable(true);
                case "now":
                case "current_timestamp":
                case "transaction_timestamp":
                case "statement_timestamp":
                case "clock_timestamp":
                case "sysdatetimeoffset":
                    return Col.Of(_dialect == SqlDialect.PostgreSql || name == "sysdatetimeoffset" ? SqlType.TimestampTz : SqlType.Timestamp, false);
                case "localtimestamp":
                case "getdate":
                case "getutcdate":
                case "sysdatetime":
                case "utc_timestamp":
                case "sysutcdatetime":
                    return Col.Of(SqlType.Timestamp, false);
                case "current_date":
                case "curdate":
                    return Col.Of(SqlType.Date, false);
                case "current_time":
                case "curtime":
                case "localtime":
                    return Col.Of(SqlType.Time, false);
                case "date":
                    return Col.Of(_dialect == SqlDialect.Sqlite ? SqlType.Text : SqlType.Date, anyNullable || _dialect == SqlDialect.Sqlite);
                case "datetime":
                case "julianday":
                    return Col.Of(name == "julianday" ? SqlType.Float : SqlType.Text, true);
                case "date_trunc":
                    return Col.Of(args.Count > 1 ? (args[1].Type == SqlType.Unknown ? SqlType.Timestamp : args[1].Type) : SqlType.Timestamp, anyNullable);
                case "extract":
                case "date_part":
                    return Col.Of(_dialect == SqlDialect.PostgreSql ? SqlType.Decimal : SqlType.Integer, anyNullable);
                case "dateadd":
                    return Col.Of(args.Count > 2 ? args[2].Type : SqlType.Timestamp, anyNullable);
                case "gen_random_uuid":
                case "uuid_generate_v4":
                case "newid":
                case "newsequentialid":
                case "uuid":
                    return Col.Of(_dialect == SqlDialect.MySql ? SqlType.Text : SqlType.Uuid, false);
                case "abs":
                case "round":
                case "ceil":
                case "ceiling":
                case "floor":
                case "trunc":
                case "truncate":
                    return first.Value().Nullable(anyNullable);
                case "random":
                case "rand":
                    return Col.Of(_dialect == SqlDialect.Sqlite ? SqlType.Integer : SqlType.Float, false);
                case "sqrt":
                case "power":
                case "pow":
                case "exp":
                case "ln":
                case "log":
                case "log10":
                case "pi":
                    return Col.Of(SqlType.Float, anyNullable);
                case "concat":
                    // MySQL CONCAT is NULL if any argument is; PostgreSQL and SQL Server treat NULL as ''.
                    return Col.Of(SqlType.Text, _dialect == SqlDialect.MySql && anyNullable);
                case "to_json":
                case "to_jsonb":
                case "json_build_object":
                case "jsonb_build_object":
                case "json_object":
                case "json_array":
                case "json":
                case "jsonb_set":
                case "json_extract_path":
                    return Col.Of(SqlType.Json, anyNullable);
                case "json_value":
                case "json_extract_path_text":
                case "jsonb_extract_path_text":
                    return Col.Of(SqlType.Text, true);
                case "json_extract":
                    return Col.Unknown(true);
                case "exists":
                    return Col.Of(SqlType.Boolean, false);
                case "cast":
                    return Col.Unknown(anyNullable);
                case "convert" when _dialect == SqlDialect.MySql:
                    return Col.Of(SqlType.Text, anyNullable); // CONVERT(x USING charset); the other forms are casts.
                case "values" when _dialect == SqlDialect.MySql:
                    return first;
                case "iif":
                case "if":
                    return (args.Count > 1 ? args[1] : Col.Unknown()).Value().Nullable(args.Count < 3 || args[1].IsNullable || args[2].IsNullable);
                case "to_char":
                    return Col.Of(SqlType.Text, anyNullable);
                case "to_date":
                    return Col.Of(SqlType.Date, anyNullable);
                case "to_timestamp":
                    return Col.Of(SqlType.TimestampTz, anyNullable);
                case "unnest":
                    return Col.Of(first.ElementType, true);
            }

            if (TextFunctions.Contains(name))
            {
                return Col.Of(SqlType.Text, anyNullable);
            }

            if (IntegerFunctions.Contains(name))
            {
                return Col.Of(SqlType.Integer, anyNullable && name != "row_number");
            }

            if (Aggregates.Contains(name))
            {
                return Col.Unknown(true);
            }

            return Col.Unknown(anyNullable);
        }

        /// <summary>PostgreSQL sums int / smallint columns as bigint, but bigint (and integers of unknown width) as numeric.</summary>
        /// <summary>An expression PostgreSQL types as integer (int4) without a column in it: an int literal, a CASE, sign or arithmetic of them.</summary>
        private static bool IsInt4Expression(SqlExpression e)
        {
            switch (Unwrap(e))
            {
                case LiteralExpression { LiteralKind: SqlLiteralKind.Number } literal:
                    return int.TryParse(literal.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
                case CaseExpression c:
                    return c.Whens.Count > 0 && c.Whens.All(w => IsInt4Expression(w.Result)) && (c.Else == null || IsInt4Expression(c.Else));
                case UnaryExpression { Operator: "-" or "+" } u:
                    return IsInt4Expression(u.Operand);
                case BinaryExpression { Operator: "+" or "-" or "*" or "/" or "%" } b:
                    return IsInt4Expression(b.Left) && IsInt4Expression(b.Right);
                default:
                    return false;
            }
        }

        private static bool IsPgIntOrSmaller(SqlSchemaColumn? column)
        {
            switch (column?.DeclaredType?.ToLowerInvariant())
            {
                case "int":
                case "integer":
                case "int4":
                case "smallint":
                case "int2":
                case "serial":
                case "serial4":
                case "smallserial":
                case "serial2":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A SELECT without FROM, or whose items are all aggregates with no GROUP BY / HAVING / LIMIT, yields exactly one row.</summary>
        private static bool ReturnsOneRow(SqlQuery query)
        {
            while (query is ParenthesizedQuery p)
            {
                query = p.Inner;
            }

            if (!(query is SelectQuery s) || s.GroupBy.Count > 0 || s.Having != null || s.Limit != null || s.Offset != null || s.Top != null || s.Items.Count == 0)
            {
                return false;
            }

            if (s.From == null)
            {
                return s.Where == null;
            }

            foreach (var item in s.Items)
            {
                if (!(item.Expression is FunctionCallExpression f) || f.Over != null || !(Aggregates.Contains(f.Name.Name) || f.Name.Name.Equals("count", StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AggregateNullable(Scope scope, Col argument, FunctionCallExpression f)
        {
            // Over no rows an aggregate other than COUNT is NULL; with GROUP BY (or OVER) every group has a row.
            if (f.Filter != null)
            {
                return true;
            }

            return argument.IsNullable || !(scope.GroupBy || f.Over != null);
        }

        /// <summary>ANY(@ids::int[]) and ANY((@ids)) still pass the parameter as the array.</summary>
        private static SqlExpression UnwrapCasts(SqlExpression e)
        {
            for (var i = 0; i < 100; i++)
            {
                switch (e)
                {
                    case CastExpression cast:
                        e = cast.Operand;
                        continue;
                    case ParenthesizedExpression paren:
                        e = paren.Inner;
                        continue;
                }

                break;
            }

            return e;
        }
    }
}
