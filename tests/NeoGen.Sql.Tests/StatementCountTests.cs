using System.Linq;
using NeoGen.Sql.Binding;

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
        Assert.Equal(count, d.Script.Statements.Count);
    }

    [Fact]
    public void First_statement_decides_kind_and_shape_parameters_span_all()
    {
        const string sql = "INSERT INTO users (email) VALUES (@email); SELECT id FROM users WHERE email = @email";
        const string ddl = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);";
        var d = H.Bind(sql, SqlDialect.Sqlite, ddl);
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
        Assert.Equal("users", d.TargetTable?.Name);
        Assert.Empty(d.ResultColumns);

        var each = SqlBinder.BindAll(sql, SqlDialect.Sqlite, H.Schema(ddl, SqlDialect.Sqlite));
        Assert.Equal(new[] { SqlStatementKind.Insert, SqlStatementKind.Select }, each.Select(b => b.Kind));
        Assert.Equal(new[] { sql.IndexOf("@email"), sql.LastIndexOf("@email") }, each.SelectMany(b => b.Parameters).Select(p => p.Start));

        // Bind describes the first statement; the statements run as one command, so the generator binds them all
        // (BindAll, above) and sends every statement's parameters.
        Assert.Single(d.Parameters);
    }

    [Fact]
    public void Sqlserver_insert_then_scope_identity()
    {
        var d = H.Ok("INSERT INTO t (a) VALUES (@a); SELECT CAST(SCOPE_IDENTITY() AS int)", SqlDialect.SqlServer);
        Assert.Equal(2, d.Script.Statements.Count);
        Assert.Equal(SqlStatementKind.Insert, d.Kind);
    }
}
