using System;
using System.Linq;
using System.Text;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

public class SchemaBinderFuzzTests
{
    private static readonly string[] Ddl =
    {
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE IF NOT EXISTS public.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, m mood, tags text[] DEFAULT '{}', n numeric(10,2) CHECK (n > 0), team_id int REFERENCES teams(id) ON DELETE CASCADE, CONSTRAINT u UNIQUE (email, m));",
        "CREATE UNIQUE INDEX IF NOT EXISTS ix ON users USING btree (lower(email) DESC NULLS LAST, team_id) INCLUDE (m) WHERE team_id IS NOT NULL; ALTER TABLE users RENAME COLUMN email TO mail, ADD COLUMN x int NOT NULL DEFAULT 0, ALTER COLUMN x TYPE bigint USING x::bigint, DROP COLUMN IF EXISTS m CASCADE; ALTER TABLE users RENAME TO people; DROP INDEX IF EXISTS ix;",
        "CREATE TABLE `t` (`id` INT UNSIGNED NOT NULL AUTO_INCREMENT, `s` ENUM('a','b') DEFAULT 'a', `v` VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, PRIMARY KEY (`id`), KEY `k` (`v`(5)), CONSTRAINT `f` FOREIGN KEY (`s`) REFERENCES `u` (`id`)) ENGINE=InnoDB; RENAME TABLE t TO t2; ALTER TABLE t2 CHANGE v w TEXT, MODIFY s INT;",
        "CREATE TABLE [dbo].[C] ([Id] INT IDENTITY(1,1) NOT NULL, [N] NVARCHAR(MAX), [F] AS ([Id] * 2) PERSISTED, CONSTRAINT [PK] PRIMARY KEY CLUSTERED ([Id] ASC)) ON [PRIMARY]\nGO\nCREATE NONCLUSTERED INDEX [IX] ON [dbo].[C] ([N]) WHERE [N] IS NOT NULL\nGO\nALTER TABLE C ALTER COLUMN N VARCHAR(10) NOT NULL",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL ON CONFLICT REPLACE, body, c UNSIGNED BIG INT, UNIQUE (title) ON CONFLICT IGNORE) WITHOUT ROWID; CREATE VIEW v AS SELECT id, title FROM notes WHERE body IS NULL; CREATE TABLE cp AS SELECT * FROM notes;",
    };

    private static readonly string[] Queries =
    {
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < @max) SELECT u.id, r.n, count(*) OVER (PARTITION BY u.team_id) FROM users u LEFT JOIN r ON r.n = u.id WHERE u.email LIKE '%' || @p AND u.id IN @ids ORDER BY 2 DESC LIMIT @take",
        "INSERT INTO users (email, team_id) VALUES (@e, @t), (@e2, DEFAULT) ON CONFLICT (email) DO UPDATE SET team_id = excluded.team_id WHERE users.id > 0 RETURNING *",
        "UPDATE u SET u.email = @e FROM users u JOIN teams t ON t.id = u.team_id WHERE t.name = @n; DELETE FROM users",
        "SELECT d.a, (SELECT max(x) FROM (VALUES (1), (2)) v(x)) AS m, CASE WHEN d.a > 0 THEN CAST(d.a AS text) END FROM (SELECT id AS a FROM users UNION SELECT id FROM teams) AS d(a) CROSS JOIN LATERAL unnest(@arr) AS q(e)",
        "DELETE FROM users WHERE id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id) RETURNING id",
        "SELECT TOP (@n) [Id], [N] FROM [dbo].[C] WITH (NOLOCK) WHERE [N] BETWEEN @a AND @b ORDER BY [Id] OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY",
        "MERGE INTO users AS t USING (SELECT @id AS id) AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET email = @e;",
    };

    private static readonly string[] Soup =
    {
        "CREATE", "TABLE", "INDEX", "UNIQUE", "ALTER", "ADD", "DROP", "RENAME", "COLUMN", "TO", "CONSTRAINT", "PRIMARY", "KEY",
        "FOREIGN", "REFERENCES", "CHECK", "DEFAULT", "NOT", "NULL", "GENERATED", "ALWAYS", "AS", "IDENTITY", "AUTO_INCREMENT",
        "AUTOINCREMENT", "(", ")", ",", ";", ".", "t", "u", "a", "b", "int", "text", "varchar(10)", "numeric(1,2)", "int[]", "ON",
        "USING", "WHERE", "IF", "EXISTS", "TYPE", "ENUM", "'x'", "VIEW", "SELECT", "FROM", "JOIN", "*", "@p", "=", "GO", "\n",
        "[b]", "`c`", "\"d\"", "ENGINE=InnoDB", "COLLATE", "WITH", "RECURSIVE", "UNION", "VALUES", "INSERT", "INTO", "UPDATE", "SET",
        "DELETE", "LIKE", "IN", "BETWEEN", "AND", "OR", "CASE", "WHEN", "THEN", "END", "CAST", "::", "ORDER", "BY", "GROUP", "1",
    };

    static SchemaBinderFuzzTests()
    {
        SqlDiagnosticsSwitch.Rethrow = true;
    }

    private static SqlSchema BaseSchema(SqlDialect dialect)
    {
        var b = new SqlSchemaBuilder();
        foreach (var ddl in Ddl)
        {
            b.Apply(ddl, dialect);
        }

        b.Apply("CREATE TABLE teams (id int PRIMARY KEY, name text); CREATE TABLE orders (id int, user_id int)", dialect);
        return b.Build();
    }

    [Fact]
    public void Truncated_and_mutated_ddl_never_throws()
    {
        var random = new Random(4242);
        var count = 0;
        foreach (var dialect in (SqlDialect[])Enum.GetValues(typeof(SqlDialect)))
        {
            foreach (var ddl in Ddl)
            {
                for (var cut = 0; cut <= ddl.Length; cut += 4)
                {
                    CheckDdl(ddl.Substring(0, cut), dialect);
                    CheckDdl(ddl.Substring(cut), dialect);
                    count += 2;
                }

                for (var m = 0; m < 60; m++)
                {
                    CheckDdl(Mutate(ddl, random), dialect);
                    count++;
                }
            }
        }

        Assert.True(count > 1500, $"only {count} cases");
    }

    [Fact]
    public void Random_ddl_soup_never_throws()
    {
        var random = new Random(31337);
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            var n = random.Next(1, 50);
            for (var k = 0; k < n; k++)
            {
                sb.Append(Soup[random.Next(Soup.Length)]).Append(random.Next(5) == 0 ? string.Empty : " ");
            }

            var sql = sb.ToString();
            var dialect = (SqlDialect)(i % 4);
            CheckDdl(sql, dialect);
            CheckBind(sql, dialect, BaseSchema(dialect));
        }
    }

    [Fact]
    public void Truncated_and_mutated_queries_never_throw_in_the_binder()
    {
        var random = new Random(2024);
        foreach (var dialect in (SqlDialect[])Enum.GetValues(typeof(SqlDialect)))
        {
            var schema = BaseSchema(dialect);
            foreach (var sql in Queries)
            {
                for (var cut = 0; cut <= sql.Length; cut += 3)
                {
                    CheckBind(sql.Substring(0, cut), dialect, schema);
                    CheckBind(sql.Substring(cut), dialect, schema);
                }

                for (var m = 0; m < 60; m++)
                {
                    CheckBind(Mutate(sql, random), dialect, schema);
                }

                CheckBind(sql, dialect, SqlSchema.Empty);
                CheckBind(sql, dialect, null);
            }
        }
    }

    [Fact]
    public void Garbage_and_huge_inputs_never_throw()
    {
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = (char)random.Next(0, 0xFFFF);
            }

            CheckDdl(new string(chars), (SqlDialect)(i % 4));
            CheckBind(new string(chars), (SqlDialect)(i % 4), null);
        }

        CheckDdl(null, SqlDialect.PostgreSql);
        foreach (var dialect in (SqlDialect[])Enum.GetValues(typeof(SqlDialect)))
        {
            // Found by fuzzing: a ';' between CREATE UNIQUE and INDEX used to loop forever; clauses cut at the end overran.
            CheckDdl("CREATE UNIQUE;INDEX IF NOT EXISTS ix ON users (a)", dialect);
            CheckDdl("CREATE UNIQUE CLUSTERED", dialect);
            CheckDdl("CREATE TABLE t (a int NOT NULL ON CONFLICT", dialect);
            CheckDdl("CREATE TABLE t (a int PRIMARY KEY ON CONFLICT", dialect);
            CheckDdl("CREATE TABLE t (a int REFERENCES b INITIALLY", dialect);
            CheckDdl("CREATE TYPE x AS", dialect);
            CheckDdl("CREATE TYPE x y AS ENUM", dialect);
        }

        CheckBind(null, SqlDialect.PostgreSql, null);
        var deep = new string('(', 5000) + "SELECT 1" + new string(')', 5000);
        CheckBind(deep, SqlDialect.PostgreSql, null);
        CheckDdl("CREATE TABLE t (a int DEFAULT " + deep + ")", SqlDialect.PostgreSql);
        CheckDdl("CREATE TABLE t (" + string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"c{i} int NOT NULL")) + ")", SqlDialect.Sqlite);
        CheckBind("SELECT 1 " + string.Concat(Enumerable.Repeat("UNION SELECT 1 ", 3000)), SqlDialect.Sqlite, null);
        CheckBind("SELECT * FROM t WHERE " + string.Join(" OR ", Enumerable.Range(0, 5000).Select(i => $"(a = @p{i} AND b LIKE '%x')")), SqlDialect.Sqlite, null);
    }

    private static string Mutate(string sql, Random random)
    {
        var chars = sql.ToCharArray();
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            chars[random.Next(chars.Length)] = "()'\"`[];@$:-/*x 0\\,.\n"[random.Next(21)];
        }

        return new string(chars);
    }

    private static void CheckDdl(string? sql, SqlDialect dialect)
    {
        try
        {
            var b = new SqlSchemaBuilder();
            var errors = b.Apply(sql, dialect);
            var length = sql?.Length ?? 0;
            foreach (var e in errors)
            {
                Assert.InRange(e.Start, 0, length);
                Assert.InRange(e.Start + e.Length, 0, length);
            }

            var schema = b.Build();
            foreach (var t in schema.Tables)
            {
                Assert.NotNull(t.Name);
            }

            b.Apply(sql, dialect);
            b.Build();
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"SchemaBuilder threw on [{dialect}] {Escape(sql ?? string.Empty)}: {ex}");
        }
    }

    private static void CheckBind(string? sql, SqlDialect dialect, SqlSchema? schema)
    {
        try
        {
            var b = SqlBinder.Bind(sql, dialect, schema);
            var length = sql?.Length ?? 0;
            foreach (var p in b.Problems)
            {
                Assert.InRange(p.Start, 0, length);
                Assert.InRange(p.Start + p.Length, 0, length);
            }

            foreach (var p in b.Parameters)
            {
                Assert.Equal('@', sql![p.Start]);
            }

            foreach (var u in b.PredicateUses)
            {
                Assert.InRange(u.Start + u.Length, 0, length);
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"Binder threw on [{dialect}] {Escape(sql ?? string.Empty)}: {ex}");
        }
    }

    private static string Escape(string s) =>
        string.Concat(s.Take(300).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
