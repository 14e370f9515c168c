using System.Linq;

namespace NeoGen.Sql.Tests;

public class StatementCountTests
{
    [Theory]
    [InlineData("SELECT 1", 1)]
    [InlineData("SELECT 1;", 1)]
    [InlineData("SELECT 1;  -- done", 1)]
    [InlineData("SELECT 1; SELECT 2", 2)]
    [InlineData("SELECT 1;; SELECT 2;", 2)]
    [InlineData("SELECT ';'; SELECT \";\"", 2)]
    [InlineData("INSERT INTO t (a) VALUES (1); SELECT last_insert_rowid()", 2)]
    public void Counts_statements(string sql, int count)
    {
        var d = H.Ok(sql, SqlDialect.Sqlite);
        Assert.Equal(count, d.StatementCount);
    }

    [Fact]
    public void First_statement_decides_kind_and_shape_parameters_span_all()
    {
        const string sql = "INSERT INTO users (email) VALUES (@email); SELECT id FROM users WHERE email = @email";
        var d = H.Ok(sql, SqlDialect.Sqlite);
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
        Assert.Equal("users", d.TargetTable);
        Assert.Empty(d.ResultColumns);
        Assert.Equal(2, d.Parameters.Count);
        Assert.Equal(sql.LastIndexOf("@email"), d.Parameters[1].Start);
    }

    [Fact]
    public void Sqlserver_insert_then_scope_identity()
    {
        var d = H.Ok("INSERT INTO t (a) VALUES (@a); SELECT CAST(SCOPE_IDENTITY() AS int)", SqlDialect.SqlServer);
        Assert.Equal(2, d.StatementCount);
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
    }
}
