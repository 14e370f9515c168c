using System.Linq;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql.Tests;

public class ParserTests
{
    private static T Statement<T>(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
        where T : SqlStatement
    {
        var script = SqlParser.Parse(sql, dialect);
        Assert.Empty(script.Errors);
        return Assert.IsType<T>(Assert.Single(script.Statements));
    }

    private static SqlExpression Expr(string expression, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        var select = Statement<SelectStatement>("SELECT " + expression, dialect);
        return Assert.Single(Assert.IsType<SelectQuery>(select.Query).Items).Expression;
    }

    [Fact]
    public void Precedence_and_associativity()
    {
        var e = Assert.IsType<BinaryExpression>(Expr("a OR b AND NOT c = d + e * f"));
        Assert.Equal("OR", e.Operator);
        var and = Assert.IsType<BinaryExpression>(e.Right);
        Assert.Equal("AND", and.Operator);
        var not = Assert.IsType<UnaryExpression>(and.Right);
        Assert.Equal("NOT", not.Operator);
        var eq = Assert.IsType<BinaryExpression>(not.Operand);
        Assert.Equal("=", eq.Operator);
        var plus = Assert.IsType<BinaryExpression>(eq.Right);
        Assert.Equal("+", plus.Operator);
        Assert.Equal("*", Assert.IsType<BinaryExpression>(plus.Right).Operator);

        var minus = Assert.IsType<BinaryExpression>(Expr("a - b - c"));
        Assert.Equal("-", Assert.IsType<BinaryExpression>(minus.Left).Operator);
        Assert.IsType<ColumnReferenceExpression>(minus.Right);

        var concat = Assert.IsType<BinaryExpression>(Expr("a || b = c"));
        Assert.Equal("=", concat.Operator);
        Assert.Equal("||", Assert.IsType<BinaryExpression>(concat.Left).Operator);

        var mysqlOr = Assert.IsType<BinaryExpression>(Expr("a || b = c", SqlDialect.MySql));
        Assert.Equal("||", mysqlOr.Operator);
        Assert.Equal("=", Assert.IsType<BinaryExpression>(mysqlOr.Right).Operator);
    }

    [Fact]
    public void Spans_of_expressions()
    {
        const string sql = "SELECT x + f(y, 2) AS z FROM t";
        var select = (SelectQuery)Statement<SelectStatement>(sql).Query;
        var item = select.Items[0];
        Assert.Equal((7, 16), (item.Span.Start, item.Span.Length));
        var plus = Assert.IsType<BinaryExpression>(item.Expression);
        Assert.Equal((7, 11), (plus.Span.Start, plus.Span.Length));
        var call = Assert.IsType<FunctionCallExpression>(plus.Right);
        Assert.Equal("f", call.Name.Name);
        Assert.Equal((11, 7), (call.Span.Start, call.Span.Length));
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal("z", item.Alias!.Value);
    }

    [Fact]
    public void Predicates()
    {
        var isNull = Assert.IsType<IsNullExpression>(Expr("a IS NOT NULL"));
        Assert.True(isNull.IsNot);
        var between = Assert.IsType<BetweenExpression>(Expr("a NOT BETWEEN 1 AND 2 + 3"));
        Assert.True(between.IsNot);
        Assert.IsType<BinaryExpression>(between.High);
        var like = Assert.IsType<LikeExpression>(Expr("a NOT ILIKE 'x%' ESCAPE '!'"));
        Assert.Equal(("ILIKE", true), (like.Operator, like.IsNot));
        Assert.NotNull(like.Escape);
        var inList = Assert.IsType<InExpression>(Expr("a IN (1, 2, 3)"));
        Assert.Equal(InSourceKind.List, inList.SourceKind);
        Assert.Equal(3, inList.Items.Count);
        var inQuery = Assert.IsType<InExpression>(Expr("a NOT IN (SELECT b FROM t)"));
        Assert.Equal(InSourceKind.Subquery, inQuery.SourceKind);
        Assert.True(inQuery.IsNot);
        var inParam = Assert.IsType<InExpression>(Expr("a IN @ids"));
        Assert.Equal(InSourceKind.Parameter, inParam.SourceKind);
        Assert.Equal((9, 2), (inParam.InKeyword.Start, inParam.InKeyword.Length));
        var distinct = Assert.IsType<BinaryExpression>(Expr("a IS NOT DISTINCT FROM b"));
        Assert.Equal("IS NOT DISTINCT FROM", distinct.Operator);
    }

    [Fact]
    public void Function_forms()
    {
        var count = Assert.IsType<FunctionCallExpression>(Expr("COUNT(*)"));
        Assert.True(count.IsStarArgument);
        var distinct = Assert.IsType<FunctionCallExpression>(Expr("COUNT(DISTINCT a)"));
        Assert.True(distinct.IsDistinct);
        var window = Assert.IsType<FunctionCallExpression>(Expr("rank() OVER (PARTITION BY a, b ORDER BY c DESC RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)"));
        Assert.NotNull(window.Over);
        Assert.Equal(2, window.Over!.PartitionBy.Count);
        Assert.True(window.Over.OrderBy[0].Descending);
        Assert.Equal("RANGE", window.Over.Frame!.Units);
        Assert.Equal(WindowFrameBoundKind.Preceding, window.Over.Frame.Start.BoundKind);
        Assert.Equal(WindowFrameBoundKind.UnboundedFollowing, window.Over.Frame.End!.BoundKind);
        var extract = Assert.IsType<FunctionCallExpression>(Expr("EXTRACT(YEAR FROM created_at)"));
        Assert.Equal("YEAR", Assert.IsType<KeywordExpression>(extract.Arguments[0]).Keyword);
        Assert.IsType<ColumnReferenceExpression>(extract.Arguments[1]);
        var niladic = Assert.IsType<FunctionCallExpression>(Expr("CURRENT_TIMESTAMP"));
        Assert.False(niladic.HasParentheses);
        var qualified = Assert.IsType<FunctionCallExpression>(Expr("pg_catalog.lower(x)"));
        Assert.Equal(2, qualified.Name.Parts.Count);
    }

    [Fact]
    public void Casts_case_exists_quantified_subquery()
    {
        var cast = Assert.IsType<CastExpression>(Expr("CAST(a AS character varying(20))"));
        Assert.Equal(("character varying", CastSyntax.Cast), (cast.Type.Name, cast.Syntax));
        Assert.Single(cast.Type.Arguments);
        var colon = Assert.IsType<CastExpression>(Expr("a::timestamp with time zone"));
        Assert.Equal("timestamp with time zone", colon.Type.Name);
        var array = Assert.IsType<CastExpression>(Expr("@p::int[]"));
        Assert.Equal(1, array.Type.ArrayRank);
        Assert.IsType<ParameterExpression>(array.Operand);
        var caseExpr = Assert.IsType<CaseExpression>(Expr("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END"));
        Assert.NotNull(caseExpr.Operand);
        Assert.Equal(2, caseExpr.Whens.Count);
        Assert.NotNull(caseExpr.Else);
        var exists = Assert.IsType<UnaryExpression>(Expr("NOT EXISTS (SELECT 1 FROM t)"));
        Assert.IsType<ExistsExpression>(exists.Operand);
        var any = Assert.IsType<BinaryExpression>(Expr("a = ANY(@ids)"));
        var quantified = Assert.IsType<QuantifiedExpression>(any.Right);
        Assert.Equal("ANY", quantified.Quantifier);
        Assert.IsType<ParameterExpression>(quantified.Argument);
        var all = Assert.IsType<BinaryExpression>(Expr("a > ALL (SELECT b FROM t)"));
        Assert.NotNull(Assert.IsType<QuantifiedExpression>(all.Right).Query);
        Assert.IsType<SubqueryExpression>(Expr("(SELECT max(a) FROM t)"));
        Assert.IsType<RowExpression>(Expr("(a, b)"));
    }

    [Fact]
    public void Select_clauses()
    {
        var select = Statement<SelectStatement>("WITH c AS (SELECT 1) SELECT DISTINCT a, b FROM t1 x LEFT JOIN t2 y USING (id) WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 ORDER BY a DESC, b LIMIT 10 OFFSET 5");
        var q = Assert.IsType<SelectQuery>(select.Query);
        Assert.NotNull(q.With);
        Assert.True(q.IsDistinct);
        Assert.Equal(2, q.Items.Count);
        var join = Assert.IsType<JoinedTableSource>(Assert.Single(q.From!.Sources));
        Assert.Equal(JoinKind.Left, join.Kind);
        Assert.Equal("id", Assert.Single(join.Using).Value);
        Assert.Equal("x", join.Left.Alias!.Value);
        Assert.NotNull(q.Where);
        Assert.Equal(2, q.GroupBy.Count);
        Assert.NotNull(q.Having);
        Assert.Equal(2, q.OrderBy.Count);
        Assert.Equal(SqlLimitSyntax.Limit, q.LimitSyntax);
        Assert.Equal("10", Assert.IsType<LiteralExpression>(q.Limit).Value);
        Assert.Equal("5", Assert.IsType<LiteralExpression>(q.Offset).Value);
    }

    [Fact]
    public void Set_operations_bind_order_by_to_the_whole()
    {
        var select = Statement<SelectStatement>("SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c FROM v ORDER BY 1");
        var union = Assert.IsType<SetOperationQuery>(select.Query);
        Assert.Equal(SetOperator.Union, union.Operator);
        Assert.Equal(SetOperator.Intersect, Assert.IsType<SetOperationQuery>(union.Right).Operator);
        Assert.Single(union.OrderBy);
        Assert.Empty(Assert.IsType<SelectQuery>(union.Left).OrderBy);
    }

    [Fact]
    public void Insert_update_delete_trees()
    {
        var insert = Statement<InsertStatement>("INSERT INTO t (a, b) VALUES (1, DEFAULT), (@a, @b) ON CONFLICT (a) WHERE b > 0 DO UPDATE SET b = excluded.b RETURNING a");
        Assert.Equal(new[] { "a", "b" }, insert.Columns.Select(c => c.Value));
        var values = Assert.IsType<ValuesQuery>(insert.Source);
        Assert.Equal(2, values.Rows.Count);
        Assert.Equal(SqlLiteralKind.Default, Assert.IsType<LiteralExpression>(values.Rows[0].Items[1]).LiteralKind);
        var conflict = Assert.Single(insert.OnConflict);
        Assert.NotNull(conflict.TargetWhere);
        Assert.Single(conflict.Assignments);
        Assert.Single(insert.Returning);

        var update = Statement<UpdateStatement>("UPDATE t SET (a, b) = (1, 2), c = c + 1 WHERE id = 1");
        Assert.Equal(2, update.Assignments[0].Targets.Count);
        Assert.Equal("c", update.Assignments[1].Targets[0].Column);

        var delete = Statement<DeleteStatement>("DELETE FROM t WHERE id = 1 RETURNING *");
        Assert.Equal("t", delete.Target.Name.Name);
        Assert.IsType<StarExpression>(Assert.Single(delete.Returning).Expression);
    }

    [Fact]
    public void Descendants_visits_every_parameter_in_order()
    {
        var script = SqlParser.Parse("SELECT @a FROM t WHERE b IN (SELECT c FROM u WHERE d = @b) AND e = ANY(@c) ORDER BY @d", SqlDialect.PostgreSql);
        var names = script.Statements[0].DescendantsAndSelf().OfType<ParameterExpression>().Select(p => p.Name);
        Assert.Equal(new[] { "a", "b", "c", "d" }, names);
    }

    [Fact]
    public void Opaque_statements()
    {
        var ddl = Statement<OpaqueStatement>("CREATE TABLE t (a int)");
        Assert.Equal(("CREATE", SqlStatementKind.Ddl), (ddl.Verb, ddl.Kind));
    }
}
