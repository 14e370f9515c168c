using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Lexing;
using static NeoGen.Sql.Tests.H;

namespace NeoGen.Sql.Tests;

public class DmlBindingTests
{
    private const string Users = "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100), display_name VARCHAR(100), team_id INT NOT NULL, team_name VARCHAR(100), seen INT NOT NULL, x INT NOT NULL, updated_at TIMESTAMP);";
    private const string Teams = "CREATE TABLE teams (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL);";
    private const string Bans = "CREATE TABLE bans (id INT NOT NULL PRIMARY KEY, user_id INT NOT NULL, reason VARCHAR(100) NOT NULL);";
    private const string Kv = "CREATE TABLE kv (k VARCHAR(50) NOT NULL PRIMARY KEY, v VARCHAR(50), n INT NOT NULL DEFAULT 0);";
    private const string Jobs = "CREATE TABLE jobs (id INT NOT NULL PRIMARY KEY, payload VARCHAR(500), state INT NOT NULL, done BOOLEAN NOT NULL);";

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    public void Insert_values_returning(SqlDialect dialect)
    {
        const string sql = "INSERT INTO users (email, name) VALUES (@email, @name) RETURNING id, email AS e";
        var d = Bind(sql, dialect, "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100));");
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
        Assert.Equal("users", d.TargetTable?.Name);
        Table(Assert.Single(d.Tables), "users", null, null, false);
        Span(sql, "users", d.Tables[0].Start, d.Tables[0].Length);
        Assert.Equal(new[] { ("email", "email"), ("name", "name") }, d.Parameters.Select(p => (p.Name, p.Column!.Name)));
        Assert.All(d.Parameters, p => Assert.Equal(SqlParameterRole.InsertValue, p.Role));
        Assert.Equal(2, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "e", "users", "email");
        Span(sql, "email AS e", d.ResultColumns[1].Start, d.ResultColumns[1].Length);
    }

    [Fact]
    public void Insert_without_returning_has_no_result_columns()
    {
        var d = Bind("INSERT INTO app.users (email) VALUES (@e), (@f)", SqlDialect.PostgreSql, "CREATE TABLE app.users (id serial PRIMARY KEY, email text NOT NULL);");
        Assert.Empty(d.ResultColumns);
        Assert.Equal(("users", "app"), (d.TargetTable?.Name, d.TargetTable?.Schema));
        Table(Assert.Single(d.Tables), "users", "app", null, false);
        Assert.Equal(new[] { "e", "f" }, d.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Insert_select_lists_the_target_and_the_tables_it_reads()
    {
        const string ddl = "CREATE TABLE archive (id INTEGER NOT NULL, email TEXT NOT NULL); CREATE TABLE users (id INTEGER NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL);";
        var d = Bind("INSERT INTO archive (id, email) SELECT id, email FROM users WHERE created_at < @cutoff", SqlDialect.Sqlite, ddl);
        Assert.Equal("archive", d.TargetTable?.Name);
        Assert.Equal(new[] { "archive", "users" }, d.Tables.Select(t => t.Name));
        Assert.Empty(d.ResultColumns);
        Assert.Equal(("cutoff", "created_at"), (Assert.Single(d.Parameters).Name, d.Parameters[0].Column?.Name));
    }

    [Fact]
    public void Postgres_on_conflict_do_update()
    {
        const string sql = "INSERT INTO counters AS c (key, n) VALUES (@key, 1) ON CONFLICT (key) DO UPDATE SET n = c.n + EXCLUDED.n WHERE c.n < @max RETURNING c.n";
        var d = Bind(sql, SqlDialect.PostgreSql, "CREATE TABLE counters (key text PRIMARY KEY, n int NOT NULL);");
        Assert.Equal("counters", d.TargetTable?.Name);
        Table(Assert.Single(d.Tables), "counters", null, "c", false);
        Column(Assert.Single(d.ResultColumns), "n", "counters", "n");
        Assert.Equal(new[] { ("key", "key"), ("max", "n") }, d.Parameters.Select(p => (p.Name, p.Column!.Name)));
        Ok("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING", SqlDialect.PostgreSql);
        Ok("INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING", SqlDialect.PostgreSql);
    }

    [Fact]
    public void Sqlite_upsert_and_conflict_resolution()
    {
        Bind("INSERT INTO kv (k, v) VALUES (@k, @v) ON CONFLICT (k) DO UPDATE SET v = excluded.v", SqlDialect.Sqlite, Kv);
        Bind("INSERT OR REPLACE INTO kv (k, v) VALUES (@k, @v)", SqlDialect.Sqlite, Kv);
        Bind("REPLACE INTO kv (k, v) VALUES (@k, @v)", SqlDialect.Sqlite, Kv);
        const string sql = "INSERT INTO kv DEFAULT VALUES RETURNING *";
        var d = Bind(sql, SqlDialect.Sqlite, Kv);
        Star(sql, d.ResultColumns, "*", "kv", "kv", new[] { "k", "v", "n" });
        Span(sql, "*", Assert.Single(d.StarSpans).Start, d.StarSpans[0].Length);
    }

    [Fact]
    public void Mysql_on_duplicate_key_update()
    {
        var d = Bind("INSERT IGNORE INTO kv (k, v) VALUES (@k, @v) ON DUPLICATE KEY UPDATE v = VALUES(v), n = n + 1", SqlDialect.MySql, Kv);
        Assert.Equal("kv", d.TargetTable?.Name);
        Assert.Equal(new[] { "k", "v" }, d.Parameters.Select(p => p.Name));
        Bind("INSERT INTO kv (k, v) VALUES (@k, @v) AS new ON DUPLICATE KEY UPDATE v = new.v", SqlDialect.MySql, Kv);
        Bind("INSERT INTO kv SET k = @k, v = @v", SqlDialect.MySql, Kv);
    }

    [Fact]
    public void Sqlserver_insert_output_inserted()
    {
        const string sql = "INSERT INTO dbo.users (email) OUTPUT inserted.id, INSERTED.email AS e, inserted.* VALUES (@email)";
        var d = Bind(sql, SqlDialect.SqlServer, "CREATE TABLE dbo.users (id INT IDENTITY(1,1) NOT NULL PRIMARY KEY, email NVARCHAR(200) NOT NULL);");
        Assert.Equal("users", d.TargetTable?.Name);
        Table(Assert.Single(d.Tables), "users", "dbo", null, false);
        Assert.Equal(4, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "e", "users", "email");
        Span(sql, "inserted.id", d.ResultColumns[0].Start, d.ResultColumns[0].Length);

        // The qualifier is the one written: "users.id" does not bind in an OUTPUT clause.
        Star(sql, d.ResultColumns.Skip(2), "inserted.*", "inserted", "users", new[] { "id", "email" });
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Update_set_where(SqlDialect dialect)
    {
        const string sql = "UPDATE users SET display_name = @name, updated_at = CURRENT_TIMESTAMP WHERE id = @id";
        var d = Bind(sql, dialect, Users);
        Assert.Equal(SqlStatementKind.Update, d.Kind);
        Assert.Equal("users", d.TargetTable?.Name);
        Table(Assert.Single(d.Tables), "users", null, null, false);
        Assert.Empty(d.ResultColumns);
        Assert.Equal(new[] { ("name", SqlParameterRole.Assignment, "display_name"), ("id", SqlParameterRole.Comparison, "id") }, d.Parameters.Select(p => (p.Name, p.Role, p.Column!.Name)));
    }

    [Fact]
    public void Postgres_update_from_returning()
    {
        const string sql = "UPDATE users AS u SET team_name = t.name FROM teams t WHERE t.id = u.team_id RETURNING u.id, t.name";
        var d = Bind(sql, SqlDialect.PostgreSql, Users + Teams);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", null, "u", false);
        Table(d.Tables[1], "teams", null, "t", false);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "name", "teams", "name");
    }

    [Fact]
    public void Returning_unqualified_star_over_target_and_from()
    {
        const string sql = "UPDATE users SET x = 1 FROM teams WHERE teams.id = users.team_id RETURNING *";
        var d = Bind(sql, SqlDialect.PostgreSql, "CREATE TABLE users (id int NOT NULL, x int NOT NULL, team_id int NOT NULL);" + Teams);
        Assert.Equal(5, d.ResultColumns.Count);
        Star(sql, d.ResultColumns.Take(3), "*", "users", "users", new[] { "id", "x", "team_id" });
        Star(sql, d.ResultColumns.Skip(3), "*", "teams", "teams", new[] { "id", "name" });
        Assert.Single(d.StarSpans);
    }

    [Fact]
    public void Sqlserver_update_alias_from_join_output()
    {
        const string sql = "UPDATE u SET u.name = @name OUTPUT deleted.name AS old_name, inserted.name FROM dbo.users u JOIN teams t ON t.id = u.team_id WHERE t.id = @team";
        var d = Bind(sql, SqlDialect.SqlServer, Users.Replace("TABLE users", "TABLE dbo.users") + Teams);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", "dbo", "u", false);
        Table(d.Tables[1], "teams", null, "t", false);
        Column(d.ResultColumns[0], "old_name", "users", "name", nullable: true);
        Column(d.ResultColumns[1], "name", "users", "name", nullable: true);
        Assert.Equal(new[] { ("name", "name"), ("team", "id") }, d.Parameters.Select(p => (p.Name, p.Column!.Name)));
    }

    [Fact]
    public void Sqlserver_output_pseudo_tables_mean_the_target_even_when_it_is_not_the_first_from_table()
    {
        const string sql = "UPDATE u SET u.name = @name OUTPUT deleted.name AS old_name FROM teams t JOIN dbo.users u ON t.id = u.team_id";
        var d = Bind(sql, SqlDialect.SqlServer, Users.Replace("TABLE users", "TABLE dbo.users") + Teams);
        Assert.Equal("users", d.TargetTable?.Name);
        Column(Assert.Single(d.ResultColumns), "old_name", "users", "name", nullable: true);
    }

    [Fact]
    public void Sqlserver_compound_assignment()
    {
        var d = Bind("UPDATE counters SET n += @delta, m -= 1 WHERE id = @id", SqlDialect.SqlServer, "CREATE TABLE counters (id INT NOT NULL, n INT NOT NULL, m INT NOT NULL);");
        Assert.Equal(new[] { ("delta", SqlParameterRole.Operand), ("id", SqlParameterRole.Comparison) }, d.Parameters.Select(p => (p.Name, p.Role)));
        var tree = NeoGen.Sql.Parsing.SqlParser.Parse("UPDATE counters SET n += @delta WHERE id = 1", SqlDialect.SqlServer);
        var update = Assert.IsType<NeoGen.Sql.Parsing.UpdateStatement>(Assert.Single(tree.Statements));
        Assert.Equal("+=", update.Assignments[0].Operator);
    }

    [Fact]
    public void Sqlserver_update_top()
    {
        var d = Bind("UPDATE TOP (10) jobs WITH (ROWLOCK) SET state = 1 OUTPUT inserted.id WHERE state = 0", SqlDialect.SqlServer, Jobs);
        Assert.Equal("jobs", d.TargetTable?.Name);
        Column(Assert.Single(d.ResultColumns), "id", "jobs", "id");
    }

    [Fact]
    public void Mysql_multi_table_update()
    {
        const string ddl = "CREATE TABLE orders (id INT NOT NULL, user_id INT NOT NULL, email VARCHAR(200));" + Users;
        var d = Bind("UPDATE orders o JOIN users u ON u.id = o.user_id SET o.email = u.email WHERE u.id = @id", SqlDialect.MySql, ddl);
        Assert.Equal("orders", d.TargetTable?.Name);
        Assert.Equal(new[] { "orders", "users" }, d.Tables.Select(t => t.Name));
        Bind("UPDATE users SET x = x + 1 ORDER BY id LIMIT 10", SqlDialect.MySql, ddl);

        // Only users is written: the target is the table of the SET column, not the first table.
        var second = Bind("UPDATE orders o JOIN users u ON u.id = o.user_id SET u.seen = 1", SqlDialect.MySql, ddl);
        Assert.Equal(new[] { "orders", "users" }, second.Tables.Select(t => t.Name));
        Assert.Equal("users", second.TargetTable?.Name);
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Delete_where(SqlDialect dialect)
    {
        var d = Bind("DELETE FROM sessions WHERE expires_at < @now", dialect, "CREATE TABLE sessions (id INT NOT NULL, expires_at TIMESTAMP NOT NULL);");
        Assert.Equal(SqlStatementKind.Delete, d.Kind);
        Assert.Equal("sessions", d.TargetTable?.Name);
        Table(Assert.Single(d.Tables), "sessions", null, null, false);
        Assert.Empty(d.ResultColumns);
        Assert.Equal(("now", "expires_at"), (Assert.Single(d.Parameters).Name, d.Parameters[0].Column?.Name));
    }

    [Fact]
    public void Postgres_delete_using_returning()
    {
        var d = Bind("DELETE FROM users u USING bans b WHERE b.user_id = u.id RETURNING u.id, b.reason", SqlDialect.PostgreSql, Users + Bans);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Equal(new[] { ("users", "u"), ("bans", "b") }, d.Tables.Select(t => (t.Name, t.Alias!)));
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "reason", "bans", "reason");
    }

    [Fact]
    public void Sqlserver_delete_output_and_second_from()
    {
        const string sql = "DELETE FROM users OUTPUT deleted.id, deleted.* WHERE id = @id";
        var d = Bind(sql, SqlDialect.SqlServer, "CREATE TABLE users (id INT NOT NULL, email NVARCHAR(200) NOT NULL);");
        Column(d.ResultColumns[0], "id", "users", "id");

        var join = Bind("DELETE u FROM users u JOIN bans b ON b.user_id = u.id", SqlDialect.SqlServer, Users + Bans);
        Assert.Equal("users", join.TargetTable?.Name);
        Assert.Equal(new[] { "users", "bans" }, join.Tables.Select(t => t.Name));

        var top = Bind("DELETE TOP (100) FROM logs WHERE at < @cutoff", SqlDialect.SqlServer, "CREATE TABLE logs (id INT NOT NULL, at DATETIME2 NOT NULL);");
        Assert.Equal("logs", top.TargetTable?.Name);

        // As for INSERT .. OUTPUT inserted.*: the star is rewritten with its qualifier, which must stay "deleted".
        Star(sql, d.ResultColumns.Skip(1), "deleted.*", "deleted", "users", new[] { "id", "email" });
    }

    [Fact]
    public void Mysql_multi_table_delete()
    {
        var d = Bind("DELETE a FROM users a LEFT JOIN bans b ON b.user_id = a.id WHERE b.id IS NULL", SqlDialect.MySql, Users + Bans);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Equal(new[] { "users", "bans" }, d.Tables.Select(t => t.Name));
        Assert.True(d.Tables[1].IsNullable);
        Bind("DELETE FROM logs ORDER BY at LIMIT 100", SqlDialect.MySql, "CREATE TABLE logs (id INT NOT NULL, at DATETIME NOT NULL);");
    }

    [Fact]
    public void Mariadb_and_sqlite_delete_returning()
    {
        var d = Bind("DELETE FROM jobs WHERE id = @id RETURNING id, payload", SqlDialect.MySql, Jobs);
        Column(d.ResultColumns[0], "id", "jobs", "id");
        Column(d.ResultColumns[1], "payload", "jobs", "payload", nullable: true);
        const string sql = "DELETE FROM jobs WHERE id = @id RETURNING *";
        Star(sql, Bind(sql, SqlDialect.Sqlite, Jobs).ResultColumns, "*", "jobs", "jobs", new[] { "id", "payload", "state", "done" });
    }

    [Fact]
    public void Cte_before_dml()
    {
        var d = Bind("WITH old AS (SELECT id FROM jobs WHERE done) DELETE FROM jobs WHERE id IN (SELECT id FROM old) RETURNING id", SqlDialect.PostgreSql, Jobs);
        Assert.Equal(SqlStatementKind.Delete, d.Kind);
        Assert.Equal("jobs", d.TargetTable?.Name);
        Column(Assert.Single(d.ResultColumns), "id", "jobs", "id");
        Assert.Equal(new[] { ("jobs", false), ("jobs", false), ("old", true) }, d.Tables.Select(t => (t.Name, t.IsCte)));

        var u = Bind("WITH x AS (SELECT 1 AS a) UPDATE t SET a = (SELECT a FROM x)", SqlDialect.Sqlite, "CREATE TABLE t (a INTEGER);");
        Assert.Equal(SqlStatementKind.Update, u.Kind);
        Assert.Equal("t", u.TargetTable?.Name);
        var i = Bind("WITH x AS (SELECT 1 AS a) INSERT INTO t (a) SELECT a FROM x", SqlDialect.SqlServer, "CREATE TABLE t (a INT);");
        Assert.Equal(SqlStatementKind.Insert, i.Kind);
        Assert.Equal("t", i.TargetTable?.Name);
    }

    [Fact]
    public void Merge_statement()
    {
        const string sql = "MERGE INTO users AS t USING staging s ON t.id = s.id WHEN MATCHED AND s.id IN @ids THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name);";
        var d = Bind(sql, SqlDialect.SqlServer, Users + "CREATE TABLE staging (id INT NOT NULL, name VARCHAR(100));");
        Assert.Equal(SqlStatementKind.Merge, d.Kind);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Equal(new[] { "users", "staging" }, d.Tables.Select(t => t.Name));
        var p = Assert.Single(d.Parameters);
        Assert.Equal(ParameterListSyntax.InList, p.ListSyntax);
        Assert.Equal(sql.IndexOf(" IN @ids") + 1, p.ListStart);
        Assert.Equal(("id", "staging"), (p.Column?.Name, p.Table?.Name));
    }

    [Theory]
    [InlineData("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)", SqlStatementKind.Ddl)]
    [InlineData("create index ix_users_email on users(email)", SqlStatementKind.Ddl)]
    [InlineData("DROP TABLE IF EXISTS users", SqlStatementKind.Ddl)]
    [InlineData("ALTER TABLE users ADD COLUMN x INT", SqlStatementKind.Ddl)]
    [InlineData("PRAGMA journal_mode = WAL", SqlStatementKind.Other)]
    [InlineData("BEGIN TRANSACTION", SqlStatementKind.Other)]
    [InlineData("COMMIT", SqlStatementKind.Other)]
    [InlineData("VACUUM", SqlStatementKind.Other)]
    [InlineData("EXPLAIN QUERY PLAN SELECT 1", SqlStatementKind.Other)]
    public void Ddl_and_other_statements_have_a_kind_and_no_errors(string sql, SqlStatementKind kind)
    {
        var d = Ok(sql, SqlDialect.Sqlite);
        Assert.Equal(kind, d.Kind);
        Assert.Single(d.Script.Statements);
        Assert.Empty(d.ResultColumns);
        Assert.Null(d.TargetTable);
    }

    [Fact]
    public void Sqlite_trigger_body_is_one_statement()
    {
        var d = Ok("CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET n = CASE WHEN n > 0 THEN 1 ELSE 0 END; DELETE FROM u; END; SELECT 1", SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Ddl, d.Kind);
        Assert.Equal(2, d.Script.Statements.Count);
    }

    [Fact]
    public void Postgres_function_with_dollar_body()
    {
        const string sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT @x; $$ LANGUAGE sql";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(SqlStatementKind.Ddl, d.Kind);
        Assert.Single(d.Script.Statements);
        Assert.Empty(d.Parameters);

        // The body is one string token, so "@x" in it is no parameter at any level.
        Assert.DoesNotContain(Tokens(sql, SqlDialect.PostgreSql), t => t.Kind == SqlTokenKind.Parameter);
    }
}
