using System.Linq;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Tests;

internal static class H
{
    public static SqlDescription Ok(string sql, SqlDialect dialect)
    {
        var d = SqlDescriber.Describe(sql, dialect);
        Assert.True(d.Errors.Count == 0, "Unexpected errors: " + string.Join("; ", d.Errors.Select(e => e.ToString())));
        return d;
    }

    public static SqlToken[] Tokens(string sql, SqlDialect dialect) =>
        SqlLexer.Lex(sql, dialect).Tokens.Where(t => t.Kind != SqlTokenKind.EndOfFile).ToArray();

    public static void Column(SqlResultColumn c, string? name, string? table, string? column, bool star = false, bool nullable = false)
    {
        Assert.Equal(name, c.Name);
        Assert.Equal(table, c.SourceTable);
        Assert.Equal(column, c.SourceColumn);
        Assert.Equal(star, c.IsStar);
        Assert.Equal(nullable, c.IsNullableSource);
    }

    public static void Table(SqlTableReference t, string name, string? schema, string? alias, bool nullable)
    {
        Assert.Equal(name, t.Name);
        Assert.Equal(schema, t.Schema);
        Assert.Equal(alias, t.Alias);
        Assert.Equal(nullable, t.IsNullable);
    }

    /// <summary>Asserts the span equals the first occurrence of <paramref name="text"/> in <paramref name="sql"/>.</summary>
    public static void Span(string sql, string text, int start, int length)
    {
        var at = sql.IndexOf(text, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not in the SQL");
        Assert.Equal((at, text.Length), (start, length));
    }
}
