using System.Linq;
using static NeoGen.Sql.Tests.H;

namespace NeoGen.Sql.Tests;

public class DescribeDmlTests
{
    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    public void Insert_values_returning(SqlDialect dialect)
    {
        const string sql = "INSERT INTO users (email, name) VALUES (@email, @name) RETURNING id, email AS e";
        var d = Ok(sql, dialect);
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
        Assert.Equal("users", d.TargetTable);
        Table(Assert.Single(d.Tables), "users", null, null, false);
        Span(sql, "users", d.Tables[0].Start, d.Tables[0].Length);
        Assert.Equal(new[] { "email", "name" }, d.Parameters.Select(p => p.Name));
        Assert.Equal(2, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "e", "users", "email");
        Span(sql, "email AS e", d.ResultColumns[1].Start, d.ResultColumns[1].Length);
    }

    [Fact]
    public void Insert_without_returning_has_no_result_columns()
    {
        var d = Ok("INSERT INTO app.users (email) VALUES (@e), (@f)", SqlDialect.PostgreSql);
        Assert.Empty(d.ResultColumns);
        Assert.Equal("users", d.TargetTable);
        Table(d.Tables[0], "users", "app", null, false);
    }

    [Fact]
    public void Insert_select_only_lists_the_target()
    {
        var d = Ok("INSERT INTO archive (id, email) SELECT id, email FROM users WHERE created_at < @cutoff", SqlDialect.Sqlite);
        Assert.Equal("archive", d.TargetTable);
        Table(Assert.Single(d.Tables), "archive", null, null, false);
        Assert.Empty(d.ResultColumns);
    }

    [Fact]
    public void Postgres_on_conflict_do_update()
    {
        const string sql = "INSERT INTO counters AS c (key, n) VALUES (@key, 1) ON CONFLICT (key) DO UPDATE SET n = c.n + EXCLUDED.n WHERE c.n < @max RETURNING c.n";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal("counters", d.TargetTable);
        Table(d.Tables[0], "counters", null, "c", false);
        Column(Assert.Single(d.ResultColumns), "n", "counters", "n");
        Assert.Equal(new[] { "key", "max" }, d.Parameters.Select(p => p.Name));
        Ok("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING", SqlDialect.PostgreSql);
        Ok("INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING", SqlDialect.PostgreSql);
    }

    [Fact]
    public void Sqlite_upsert_and_conflict_resolution()
    {
        Ok("INSERT INTO kv (k, v) VALUES (@k, @v) ON CONFLICT (k) DO UPDATE SET v = excluded.v", SqlDialect.Sqlite);
        Ok("INSERT OR REPLACE INTO kv (k, v) VALUES (@k, @v)", SqlDialect.Sqlite);
        Ok("REPLACE INTO kv (k, v) VALUES (@k, @v)", SqlDialect.Sqlite);
        var d = Ok("INSERT INTO kv DEFAULT VALUES RETURNING *", SqlDialect.Sqlite);
        Column(Assert.Single(d.ResultColumns), null, "kv", null, star: true);
    }

    [Fact]
    public void Mysql_on_duplicate_key_update()
    {
        var d = Ok("INSERT IGNORE INTO kv (k, v) VALUES (@k, @v) ON DUPLICATE KEY UPDATE v = VALUES(v), n = n + 1", SqlDialect.MySql);
        Assert.Equal("kv", d.TargetTable);
        Assert.Equal(new[] { "k", "v" }, d.Parameters.Select(p => p.Name));
        Ok("INSERT INTO kv (k, v) VALUES (@k, @v) AS new ON DUPLICATE KEY UPDATE v = new.v", SqlDialect.MySql);
        Ok("INSERT INTO kv SET k = @k, v = @v", SqlDialect.MySql);
    }

    [Fact]
    public void Sqlserver_insert_output_inserted()
    {
        const string sql = "INSERT INTO dbo.users (email) OUTPUT inserted.id, INSERTED.email AS e, inserted.* VALUES (@email)";
        var d = Ok(sql, SqlDialect.SqlServer);
        Assert.Equal("users", d.TargetTable);
        Table(d.Tables[0], "users", "dbo", null, false);
        Assert.Equal(3, d.ResultColumns.Count);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "e", "users", "email");
        Column(d.ResultColumns[2], null, "users", null, star: true);
        Span(sql, "inserted.id", d.ResultColumns[0].Start, d.ResultColumns[0].Length);
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Update_set_where(SqlDialect dialect)
    {
        const string sql = "UPDATE users SET display_name = @name, updated_at = CURRENT_TIMESTAMP WHERE id = @id";
        var d = Ok(sql, dialect);
        Assert.Equal(SqlStatementKind.Update, d.Kind);
        Assert.Equal("users", d.TargetTable);
        Table(Assert.Single(d.Tables), "users", null, null, false);
        Assert.Empty(d.ResultColumns);
        Assert.Equal(new[] { "name", "id" }, d.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Postgres_update_from_returning()
    {
        const string sql = "UPDATE users AS u SET team_name = t.name FROM teams t WHERE t.id = u.team_id RETURNING u.id, t.name";
        var d = Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal("users", d.TargetTable);
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", null, "u", false);
        Table(d.Tables[1], "teams", null, "t", false);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "name", "teams", "name");
    }

    [Fact]
    public void Returning_unqualified_star_over_target_and_from()
    {
        var d = Ok("UPDATE users SET x = 1 FROM teams WHERE teams.id = users.team_id RETURNING *", SqlDialect.PostgreSql);
        Column(Assert.Single(d.ResultColumns), null, null, null, star: true);
    }

    [Fact]
    public void Sqlserver_update_alias_from_join_output()
    {
        const string sql = "UPDATE u SET u.name = @name OUTPUT deleted.name AS old_name, inserted.name FROM dbo.users u JOIN teams t ON t.id = u.team_id WHERE t.id = @team";
        var d = Ok(sql, SqlDialect.SqlServer);
        Assert.Equal("users", d.TargetTable);
        Assert.Equal(2, d.Tables.Count);
        Table(d.Tables[0], "users", "dbo", "u", false);
        Table(d.Tables[1], "teams", null, "t", false);
        Column(d.ResultColumns[0], "old_name", "users", "name");
        Column(d.ResultColumns[1], "name", "users", "name");
    }

    [Fact]
    public void Sqlserver_compound_assignment()
    {
        var d = H.Ok("UPDATE counters SET n += @delta, m -= 1 WHERE id = @id", SqlDialect.SqlServer);
        Assert.Equal(new[] { "delta", "id" }, d.Parameters.Select(p => p.Name));
        var tree = NeoGen.Sql.Parsing.SqlParser.Parse("UPDATE counters SET n += @delta WHERE id = 1", SqlDialect.SqlServer);
        var update = Assert.IsType<NeoGen.Sql.Parsing.UpdateStatement>(Assert.Single(tree.Statements));
        Assert.Equal("+=", update.Assignments[0].Operator);
    }

    [Fact]
    public void Sqlserver_update_top()
    {
        var d = Ok("UPDATE TOP (10) jobs WITH (ROWLOCK) SET state = 1 OUTPUT inserted.id WHERE state = 0", SqlDialect.SqlServer);
        Assert.Equal("jobs", d.TargetTable);
        Column(Assert.Single(d.ResultColumns), "id", "jobs", "id");
    }

    [Fact]
    public void Mysql_multi_table_update()
    {
        var d = Ok("UPDATE orders o JOIN users u ON u.id = o.user_id SET o.email = u.email WHERE u.id = @id", SqlDialect.MySql);
        Assert.Equal("orders", d.TargetTable);
        Assert.Equal(new[] { "orders", "users" }, d.Tables.Select(t => t.Name));

        var second = Ok("UPDATE orders o JOIN users u ON u.id = o.user_id SET u.seen = 1", SqlDialect.MySql);
        Assert.Equal("users", second.TargetTable);

        Ok("UPDATE users SET n = n + 1 ORDER BY id LIMIT 10", SqlDialect.MySql);
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Delete_where(SqlDialect dialect)
    {
        var d = Ok("DELETE FROM sessions WHERE expires_at < @now", dialect);
        Assert.Equal(SqlStatementKind.Delete, d.Kind);
        Assert.Equal("sessions", d.TargetTable);
        Table(Assert.Single(d.Tables), "sessions", null, null, false);
        Assert.Empty(d.ResultColumns);
    }

    [Fact]
    public void Postgres_delete_using_returning()
    {
        var d = Ok("DELETE FROM users u USING bans b WHERE b.user_id = u.id RETURNING u.id, b.reason", SqlDialect.PostgreSql);
        Assert.Equal("users", d.TargetTable);
        Assert.Equal(new[] { "users", "bans" }, d.Tables.Select(t => t.Name));
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], "reason", "bans", "reason");
    }

    [Fact]
    public void Sqlserver_delete_output_and_second_from()
    {
        var d = Ok("DELETE FROM users OUTPUT deleted.id, deleted.* WHERE id = @id", SqlDialect.SqlServer);
        Column(d.ResultColumns[0], "id", "users", "id");
        Column(d.ResultColumns[1], null, "users", null, star: true);

        var join = Ok("DELETE u FROM users u JOIN bans b ON b.user_id = u.id", SqlDialect.SqlServer);
        Assert.Equal("users", join.TargetTable);
        Assert.Equal(new[] { "users", "bans" }, join.Tables.Select(t => t.Name));

        var top = Ok("DELETE TOP (100) FROM logs WHERE at < @cutoff", SqlDialect.SqlServer);
        Assert.Equal("logs", top.TargetTable);
    }

    [Fact]
    public void Mysql_multi_table_delete()
    {
        var d = Ok("DELETE a FROM users a LEFT JOIN bans b ON b.user_id = a.id WHERE b.id IS NULL", SqlDialect.MySql);
        Assert.Equal("users", d.TargetTable);
        Assert.Equal(new[] { "users", "bans" }, d.Tables.Select(t => t.Name));
        Assert.True(d.Tables[1].IsNullable);
        Ok("DELETE FROM logs ORDER BY at LIMIT 100", SqlDialect.MySql);
    }

    [Fact]
    public void Mariadb_and_sqlite_delete_returning()
    {
        var d = Ok("DELETE FROM jobs WHERE id = @id RETURNING id, payload", SqlDialect.MySql);
        Assert.Equal(new[] { "id", "payload" }, d.ResultColumns.Select(c => c.Name));
        Ok("DELETE FROM jobs WHERE id = @id RETURNING *", SqlDialect.Sqlite);
    }

    [Fact]
    public void Cte_before_dml()
    {
        var d = Ok("WITH old AS (SELECT id FROM jobs WHERE done) DELETE FROM jobs WHERE id IN (SELECT id FROM old) RETURNING id", SqlDialect.PostgreSql);
        Assert.Equal(SqlStatementKind.Delete, d.Kind);
        Assert.Equal("jobs", d.TargetTable);
        Column(Assert.Single(d.ResultColumns), "id", "jobs", "id");

        var u = Ok("WITH x AS (SELECT 1 AS a) UPDATE t SET a = (SELECT a FROM x)", SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Update, u.Kind);
        var i = Ok("WITH x AS (SELECT 1 AS a) INSERT INTO t (a) SELECT a FROM x", SqlDialect.SqlServer);
        Assert.Equal(SqlStatementKind.Insert, i.Kind);
    }

    [Fact]
    public void Merge_statement()
    {
        const string sql = "MERGE INTO users AS t USING staging s ON t.id = s.id WHEN MATCHED AND s.id IN @ids THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name);";
        var d = Ok(sql, SqlDialect.SqlServer);
        Assert.Equal(SqlStatementKind.Merge, d.Kind);
        Assert.Equal("users", d.TargetTable);
        Assert.Equal(new[] { "users", "staging" }, d.Tables.Select(t => t.Name));
        var p = Assert.Single(d.Parameters);
        Assert.Equal(SqlParameterContext.InList, p.Context);
        Assert.Equal(sql.IndexOf(" IN @ids") + 1, p.ContextStart);
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
        Assert.Equal(1, d.StatementCount);
        Assert.Empty(d.ResultColumns);
        Assert.Null(d.TargetTable);
    }

    [Fact]
    public void Sqlite_trigger_body_is_one_statement()
    {
        var d = Ok("CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET n = CASE WHEN n > 0 THEN 1 ELSE 0 END; DELETE FROM u; END; SELECT 1", SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Ddl, d.Kind);
        Assert.Equal(2, d.StatementCount);
    }

    [Fact]
    public void Postgres_function_with_dollar_body()
    {
        var d = Ok("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT @x; $$ LANGUAGE sql", SqlDialect.PostgreSql);
        Assert.Equal(SqlStatementKind.Ddl, d.Kind);
        Assert.Equal(1, d.StatementCount);
        Assert.Empty(d.Parameters);
    }
}
