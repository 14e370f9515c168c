using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Lexing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

public class FuzzTests
{
    // Tables the valid statements read, so that mutations also run the column, star and join paths.
    private const string Ddl = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100), n INT, team_id INT);"
        + " CREATE TABLE teams (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL); CREATE TABLE sessions (id INT, user_id INT);"
        + " CREATE TABLE kv (k VARCHAR(50) PRIMARY KEY, v VARCHAR(50)); CREATE TABLE t (a INT, id INT); CREATE TABLE u (a INT, b INT);";

    private static readonly SqlSchema[] Schemas = ((SqlDialect[])Enum.GetValues(typeof(SqlDialect))).Select(d => H.Schema(Ddl, d)).ToArray();

    static FuzzTests()
    {
        // The binder's safety net would turn a crash into a quiet partial result; the fuzzing is there to find those.
        SqlDiagnosticsSwitch.Rethrow = true;
    }

    private static readonly string[] Valid =
    {
        "SELECT u.id, u.email AS mail, t.name FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id IN @ids ORDER BY 1 LIMIT 10",
        "INSERT INTO users (email, name) VALUES (@email, @name) ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id",
        "UPDATE users SET name = @name, n = CASE WHEN n > 0 THEN n - 1 ELSE 0 END WHERE id = ANY(@ids) RETURNING *",
        "DELETE FROM sessions s USING users u WHERE u.id = s.user_id AND u.email LIKE @p RETURNING s.id",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n, ROW_NUMBER() OVER (ORDER BY n DESC) FROM r",
        "SELECT TOP (@n) [id], [name] FROM [dbo].[users] WITH (NOLOCK) ORDER BY id OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY",
        "INSERT INTO t (a) OUTPUT inserted.id VALUES (@a); SELECT @@ROWCOUNT",
        "INSERT INTO kv (k, v) VALUES (@k, @v) ON DUPLICATE KEY UPDATE v = VALUES(v)",
        "SELECT `a`, 'it''s', E'x\\'y', $$dollar$$, X'0A', 0x1F, 1.5e3, a::int, data->>'k' FROM t /* c */ -- x",
        "SELECT CAST(a AS varchar(10)), EXISTS (SELECT 1 FROM u WHERE u.a = t.a), (SELECT max(b) FROM u) FROM t",
    };

    private static readonly string[] Soup =
    {
        "SELECT", "FROM", "WHERE", "JOIN", "LEFT", "ON", "IN", "NOT", "AND", "OR", "(", ")", ",", ";", ".", "*", "@p",
        "@@x", "$1", "?", ":n", "'s'", "'", "\"", "\"q\"", "`", "[", "]", "[b]", "1", "0x", "1e", "--", "/*", "*/", "$$", "$t$",
        "::", "||", "->>", "@>", "<@", "=", "<>", "CASE", "WHEN", "THEN", "END", "ELSE", "CAST", "AS", "INSERT", "INTO",
        "VALUES", "UPDATE", "SET", "DELETE", "RETURNING", "OUTPUT", "WITH", "RECURSIVE", "UNION", "ALL", "ANY", "EXISTS",
        "OVER", "PARTITION", "BY", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "FETCH", "TOP", "CREATE", "TABLE", "BEGIN",
        "t", "a", "b", "u.id", "x.*", "\\", "\0", "\u00e9", "\ud83d\ude00", "\ud800", "#", "E'", "N'", "X'", "-", "+", "/",
        "ARRAY[", "INTERVAL", "BETWEEN", "LIKE", "IS", "NULL", "DISTINCT", "COUNT(*)", "MERGE", "USING", "CONFLICT", "DO",
    };

    [Fact]
    public void Random_token_soup_never_throws()
    {
        var random = new Random(12345);
        var dialects = (SqlDialect[])Enum.GetValues(typeof(SqlDialect));
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            var n = random.Next(1, 40);
            for (var k = 0; k < n; k++)
            {
                sb.Append(Soup[random.Next(Soup.Length)]);
                if (random.Next(4) != 0)
                {
                    sb.Append(' ');
                }
            }

            Check(sb.ToString(), dialects[i % dialects.Length]);
        }
    }

    [Fact]
    public void Truncations_and_mutations_of_valid_statements_never_throw()
    {
        var random = new Random(777);
        var dialects = (SqlDialect[])Enum.GetValues(typeof(SqlDialect));
        var count = 0;
        foreach (var sql in Valid)
        {
            foreach (var dialect in dialects)
            {
                for (var cut = 0; cut <= sql.Length; cut += 3)
                {
                    Check(sql.Substring(0, cut), dialect);
                    Check(sql.Substring(cut), dialect);
                    count += 2;
                }

                for (var m = 0; m < 40; m++)
                {
                    var chars = sql.ToCharArray();
                    var edits = random.Next(1, 4);
                    for (var e = 0; e < edits; e++)
                    {
                        var at = random.Next(chars.Length);
                        chars[at] = "()'\"`[];@$:-/*x 0\\"[random.Next(18)];
                    }

                    Check(new string(chars), dialect);
                    count++;
                }
            }
        }

        Assert.True(count > 2000, $"only {count} cases");
    }

    [Fact]
    public void Binary_garbage_never_throws()
    {
        var random = new Random(99);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = (char)random.Next(0, 0xFFFF);
            }

            Check(new string(chars), (SqlDialect)(i % 4));
        }
    }

    private static void Check(string sql, SqlDialect dialect)
    {
        BoundStatement first;
        IReadOnlyList<BoundStatement> all;
        try
        {
            first = SqlBinder.Bind(sql, dialect, null);
            all = SqlBinder.BindAll(sql, dialect, Schemas[(int)dialect]);
            foreach (var statement in first.Script.Statements)
            {
                foreach (var node in statement.DescendantsAndSelf())
                {
                    Assert.InRange(node.Span.Start, 0, sql.Length);
                    Assert.InRange(node.Span.End, 0, sql.Length);
                }
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"Bind threw on [{dialect}] {Escape(sql)}: {ex}");
        }

        Assert.NotNull(first);
        Assert.Equal(first.Script.Statements.Count, all.Count);
        foreach (var e in first.Errors)
        {
            Assert.InRange(e.Start, 0, sql.Length);
            Assert.InRange(e.Start + e.Length, 0, sql.Length);
        }

        foreach (var b in all.Prepend(first))
        {
            foreach (var p in b.Parameters)
            {
                Assert.Equal('@', sql[p.Start]);
                Assert.Equal(p.Name, sql.Substring(p.Start + 1, p.Length - 1));
                Assert.InRange(p.ListStart, 0, p.Start);
            }

            foreach (var c in b.ResultColumns)
            {
                Assert.InRange(c.Start, 0, sql.Length);
                Assert.InRange(c.Start + c.Length, 0, sql.Length);
            }

            foreach (var t in b.Tables)
            {
                Assert.InRange(t.Start, 0, sql.Length);
                Assert.InRange(t.Start + t.Length, 0, sql.Length);
            }

            foreach (var star in b.StarSpans)
            {
                Assert.InRange(star.Start, 0, sql.Length);
                Assert.InRange(star.End, 0, sql.Length);
            }

            foreach (var problem in b.Problems)
            {
                Assert.InRange(problem.Start, 0, sql.Length);
                Assert.InRange(problem.Start + problem.Length, 0, sql.Length);
            }
        }

        // No statement and no error only when there is nothing but semicolons, blanks and comments.
        Assert.True(first.Statement != null || first.Errors.Count > 0 || H.Tokens(sql, dialect).All(t => t.Kind == SqlTokenKind.Semicolon), $"nothing bound and no error for [{dialect}] {Escape(sql)}");
    }

    private static string Escape(string s) =>
        string.Concat(s.Take(300).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
