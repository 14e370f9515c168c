using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql.Tests;

public class ErrorTests
{
    private static SqlError Single(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        var d = SqlBinder.Bind(sql, dialect, null);
        return Assert.Single(d.Errors);
    }

    [Fact]
    public void Missing_select_list()
    {
        var e = Single("SELECT FROM users");
        Assert.Equal((7, 4), (e.Start, e.Length));
        Assert.Contains("select list", e.Message);
        Assert.Contains("'FROM'", e.Message);
    }

    [Fact]
    public void Missing_expression_at_end_points_at_end_of_input()
    {
        const string sql = "SELECT id FROM users WHERE";
        var e = Single(sql);
        Assert.Equal((sql.Length, 0), (e.Start, e.Length));
        Assert.Contains("end of input", e.Message);
    }

    [Fact]
    public void Unbalanced_parenthesis()
    {
        const string sql = "SELECT (a + b FROM t";
        var e = Single(sql);
        Assert.Equal(sql.IndexOf("FROM"), e.Start);
        Assert.Contains("')'", e.Message);
    }

    [Fact]
    public void Extra_closing_parenthesis()
    {
        const string sql = "SELECT a) FROM t";
        var e = Single(sql);
        Assert.Equal((8, 1), (e.Start, e.Length));
    }

    [Fact]
    public void Misspelled_keyword()
    {
        var e = Single("SELEC id FROM t");
        Assert.Equal((0, 5), (e.Start, e.Length));
        var d = SqlBinder.Bind("SELEC id FROM t", SqlDialect.PostgreSql, null);
        Assert.Equal(SqlStatementKind.Unknown, d.Kind);
        Assert.Single(d.Script.Statements);
        Assert.IsType<InvalidStatement>(d.Statement);
    }

    [Fact]
    public void Broken_statement_keeps_its_guessed_kind()
    {
        var d = SqlBinder.Bind("UPDATE users SET WHERE id = 1", SqlDialect.Sqlite, null);
        Assert.Equal(SqlStatementKind.Update, d.Kind);
        var e = Assert.Single(d.Errors);
        Assert.Equal(17, e.Start);
    }

    [Fact]
    public void Case_without_end()
    {
        const string sql = "SELECT CASE WHEN a THEN 1 FROM t";
        var e = Single(sql);
        Assert.Equal(sql.IndexOf("FROM"), e.Start);
        Assert.Contains("END", e.Message);
    }

    [Fact]
    public void Insert_without_values()
    {
        const string sql = "INSERT INTO t (a) @a";
        var e = Single(sql);
        Assert.Equal((sql.IndexOf("@a"), 2), (e.Start, e.Length));
    }

    [Fact]
    public void Unterminated_string_reports_once()
    {
        const string sql = "SELECT 'abc FROM t";
        var e = Single(sql);
        Assert.Equal((7, sql.Length - 7), (e.Start, e.Length));
    }

    [Fact]
    public void Empty_and_comment_only_sql()
    {
        // No statement is no syntax error: the caller that needs one says the text is empty.
        foreach (var sql in new[] { "", "   ", "-- nothing", ";", " ; ; " })
        {
            var d = SqlBinder.Bind(sql, SqlDialect.Sqlite, null);
            Assert.Equal(SqlStatementKind.Unknown, d.Kind);
            Assert.Empty(d.Script.Statements);
            Assert.Null(d.Statement);
            Assert.Empty(d.Errors);
            Assert.Empty(d.ResultColumns);
            Assert.Empty(d.Parameters);
        }
    }

    [Fact]
    public void Null_sql_does_not_throw()
    {
        var d = SqlBinder.Bind((string?)null, SqlDialect.Sqlite, null);
        Assert.Empty(d.Script.Statements);
        Assert.Null(d.Statement);
        Assert.Empty(d.Errors);
    }

    [Fact]
    public void Errors_in_two_statements_are_both_reported()
    {
        const string sql = "SELECT FROM a; SELECT 1; DELETE t";
        var d = SqlBinder.Bind(sql, SqlDialect.MySql, null);
        Assert.Equal(3, d.Script.Statements.Count);
        Assert.Equal(2, d.Errors.Count);
        Assert.Equal(7, d.Errors[0].Start);
        Assert.Equal(sql.Length, d.Errors[1].Start);
    }

    [Fact]
    public void Too_deep_nesting_is_an_error_not_a_crash()
    {
        var sql = "SELECT " + new string('(', 5000) + "1" + new string(')', 5000);
        var d = SqlBinder.Bind(sql, SqlDialect.PostgreSql, null);
        var e = Assert.Single(d.Errors);
        Assert.Contains("nested", e.Message);

        var deepSubqueries = string.Concat(Enumerable.Repeat("SELECT * FROM (", 1000)) + "SELECT 1" + new string(')', 1000);
        Assert.Single(SqlBinder.Bind(deepSubqueries, SqlDialect.Sqlite, null).Errors);

        var deepUnary = "SELECT " + string.Concat(Enumerable.Repeat("NOT ", 10000)) + "1";
        Assert.Single(SqlBinder.Bind(deepUnary, SqlDialect.Sqlite, null).Errors);
    }

    [Fact]
    public void Long_flat_chains_are_fine()
    {
        var sql = "SELECT id FROM t WHERE " + string.Join(" OR ", Enumerable.Range(0, 20000).Select(i => $"id = {i}"));
        var d = H.Ok(sql, SqlDialect.Sqlite);
        Assert.Single(d.ResultColumns);

        var unions = string.Join(" UNION ALL ", Enumerable.Range(0, 3000).Select(i => $"SELECT {i} AS n"));
        Assert.Single(H.Ok(unions, SqlDialect.PostgreSql).ResultColumns);

        var joins = "SELECT t0.id FROM t0 " + string.Concat(Enumerable.Range(1, 3000).Select(i => $"LEFT JOIN t{i} ON t{i}.id = t0.id "));
        var j = H.Ok(joins, SqlDialect.MySql);
        Assert.Equal(3001, j.Tables.Count);
    }

    [Fact]
    public void Huge_string_literal()
    {
        var sql = "SELECT '" + new string('x', 1_000_000) + "' AS big, @p";
        var d = H.Ok(sql, SqlDialect.MySql);
        Assert.Equal("big", d.ResultColumns[0].Name);
        Assert.Equal("p", Assert.Single(d.Parameters).Name);
    }

    [Fact]
    public void A_megabyte_of_ddl_builds_its_schema()
    {
        // Both shapes were quadratic before the schema indexed names (minutes for the wide table).
        var wide = "CREATE TABLE wide (" + string.Join(", ", Enumerable.Range(0, 60_000).Select(i => "column_" + i + " INTEGER")) + ");"
            + " ALTER TABLE wide RENAME COLUMN column_59999 TO last_one;";
        var builder = new NeoGen.Sql.Schema.SqlSchemaBuilder();
        Assert.Empty(builder.Apply(wide, SqlDialect.Sqlite));
        var table = builder.Build().FindTable("wide")!;
        Assert.Equal(60_000, table.Columns.Count);
        Assert.Same(table.Columns[30_000], table.FindColumn("COLUMN_30000"));
        Assert.NotNull(table.FindColumn("last_one"));
        Assert.Null(table.FindColumn("column_59999"));

        var many = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, name TEXT);")) + " ALTER TABLE t7 RENAME TO seven; DROP TABLE t8;";
        builder = new NeoGen.Sql.Schema.SqlSchemaBuilder();
        Assert.Empty(builder.Apply(many, SqlDialect.Sqlite));
        var schema = builder.Build();
        Assert.Equal(19_999, schema.Tables.Count);
        Assert.NotNull(schema.FindTable("T19999"));
        Assert.NotNull(schema.FindTable("seven"));
        Assert.Null(schema.FindTable("t7"));
        Assert.Null(schema.FindTable("t8"));
    }
}
