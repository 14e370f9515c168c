using System.Linq;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql.Tests;

/// <summary>
/// One grammar parses all four dialects; <see cref="SqlConformance"/> then refuses, per dialect, what that database
/// would refuse, and accepts what it takes. Each construct is checked both ways.
/// </summary>
public class ConformanceTests
{
    private static string[] Refusals(string sql, SqlDialect dialect)
    {
        var script = SqlParser.Parse(sql, dialect);
        Assert.True(script.Errors.Count == 0, "does not parse: " + string.Join("; ", script.Errors));
        return SqlConformance.Check(script, dialect, sql).Select(e => e.Message).ToArray();
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE tags @> @wanted", SqlDialect.Sqlite)]
    [InlineData("INSERT INTO t (a) OUTPUT inserted.a VALUES (1)", SqlDialect.PostgreSql)]
    [InlineData("SELECT id FROM t ORDER BY id LIMIT 5", SqlDialect.SqlServer)]
    [InlineData("SELECT TOP 5 id FROM t", SqlDialect.PostgreSql)]
    [InlineData("SELECT DISTINCT ON (a) a, b FROM t", SqlDialect.Sqlite)]
    [InlineData("SELECT a FROM t WHERE name GLOB @p", SqlDialect.PostgreSql)]
    [InlineData("SELECT a FROM t CROSS APPLY (SELECT b FROM u WHERE u.id = t.id) x", SqlDialect.PostgreSql)]
    public void Syntax_the_parser_reads_only_in_its_own_dialect_is_a_parse_error_elsewhere(string sql, SqlDialect dialect)
        => Assert.NotEmpty(SqlParser.Parse(sql, dialect).Errors);

    [Theory]
    [InlineData("SELECT id FROM t WHERE name ILIKE @p", SqlDialect.Sqlite, "ILIKE is PostgreSQL syntax that SQLite does not have; LIKE is case-insensitive for ASCII letters in SQLite")]
    [InlineData("SELECT id FROM t WHERE name ILIKE @p", SqlDialect.MySql, "ILIKE is PostgreSQL syntax that MySQL does not have")]
    [InlineData("SELECT id::text FROM t", SqlDialect.Sqlite, "'::' cast is PostgreSQL syntax that SQLite does not have; use CAST(x AS type)")]
    [InlineData("SELECT id FROM t WHERE id = ANY(@ids)", SqlDialect.Sqlite, "ANY(array) is PostgreSQL syntax")]
    [InlineData("SELECT id FROM t WHERE id IN (SELECT x FROM u) AND id = ANY (SELECT y FROM v)", SqlDialect.Sqlite, "ANY(subquery)")]
    [InlineData("SELECT id FROM t ORDER BY id OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY", SqlDialect.Sqlite, "OFFSET .. FETCH is PostgreSQL and SQL Server syntax")]
    [InlineData("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING", SqlDialect.MySql, "ON CONFLICT is PostgreSQL and SQLite syntax that MySQL does not have; use ON DUPLICATE KEY UPDATE")]
    [InlineData("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2", SqlDialect.PostgreSql, "ON DUPLICATE KEY UPDATE is MySQL syntax")]
    [InlineData("INSERT INTO t (a) VALUES (1) RETURNING a", SqlDialect.SqlServer, "RETURNING is PostgreSQL, SQLite and MariaDB syntax that SQL Server does not have; use OUTPUT INSERTED.column")]
    [InlineData("UPDATE t SET a = 1 WHERE b = 2 RETURNING a", SqlDialect.MySql, "UPDATE .. RETURNING is PostgreSQL and SQLite syntax")]
    [InlineData("UPDATE t SET a = u.a FROM u WHERE u.id = t.id", SqlDialect.MySql, "UPDATE .. FROM is PostgreSQL, SQLite and SQL Server syntax")]
    [InlineData("DELETE FROM t USING u WHERE u.id = t.id", SqlDialect.Sqlite, "DELETE .. USING is PostgreSQL and MySQL syntax")]
    [InlineData("SELECT a FROM t ORDER BY a NULLS FIRST", SqlDialect.MySql, "NULLS FIRST/LAST is PostgreSQL and SQLite syntax")]
    [InlineData("SELECT a || b FROM t", SqlDialect.MySql, "'||' as concatenation is PostgreSQL and SQLite syntax that MySQL does not have; in MySQL it means OR")]
    [InlineData("SELECT a FROM t FULL JOIN u ON u.id = t.id", SqlDialect.MySql, "FULL JOIN is PostgreSQL, SQLite and SQL Server syntax")]
    [InlineData("SELECT now()", SqlDialect.Sqlite, "now() is a PostgreSQL and MySQL function that SQLite does not have; use CURRENT_TIMESTAMP")]
    [InlineData("SELECT datetime('now')", SqlDialect.PostgreSql, "datetime() is a SQLite function that PostgreSQL does not have")]
    [InlineData("SELECT ifnull(a, 0) FROM t", SqlDialect.PostgreSql, "ifnull() is a SQLite and MySQL function that PostgreSQL does not have; use COALESCE")]
    [InlineData("SELECT len(a) FROM t", SqlDialect.Sqlite, "len() is a SQL Server function")]
    [InlineData("SELECT a FROM t WHERE a <=> b", SqlDialect.PostgreSql, "'<=>' is MySQL syntax")]
    [InlineData("SELECT a FROM t WHERE tags && @wanted", SqlDialect.Sqlite, "The '&&' operator is PostgreSQL syntax")]
    [InlineData("SELECT id FROM t WHERE name SIMILAR TO @p", SqlDialect.Sqlite, "SIMILAR TO is PostgreSQL syntax")]
    [InlineData("SELECT a FROM t WHERE a IS NOT DISTINCT FROM b", SqlDialect.MySql, "IS NOT DISTINCT FROM is PostgreSQL, SQLite and SQL Server syntax that MySQL does not have; use <=>")]
    [InlineData("MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = u.a;", SqlDialect.Sqlite, "MERGE is SQL Server and PostgreSQL syntax")]
    [InlineData("SELECT \"name\" FROM t", SqlDialect.MySql, "\"name\" is a string in MySQL (unless ANSI_QUOTES is set), not a name")]
    [InlineData("SELECT id FROM t WHERE done = TRUE", SqlDialect.SqlServer, "TRUE is a PostgreSQL, SQLite and MySQL literal that SQL Server does not have; compare a bit with 1 or 0")]
    [InlineData("SELECT name + '!' FROM t", SqlDialect.MySql, "'+' on text is SQL Server syntax that MySQL does not have; in MySQL it adds numbers")]
    [InlineData("SELECT TOP (5) id FROM t", SqlDialect.MySql, "TOP is SQL Server syntax that MySQL does not have; use LIMIT n")]
    [InlineData("SELECT ISNULL(a, 0) FROM t", SqlDialect.MySql, "ISNULL(a, b) is a SQL Server function that MySQL does not have; MySQL's ISNULL(x) takes one argument")]
    [InlineData("SELECT CAST(a AS SIGNED) FROM t", SqlDialect.SqlServer, "CAST(.. AS SIGNED) is MySQL syntax that SQL Server does not have")]
    [InlineData("SELECT id FROM t WHERE id = @id FOR UPDATE", SqlDialect.SqlServer, "FOR UPDATE is PostgreSQL and MySQL syntax that SQL Server does not have; lock with a table hint")]
    [InlineData("SELECT id FROM t FOR JSON PATH", SqlDialect.PostgreSql, "FOR JSON is SQL Server syntax")]
    [InlineData("SELECT UUID()", SqlDialect.SqlServer, "UUID() is a MySQL function that SQL Server does not have")]
    public void A_construct_outside_the_dialect_is_refused_with_what_to_write_instead(string sql, SqlDialect dialect, string expected)
    {
        var refusals = Refusals(sql, dialect);
        Assert.True(refusals.Any(r => r.Contains(expected, System.StringComparison.Ordinal)), $"expected '{expected}', got: {string.Join(" | ", refusals)}");
    }

    [Theory]
    [InlineData("SELECT id FROM t WHERE name ILIKE @p AND id = ANY(@ids) AND tags @> @wanted", SqlDialect.PostgreSql)]
    [InlineData("SELECT DISTINCT ON (a) a, b::text FROM t ORDER BY a NULLS FIRST LIMIT 5", SqlDialect.PostgreSql)]
    [InlineData("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a RETURNING a", SqlDialect.PostgreSql)]
    [InlineData("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a RETURNING a", SqlDialect.Sqlite)]
    [InlineData("SELECT id, datetime('now'), ifnull(a, 0), a || b FROM t WHERE name LIKE @p ORDER BY id NULLS LAST LIMIT 5 OFFSET 10", SqlDialect.Sqlite)]
    [InlineData("UPDATE t SET a = u.a FROM u WHERE u.id = t.id RETURNING t.a", SqlDialect.Sqlite)]
    [InlineData("SELECT a FROM t WHERE a IS NOT DISTINCT FROM b", SqlDialect.Sqlite)]
    [InlineData("SELECT TOP (5) id FROM t ORDER BY id", SqlDialect.SqlServer)]
    [InlineData("SELECT id, len(a), getdate() FROM t ORDER BY id OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY", SqlDialect.SqlServer)]
    [InlineData("INSERT INTO t (a) OUTPUT inserted.a VALUES (1)", SqlDialect.SqlServer)]
    [InlineData("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2", SqlDialect.MySql)]
    [InlineData("SELECT a FROM t WHERE a <=> b ORDER BY a LIMIT 5, 10", SqlDialect.MySql)]
    [InlineData("SELECT count(*), coalesce(a, 0), upper(b), CAST(c AS INTEGER) FROM t GROUP BY a, b, c", SqlDialect.MySql)]
    [InlineData("SELECT my_own_function(a) FROM t", SqlDialect.Sqlite)]
    [InlineData("SELECT @@session.time_zone, `name`, CAST(a AS SIGNED), ISNULL(a), CONCAT(a, '!') FROM t WHERE id = @id FOR UPDATE", SqlDialect.MySql)]
    [InlineData("SELECT \"name\", a + 1 FROM t WHERE done = TRUE FOR UPDATE", SqlDialect.PostgreSql)]
    [InlineData("SELECT [name], ISNULL(a, 0), name + '!' FROM t WITH (UPDLOCK) WHERE done = 1 FOR JSON PATH", SqlDialect.SqlServer)]
    public void What_the_database_takes_is_accepted(string sql, SqlDialect dialect)
        => Assert.Empty(Refusals(sql, dialect));

    [Fact]
    public void A_refusal_covers_the_construct()
    {
        const string sql = "SELECT id FROM t WHERE name ILIKE @p";
        var error = Assert.Single(SqlConformance.Check(SqlParser.Parse(sql, SqlDialect.Sqlite), SqlDialect.Sqlite));
        Assert.Equal("name ILIKE @p", sql.Substring(error.Start, error.Length));
    }
}
