using static NeoGen.Sql.Tests.H;

namespace NeoGen.Sql.Tests;

public class DescribeSelectTests
{
    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Simple_select_in_every_dialect(SqlDialect dialect)
    {
        const string sql = "SELECT id, email AS mail, 1 + 2 FROM users WHERE id = @id";
        var d = Ok(sql, dialect);
        Assert.Equal(SqlStatementKind.Select, d.Kind);
        Assert.Equal(1, d.StatementCount);
        Assert.Null(d.TargetTable);
        Assert.Equal(3, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "mail", "users", "email");
        Column(d.ResultColumns[2], null, null, null);
        Span(sql, "id", d.ResultColumns[0].Start, d.ResultColumns[0].Length);
        Span(sql, "email AS mail", d.ResultColumns[1].Start, d.ResultColumns[1].Length);
        Span(sql, "1 + 2", d.ResultColumns[2].Start, d.ResultColumns[2].Length);
        var t = Assert.Single(d.Tables);
        Table(t, "users", null, null, false);
        Span(sql, "users", t.Start, t.Length);
        var p = Assert.Single(d.Parameters);
        Assert.Equal(("id", SqlParameterContext.Value), (p.Name, p.Context));
        Span(sql, "@id", p.Start, p.Length);
        Assert.Equal(p.Start, p.ContextStart);
    }

    [Fact]
    public void Joins_with_aliases_resolve_to_table_names()
    {
        const string sql = "SELECT u.id, u.email, t.name AS team FROM app.users AS u JOIN teams t ON t.id = u.team_id";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "email", "users", "email");
        Column(d.ResultColumns[2], "team", "teams", "name");
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", "app", "u", false);
        Table(d.Tables[1], "teams", null, "t", false);
        Span(sql, "app.users AS u", d.Tables[0].Start, d.Tables[0].Length);
        Span(sql, "teams t", d.Tables[1].Start, d.Tables[1].Length);
    }

    [Fact]
    public void Left_join_makes_the_right_side_nullable()
    {
        var d = Ok("SELECT u.id, p.bio FROM users u LEFT JOIN profiles p ON p.user_id = u.id", SqlDialect.Sqlite);
        Column(d.ResultColumns[0], "id", "users", "id", nullable: false);
        Column(d.ResultColumns[1], "bio", "profiles", "bio", nullable: true);
        Table(d.Tables[0], "users", null, "u", false);
        Table(d.Tables[1], "profiles", null, "p", true);
    }

    [Fact]
    public void Right_join_makes_the_left_side_nullable()
    {
        var d = Ok("SELECT u.id, p.bio FROM users u RIGHT OUTER JOIN profiles p ON p.user_id = u.id", SqlDialect.MySql);
        Column(d.ResultColumns[0], "id", "users", "id", nullable: true);
        Column(d.ResultColumns[1], "bio", "profiles", "bio", nullable: false);
        Assert.True(d.Tables[0].IsNullable);
        Assert.False(d.Tables[1].IsNullable);
    }

    [Fact]
    public void Full_join_makes_both_sides_nullable_and_propagates_into_nested_joins()
    {
        var d = Ok("SELECT a.x, b.y, c.z FROM a FULL JOIN b ON a.id = b.id JOIN c ON c.id = a.id", SqlDialect.PostgreSql);
        Assert.True(d.ResultColumns[0].IsNullableSource);
        Assert.True(d.ResultColumns[1].IsNullableSource);
        Assert.False(d.ResultColumns[2].IsNullableSource);

        var nested = Ok("SELECT c.z FROM a LEFT JOIN (b JOIN c ON c.id = b.id) ON b.id = a.id", SqlDialect.PostgreSql);
        Assert.True(nested.ResultColumns[0].IsNullableSource);
        Assert.Equal(new[] { false, true, true }, new[] { nested.Tables[0].IsNullable, nested.Tables[1].IsNullable, nested.Tables[2].IsNullable });
    }

    [Fact]
    public void Outer_apply_makes_the_right_side_nullable()
    {
        var d = Ok("SELECT u.id, x.total FROM users u OUTER APPLY (SELECT COUNT(*) AS total FROM orders o WHERE o.user_id = u.id) x", SqlDialect.SqlServer);
        Column(d.ResultColumns[1], "total", "x", "total", nullable: true);
        Assert.Single(d.Tables);
    }

    [Fact]
    public void Unqualified_column_with_several_tables_has_no_source_table()
    {
        var d = Ok("SELECT name FROM users, teams", SqlDialect.Sqlite);
        Column(d.ResultColumns[0], "name", null, "name");
        Assert.Equal(2, d.Tables.Count);
    }

    [Fact]
    public void Stars()
    {
        var single = Ok("SELECT * FROM users", SqlDialect.Sqlite);
        Column(single.ResultColumns[0], null, "users", null, star: true);

        const string sql = "SELECT *, u.*, p.* FROM users u LEFT JOIN profiles p ON p.uid = u.id";
        var multi = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(3, multi.ResultColumns.Count);
        Column(multi.ResultColumns[0], null, null, null, star: true, nullable: true);
        Column(multi.ResultColumns[1], null, "users", null, star: true, nullable: false);
        Column(multi.ResultColumns[2], null, "profiles", null, star: true, nullable: true);
        Span(sql, "u.*", multi.ResultColumns[1].Start, multi.ResultColumns[1].Length);

        var noFrom = Ok("SELECT 1 AS one", SqlDialect.Sqlite);
        Column(noFrom.ResultColumns[0], "one", null, null);
        Assert.Empty(noFrom.Tables);
    }

    [Fact]
    public void Schema_qualified_column_reference()
    {
        var d = Ok("SELECT app.users.email FROM app.users", SqlDialect.PostgreSql);
        Column(d.ResultColumns[0], "email", "users", "email");
    }

    [Fact]
    public void Quoted_names_are_unquoted_and_keep_case()
    {
        var pg = Ok("SELECT \"U\".\"Email\" AS \"Mail\" FROM \"Users\" \"U\"", SqlDialect.PostgreSql);
        Column(pg.ResultColumns[0], "Mail", "Users", "Email");
        Table(pg.Tables[0], "Users", null, "U", false);

        var my = Ok("SELECT `u`.`e``x` FROM `db`.`users` `u`", SqlDialect.MySql);
        Column(my.ResultColumns[0], "e`x", "users", "e`x");
        Table(my.Tables[0], "users", "db", "u", false);

        var ms = Ok("SELECT [u].[Display Name] FROM [dbo].[Users] AS [u]", SqlDialect.SqlServer);
        Column(ms.ResultColumns[0], "Display Name", "Users", "Display Name");
        Table(ms.Tables[0], "Users", "dbo", "u", false);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    [InlineData(SqlDialect.PostgreSql)]
    public void Alias_without_as(SqlDialect dialect)
    {
        var d = Ok("SELECT u.email mail, count(*) n FROM users u", dialect);
        Column(d.ResultColumns[0], "mail", "users", "email");
        Column(d.ResultColumns[1], "n", null, null);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void String_literal_alias(SqlDialect dialect)
    {
        var d = Ok("SELECT email AS 'Mail', id 'Key' FROM users", dialect);
        Column(d.ResultColumns[0], "Mail", "users", "email");
        Column(d.ResultColumns[1], "Key", "users", "id");
    }

    [Fact]
    public void String_literal_alias_is_an_error_in_postgres()
    {
        var d = SqlDescriber.Describe("SELECT email AS 'Mail' FROM users", SqlDialect.PostgreSql);
        var e = Assert.Single(d.Errors);
        Assert.Equal(16, e.Start);
    }

    [Fact]
    public void Sqlserver_equals_alias()
    {
        var d = Ok("SELECT total = COUNT(*), Name = u.name FROM users u", SqlDialect.SqlServer);
        Column(d.ResultColumns[0], "total", null, null);
        Column(d.ResultColumns[1], "Name", "users", "name");
    }

    [Fact]
    public void Keywords_as_column_names()
    {
        var d = Ok("SELECT name, key, value, type, date, status FROM settings", SqlDialect.Sqlite);
        Assert.Equal(new[] { "name", "key", "value", "type", "date", "status" }, System.Linq.Enumerable.Select(d.ResultColumns, c => c.Name));
    }

    [Fact]
    public void Cte_names_stay_cte_names()
    {
        const string sql = "WITH active AS (SELECT id, email FROM users WHERE active) SELECT a.email FROM active a";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(SqlStatementKind.Select, d.Kind);
        Column(d.ResultColumns[0], "email", "active", "email");
        Table(Assert.Single(d.Tables), "active", null, "a", false);
        Assert.True(d.Tables[0].IsCte);

        var mixed = Ok("WITH recent AS (SELECT user_id FROM orders) SELECT u.id FROM users u JOIN recent r ON r.user_id = u.id", SqlDialect.MySql);
        Assert.Equal(new[] { false, true }, System.Linq.Enumerable.Select(mixed.Tables, t => t.IsCte));
    }

    [Fact]
    public void Recursive_cte()
    {
        const string sql = "WITH RECURSIVE tree(id, parent_id) AS (SELECT id, parent_id FROM nodes WHERE id = @root UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN tree t ON n.parent_id = t.id) SELECT id FROM tree";
        var d = Ok(sql, SqlDialect.Sqlite);
        Column(Assert.Single(d.ResultColumns), "id", "tree", "id");
        Table(Assert.Single(d.Tables), "tree", null, null, false);
        Assert.Equal("root", Assert.Single(d.Parameters).Name);
    }

    [Fact]
    public void Union_names_come_from_the_first_branch_and_tables_from_all_branches()
    {
        var d = Ok("SELECT id, email FROM users UNION ALL SELECT id, mail FROM admins ORDER BY 2 LIMIT @n", SqlDialect.PostgreSql);
        Assert.Equal(2, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "email", "users", "email");
        Assert.Equal(new[] { "users", "admins" }, System.Linq.Enumerable.Select(d.Tables, t => t.Name));
        Assert.Equal("n", Assert.Single(d.Parameters).Name);
    }

    [Fact]
    public void Intersect_and_except_parse()
    {
        Ok("SELECT id FROM a INTERSECT SELECT id FROM b EXCEPT SELECT id FROM c", SqlDialect.PostgreSql);
        Ok("(SELECT id FROM a) UNION (SELECT id FROM b) ORDER BY id", SqlDialect.MySql);
    }

    [Fact]
    public void Group_by_ordinal_having_and_order()
    {
        var d = Ok("SELECT team_id, COUNT(*) AS n FROM users GROUP BY 1 HAVING COUNT(*) > @min ORDER BY n DESC NULLS LAST", SqlDialect.PostgreSql);
        Column(d.ResultColumns[0], "team_id", "users", "team_id");
        Column(d.ResultColumns[1], "n", null, null);
        Assert.Equal("min", Assert.Single(d.Parameters).Name);
    }

    [Fact]
    public void Window_functions()
    {
        const string sql = "SELECT id, ROW_NUMBER() OVER (PARTITION BY team_id ORDER BY created_at DESC) AS rn, SUM(x) OVER w, LAG(x, 1) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM users WINDOW w AS (PARTITION BY team_id)";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(4, d.ResultColumns.Count);
        Column(d.ResultColumns[1], "rn", null, null);
        Span(sql, "ROW_NUMBER() OVER (PARTITION BY team_id ORDER BY created_at DESC) AS rn", d.ResultColumns[1].Start, d.ResultColumns[1].Length);
    }

    [Fact]
    public void Case_cast_and_double_colon()
    {
        var d = Ok("SELECT CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END AS sign, CASE a WHEN 1 THEN 'one' END, CAST(a AS numeric(10, 2)), a::text, @p::int[] FROM t", SqlDialect.PostgreSql);
        Assert.Equal(5, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "sign", null, null);
        Column(d.ResultColumns[3], null, null, null);
        Assert.Equal("p", Assert.Single(d.Parameters).Name);
    }

    [Fact]
    public void Count_star_and_count_distinct()
    {
        var d = Ok("SELECT COUNT(*), COUNT(DISTINCT team_id) AS teams FROM users", SqlDialect.MySql);
        Column(d.ResultColumns[0], null, null, null);
        Column(d.ResultColumns[1], "teams", null, null);
    }

    [Fact]
    public void Subqueries_in_select_from_and_where_do_not_leak_tables()
    {
        const string sql = "SELECT u.id, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders, d.total FROM users u JOIN (SELECT user_id, SUM(x) AS total FROM payments GROUP BY user_id) d ON d.user_id = u.id WHERE EXISTS (SELECT 1 FROM bans b WHERE b.user_id = u.id) AND u.team_id IN (SELECT id FROM teams)";
        var d = Ok(sql, SqlDialect.Sqlite);
        Column(d.ResultColumns[1], "orders", null, null);
        Column(d.ResultColumns[2], "total", "d", "total");
        Table(Assert.Single(d.Tables), "users", null, "u", false);
    }

    [Fact]
    public void Top_in_sqlserver()
    {
        var d = Ok("SELECT TOP (@n) id FROM users ORDER BY id", SqlDialect.SqlServer);
        Column(Assert.Single(d.ResultColumns), "id", "users", "id");
        Assert.Equal("n", Assert.Single(d.Parameters).Name);
        Ok("SELECT DISTINCT TOP 10 PERCENT WITH TIES id FROM users ORDER BY id", SqlDialect.SqlServer);
    }

    [Fact]
    public void Offset_fetch()
    {
        Ok("SELECT id FROM users ORDER BY id OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY", SqlDialect.SqlServer);
        Ok("SELECT id FROM users ORDER BY id OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY", SqlDialect.PostgreSql);
        Ok("SELECT id FROM users ORDER BY id LIMIT 10 OFFSET 20", SqlDialect.Sqlite);
        Ok("SELECT id FROM users ORDER BY id LIMIT 20, 10", SqlDialect.MySql);
    }

    [Fact]
    public void Locking_and_trailing_clauses()
    {
        Ok("SELECT id FROM jobs WHERE state = 0 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", SqlDialect.PostgreSql);
        Ok("SELECT id FROM jobs FOR UPDATE", SqlDialect.MySql);
        Ok("SELECT id FROM jobs LOCK IN SHARE MODE", SqlDialect.MySql);
        Ok("SELECT id FROM jobs WITH (NOLOCK) WHERE id = 1 FOR JSON PATH", SqlDialect.SqlServer);
        Ok("SELECT id FROM jobs OPTION (RECOMPILE)", SqlDialect.SqlServer);
    }

    [Fact]
    public void Postgres_expression_zoo()
    {
        Ok("SELECT data->>'name', data->'a'->'b', tags @> ARRAY['x'], x IS DISTINCT FROM y, name ILIKE @q, ts AT TIME ZONE 'UTC', now() - INTERVAL '1 day', EXTRACT(YEAR FROM ts), arr[1], arr[1:2] FROM t", SqlDialect.PostgreSql);
        Ok("SELECT DISTINCT ON (team_id) team_id, id FROM users ORDER BY team_id, id DESC", SqlDialect.PostgreSql);
        Ok("SELECT id FROM users WHERE name SIMILAR TO 'a%' AND NOT (x BETWEEN 1 AND 10) AND y NOT BETWEEN 2 AND 3 AND z ~* 'x'", SqlDialect.PostgreSql);
        Ok("SELECT string_agg(name, ',' ORDER BY name) FILTER (WHERE active), percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t", SqlDialect.PostgreSql);
        Ok("SELECT * FROM unnest(@ids) WITH ORDINALITY AS t(id, n)", SqlDialect.PostgreSql);
        Ok("SELECT x FROM t, LATERAL (SELECT y FROM u WHERE u.t = t.id) s", SqlDialect.PostgreSql);
    }

    [Fact]
    public void Mysql_expression_zoo()
    {
        Ok("SELECT GROUP_CONCAT(name ORDER BY name SEPARATOR ','), IF(a, 1, 2), a DIV 2, a MOD 3, a XOR b, a <=> b, DATE_ADD(d, INTERVAL 1 DAY), CAST(x AS UNSIGNED), CONVERT(x USING utf8mb4) FROM t USE INDEX (ix) WHERE name REGEXP '^a' LIMIT 1", SqlDialect.MySql);
    }

    [Fact]
    public void Sqlserver_expression_zoo()
    {
        Ok("SELECT ISNULL(a, 0), DATEADD(day, 1, d), CONVERT(varchar(10), d, 120), TRY_CAST(x AS int), LEFT(name, 2), IIF(a > 1, 1, 0), @@ROWCOUNT FROM dbo.t CROSS APPLY STRING_SPLIT(t.tags, ',') s", SqlDialect.SqlServer);
    }

    [Fact]
    public void Sqlite_expression_zoo()
    {
        Ok("SELECT a IS NOT b, a ISNULL, b NOTNULL, c NOT NULL, name GLOB 'a*', x == y, json_extract(d, '$.a'), d ->> '$.b' FROM t INDEXED BY ix", SqlDialect.Sqlite);
    }

    [Fact]
    public void Values_query()
    {
        var d = Ok("VALUES (1, 'a'), (2, 'b')", SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Select, d.Kind);
        Assert.Equal(2, d.ResultColumns.Count);
        Assert.Null(d.ResultColumns[0].Name);
    }
}
