using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>Malformed declarations and SQL give diagnostics, never a generator crash (CS8785) or an internal error.</summary>
public sealed class RobustnessTests
{
    public static IEnumerable<object[]> BrokenDeclarations()
    {
        yield return new object[] { "[Repository] public partial interface" };
        yield return new object[] { "[Repository(] public partial interface IX { }" };
        yield return new object[] { "[Repository((Dialect)42)] public partial interface IX : ICrudRepository<Customer, long> { }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(null)] long A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"\")] long A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT '\")] long A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT id FROM customers WHERE id = @\")] long A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT \" + \"1\")] long A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT 1\")] ref int A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT 1\")] long A(out int x); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT 1\")] T A<T>(); }" };
        yield return new object[] { "[Repository] public partial interface IX<T> { }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Customer, string> { }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<OrderLine, long> { }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<CustomerName, long> { }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Missing, long> { }" };
        yield return new object[] { "[Repository] public partial interface IX { List<Customer> FindBy(); }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Customer, long> { List<Customer> FindByEmailIn(string email); }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Customer, long> { List<Customer> FindByEmailBetween(string email); }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Customer, long> { List<Customer> FindByEmailOrderBy(string email); }" };
        yield return new object[] { "[Repository] public partial interface IX : ICrudRepository<Customer, long> { string CountByEmail(string email); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT id, email FROM customers\")] List<(long, string, int)> A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"UPDATE customers SET name = 'x'\")] List<Customer> A(); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT id FROM customers WHERE id IN @ids\")] List<long> A(long ids); }" };
        yield return new object[] { "[Repository] public partial interface IX { [Query(\"SELECT id FROM customers WHERE id = @ids\")] List<long> A(long[] ids); }" };
        yield return new object[] { "[Repository] public partial interface IX { int Count { get; } }" };
        yield return new object[] { "public partial class Outer { [Repository] public partial interface IX { [Query(\"SELECT 1\")] long A(); } }" };
        yield return new object[] { "public class Closed { [Repository] public partial interface IX { [Query(\"SELECT 1\")] long A(); } }" };
        yield return new object[] { "public partial class Generic<T> { [Repository] public partial interface IX { [Query(\"SELECT 1\")] long A(); } }" };
    }

    [Fact]
    public void A_megabyte_of_sql_is_handled_not_a_crash()
    {
        var literal = "SELECT id FROM customers WHERE name = '" + new string('x', 1_000_000) + "' AND id = @id";
        var outcome = GeneratorHarness.Run(Sources.Model + "\n[Repository] public partial interface IBig { [Query(\"" + literal + "\")] long? A(long id); }");
        AssertNoCrash(outcome);
        Assert.Contains(new string('x', 1_000_000), outcome.Source("IBig.Sqlite.g.cs"));

        // And the same size, broken: an unterminated quote is one NG1002, located inside the literal.
        var broken = GeneratorHarness.Run(Sources.Model + "\n[Repository] public partial interface IBig { [Query(\"SELECT '" + new string('x', 1_000_000) + "\")] long A(); }");
        AssertNoCrash(broken);
        Assert.Single(broken.NeoGen("NG1002"));
    }

    [Fact]
    public void Repository_attributes_on_two_parts_of_one_interface_make_one_repository()
    {
        var outcome = GeneratorHarness.Run(Sources.Model + """

            [Repository(Dialect.Sqlite)]
            public partial interface ISplit : IReadRepository<Customer, long> { }

            [Repository(Dialect.PostgreSql)]
            public partial interface ISplit
            {
                [Query("SELECT id FROM customers WHERE email = @email")]
                long? IdOf(string email);
            }
            """);
        AssertNoCrash(outcome);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Single(outcome.Sources, s => s.Key.EndsWith("ISplit.Factory.g.cs", StringComparison.Ordinal));
        Assert.Contains("IdOf", outcome.Source("ISplit.Sqlite.g.cs"));
        Assert.Contains("IdOf", outcome.Source("ISplit.PostgreSql.g.cs"));
    }

    [Theory]
    [MemberData(nameof(BrokenDeclarations))]
    public void Broken_declarations_never_crash_the_generator(string declaration)
    {
        var outcome = GeneratorHarness.Run(Sources.Model + "\n" + declaration);
        AssertNoCrash(outcome);
    }

    [Fact]
    public void Mutated_declarations_never_crash_the_generator()
    {
        // Deterministic: the same mutations on every run, so a failure can be replayed.
        var random = new Random(20261127);
        var source = Sources.Repositories;
        var fragments = new[] { "(", ")", "{", "}", "<", ">", "\"", "@", ";", "[", "]", "?", ",", "Task<", "[Query(\"SELECT *\")]", "partial", "IN @", "::" };
        for (var round = 0; round < 120; round++)
        {
            var mutated = source;
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(Sources.Model.Length, mutated.Length);
                mutated = random.Next(3) switch
                {
                    0 => mutated.Remove(at, Math.Min(random.Next(1, 12), mutated.Length - at)),
                    1 => mutated.Insert(at, fragments[random.Next(fragments.Length)]),
                    _ => mutated.Substring(0, at),
                };
            }

            AssertNoCrash(GeneratorHarness.Run(mutated), mutated);
        }
    }

    private static void AssertNoCrash(GeneratorOutcome outcome, string? source = null)
    {
        Assert.All(outcome.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.GetMessage().Contains("NeoGen could not", StringComparison.Ordinal) && (source ?? string.Empty).Length >= 0);
        Assert.DoesNotContain(outcome.CompilationDiagnostics, d => d.Id == "CS8785");
    }
}
