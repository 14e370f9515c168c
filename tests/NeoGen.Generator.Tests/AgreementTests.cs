extern alias analyzers;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Generator.Planning;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Schema;
using Xunit;
using AnalyzerSchema = analyzers::NeoGen.Analyzers.Schema.CompilationSchema;

namespace NeoGen.Generator.Tests;

/// <summary>
/// The generator and the analyzers are fed the same declarations and schema files, each the way it finds them (the
/// generator from its incremental pipeline's inputs, the analyzers by scanning the compilation), and must see the same
/// schema: the same tables, column types, nullability, keys and indexes, and the same types and nullability for every
/// statement bound against it.
/// </summary>
public sealed class AgreementTests
{
    private const string Declarations = """
        using System;
        using System.Collections.Generic;
        using NeoGen;
        using EfTable = System.ComponentModel.DataAnnotations.Schema.TableAttribute;

        namespace Agree;

        public enum Status { Active, Archived }

        [Table("customers")]
        [Index(nameof(Email), Unique = true)]
        public sealed record Customer
        {
            [Key, Generated] public long Id { get; init; }
            public required string Email { get; init; }
            public string? Phone { get; init; }
            public Status Status { get; init; }
            [Column("tier_name", EnumStorage = EnumStorage.String)] public Status Tier { get; init; }
            public decimal Balance { get; init; }
            public Guid? ExternalId { get; init; }
            public DateTime CreatedAt { get; init; }
            public DateTimeOffset? SeenAt { get; init; }
            public TimeSpan? Grace { get; init; }
            public byte[]? Avatar { get; init; }
            public string[]? Tags { get; init; }
            [Ignore] public string? Display { get; init; }
        }

        [Table("orders")]
        public sealed record Order([property: Key] long Id, [property: ForeignKey(typeof(Customer))] long CustomerId, DateOnly PlacedOn, decimal? Total);

        public static class Nested
        {
            [EfTable("notes")]
            public sealed class Note
            {
                [System.ComponentModel.DataAnnotations.Key] public int Id { get; set; }
                public string Body { get; set; } = "";
            }
        }
        """;

    private static readonly (string Path, string Text)[] Files =
    {
        ("db/001_init.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY, customer_id BIGINT NOT NULL, action TEXT NOT NULL, at TIMESTAMP);\nCREATE INDEX ix_audit_customer ON audit (customer_id);"),
        ("db/002_alter.sql", "ALTER TABLE customers ADD COLUMN nickname TEXT;\nALTER TABLE orders RENAME COLUMN total TO amount;\nCREATE INDEX ix_orders_placed ON orders (placed_on);"),
    };

    private static readonly string[] Statements =
    {
        "SELECT id, email, phone, status, tier_name, balance, external_id, created_at, seen_at, grace, avatar, tags, nickname FROM customers WHERE email = @email",
        "SELECT c.email, o.placed_on, o.amount, a.action, a.at FROM customers c LEFT JOIN orders o ON o.customer_id = c.id JOIN audit a ON a.customer_id = c.id WHERE c.status = @status AND a.at > @since",
        "SELECT COUNT(*), MAX(balance), MIN(created_at) FROM customers WHERE tier_name IN @tiers",
        "UPDATE customers SET phone = @phone, balance = balance + @delta WHERE id = @id RETURNING id, balance",
        "INSERT INTO orders (id, customer_id, placed_on, amount) VALUES (@id, @customer, @on, @amount)",
        "SELECT n.id, n.body FROM notes n WHERE n.body LIKE @pattern",
    };

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    public void Generator_and_analyzers_see_the_same_schema_and_the_same_statements(SqlDialect dialect)
    {
        var compilation = GeneratorHarness.Compilation(Declarations);
        var additional = Files.Select(f => (AdditionalText)new File(f.Path, f.Text)).ToImmutableArray();

        // The generator's view: every [Table] type (its own and EF's attribute) read as its pipeline reads them, and the files.
        var tables = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            .Select(d => compilation.GetSemanticModel(d.SyntaxTree).GetDeclaredSymbol(d))
            .OfType<INamedTypeSymbol>()
            .Where(t => EntityReader.TableName(t) is not null)
            .Select(EntityReader.Read)
            .ToEquatableArray();
        var generator = new SchemaSnapshot(tables, Files.Select(f => new SchemaFile(f.Path, f.Text)).ToEquatableArray(), undeclaredFileDialect: dialect).For(dialect).Schema;

        // The analyzers' view, built the way SqlQueryAnalyzer builds it.
        var analyzer = AnalyzerSchema.Build(compilation, additional, new string?[additional.Length], dialect, CancellationToken.None).For(dialect).Schema;

        Assert.Equal(new[] { "audit", "customers", "notes", "orders" }, generator.Tables.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Describe(generator), Describe(analyzer));

        // Spot checks that the shared view is the right one, not only the same one.
        var customers = generator.FindTable("customers")!;
        Assert.Equal(SqlType.Text, customers.FindColumn("tier_name")!.Type);
        Assert.Equal(SqlType.Integer, customers.FindColumn("status")!.Type);
        Assert.Equal(SqlType.Interval, customers.FindColumn("grace")!.Type);
        Assert.Equal((SqlType.Array, SqlType.Text), (customers.FindColumn("tags")!.Type, customers.FindColumn("tags")!.ElementType));
        Assert.NotNull(customers.FindColumn("nickname"));
        Assert.Null(customers.FindColumn("display"));
        Assert.Null(generator.FindTable("orders")!.FindColumn("total"));

        foreach (var sql in Statements)
        {
            Assert.Equal(Describe(SqlBinder.Bind(sql, dialect, generator)), Describe(SqlBinder.Bind(sql, dialect, analyzer)));
        }
    }

    private static string Describe(SqlSchema schema) => string.Join("\n", schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t =>
        $"{t.Name}: " + string.Join(", ", t.Columns.Select(c => $"{c.Name} {c.Type}/{c.ElementType}{(c.IsNullable ? "?" : string.Empty)}{(c.IsPrimaryKey ? " pk" : string.Empty)}{(c.HasDefault ? " default" : string.Empty)}"))
        + " | indexes " + string.Join(", ", t.Indexes.Select(i => (i.IsUnique ? "unique " : string.Empty) + string.Join("+", i.Columns.Select(c => c.Column))).OrderBy(i => i, StringComparer.Ordinal))
        + " | fks " + string.Join(", ", t.ForeignKeys.Select(f => string.Join("+", f.Columns) + "->" + f.ReferencedTable))));

    private static string Describe(BoundStatement bound)
        => string.Join("; ", bound.ResultColumns.Select(c => $"{c.Name}:{c.Type}{(c.IsNullable ? "?" : string.Empty)}"))
        + " | " + string.Join("; ", bound.Parameters.Select(p => $"@{p.Name}:{p.Role}:{p.Type}->{p.Column?.Name}"))
        + " | " + string.Join("; ", bound.Problems.Select(p => p.ToString()))
        + " | " + string.Join("; ", bound.PredicateUses.Select(u => u.ToString()));

    private sealed class File(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
