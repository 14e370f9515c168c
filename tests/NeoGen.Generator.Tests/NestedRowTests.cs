using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// Result types with members that hold rows of their own (many-to-one, one-to-one), filled from a join: which columns
/// each nested row takes is decided at compile time, and what cannot be decided is a diagnostic.
/// </summary>
public sealed class NestedRowTests
{
    private const string Model = """
        using System.Collections.Generic;
        using NeoGen;

        namespace Shop;

        [Table("customers")]
        public sealed record Customer([property: Key] long Id, string Name, string? City);

        [Table("orders")]
        public sealed record Order([property: Key] long Id, [property: ForeignKey(typeof(Customer))] long CustomerId, decimal Total, long? ReferrerId);

        public sealed record OrderWithCustomer(long Id, decimal Total, Customer Customer);

        public sealed record OrderWithReferrer(long Id, Customer? Referrer);

        public sealed class OrderWithBoth
        {
            public long Id { get; init; }
            public required Customer Buyer { get; init; }
            public Customer? Referrer { get; init; }
        }

        public sealed record Inner(long Id, OrderWithCustomer Order);

        public sealed record CustomerWithOrders(long Id, string Name, List<Order> Orders);

        public sealed record Summary(string Name, List<Order> Orders);

        """;

    private static GeneratorOutcome Run(string methods) => GeneratorHarness.Run(Model + $$"""
        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        public partial interface IOrderRepository
        {
        {{methods}}
        }
        """);

    private static string Messages(GeneratorOutcome outcome, string id) => string.Join(" | ", outcome.NeoGen(id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)));

    [Fact]
    public void A_join_fills_the_nested_row_from_the_table_its_type_maps_to()
    {
        var outcome = Run("""
            [Query("SELECT o.id, o.total, c.id, c.name, c.city FROM orders o JOIN customers c ON c.id = o.customer_id")]
            List<OrderWithCustomer> WithCustomers();
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);
        var source = outcome.Source("IOrderRepository.Sqlite.g.cs");
        Assert.Contains("var __customer = new global::Shop.Customer(reader.GetInt64(ordinal = 2), reader.GetString(ordinal = 3), reader.IsDBNull(ordinal = 4) ? default(string?) : reader.GetString(4));", source);
        Assert.Contains("return new global::Shop.OrderWithCustomer(reader.GetInt64(ordinal = 0), reader.GetDecimal(ordinal = 1), __customer);", source);
    }

    [Fact]
    public void A_nullable_nested_row_after_an_outer_join_is_null_when_its_key_is_null_and_raises_no_nullability_warning()
    {
        var outcome = Run("""
            [Query("SELECT o.id, r.* FROM orders o LEFT JOIN customers r ON r.id = o.referrer_id")]
            List<OrderWithReferrer> WithReferrers();
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains("reader.IsDBNull(1)\n", outcome.Source("IOrderRepository.Sqlite.g.cs").Replace("\r", string.Empty));
    }

    [Fact]
    public void A_non_nullable_nested_row_after_an_outer_join_warns_that_its_columns_can_be_null()
    {
        var outcome = Run("""
            [Query("SELECT o.id, o.total, c.id, c.name, c.city FROM orders o LEFT JOIN customers c ON c.id = o.customer_id")]
            List<OrderWithCustomer> WithCustomers();
            """);
        Assert.Contains("OrderWithCustomer.Customer.Id", Messages(outcome, "NG2007"));
    }

    [Fact]
    public void The_same_table_twice_needs_aliases_that_name_the_members()
    {
        var aliased = Run("""
            [Query("SELECT o.id, buyer.id, buyer.name, buyer.city, referrer.id, referrer.name, referrer.city FROM orders o JOIN customers buyer ON buyer.id = o.customer_id LEFT JOIN customers referrer ON referrer.id = o.referrer_id")]
            List<OrderWithBoth> Both();
            """);
        Assert.Empty(aliased.GeneratorDiagnostics);

        // Without them no column can be told apart: the nested rows are reported, never left empty.
        var ambiguous = Run("""
            [Query("SELECT o.id, b.id, b.name, b.city, r.id, r.name, r.city FROM orders o JOIN customers b ON b.id = o.customer_id LEFT JOIN customers r ON r.id = o.referrer_id")]
            List<OrderWithBoth> Both();
            """);
        var missing = Messages(ambiguous, "NG2006");
        Assert.Contains("Member 'Buyer' of OrderWithBoth", missing);
        Assert.Contains("Member 'Referrer' of OrderWithBoth", missing);
        Assert.Contains("a table aliased 'Buyer'", missing);
    }

    [Fact]
    public void Columns_named_with_the_members_prefix_go_to_the_nested_row()
    {
        var outcome = Run("""
            [Query("SELECT o.id, o.total, o.customer_id AS customer_id, UPPER(c.name) AS customer_name, NULL AS customer_city FROM orders o JOIN customers c ON c.id = o.customer_id")]
            OrderWithCustomer? One();
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void A_nested_member_whose_columns_the_join_does_not_return_is_an_error()
    {
        var outcome = Run("""
            [Query("SELECT o.id, o.total FROM orders o")]
            List<OrderWithCustomer> WithoutCustomers();
            """);
        var error = Assert.Single(outcome.NeoGen("NG2006"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("Member 'Customer' of OrderWithCustomer", error.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("table 'customers'", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_required_member_of_the_nested_row_that_is_not_returned_is_an_error()
    {
        var outcome = Run("""
            [Query("SELECT o.id, o.total, c.id FROM orders o JOIN customers c ON c.id = o.customer_id")]
            List<OrderWithCustomer> Partial();
            """);
        var message = Messages(outcome, "NG2006");
        Assert.Contains("Member 'Name' of OrderWithCustomer.Customer (Customer)", message);
    }

    [Fact]
    public void A_nested_row_holds_columns_only_one_level_deep()
    {
        var outcome = Run("""
            [Query("SELECT o.id FROM orders o")]
            List<Inner> Deep();
            """);
        Assert.Contains("one level deep", Messages(outcome, "NG0006"));
    }

    [Fact]
    public void A_list_member_is_filled_by_grouping_rows_ordered_by_the_parents_key()
    {
        var outcome = Run("""
            [Query("SELECT c.id, c.name, o.* FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id")]
            List<CustomerWithOrders> WithOrders();
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);
        Assert.Contains("children.Add(", outcome.Source("IOrderRepository.Sqlite.g.cs"));
    }

    [Theory]
    [InlineData("SELECT c.id, c.name, o.* FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.name", "List<CustomerWithOrders>", "order the SQL by it first (ORDER BY c.id, ...)")]
    [InlineData("SELECT c.id, c.name, o.* FROM customers c LEFT JOIN orders o ON o.customer_id = c.id", "List<CustomerWithOrders>", "order the SQL by it first")]
    [InlineData("SELECT c.name, o.* FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.name", "List<Summary>", "needs the parent's key among its own columns")]
    [InlineData("SELECT c.id, c.name, o.* FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.id", "IAsyncEnumerable<CustomerWithOrders>", "not a stream or a scalar")]
    public void A_list_member_that_cannot_be_grouped_is_an_error(string sql, string returns, string expected)
    {
        var outcome = Run($$"""
            [Query("{{sql}}")]
            {{returns}} WithOrders();
            """);
        Assert.Contains(expected, Messages(outcome, "NG0002"));
        Assert.DoesNotContain(outcome.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_of_tuples_of_rows_reads_each_element_from_its_table()
    {
        var outcome = Run("""
            [Query("SELECT o.*, c.* FROM orders o LEFT JOIN customers c ON c.id = o.referrer_id ORDER BY o.id")]
            List<(Order Order, Customer? Referrer)> WithReferrers();
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);
        Assert.Contains("new global::System.ValueTuple<global::Shop.Order, global::Shop.Customer?>(__order, __referrer)", outcome.Source("IOrderRepository.Sqlite.g.cs"));

        var mixed = Run("""
            [Query("SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id")]
            List<(Order Order, string Name)> Mixed();
            """);
        Assert.Contains("holds either columns or rows of a join, not both", Messages(mixed, "NG0002"));
    }

    [Fact]
    public void A_type_that_holds_itself_is_a_diagnostic_not_a_crash()
    {
        var outcome = GeneratorHarness.Run(Model + """
            public sealed record CategoryView(long Id, string Name, CategoryView? Parent, List<CategoryView> Children);

            [Repository(Dialect.Sqlite)]
            public partial interface ICategories
            {
                [Query("SELECT c.id, c.name FROM customers c")]
                List<CategoryView> All();
            }
            """);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "NG0009");
        Assert.Contains("holds a row of its own type", Messages(outcome, "NG0006"));
    }

    [Fact]
    public void A_child_without_a_key_is_missing_only_when_all_its_columns_are_null()
    {
        var outcome = GeneratorHarness.Run(Model + """
            public sealed record LineDto(string? City, string Name);
            public sealed record OrderLines(long Id, List<LineDto> Lines);

            [Repository(Dialect.Sqlite)]
            public partial interface IOrderLines
            {
                [Query("SELECT o.id, lines.city, lines.name FROM orders o LEFT JOIN customers lines ON lines.id = o.referrer_id ORDER BY o.id")]
                List<OrderLines> All();
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains("if (!(reader.IsDBNull(1) && reader.IsDBNull(2)))", outcome.Source("IOrderLines.Sqlite.g.cs"));
    }
}
