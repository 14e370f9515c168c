using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// The mistakes a new user made that compiled cleanly and then returned wrong data or failed at run time: each is a
/// NeoGen diagnostic now, with no compiler error in generated code beside it.
/// </summary>
public sealed class CompileTimeTruthTests
{
    private const string Bookstore = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using NeoGen;

        namespace Books;

        public enum OrderStatus { Open = 0, Shipped = 1 }
        public enum Tier { Basic, Gold }

        [Table("customers")]
        public sealed record Customer
        {
            [Key, Generated] public long Id { get; init; }
            public required string Email { get; init; }
            [Column(EnumStorage = EnumStorage.String)] public Tier Tier { get; init; }
            public string? Phone { get; init; }
        }

        [Table("orders")]
        [Index(nameof(CustomerId))]
        public sealed record Order
        {
            [Key, Generated] public long Id { get; init; }
            public long CustomerId { get; init; }
            public OrderStatus Status { get; init; }
            public DateTime PlacedAt { get; init; }
        }

        """;

    private static GeneratorOutcome Run(string declarations) => GeneratorHarness.Run(Bookstore + declarations);

    private static Diagnostic Single(GeneratorOutcome outcome, string id)
    {
        var found = outcome.NeoGen(id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: {string.Join(" | ", outcome.GeneratorDiagnostics)}");
        return found[0];
    }

    /// <summary>The generated code compiles: no error but NeoGen's, so the compiler still runs the analyzers.</summary>
    private static void NoCompilerErrors(GeneratorOutcome outcome)
        => Assert.Empty(outcome.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("NG", StringComparison.Ordinal)));

    [Fact]
    public void Text_column_into_a_long_result_is_NG2009()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers
            {
                [Query("SELECT email FROM customers WHERE id = @id")]
                Task<long> EmailOfAsync(long id);
            }
            """);
        var diagnostic = Single(outcome, "NG2009");
        Assert.Contains("Column 'email'", diagnostic.GetMessage());
        Assert.Contains("type long", diagnostic.GetMessage());
        Assert.Equal("email", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void Columns_in_the_wrong_order_for_a_tuple_are_NG2009()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT email, id FROM customers")]
                List<(long Id, string Email)> Pairs();
            }
            """);
        var found = outcome.NeoGen("NG2009").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, m => m.Contains("Column 'email'") && m.Contains("tuple element 1 'Id'"));
        Assert.Contains(found, m => m.Contains("Column 'id'") && m.Contains("tuple element 2 'Email'"));
    }

    [Fact]
    public void Matching_result_types_are_silent()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers
            {
                [Query("SELECT id, email FROM customers")]
                List<(long Id, string Email)> Pairs();
                [Query("SELECT COUNT(*) FROM orders WHERE customer_id = @customerId")]
                long CountOrders(long customerId);
                [Query("SELECT placed_at FROM orders WHERE id = @id")]
                DateTime? PlacedAt(long id);
                [Query("SELECT status FROM orders WHERE id = @id")]
                OrderStatus? StatusOf(long id);
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void A_number_literal_against_a_boolean_column_is_NG2004_for_postgresql_only()
    {
        var outcome = Run("""
            [Table("todos")]
            public sealed record Todo
            {
                [Key, Generated] public long Id { get; init; }
                public required string Title { get; init; }
                public bool Done { get; init; }
            }

            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ITodos
            {
                [Query("UPDATE todos SET done = 1 WHERE id = @id AND done = 0")]
                int Complete(long id);
                [Query("UPDATE todos SET done = TRUE WHERE id = @id AND done = FALSE")]
                int CompletePortably(long id);
                [Query("SELECT id FROM todos WHERE title = 1")]
                List<long> TitledOne();
                [Query("SELECT title FROM todos WHERE id = 'abc' OR id = '42' OR done = 'true'")]
                List<string> Quoted();
            }
            """);
        var found = outcome.NeoGen("NG2004").Select(d => d.GetMessage()).ToList();
        Assert.Contains("Literal 'abc' of type text is compared with column 'todos.id' of type long: it is not an integer, a mismatch on SQLite and PostgreSQL; write a value of the column's type", found);
        Assert.Contains("Literal 'true' of type text is compared with column 'todos.done' of type bool: it is not a boolean, a mismatch on SQLite; write a value of the column's type", found);
        Assert.DoesNotContain(found, m => m.Contains("'42'", StringComparison.Ordinal));
        Assert.Equal(5, found.Count);
        Assert.Contains("Literal 1 of type integer is assigned to column 'todos.done' of type bool, a mismatch on PostgreSQL; write TRUE or FALSE", found);
        Assert.Contains("Literal 0 of type integer is compared with column 'todos.done' of type bool, a mismatch on PostgreSQL; write TRUE or FALSE", found);
        Assert.Contains("Literal 1 of type integer is compared with column 'todos.title' of type string, a mismatch on SQLite and PostgreSQL; quote it as text, or compare a number column", found);
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void A_collection_in_parentheses_is_one_NG0002_saying_to_drop_them_on_every_dialect()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers
            {
                [Query("SELECT email FROM customers WHERE id IN (@ids)")]
                List<string> EmailsOf(List<long> ids);
            }
            """);
        Assert.Empty(outcome.NeoGen("NG2004"));
        Assert.Contains("write 'IN @ids', without the parentheses", Single(outcome, "NG0002").GetMessage());
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void One_misspelled_column_is_one_diagnostic()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT id, emial, tier, phone FROM customers WHERE id = @id")]
                Customer? Find(long id);
            }
            """);
        Assert.Empty(outcome.NeoGen("NG2005"));
        Assert.Empty(outcome.NeoGen("NG2006"));
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void Statements_written_from_a_type_whose_column_a_migration_renamed_are_errors_not_run_time_failures()
    {
        var compilation = GeneratorHarness.Compilation(Bookstore + """
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers : ICrudRepository<Customer, long>
            {
                List<Customer> FindByEmail(string email);
            }
            """);
        var files = new[] { (AdditionalText)new SqlFile("db/002_rename.sql", "ALTER TABLE customers RENAME COLUMN email TO email_address;") };
        GeneratorHarness.Driver().AddAdditionalTexts(files.ToImmutableArray()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var missing = diagnostics.Where(d => d.Id == "NG2002").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains("The SQLite SQL NeoGen writes for the CRUD methods from the [Table] type cannot run against the schema files: table 'customers' has no column 'email' after them; did you mean 'email_address'?; align the type's [Table]/[Column] names with the migrations (NG2010 on the type says where they differ)", missing);
        Assert.Contains(missing, m => m.StartsWith("The SQLite SQL NeoGen writes for 'FindByEmail'", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("NG", StringComparison.Ordinal)));
    }

    private sealed class SqlFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    [Fact]
    public void An_array_return_over_one_array_column_is_that_value_and_over_other_columns_a_list_of_rows()
    {
        var outcome = Run("""
            [Table("posts")]
            public sealed record Post
            {
                [Key, Generated] public long Id { get; init; }
                public required string Title { get; init; }
                public string[] Tags { get; init; } = Array.Empty<string>();
            }

            [Repository(Dialect.PostgreSql)]
            public partial interface IPosts
            {
                [Query("SELECT tags FROM posts WHERE id = @id")]
                string[]? TagsOf(long id);
                [Query("SELECT title FROM posts")]
                string[] Titles();
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        NoCompilerErrors(outcome);
        var source = outcome.Source("IPosts.PostgreSql.g.cs");
        var tagsOf = source[source.IndexOf("public string[]? TagsOf", StringComparison.Ordinal)..source.IndexOf("public string[] Titles", StringComparison.Ordinal)];
        Assert.DoesNotContain("results.Add", tagsOf, StringComparison.Ordinal);
        Assert.Contains("results.ToArray()", source[source.IndexOf("public string[] Titles", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("List<Order> FindByStatusAsync(string status);", "status", "declare 'status' as OrderStatus")]
    [InlineData("List<Order> FindByCustomerIdAsync(string customerId);", "customerId", "declare 'customerId' as long")]
    [InlineData("List<Order> FindByPlacedAtAfterAsync(DateOnly after);", "after", "declare 'after' as DateTime")]
    [InlineData("List<Order> FindByStatusIn(string[] statuses);", "statuses", "a collection of OrderStatus")]
    public void Derived_query_argument_of_another_type_is_NG2004(string method, string parameter, string expected)
    {
        var outcome = Run($$"""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface IOrders : ICrudRepository<Order, long>
            {
                {{method}}
            }
            """);
        var diagnostic = Single(outcome, "NG2004");
        Assert.Contains($"Parameter '{parameter}'", diagnostic.GetMessage());
        Assert.Contains(expected, diagnostic.GetMessage());
        Assert.Equal(parameter, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void Derived_query_arguments_of_the_member_type_are_silent()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface IOrders : ICrudRepository<Order, long>
            {
                List<Order> FindByStatus(OrderStatus status);
                List<Order> FindByCustomerId(int customerId);
                List<Order> FindByPlacedAtAfter(DateTime after);
                List<Order> FindByStatusIn(IEnumerable<OrderStatus> statuses);
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void Int_against_a_string_stored_enum_is_NG2004()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT id FROM customers WHERE tier = @tier")]
                List<long> WithTier(int tier);
                [Query("SELECT id FROM orders WHERE status = @status")]
                List<long> WithStatus(string status);
            }
            """);
        var found = outcome.NeoGen("NG2004").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, m => m.Contains("'tier' of type int") && m.Contains("customers.tier"));
        Assert.Contains(found, m => m.Contains("'status' of type string") && m.Contains("orders.status"));
    }

    [Fact]
    public void An_enum_parameter_follows_the_storage_of_its_column()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT id FROM customers WHERE tier = @tier")]
                List<long> WithTier(Tier tier);
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains("EnumText.Name(tier)", outcome.Source(".ICustomers.Sqlite.g.cs"));
    }

    [Theory]
    [InlineData("$1", "positional", "write '@id'", "Sqlite")]
    [InlineData(":id", "named placeholder", "write '@id'", "Sqlite")]
    [InlineData("?", "positional", "write '@id'", "Sqlite")]
    [InlineData("$1", "positional", "write '@id'", "MySql")]
    [InlineData("$1", "positional", "write '@id'", "SqlServer")]
    [InlineData("?", "positional", "write '@id'", "MySql")]
    public void Foreign_placeholders_are_NG1008(string placeholder, string kind, string fix, string dialect)
    {
        var outcome = Run($$"""
            [Repository(Dialect.{{dialect}})]
            public partial interface ICustomers
            {
                [Query("SELECT email FROM customers WHERE id = {{placeholder}}")]
                string? EmailOf(long id);
            }
            """);
        var diagnostic = Single(outcome, "NG1008");
        Assert.Contains(kind, diagnostic.GetMessage());
        Assert.Contains(fix, diagnostic.GetMessage());
        Assert.Equal(placeholder, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(outcome.NeoGen("NG1007"));
        NoCompilerErrors(outcome);
        Assert.Contains("NotSupportedException", outcome.Source($".ICustomers.{dialect}.g.cs"));
    }

    [Fact]
    public void A_parameter_as_sort_key_is_NG1009()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT id, email FROM customers ORDER BY @sort DESC")]
                List<(long Id, string Email)> Sorted(string sort);
            }
            """);
        var diagnostic = Single(outcome, "NG1009");
        Assert.Contains("marked [SortOrders(typeof(T))]", diagnostic.GetMessage());
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void A_case_over_a_parameter_in_order_by_is_silent()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface ICustomers
            {
                [Query("SELECT id, email FROM customers ORDER BY CASE @sort WHEN 'email' THEN email END")]
                List<(long Id, string Email)> Sorted(string sort);
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void Ilike_is_refused_for_sqlite_and_accepted_for_postgresql()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers
            {
                [Query("SELECT id FROM customers WHERE email ILIKE @pattern")]
                List<long> Search(string pattern);
            }
            """);
        var diagnostic = Single(outcome, "NG1002");
        Assert.Contains("not valid for SQLite:", diagnostic.GetMessage());
        Assert.DoesNotContain("PostgreSQL and", diagnostic.GetMessage());
        Assert.Contains("ILIKE is PostgreSQL syntax", diagnostic.GetMessage());
        Assert.Contains("NotSupportedException", outcome.Source(".ICustomers.Sqlite.g.cs"));
        Assert.DoesNotContain("NotSupportedException", outcome.Source(".ICustomers.PostgreSql.g.cs"));
    }

    [Fact]
    public void A_parse_error_shared_by_two_dialects_is_one_diagnostic_naming_both()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers
            {
                [Query("SELECT id FROM customers WHERE (id = @id")]
                long? Find(long id);
            }
            """);
        Assert.Contains("not valid for SQLite and PostgreSQL", Single(outcome, "NG1002").GetMessage());
    }

    [Fact]
    public void Entity_members_that_are_not_column_types_are_NG0011_once_each()
    {
        var outcome = Run("""
            public readonly record struct CustomerId(long Value);
            public sealed record Address(string Street, string City);

            [Table("baskets")]
            public sealed record Basket
            {
                [Key, Generated] public long Id { get; init; }
                public CustomerId Owner { get; init; }
                public List<string> Items { get; init; } = new();
                public Address? ShipTo { get; init; }
                public string Summary => "computed";
                [Ignore] public object? Scratch { get; init; }
            }

            [Repository(Dialect.Sqlite)]
            public partial interface IBaskets : ICrudRepository<Basket, long> { }

            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface IBasketsToo : IReadRepository<Basket, long> { }
            """);
        var found = outcome.NeoGen("NG0011").Select(d => d.GetMessage()).ToList();
        Assert.Contains(found, m => m.Contains("'Basket.ShipTo'"));

        // A strongly typed id is stored as the value it wraps.
        Assert.DoesNotContain(found, m => m.Contains("'Basket.Owner'"));

        // List<string> is a PostgreSQL array: a column type there, not on SQLite, where the repositories say so;
        // reported once, on the member, however many repositories store the type.
        var items = Assert.Single(outcome.NeoGen("NG0011"), d => d.GetMessage().Contains("'Basket.Items'"));
        Assert.Contains("SQLite has no array columns", items.GetMessage());
        Assert.Equal("Items", items.Location.SourceTree!.GetText().ToString(items.Location.SourceSpan));
        Assert.Equal(2, found.Count);
        Assert.DoesNotContain(found, m => m.Contains("Summary") || m.Contains("Scratch"));
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void Key_type_argument_of_another_type_is_NG0010_without_compiler_errors()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers : ICrudRepository<Customer, int> { }
            """);
        var diagnostic = Single(outcome, "NG0010");
        Assert.Contains("key type int", diagnostic.GetMessage());
        Assert.Contains("declare ICrudRepository<Customer, long>", diagnostic.GetMessage());
        NoCompilerErrors(outcome);
    }

    [Fact]
    public void Entity_without_key_is_one_NG0005_and_no_CS0535()
    {
        var outcome = Run("""
            [Table("logs")] public sealed record LogLine { public string Text { get; init; } = ""; }

            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface ILogs : ICrudRepository<LogLine, long>, IBulkRepository<LogLine>
            {
                [Query("SELECT text FROM logs")] List<string> Texts();
            }
            """);
        Single(outcome, "NG0005");
        NoCompilerErrors(outcome);
        Assert.Contains("was not generated completely: NG0005", outcome.Source(".ILogs.Sqlite.g.cs"));
    }

    [Fact]
    public void Unsupported_members_are_implemented_throwing_so_nothing_cascades()
    {
        var outcome = Run("""
            [Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]
            public partial interface IMixed
            {
                [Query("SELECT id FROM customers")] System.IO.Stream Open();
                [Query("SELECT id FROM customers")] List<T> Generic<T>();
                int Frobnicate(long id);
                int Count { get; }
                void Fill(ref int value);
                [Query("SELECT COUNT(*) FROM customers")] long Total();
            }
            """);
        Assert.Equal(2, outcome.NeoGen("NG0002").Count(d => d.GetMessage().Contains("Open") || d.GetMessage().Contains("Generic")));
        Single(outcome, "NG0003");
        NoCompilerErrors(outcome);
        var sqlite = outcome.Source(".IMixed.Sqlite.g.cs");
        Assert.Contains("global::Books.IMixed.Open()", sqlite);
        Assert.Contains("global::Books.IMixed.Count", sqlite);
        Assert.Contains("public long Total()", sqlite);
    }

    [Fact]
    public void Errors_in_one_repository_leave_the_others_checked()
    {
        // A declaration error would stop the compiler from running the analyzers; NeoGen's errors do not.
        var outcome = Run("""
            [Repository(Dialect.Sqlite)]
            public partial interface IBroken : ICrudRepository<Customer, string>
            {
                int Frobnicate();
            }

            [Repository(Dialect.Sqlite)]
            public partial interface IFine
            {
                [Query("SELECT email FROM customers WHERE id = @id")] string? EmailOf(long id);
            }
            """);
        Single(outcome, "NG0010");
        Single(outcome, "NG0003");
        NoCompilerErrors(outcome);
    }
}
