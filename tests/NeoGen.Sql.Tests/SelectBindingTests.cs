using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Schema;
using static NeoGen.Sql.Tests.H;

namespace NeoGen.Sql.Tests;

public class SelectBindingTests
{
    // NOT NULL everywhere, so that a nullable result column can only come from an outer join.
    private const string Users = "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100) NOT NULL, team_id INT NOT NULL, created_at TIMESTAMP NOT NULL);";
    private const string Teams = "CREATE TABLE teams (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL);";
    private const string Profiles = "CREATE TABLE profiles (user_id INT NOT NULL, uid INT NOT NULL, bio VARCHAR(500) NOT NULL);";

    [Theory]
    [InlineData("SUM(1)", SqlType.Integer)]
    [InlineData("SUM(CASE WHEN team_id > 3 THEN 1 ELSE 0 END)", SqlType.Integer)]
    [InlineData("SUM(-(2 * 3))", SqlType.Integer)]
    [InlineData("SUM(team_id)", SqlType.Integer)]
    [InlineData("SUM(big)", SqlType.Decimal)]
    [InlineData("SUM(3000000000)", SqlType.Decimal)]
    [InlineData("SUM(COUNT(*))", SqlType.Decimal)]
    public void Postgresql_sums_int4_into_bigint_and_bigint_into_numeric(string sum, SqlType expected)
    {
        var d = Bind($"SELECT {sum} FROM users", SqlDialect.PostgreSql, Users.Replace("team_id INT NOT NULL", "team_id INT NOT NULL, big BIGINT NOT NULL", System.StringComparison.Ordinal));
        Assert.Equal(expected, Assert.Single(d.ResultColumns).Type);
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Simple_select_in_every_dialect(SqlDialect dialect)
    {
        const string sql = "SELECT id, email AS mail, 1 + 2 FROM users WHERE id = @id";
        var d = Bind(sql, dialect, Users);
        Assert.Equal(SqlStatementKind.Select, d.Kind);
        Assert.Single(d.Script.Statements);
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
        Assert.Equal(("id", ParameterListSyntax.None), (p.Name, p.ListSyntax));
        Span(sql, "@id", p.Start, p.Length);
        Assert.Equal(p.Start, p.ListStart);
        Assert.Equal("id", p.Column?.Name);
    }

    [Fact]
    public void Joins_with_aliases_resolve_to_table_names()
    {
        const string sql = "SELECT u.id, u.email, t.name AS team FROM app.users AS u JOIN teams t ON t.id = u.team_id";
        var d = Bind(sql, SqlDialect.PostgreSql, "CREATE TABLE app.users (id int NOT NULL, email text NOT NULL, team_id int NOT NULL);" + Teams);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "email", "users", "email");
        Column(d.ResultColumns[2], "team", "teams", "name");
        Assert.Equal("app", d.ResultColumns[0].SourceTable?.Schema);
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", "app", "u", false);
        Table(d.Tables[1], "teams", null, "t", false);

        // A table's span is its name as written, without the alias.
        Span(sql, "app.users", d.Tables[0].Start, d.Tables[0].Length);
        Span(sql, "teams", d.Tables[1].Start, d.Tables[1].Length);
    }

    [Fact]
    public void Left_join_makes_the_right_side_nullable()
    {
        var d = Bind("SELECT u.id, p.bio FROM users u LEFT JOIN profiles p ON p.user_id = u.id", SqlDialect.Sqlite, Users + Profiles);
        Column(d.ResultColumns[0], "id", "users", "id", nullable: false);
        Column(d.ResultColumns[1], "bio", "profiles", "bio", nullable: true);
        Table(d.Tables[0], "users", null, "u", false);
        Table(d.Tables[1], "profiles", null, "p", true);
    }

    [Fact]
    public void Right_join_makes_the_left_side_nullable()
    {
        var d = Bind("SELECT u.id, p.bio FROM users u RIGHT OUTER JOIN profiles p ON p.user_id = u.id", SqlDialect.MySql, Users + Profiles);
        Column(d.ResultColumns[0], "id", "users", "id", nullable: true);
        Column(d.ResultColumns[1], "bio", "profiles", "bio", nullable: false);
        Assert.True(d.Tables[0].IsNullable);
        Assert.False(d.Tables[1].IsNullable);
    }

    [Fact]
    public void Full_join_makes_both_sides_nullable_and_propagates_into_nested_joins()
    {
        const string ddl = "CREATE TABLE a (id int NOT NULL, x int NOT NULL); CREATE TABLE b (id int NOT NULL, y int NOT NULL); CREATE TABLE c (id int NOT NULL, z int NOT NULL);";
        var d = Bind("SELECT a.x, b.y, c.z FROM a FULL JOIN b ON a.id = b.id JOIN c ON c.id = a.id", SqlDialect.PostgreSql, ddl);
        Assert.Equal(new[] { true, true, false }, d.ResultColumns.Select(c => c.IsNullable));
        Assert.Equal(new[] { true, true, false }, d.Tables.Select(t => t.IsNullable));

        var nested = Bind("SELECT c.z FROM a LEFT JOIN (b JOIN c ON c.id = b.id) ON b.id = a.id", SqlDialect.PostgreSql, ddl);
        Column(nested.ResultColumns[0], "z", "c", "z", nullable: true);
        Assert.Equal(new[] { false, true, true }, nested.Tables.Select(t => t.IsNullable));
    }

    [Fact]
    public void Outer_apply_makes_the_right_side_nullable()
    {
        const string sql = "SELECT u.id, x.total FROM users u OUTER APPLY (SELECT COUNT(*) AS total FROM orders o WHERE o.user_id = u.id) x";
        var d = Bind(sql, SqlDialect.SqlServer, Users + "CREATE TABLE orders (id INT NOT NULL, user_id INT NOT NULL);");
        Column(d.ResultColumns[0], "id", "users", "id");

        // COUNT(*) is never NULL: only OUTER APPLY makes it so. It reads no schema column.
        Column(d.ResultColumns[1], "total", null, null, nullable: true);

        // The applied subquery's table is listed; the derived table itself is not a table.
        Assert.Equal(new[] { ("users", "u"), ("orders", "o") }, d.Tables.Select(t => (t.Name, t.Alias!)));
    }

    [Fact]
    public void Unqualified_column_with_several_tables()
    {
        // Only the schema can say which table has it.
        var unknown = Ok("SELECT name FROM users, teams", SqlDialect.Sqlite);
        var c = Assert.Single(unknown.ResultColumns);
        Assert.Equal("name", c.Name);
        Assert.Null(c.SourceTable);
        Assert.False(c.IsResolved);
        Assert.Equal(2, unknown.Tables.Count);

        var one = Bind("SELECT name FROM users, teams", SqlDialect.Sqlite, "CREATE TABLE users (id INT NOT NULL); " + Teams);
        Column(Assert.Single(one.ResultColumns), "name", "teams", "name");

        var both = SqlBinder.Bind("SELECT name FROM users, teams", SqlDialect.Sqlite, H.Schema(Users + Teams, SqlDialect.Sqlite));
        var problem = Assert.Single(both.Problems);
        Assert.Equal(SqlBindingProblemKind.AmbiguousColumn, problem.Kind);
        Assert.Equal((7, 4), (problem.Start, problem.Length));
    }

    [Fact]
    public void Stars()
    {
        const string single = "SELECT * FROM users";
        var one = Bind(single, SqlDialect.Sqlite, Users);
        Star(single, one.ResultColumns, "*", "users", "users", new[] { "id", "email", "name", "team_id", "created_at" });
        Span(single, "*", Assert.Single(one.StarSpans).Start, one.StarSpans[0].Length);

        const string sql = "SELECT *, u.*, p.* FROM users u LEFT JOIN profiles p ON p.uid = u.id";
        var multi = Bind(sql, SqlDialect.PostgreSql, Users + Profiles);
        var userColumns = new[] { "id", "email", "name", "team_id", "created_at" };
        var profileColumns = new[] { "user_id", "uid", "bio" };
        Assert.Equal(16, multi.ResultColumns.Count);
        Star(sql, multi.ResultColumns.Take(5), "*", "u", "users", userColumns);
        Star(sql, multi.ResultColumns.Skip(5).Take(3), "*", "p", "profiles", profileColumns, nullable: true);
        Star(sql, multi.ResultColumns.Skip(8).Take(5), "u.*", "u", "users", userColumns);
        Star(sql, multi.ResultColumns.Skip(13), "p.*", "p", "profiles", profileColumns, nullable: true);
        Assert.Equal(new[] { "*", "u.*", "p.*" }, multi.StarSpans.Select(s => sql.Substring(s.Start, s.Length)));

        // Without the table's columns a star expands to nothing; only its span says it is there.
        var unknown = Ok(single, SqlDialect.Sqlite);
        Assert.Empty(unknown.ResultColumns);
        Span(single, "*", Assert.Single(unknown.StarSpans).Start, unknown.StarSpans[0].Length);

        var noFrom = Ok("SELECT 1 AS one", SqlDialect.Sqlite);
        Column(noFrom.ResultColumns[0], "one", null, null);
        Assert.Empty(noFrom.Tables);
        Assert.Empty(noFrom.StarSpans);

        // COUNT(*) is not a star of the result.
        Assert.Empty(Bind("SELECT COUNT(*) FROM users", SqlDialect.Sqlite, Users).StarSpans);
    }

    [Fact]
    public void Schema_qualified_column_reference()
    {
        var d = Bind("SELECT app.users.email FROM app.users", SqlDialect.PostgreSql, "CREATE TABLE app.users (id int NOT NULL, email text NOT NULL);");
        Column(d.ResultColumns[0], "email", "users", "email");
        Assert.Equal("app", d.ResultColumns[0].SourceTable?.Schema);
    }

    [Fact]
    public void Quoted_names_are_unquoted_and_keep_case()
    {
        var pg = Bind("SELECT \"U\".\"Email\" AS \"Mail\" FROM \"Users\" \"U\"", SqlDialect.PostgreSql, "CREATE TABLE \"Users\" (\"Email\" text NOT NULL);");
        Column(pg.ResultColumns[0], "Mail", "Users", "Email");
        Table(pg.Tables[0], "Users", null, "U", false);

        var my = Bind("SELECT `u`.`e``x` FROM `db`.`users` `u`", SqlDialect.MySql, "CREATE TABLE `db`.`users` (`e``x` INT NOT NULL);");
        Column(my.ResultColumns[0], "e`x", "users", "e`x");
        Table(my.Tables[0], "users", "db", "u", false);

        var ms = Bind("SELECT [u].[Display Name] FROM [dbo].[Users] AS [u]", SqlDialect.SqlServer, "CREATE TABLE [dbo].[Users] ([Display Name] NVARCHAR(50) NOT NULL);");
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
        var d = Bind("SELECT u.email mail, count(*) n FROM users u", dialect, Users);
        Column(d.ResultColumns[0], "mail", "users", "email");
        Column(d.ResultColumns[1], "n", null, null);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void String_literal_alias(SqlDialect dialect)
    {
        var d = Bind("SELECT email AS 'Mail', id 'Key' FROM users", dialect, Users);
        Column(d.ResultColumns[0], "Mail", "users", "email");
        Column(d.ResultColumns[1], "Key", "users", "id");
    }

    [Fact]
    public void String_literal_alias_is_an_error_in_postgres()
    {
        var d = SqlBinder.Bind("SELECT email AS 'Mail' FROM users", SqlDialect.PostgreSql, null);
        var e = Assert.Single(d.Errors);
        Assert.Equal(16, e.Start);
    }

    [Fact]
    public void Sqlserver_equals_alias()
    {
        var d = Bind("SELECT total = COUNT(*), Name = u.name FROM users u", SqlDialect.SqlServer, Users);
        Column(d.ResultColumns[0], "total", null, null);
        Column(d.ResultColumns[1], "Name", "users", "name");
    }

    [Fact]
    public void Keywords_as_column_names()
    {
        const string ddl = "CREATE TABLE settings (name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, type TEXT NOT NULL, date TEXT NOT NULL, status INTEGER NOT NULL);";
        var d = Bind("SELECT name, key, value, type, date, status FROM settings", SqlDialect.Sqlite, ddl);
        var names = new[] { "name", "key", "value", "type", "date", "status" };
        Assert.Equal(names, d.ResultColumns.Select(c => c.Name));
        Assert.Equal(names, d.ResultColumns.Select(c => c.SourceColumn?.Name));
    }

    [Fact]
    public void Cte_names_stay_cte_names()
    {
        const string sql = "WITH active AS (SELECT id, email FROM users WHERE active) SELECT a.email FROM active a";
        var d = Bind(sql, SqlDialect.PostgreSql, "CREATE TABLE users (id int NOT NULL, email text NOT NULL, active boolean NOT NULL);");
        Assert.Equal(SqlStatementKind.Select, d.Kind);

        // The column is traced through the CTE to the table it reads.
        Column(d.ResultColumns[0], "email", "users", "email");

        // Tables in text order: the CTE body's, then the CTE as the outer query names it.
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", null, null, false);
        Assert.False(d.Tables[0].IsCte);
        Table(d.Tables[1], "active", null, "a", false);
        Assert.True(d.Tables[1].IsCte);
        Assert.Null(d.Tables[1].Table);
        Assert.Equal((sql.IndexOf("active a"), "active".Length), (d.Tables[1].Start, d.Tables[1].Length));

        var mixed = Bind("WITH recent AS (SELECT user_id FROM orders) SELECT u.id FROM users u JOIN recent r ON r.user_id = u.id", SqlDialect.MySql, Users + "CREATE TABLE orders (id INT NOT NULL, user_id INT NOT NULL);");
        Assert.Equal(new[] { ("orders", false), ("users", false), ("recent", true) }, mixed.Tables.Select(t => (t.Name, t.IsCte)));
    }

    [Fact]
    public void Recursive_cte()
    {
        const string sql = "WITH RECURSIVE tree(id, parent_id) AS (SELECT id, parent_id FROM nodes WHERE id = @root UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN tree t ON n.parent_id = t.id) SELECT id FROM tree";
        var d = Bind(sql, SqlDialect.Sqlite, "CREATE TABLE nodes (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER);");

        // Both branches read nodes.id, so the source survives the UNION and the recursion.
        Column(Assert.Single(d.ResultColumns), "id", "nodes", "id");
        Assert.Equal(new[] { ("nodes", false), ("nodes", false), ("tree", true), ("tree", true) }, d.Tables.Select(t => (t.Name, t.IsCte)));
        Table(d.Tables[3], "tree", null, null, false);
        Assert.Equal(sql.LastIndexOf("tree"), d.Tables[3].Start);

        // The recursive part is bound several times to settle its types; the parameter is reported once.
        var p = Assert.Single(d.Parameters);
        Assert.Equal(("root", "id"), (p.Name, p.Column?.Name));
    }

    [Fact]
    public void Union_names_come_from_the_first_branch_and_tables_from_all_branches()
    {
        var d = Bind("SELECT id, email FROM users UNION ALL SELECT id, mail FROM admins ORDER BY 2 LIMIT @n", SqlDialect.PostgreSql, Users + "CREATE TABLE admins (id int NOT NULL, mail text);");
        Assert.Equal(2, d.ResultColumns.Count);

        // The branches read different tables, so a column has no single source; admins.mail may be NULL.
        Column(d.ResultColumns[0], "id", null, null);
        Column(d.ResultColumns[1], "email", null, null, nullable: true);
        Assert.Equal(new[] { "users", "admins" }, d.Tables.Select(t => t.Name));
        var n = Assert.Single(d.Parameters);
        Assert.Equal(("n", SqlParameterRole.RowCount), (n.Name, n.Role));

        var same = Bind("SELECT id FROM users WHERE team_id = 1 UNION SELECT id FROM users WHERE team_id = 2", SqlDialect.PostgreSql, Users);
        Column(Assert.Single(same.ResultColumns), "id", "users", "id");
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
        var d = Bind("SELECT team_id, COUNT(*) AS n FROM users GROUP BY 1 HAVING COUNT(*) > @min ORDER BY n DESC NULLS LAST", SqlDialect.PostgreSql, Users);
        Column(d.ResultColumns[0], "team_id", "users", "team_id");
        Column(d.ResultColumns[1], "n", null, null);
        var min = Assert.Single(d.Parameters);
        Assert.Equal(("min", SqlParameterRole.Comparison), (min.Name, min.Role));
    }

    [Fact]
    public void Window_functions()
    {
        const string sql = "SELECT id, ROW_NUMBER() OVER (PARTITION BY team_id ORDER BY created_at DESC) AS rn, SUM(x) OVER w, LAG(x, 1) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM users WINDOW w AS (PARTITION BY team_id)";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(4, d.ResultColumns.Count);

        // PostgreSQL names an unaliased call after its function.
        Assert.Equal(new[] { "id", "rn", "sum", "lag" }, d.ResultColumns.Select(c => c.Name));
        Assert.Null(d.ResultColumns[1].SourceColumn);
        Span(sql, "ROW_NUMBER() OVER (PARTITION BY team_id ORDER BY created_at DESC) AS rn", d.ResultColumns[1].Start, d.ResultColumns[1].Length);

        Assert.Equal(new[] { "id", "rn", null, null }, Ok(sql.Replace(" WINDOW w AS (PARTITION BY team_id)", string.Empty).Replace("OVER w", "OVER ()"), SqlDialect.Sqlite).ResultColumns.Select(c => c.Name));
    }

    [Fact]
    public void Case_cast_and_double_colon()
    {
        var d = Bind("SELECT CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END AS sign, CASE a WHEN 1 THEN 'one' END, CAST(a AS numeric(10, 2)), a::text, @p::int[] FROM t", SqlDialect.PostgreSql, "CREATE TABLE t (a int NOT NULL);");
        Assert.Equal(5, d.ResultColumns.Count);

        // PostgreSQL's names: CASE is "case", a cast is named after its operand; none of them is a plain column.
        Assert.Equal(new[] { "sign", "case", "a", "a", null }, d.ResultColumns.Select(c => c.Name));
        Assert.All(d.ResultColumns, c => Assert.Null(c.SourceColumn));
        Assert.Equal("p", Assert.Single(d.Parameters).Name);

        var sqlite = Ok("SELECT CASE a WHEN 1 THEN 'one' END, CAST(a AS numeric(10, 2)) FROM t", SqlDialect.Sqlite);
        Assert.Equal(new string?[] { null, null }, sqlite.ResultColumns.Select(c => c.Name));
    }

    [Fact]
    public void Count_star_and_count_distinct()
    {
        const string sql = "SELECT COUNT(*), COUNT(DISTINCT team_id) AS teams FROM users";
        var d = Bind(sql, SqlDialect.MySql, Users);
        Column(d.ResultColumns[0], null, null, null);
        Column(d.ResultColumns[1], "teams", null, null);

        var pg = Bind(sql, SqlDialect.PostgreSql, Users);
        Column(pg.ResultColumns[0], "count", null, null);
    }

    [Fact]
    public void Subquery_tables_are_listed_but_their_aliases_stay_inside()
    {
        const string sql = "SELECT u.id, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders, d.total FROM users u JOIN (SELECT user_id, SUM(x) AS total FROM payments GROUP BY user_id) d ON d.user_id = u.id WHERE EXISTS (SELECT 1 FROM bans b WHERE b.user_id = u.id) AND u.team_id IN (SELECT id FROM teams)";
        const string ddl = Users + Teams + "CREATE TABLE orders (id INT NOT NULL, user_id INT NOT NULL); CREATE TABLE payments (user_id INT NOT NULL, x INT NOT NULL); CREATE TABLE bans (user_id INT NOT NULL);";
        var d = Bind(sql, SqlDialect.Sqlite, ddl);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "orders", null, null);
        Column(d.ResultColumns[2], "total", null, null);
        Assert.Equal(new (string, string?)[] { ("orders", "o"), ("users", "u"), ("payments", null), ("bans", "b"), ("teams", null) }, d.Tables.Select(t => (t.Name, t.Alias)));
        Assert.All(d.Tables, t => Assert.False(t.IsNullable));

        const string leak = "SELECT o.id FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)";
        var leaked = SqlBinder.Bind(leak, SqlDialect.Sqlite, H.Schema(ddl, SqlDialect.Sqlite));
        var problem = Assert.Single(leaked.Problems);
        Assert.Equal(SqlBindingProblemKind.UnknownQualifier, problem.Kind);
        Assert.Equal((7, 1), (problem.Start, problem.Length));
    }

    [Fact]
    public void Top_in_sqlserver()
    {
        var d = Bind("SELECT TOP (@n) id FROM users ORDER BY id", SqlDialect.SqlServer, Users);
        Column(Assert.Single(d.ResultColumns), "id", "users", "id");
        var n = Assert.Single(d.Parameters);
        Assert.Equal(("n", SqlParameterRole.RowCount), (n.Name, n.Role));
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
        var d = Ok("VALUES (1, 'a'), (2, NULL)", SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Select, d.Kind);

        // SQLite and PostgreSQL name VALUES columns column1, column2, ...
        Assert.Equal(new[] { "column1", "column2" }, d.ResultColumns.Select(c => c.Name));
        Assert.Equal(new[] { false, true }, d.ResultColumns.Select(c => c.IsNullable));
        Assert.All(d.ResultColumns, c => Assert.Null(c.SourceColumn));
    }
}
