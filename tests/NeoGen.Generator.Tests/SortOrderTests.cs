using System.Globalization;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// Dynamic sorting through a <c>[SortOrders]</c> enum: one statement per member, each checked; a member that names no
/// column, or a sort parameter the SQL does not place, is a compile error, and no text ever reaches the SQL.
/// </summary>
public sealed class SortOrderTests
{
    private static GeneratorOutcome Run(string enumMembers, string methods) => GeneratorHarness.Run(Sources.Model + $$"""

        [SortOrders(typeof(Customer))]
        public enum CustomerOrder { {{enumMembers}} }

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        public partial interface ISorted : IReadRepository<Customer, long>
        {
        {{methods}}
        }
        """);

    private static string Messages(GeneratorOutcome outcome, string id) => string.Join(" | ", outcome.NeoGen(id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)));

    [Fact]
    public void Each_member_is_its_own_statement_in_sql_and_in_a_derived_query()
    {
        var outcome = Run("EmailAsc, NameDescThenEmail, CreatedAtDesc", """
            [Query("SELECT * FROM customers WHERE status = @status ORDER BY @order LIMIT 10")]
            List<Customer> Sorted(Status status, CustomerOrder order);

            List<Customer> FindByStatus(Status status, CustomerOrder order);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);
        var sqlite = outcome.Source("ISorted.Sqlite.g.cs");
        Assert.Contains("WHERE status = @p0 ORDER BY email LIMIT 10\"", sqlite);
        Assert.Contains("WHERE status = @p0 ORDER BY name DESC, email LIMIT 10\"", sqlite);
        Assert.Contains("WHERE status = @p0 ORDER BY created_at DESC LIMIT 10\"", sqlite);
        Assert.Contains("FROM customers WHERE status = @p0 ORDER BY name DESC, email\"", sqlite);
        Assert.Contains("global::Shop.CustomerOrder.NameDescThenEmail => 1", sqlite);
        Assert.DoesNotContain("@order", sqlite);
    }

    [Fact]
    public void A_member_that_names_no_column_is_an_error_on_the_member()
    {
        var outcome = Run("EmailAsc, EmialDesc", "List<Customer> FindByStatus(Status status, CustomerOrder order);");
        var message = Messages(outcome, "NG0002");
        Assert.Contains("sort order CustomerOrder.EmialDesc names 'EmialDesc', which is not a member of Customer", message);
        Assert.Contains("did you mean 'Email'", message);
        Assert.DoesNotContain(outcome.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sql_must_place_the_sort_parameter_once()
    {
        var missing = Run("EmailAsc", """
            [Query("SELECT * FROM customers ORDER BY id")]
            List<Customer> Sorted(CustomerOrder order);
            """);
        Assert.Contains("stands once in the SQL, where its order goes: ORDER BY @order (it is missing)", Messages(missing, "NG0002"));
    }

    [Fact]
    public void A_derived_query_takes_its_order_from_the_name_or_the_parameter_not_both()
    {
        var outcome = Run("EmailAsc", "List<Customer> FindByStatusOrderByName(Status status, CustomerOrder order);");
        Assert.Contains("'order' picks the order, and so does OrderBy in the name", Messages(outcome, "NG0003"));
    }

    [Fact]
    public void A_text_sort_parameter_still_points_to_the_sort_enum()
    {
        var outcome = Run("EmailAsc", """
            [Query("SELECT * FROM customers ORDER BY @sort")]
            List<Customer> Sorted(string sort);
            """);
        Assert.Contains("[SortOrders(typeof(T))]", Messages(outcome, "NG1009"));
    }
}
