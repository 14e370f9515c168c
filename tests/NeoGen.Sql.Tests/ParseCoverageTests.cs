namespace NeoGen.Sql.Tests;

public class ParseCoverageTests
{
    public static TheoryData<string, SqlDialect> Cases()
    {
        var data = new TheoryData<string, SqlDialect>();
        foreach (var (sql, dialect) in new (string, SqlDialect)[]
        {
            ("SELECT id FROM users WHERE email = @email LIMIT 1", SqlDialect.Sqlite),
            ("SELECT * FROM users WHERE created_at > now() - interval '7 days'", SqlDialect.PostgreSql),
            ("SELECT id, message FROM fortune", SqlDialect.PostgreSql),
            ("UPDATE world SET randomnumber = @r WHERE id = @id", SqlDialect.PostgreSql),
            ("UPDATE world SET randomnumber = v.r FROM (VALUES (1, 2), (3, 4)) AS v(id, r) WHERE world.id = v.id", SqlDialect.PostgreSql),
            ("SELECT COALESCE(SUM(amount), 0)::bigint AS total FROM payments WHERE user_id = @userId", SqlDialect.PostgreSql),
            ("SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4))", SqlDialect.PostgreSql),
            ("SELECT * FROM t WHERE a = @a AND (@b IS NULL OR b = @b)", SqlDialect.SqlServer),
            ("SELECT x FROM t ORDER BY x COLLATE \"C\"", SqlDialect.PostgreSql),
            ("SELECT x FROM t WHERE name LIKE '%' || @q || '%'", SqlDialect.Sqlite),
            ("SELECT x FROM t WHERE name LIKE CONCAT('%', @q, '%')", SqlDialect.MySql),
            ("SELECT 1 FROM dual", SqlDialect.MySql),
            ("SELECT NOW(), CURDATE(), UUID()", SqlDialect.MySql),
            ("SELECT GETDATE(), NEWID(), SYSDATETIMEOFFSET()", SqlDialect.SqlServer),
            ("SELECT id FROM t WHERE d >= DATEADD(day, -7, GETUTCDATE())", SqlDialect.SqlServer),
            ("SELECT IIF(x > 0, 'a', 'b') AS y FROM t", SqlDialect.SqlServer),
            ("SELECT STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name) FROM t", SqlDialect.SqlServer),
            ("SELECT json_agg(t) FROM (SELECT id FROM u) t", SqlDialect.PostgreSql),
            ("SELECT jsonb_build_object('a', 1) ->> 'a'", SqlDialect.PostgreSql),
            ("SELECT * FROM generate_series(1, 10) AS g(n)", SqlDialect.PostgreSql),
            ("SELECT u.* FROM users u WHERE u.tenant_id = @tenantId AND u.deleted_at IS NULL ORDER BY u.created_at DESC LIMIT @limit OFFSET @offset", SqlDialect.PostgreSql),
            ("INSERT INTO t (a, b) SELECT a, b FROM u WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.a = u.a)", SqlDialect.MySql),
            ("SELECT CAST(@x AS DECIMAL(10, 2))", SqlDialect.MySql),
            ("SELECT a FROM t WHERE a = 'x' COLLATE utf8mb4_bin", SqlDialect.MySql),
            ("SELECT * FROM t FOR UPDATE NOWAIT", SqlDialect.MySql),
            ("SELECT EXISTS(SELECT 1 FROM users WHERE email = @email)", SqlDialect.PostgreSql),
            ("SELECT count(*) FILTER (WHERE x) AS n FROM t", SqlDialect.Sqlite),
            ("SELECT id FROM t WHERE x = TRUE AND y IS NOT TRUE", SqlDialect.PostgreSql),
            ("SELECT id FROM t WHERE tags && @tags", SqlDialect.PostgreSql),
            ("SELECT id FROM t WHERE doc @@ to_tsquery(@q)", SqlDialect.PostgreSql),
            ("SELECT a.b.c.d FROM x", SqlDialect.SqlServer),
            ("SELECT * FROM [db].[dbo].[t]", SqlDialect.SqlServer),
            ("SELECT * FROM db..t", SqlDialect.SqlServer),
            ("SELECT TOP 1 * FROM t ORDER BY NEWID()", SqlDialect.SqlServer),
            ("SELECT x FROM t WHERE x LIKE 'a[_]%' ESCAPE '\\'", SqlDialect.SqlServer),
            ("SELECT ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) FROM t", SqlDialect.SqlServer),
            ("SELECT $action, inserted.id FROM t", SqlDialect.SqlServer),
            ("SELECT n FROM t WHERE n % 2 = 0", SqlDialect.Sqlite),
            ("SELECT - -1, +2, ~3", SqlDialect.Sqlite),
            ("SELECT 'a' 'b'", SqlDialect.MySql),
            ("SELECT x FROM t GROUP BY x WITH ROLLUP", SqlDialect.MySql),
            ("SELECT date FROM t WHERE date > DATE '2020-01-01'", SqlDialect.PostgreSql),
            ("SELECT t.id FROM t NATURAL JOIN u", SqlDialect.Sqlite),
            ("SELECT * FROM a CROSS JOIN b", SqlDialect.Sqlite),
            ("SELECT * FROM a JOIN b USING (id) JOIN c USING (id)", SqlDialect.PostgreSql),
            ("SELECT id FROM t WHERE id IN ()", SqlDialect.Sqlite),
            ("SELECT x FROM t WHERE EXISTS (SELECT * FROM u)", SqlDialect.MySql),
            ("SELECT CASE WHEN EXISTS (SELECT 1) THEN 1 END", SqlDialect.MySql),
            ("SELECT ARRAY_AGG(DISTINCT x ORDER BY x) FROM t", SqlDialect.PostgreSql),
            ("SELECT id FROM t WHERE created_at::date = CURRENT_DATE", SqlDialect.PostgreSql),
            ("SELECT a FROM t LIMIT ALL", SqlDialect.PostgreSql),
            ("SELECT a FROM t WHERE a = ANY('{1,2}'::int[])", SqlDialect.PostgreSql),
            ("SELECT (x).y FROM t", SqlDialect.PostgreSql),
            ("SELECT id, name FROM users WHERE id = @Id; -- comment", SqlDialect.Sqlite),
            ("DECLARE @x int = 1; SELECT @x", SqlDialect.SqlServer),
            ("SELECT * FROM t WHERE MATCH(title, body) AGAINST (@q IN NATURAL LANGUAGE MODE)", SqlDialect.MySql),
            ("SELECT id FROM users WHERE id = ?", SqlDialect.MySql),
            ("SELECT x FROM t tablesample system (10)", SqlDialect.PostgreSql),
            ("SELECT id FROM users u WHERE u.id = @id FOR UPDATE OF u", SqlDialect.PostgreSql),
            ("INSERT INTO t VALUES (1)", SqlDialect.Sqlite),
            ("UPDATE t SET a = DEFAULT WHERE b = 1", SqlDialect.PostgreSql),
            ("UPDATE t SET a = a + 1 WHERE CURRENT OF c", SqlDialect.PostgreSql),
            ("SELECT name AS \"user.name\" FROM t", SqlDialect.PostgreSql),
            ("SELECT CONVERT(int, x), CONVERT(nvarchar(max), y) FROM t", SqlDialect.SqlServer),
            ("SELECT x FROM OPENJSON(@json) WITH (id int '$.id')", SqlDialect.SqlServer),
            ("SELECT TRIM(BOTH ' ' FROM name), SUBSTRING(name FROM 1 FOR 3), POSITION('a' IN name) FROM t", SqlDialect.PostgreSql),
            ("SELECT a FROM t WHERE b IN (SELECT b FROM u UNION SELECT c FROM v)", SqlDialect.Sqlite),
            ("SELECT * FROM (SELECT 1) AS x UNION SELECT * FROM (SELECT 2) y", SqlDialect.MySql),
            ("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u", SqlDialect.PostgreSql),
            ("SELECT x::numeric(10,2)::text", SqlDialect.PostgreSql),
            ("SELECT id FROM t WHERE x <> ALL(@ids)", SqlDialect.PostgreSql),
            ("select id from users where id = @id and tenant = @tenant", SqlDialect.PostgreSql),
            ("SELECT ALL * FROM t", SqlDialect.Sqlite),
            ("SELECT B'0101', b'1' FROM t", SqlDialect.PostgreSql),
            ("SELECT b'1'", SqlDialect.MySql),
            ("INSERT t (a) VALUES (1)", SqlDialect.SqlServer),
            ("INSERT INTO t DEFAULT VALUES", SqlDialect.SqlServer),
            ("UPDATE t SET a = 1 OUTPUT inserted.a INTO @log WHERE id = 1", SqlDialect.SqlServer),
            ("SELECT * FROM t WHERE x IN (SELECT value FROM json_each(@ids))", SqlDialect.Sqlite),
            ("SELECT a FROM t ORDER BY a NULLS FIRST FETCH FIRST ROW ONLY", SqlDialect.PostgreSql),
            ("SELECT a FROM t1 INNER JOIN t2 ON t1.id = t2.id LEFT OUTER JOIN t3 ON t3.id = t2.id FULL OUTER JOIN t4 ON t4.id = t3.id", SqlDialect.PostgreSql),
            ("SELECT id FROM users WHERE email = @email AND password_hash = crypt(@password, password_hash)", SqlDialect.PostgreSql),
            ("SELECT COUNT(*) FROM users WHERE team_id = @teamId", SqlDialect.MySql),
            ("SELECT CASE WHEN COUNT(*) > 0 THEN 1 ELSE 0 END FROM users WHERE email = @email", SqlDialect.SqlServer),
            ("SELECT id FROM t WHERE a = @a; SELECT id FROM u WHERE b = @b;", SqlDialect.Sqlite),
            ("SELECT x FROM t WHERE y = @y ORDER BY x OFFSET @o ROWS", SqlDialect.SqlServer),
        })
        {
            data.Add(sql, dialect);
        }

        return data;
    }

    /// <summary>Queries as people write them, per dialect: all must parse without errors.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Real_world_queries_parse(string sql, SqlDialect dialect)
    {
        H.Ok(sql, dialect);
    }
}
