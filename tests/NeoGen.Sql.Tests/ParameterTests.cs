using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Tests;

public class ParameterTests
{
    private const string Users = "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, team_id INT NOT NULL, x INT NOT NULL, y INT NOT NULL, z INT NOT NULL);";

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void In_list_parameter(SqlDialect dialect)
    {
        const string sql = "SELECT id FROM users WHERE id IN @ids AND team_id NOT IN @teams AND x IN (@a, @b)";
        var d = H.Bind(sql, dialect, Users);
        Assert.Equal(new[] { "ids", "teams", "a", "b" }, d.Parameters.Select(p => p.Name));
        var ids = d.Parameters[0];
        Assert.Equal(ParameterListSyntax.InList, ids.ListSyntax);
        Assert.True(ids.IsCollection);
        Assert.False(ids.IsNegatedList);
        Assert.Equal(sql.IndexOf("@ids"), ids.Start);
        Assert.Equal(4, ids.Length);
        Assert.Equal(sql.IndexOf("IN @ids"), ids.ListStart);
        Assert.Equal("id", ids.Column?.Name);
        var teams = d.Parameters[1];
        Assert.Equal(ParameterListSyntax.InList, teams.ListSyntax);
        Assert.True(teams.IsNegatedList);
        Assert.Equal(sql.IndexOf("IN @teams"), teams.ListStart);
        Assert.Equal("team_id", teams.Column?.Name);

        // Items of a parenthesized list are single values.
        Assert.All(d.Parameters.Skip(2), p =>
        {
            Assert.Equal(ParameterListSyntax.None, p.ListSyntax);
            Assert.Equal(SqlParameterRole.InListItem, p.Role);
            Assert.False(p.IsCollection);
            Assert.Equal(p.Start, p.ListStart);
            Assert.Equal("x", p.Column?.Name);
        });
    }

    [Fact]
    public void Any_and_all_array_parameters()
    {
        const string sql = "SELECT id FROM users WHERE id = ANY(@ids) AND x <> ALL (@bad) AND y = ANY(@typed::bigint[]) AND z = ANY(SELECT id FROM t WHERE k = @k)";
        var d = H.Bind(sql, SqlDialect.PostgreSql, Users + "CREATE TABLE t (id int NOT NULL, k int NOT NULL);");
        Assert.Equal(new[] { "ids", "bad", "typed", "k" }, d.Parameters.Select(p => p.Name));
        Assert.Equal(ParameterListSyntax.AnyArray, d.Parameters[0].ListSyntax);
        Assert.Equal(d.Parameters[0].Start, d.Parameters[0].ListStart);
        Assert.Equal(ParameterListSyntax.AnyArray, d.Parameters[1].ListSyntax);
        Assert.Equal(ParameterListSyntax.AnyArray, d.Parameters[2].ListSyntax);
        Assert.Equal(new[] { "id", "x", "y" }, d.Parameters.Take(3).Select(p => p.Column?.Name));
        Assert.All(d.Parameters.Take(3), p => Assert.True(p.IsCollection));

        // A subquery under ANY is no array; its parameter is a value.
        Assert.Equal(ParameterListSyntax.None, d.Parameters[3].ListSyntax);
        Assert.False(d.Parameters[3].IsCollection);
    }

    [Fact]
    public void Every_occurrence_in_text_order_including_repeats()
    {
        const string sql = "SELECT @a, @b FROM t WHERE x = @a OR y = @c";
        var d = H.Ok(sql, SqlDialect.Sqlite);
        Assert.Equal(new[] { "a", "b", "a", "c" }, d.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { 7, 11, 31, 41 }, d.Parameters.Select(p => p.Start));
        Assert.All(d.Parameters, p => Assert.Equal(p.Name.Length + 1, p.Length));
        Assert.Equal(new[] { "a", "b", "c" }, d.ParameterNames);
    }

    [Fact]
    public void Native_parameters_system_variables_and_casts_are_not_parameters()
    {
        const string pg = "SELECT $1, @p::int, 'x'::text FROM t WHERE a = $2";
        var native = H.Ok(pg, SqlDialect.PostgreSql);
        Assert.Equal(new[] { "p" }, native.Parameters.Select(p => p.Name));

        // Native placeholders are found separately, so that they can be reported.
        Assert.Equal(new[] { "$1", "$2" }, native.ForeignPlaceholders.Select(p => pg.Substring(p.Span.Start, p.Span.Length)));

        Assert.Empty(H.Ok("SELECT @@ROWCOUNT, @@IDENTITY", SqlDialect.SqlServer).Parameters);
        const string sqlite = "SELECT ?, :name, $v FROM t";
        var foreign = H.Ok(sqlite, SqlDialect.Sqlite);
        Assert.Empty(foreign.Parameters);
        Assert.Equal(new[] { "?", ":name", "$v" }, foreign.ForeignPlaceholders.Select(p => sqlite.Substring(p.Span.Start, p.Span.Length)));
        Assert.Empty(H.Ok("SELECT '@x', \"@y\" FROM t -- @z", SqlDialect.PostgreSql).Parameters);
        Assert.Empty(H.Ok("SELECT data @> '{}' FROM t", SqlDialect.PostgreSql).Parameters);
    }

    [Fact]
    public void In_list_inside_subquery_and_case()
    {
        const string sql = "SELECT CASE WHEN id IN @vip THEN 1 ELSE 0 END FROM users WHERE team_id IN (SELECT id FROM teams WHERE org IN @orgs)";
        var d = H.Bind(sql, SqlDialect.MySql, Users + "CREATE TABLE teams (id INT NOT NULL, org INT NOT NULL);");
        Assert.Equal(2, d.Parameters.Count);
        Assert.All(d.Parameters, p => Assert.Equal(ParameterListSyntax.InList, p.ListSyntax));
        Assert.Equal(sql.IndexOf("IN @vip"), d.Parameters[0].ListStart);
        Assert.Equal(sql.IndexOf("IN @orgs"), d.Parameters[1].ListStart);
        Assert.Equal(("users", "teams"), (d.Parameters[0].Table?.Name, d.Parameters[1].Table?.Name));
    }

    [Fact]
    public void Parameters_of_broken_statements_and_of_statements_passed_through()
    {
        const string broken = "SELECT FROM t WHERE id IN @ids AND x = ANY(@arr) AND y = @y";
        var b = SqlBinder.Bind(broken, SqlDialect.PostgreSql, null);
        Assert.NotEmpty(b.Errors);
        Assert.Equal(SqlStatementKind.Select, b.Kind);

        // Without a tree there is nothing to bind; callers stop at the parse error. The lexer still sees all three.
        Assert.Empty(b.Parameters);
        Assert.Equal(new[] { "ids", "arr", "y" }, H.Tokens(broken, SqlDialect.PostgreSql).Where(t => t.Kind == SqlTokenKind.Parameter).Select(t => t.Value));

        // A statement NeoGen passes through untouched still sends its parameters.
        const string exec = "EXEC dbo.proc @a, @b";
        var other = H.Ok(exec, SqlDialect.SqlServer);
        Assert.Equal(SqlStatementKind.Other, other.Kind);
        Assert.Equal(new[] { "a", "b" }, other.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { exec.IndexOf("@a"), exec.IndexOf("@b") }, other.Parameters.Select(p => p.Start));
        Assert.Equal(new[] { "x" }, H.Ok("CALL archive_user(@x)", SqlDialect.PostgreSql).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Parameters_in_limit_offset_top_and_values()
    {
        var insert = H.Ok("INSERT INTO t (a, b) SELECT @a, @b FROM u LIMIT @n OFFSET @m", SqlDialect.Sqlite);
        Assert.Equal(new[] { "a", "b", "n", "m" }, insert.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { SqlParameterRole.RowCount, SqlParameterRole.RowCount }, insert.Parameters.Skip(2).Select(p => p.Role));
        var top = H.Ok("SELECT TOP (@n) * FROM t WHERE x = @x", SqlDialect.SqlServer);
        Assert.Equal(new[] { "n", "x" }, top.Parameters.Select(p => p.Name));
        Assert.Equal(SqlParameterRole.RowCount, top.Parameters[0].Role);
    }

    [Fact]
    public void Position_in_is_not_an_in_list()
    {
        var d = H.Ok("SELECT POSITION(@needle IN @hay) FROM t", SqlDialect.PostgreSql);
        Assert.Equal(new[] { "needle", "hay" }, d.Parameters.Select(p => p.Name));
        Assert.All(d.Parameters, p => Assert.Equal(ParameterListSyntax.None, p.ListSyntax));
    }
}
