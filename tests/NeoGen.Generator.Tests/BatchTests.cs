using System.Globalization;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>A tuple of results: one statement per element, each checked as its own method, sent in one round trip.</summary>
public sealed class BatchTests
{
    private static GeneratorOutcome Run(string methods) => GeneratorHarness.Run(Sources.Model + $$"""

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        [Repository(Dialect.MySql)]
        [Repository(Dialect.SqlServer)]
        public partial interface IBatch
        {
        {{methods}}
        }
        """);

    private static string Messages(GeneratorOutcome outcome, string id) => string.Join(" | ", outcome.NeoGen(id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)));

    [Fact]
    public void Each_statement_is_its_own_result_in_one_command_or_one_provider_batch()
    {
        var outcome = Run("""
            [Query("SELECT * FROM customers WHERE id = @id; SELECT order_id, line, customer_id, amount FROM order_lines WHERE customer_id = @id")]
            Task<(Customer? Customer, List<OrderLine> Lines)> WithLinesAsync(long id);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);

        // One command of two statements, each with its own placeholder.
        var sqlite = outcome.Source("IBatch.Sqlite.g.cs");
        Assert.Contains("WHERE id = @p0;\\nSELECT order_id, line, customer_id, amount FROM order_lines WHERE customer_id = @p1\"", sqlite);
        Assert.Contains("reader.NextResultAsync(", sqlite);

        // PostgreSQL: an NpgsqlBatch, each command numbering from $1.
        var postgres = outcome.Source("IBatch.PostgreSql.g.cs");
        Assert.Contains("new global::Npgsql.NpgsqlBatch(", postgres);
        Assert.Contains("FROM customers WHERE id = $1\"", postgres);
        Assert.Contains("FROM order_lines WHERE customer_id = $1\"", postgres);
    }

    [Fact]
    public void Each_statement_is_checked_where_it_is_written()
    {
        var outcome = Run("""
            [Query("SELECT * FROM customers WHERE id = @id; SELECT order_id, line, customer_id, email AS amount FROM order_lines JOIN customers ON customers.id = customer_id WHERE customer_id = @id")]
            (Customer? Customer, List<OrderLine> Lines) WithLines(long id);
            """);
        var unreadable = Assert.Single(outcome.NeoGen("NG2009"));
        Assert.Equal("email AS amount", unreadable.Location.SourceTree!.GetText().ToString(unreadable.Location.SourceSpan));
    }

    [Fact]
    public void The_statements_must_match_the_results()
    {
        var outcome = Run("""
            [Query("SELECT * FROM customers WHERE id = @id")]
            (Customer? Customer, List<OrderLine> Lines) WithLines(long id);
            """);
        Assert.Contains("it returns a tuple of 2 results, one per statement, but its SQL has 1 statement(s)", Messages(outcome, "NG0002"));
    }

    [Fact]
    public void A_parameter_no_statement_uses_is_reported_once_and_one_that_a_later_statement_uses_is_not()
    {
        var outcome = Run("""
            [Query("SELECT * FROM customers WHERE id = @id; SELECT order_id, line, customer_id, amount FROM order_lines WHERE amount > @least")]
            (Customer? Customer, List<OrderLine> Lines) WithLines(long id, decimal least, int unused);
            """);
        Assert.Equal("Parameter 'unused' of 'WithLines' is not used by its SQL", Messages(outcome, "NG1007"));
    }

    [Fact]
    public void A_batch_needs_sql()
    {
        var outcome = GeneratorHarness.Run(Sources.Model + """

            [Repository(Dialect.Sqlite)]
            public partial interface IBatch : IReadRepository<Customer, long>
            {
                (Customer? Customer, List<OrderLine> Lines) FindById(long id);
            }
            """);
        Assert.Contains("a tuple of results is read from [Query] SQL", Messages(outcome, "NG0002"));
    }

    [Fact]
    public void A_statement_without_rows_has_no_place_in_a_batch()
    {
        var outcome = Run("""
            [Query("SELECT * FROM customers WHERE id = @id; UPDATE customers SET name = 'x' WHERE id = @id")]
            (Customer? Customer, int Changed) ReadAndWrite(long id);
            """);
        Assert.Contains("its statement 2 returns no rows", Messages(outcome, "NG0002"));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "NG0009");
    }
}
