using System.Collections.Generic;
using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Lexing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

internal static class H
{
    /// <summary>Binds without a schema, for tests about syntax: only parse errors fail.</summary>
    public static BoundStatement Ok(string sql, SqlDialect dialect)
    {
        var b = SqlBinder.Bind(sql, dialect, null);
        Assert.True(b.Errors.Count == 0, "Unexpected errors: " + string.Join("; ", b.Errors.Select(e => e.ToString())));
        return b;
    }

    /// <summary>
    /// Binds over the tables <paramref name="ddl"/> creates. Binding problems fail too, so a test cannot pass because
    /// its schema lacks a table or column and the binder gave up on it.
    /// </summary>
    public static BoundStatement Bind(string sql, SqlDialect dialect, string ddl)
    {
        var b = SqlBinder.Bind(sql, dialect, Schema(ddl, dialect));
        Assert.True(b.Errors.Count == 0, "Unexpected errors: " + string.Join("; ", b.Errors.Select(e => e.ToString())));
        Assert.True(b.Problems.Count == 0, "Unexpected problems: " + string.Join("; ", b.Problems.Select(p => p.ToString())));
        return b;
    }

    public static SqlSchema Schema(string ddl, SqlDialect dialect)
    {
        var builder = new SqlSchemaBuilder();
        var errors = builder.Apply(ddl, dialect);
        Assert.True(errors.Count == 0, "Unexpected DDL errors: " + string.Join("; ", errors.Select(e => e.ToString())));
        return builder.Build();
    }

    public static SqlToken[] Tokens(string sql, SqlDialect dialect) =>
        SqlLexer.Lex(sql, dialect).Tokens.Where(t => t.Kind != SqlTokenKind.EndOfFile).ToArray();

    /// <summary>A result column that is not from a star; <paramref name="table"/> and <paramref name="column"/> name the schema column it reads.</summary>
    public static void Column(BoundResultColumn c, string? name, string? table, string? column, bool nullable = false)
    {
        Assert.Equal(name, c.Name);
        Assert.Equal(table, c.SourceTable?.Name);
        Assert.Equal(column, c.SourceColumn?.Name);
        Assert.False(c.FromStar);
        Assert.Equal(nullable, c.IsNullable);
    }

    /// <summary>
    /// The columns a star expanded to: the columns <paramref name="names"/> of <paramref name="table"/>, in order, under
    /// <paramref name="qualifier"/>, all spanning the first <paramref name="star"/> of the SQL. With <paramref name="nullable"/>
    /// (an outer join's optional side) every column may be NULL, otherwise those the schema says may be.
    /// </summary>
    public static void Star(string sql, IEnumerable<BoundResultColumn> columns, string star, string qualifier, string table, string[] names, bool nullable = false)
    {
        var list = columns.ToList();
        Assert.Equal(names, list.Select(c => c.Name));
        var at = sql.IndexOf(star, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{star}' not in the SQL");
        foreach (var c in list)
        {
            Assert.True(c.FromStar);
            Assert.Equal(qualifier, c.StarQualifier);
            Assert.Equal(table, c.SourceTable?.Name);
            Assert.Equal(c.Name, c.SourceColumn?.Name);
            Assert.Equal(nullable || c.SourceColumn!.IsNullable, c.IsNullable);
            Assert.Equal((at, star.Length), (c.Start, c.Length));
        }
    }

    /// <summary><paramref name="schema"/> is the qualifier of the schema table it resolved to (null for a CTE or an unknown table).</summary>
    public static void Table(BoundTable t, string name, string? schema, string? alias, bool nullable)
    {
        Assert.Equal(name, t.Name);
        Assert.Equal(schema, t.Table?.Schema);
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
