using System.Linq;

namespace NeoGen.Sql.Tests;

public class ParameterTests
{
    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void In_list_parameter(SqlDialect dialect)
    {
        const string sql = "SELECT id FROM users WHERE id IN @ids AND team_id NOT IN @teams AND x IN (@a, @b)";
        var d = H.Ok(sql, dialect);
        Assert.Equal(new[] { "ids", "teams", "a", "b" }, d.Parameters.Select(p => p.Name));
        var ids = d.Parameters[0];
        Assert.Equal(SqlParameterContext.InList, ids.Context);
        Assert.Equal(sql.IndexOf("@ids"), ids.Start);
        Assert.Equal(4, ids.Length);
        Assert.Equal(sql.IndexOf("IN @ids"), ids.ContextStart);
        var teams = d.Parameters[1];
        Assert.Equal(SqlParameterContext.InList, teams.Context);
        Assert.Equal(sql.IndexOf("IN @teams"), teams.ContextStart);
        Assert.Equal(SqlParameterContext.Value, d.Parameters[2].Context);
        Assert.Equal(SqlParameterContext.Value, d.Parameters[3].Context);
        Assert.Equal(d.Parameters[2].Start, d.Parameters[2].ContextStart);
    }

    [Fact]
    public void Any_and_all_array_parameters()
    {
        const string sql = "SELECT id FROM users WHERE id = ANY(@ids) AND x <> ALL (@bad) AND y = ANY(@typed::bigint[]) AND z = ANY(SELECT id FROM t WHERE k = @k)";
        var d = H.Ok(sql, SqlDialect.PostgreSql);
        Assert.Equal(new[] { "ids", "bad", "typed", "k" }, d.Parameters.Select(p => p.Name));
        Assert.Equal(SqlParameterContext.AnyArray, d.Parameters[0].Context);
        Assert.Equal(d.Parameters[0].Start, d.Parameters[0].ContextStart);
        Assert.Equal(SqlParameterContext.AnyArray, d.Parameters[1].Context);
        Assert.Equal(SqlParameterContext.AnyArray, d.Parameters[2].Context);
        Assert.Equal(SqlParameterContext.Value, d.Parameters[3].Context);
    }

    [Fact]
    public void Every_occurrence_in_text_order_including_repeats()
    {
        const string sql = "SELECT @a, @b FROM t WHERE x = @a OR y = @c";
        var d = H.Ok(sql, SqlDialect.Sqlite);
        Assert.Equal(new[] { "a", "b", "a", "c" }, d.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { 7, 11, 31, 41 }, d.Parameters.Select(p => p.Start));
        Assert.All(d.Parameters, p => Assert.Equal(p.Name.Length + 1, p.Length));
    }

    [Fact]
    public void Native_parameters_system_variables_and_casts_are_not_parameters()
    {
        Assert.Equal(new[] { "p" }, H.Ok("SELECT $1, @p::int, 'x'::text FROM t WHERE a = $2", SqlDialect.PostgreSql).Parameters.Select(p => p.Name));
        Assert.Empty(H.Ok("SELECT @@ROWCOUNT, @@IDENTITY", SqlDialect.SqlServer).Parameters);
        Assert.Empty(H.Ok("SELECT ?, :name, $v FROM t", SqlDialect.Sqlite).Parameters);
        Assert.Empty(H.Ok("SELECT '@x', \"@y\" FROM t -- @z", SqlDialect.PostgreSql).Parameters);
        Assert.Empty(H.Ok("SELECT data @> '{}' FROM t", SqlDialect.PostgreSql).Parameters);
    }

    [Fact]
    public void In_list_inside_subquery_and_case()
    {
        const string sql = "SELECT CASE WHEN id IN @vip THEN 1 ELSE 0 END FROM users WHERE team_id IN (SELECT id FROM teams WHERE org IN @orgs)";
        var d = H.Ok(sql, SqlDialect.MySql);
        Assert.All(d.Parameters, p => Assert.Equal(SqlParameterContext.InList, p.Context));
        Assert.Equal(sql.IndexOf("IN @orgs"), d.Parameters[1].ContextStart);
    }

    [Fact]
    public void Parameters_in_opaque_and_broken_statements_use_neighbouring_tokens()
    {
        var broken = SqlDescriber.Describe("SELECT FROM t WHERE id IN @ids AND x = ANY(@arr) AND y = @y", SqlDialect.PostgreSql);
        Assert.NotEmpty(broken.Errors);
        Assert.Equal(new[] { SqlParameterContext.InList, SqlParameterContext.AnyArray, SqlParameterContext.Value }, broken.Parameters.Select(p => p.Context));

        var other = H.Ok("EXEC dbo.proc @a, @b", SqlDialect.SqlServer);
        Assert.Equal(new[] { "a", "b" }, other.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Parameters_in_limit_offset_top_and_values()
    {
        Assert.Equal(new[] { "a", "b", "n", "m" }, H.Ok("INSERT INTO t (a, b) SELECT @a, @b FROM u LIMIT @n OFFSET @m", SqlDialect.Sqlite).Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "n", "x" }, H.Ok("SELECT TOP (@n) * FROM t WHERE x = @x", SqlDialect.SqlServer).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Position_in_is_not_an_in_list()
    {
        var d = H.Ok("SELECT POSITION(@needle IN @hay) FROM t", SqlDialect.PostgreSql);
        Assert.All(d.Parameters, p => Assert.Equal(SqlParameterContext.Value, p.Context));
    }
}
