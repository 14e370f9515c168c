using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// The derived-query grammar's errors name the word that is wrong; optional filters, null arguments, IgnoreCase,
/// offsets and pages generate one checked statement per case.
/// </summary>
public sealed class DerivedQueryTests
{
    private static GeneratorOutcome Run(string members)
        => GeneratorHarness.Run(Sources.Model + "\n[Repository(Dialect.Sqlite)]\n[Repository(Dialect.PostgreSql)]\n[Repository(Dialect.MySql)]\n[Repository(Dialect.SqlServer)]\npublic partial interface IX : ICrudRepository<Customer, long>\n{\n" + members + "\n}\n");

    private static string Only(GeneratorOutcome outcome, string id)
    {
        var found = outcome.NeoGen(id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: {string.Join(" | ", outcome.GeneratorDiagnostics)}");
        Assert.Equal(DiagnosticSeverity.Error, found[0].Severity);

        // The error is the only one: the member's body throws, so nothing cascades into CS errors.
        Assert.DoesNotContain(outcome.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        return found[0].GetMessage();
    }

    [Theory]
    [InlineData("List<Customer> FindByEmailGreaterThen(string email);", "NG0003", "'GreaterThen'")]
    [InlineData("int UpdateNameAndEmail(string name, string email);", "NG0003", "an Update names the rows it changes")]
    [InlineData("int UpdateIdByEmail(long id, string email);", "NG0003", "Customer.Id is the key")]
    [InlineData("int UpdateVersionByEmail(int version, string email);", "NG0003", "the [Version], which NeoGen increments itself")]
    [InlineData("int UpdateNmaeById(string name, long id);", "NG0004", "'Nmae'")]
    [InlineData("int UpdateEmailById(string? email, long id);", "NG2004", "assigned to")]
    [InlineData("int UpdateBalanceById(string balance, long id);", "NG2004", "declare 'balance' as decimal")]
    [InlineData("List<Customer> UpdateNameById(string name, long id);", "NG0003", "an Update query returns void, int, long or bool")]
    [InlineData("int UpdateNameByEmail(string name, [OptionalFilter] string? email);", "NG0003", "it would change every row of customers")]
    [InlineData("int UpdateNameById(string name);", "NG0003", "needs 1 more parameter")]
    [InlineData("int UpdateNameAndNameById(string name, string again, long id);", "NG0003", "sets Name twice")]
    [InlineData("List<Customer> FindByEmailAndNmae(string email, string name);", "NG0004", "'Nmae'")]
    [InlineData("List<Customer> FetchByEmail(string email);", "NG0003", "starts with none of Find")]
    [InlineData("List<Customer> FindByEmailOrderBy(string email);", "NG0003", "'OrderBy' must be followed")]
    [InlineData("List<Customer> FindByEmailOrderByEmailDescending(string email);", "NG0003", "'ending'")]
    [InlineData("List<Customer> FindTopByEmail(string email);", "NG0003", "'Top' must be followed by a positive number")]
    [InlineData("List<Customer> FindEveryByEmail(string email);", "NG0003", "found 'Every")]
    [InlineData("List<Customer> FindByBalanceIgnoreCase(decimal balance);", "NG0003", "'BalanceIgnoreCase' ignores case, but Customer.Balance is decimal")]
    [InlineData("List<Customer> FindByEmailGreaterThanIgnoreCase(string email);", "NG0003", "'EmailGreaterThanIgnoreCase' ignores case, which only")]
    [InlineData("List<Customer> FindByNameStartingWith(string? name);", "NG0003", "'NameStartingWith' cannot compare with null, but 'name' is nullable")]
    [InlineData("List<Customer> FindByEmailOrName(string email, [OptionalFilter] string? name);", "NG0003", "the optional filter 'Name' is joined with Or")]
    [InlineData("List<Customer> FindByEmail(string email, int offset);", "NG0003", "'offset' skips rows, which needs a number of rows")]
    [InlineData("Page<Customer> FindByEmail(string email);", "NG0003", "takes a PageRequest as its last parameter")]
    [InlineData("List<Customer> FindByEmail(string email, PageRequest page);", "NG0003", "PageRequest 'page' reads a page of a query that returns Page<T>")]
    [InlineData("Page<Customer> FindTop5ByEmail(string email, PageRequest page);", "NG0003", "takes its size from the PageRequest")]
    [InlineData("List<Customer> FindByEmail(string email, string extra);", "NG0003", "parameter 'extra' is used by no part of the name")]
    [InlineData("List<Customer> FindByEmail([OptionalFilter] string email);", "NG0002", "[OptionalFilter] parameter 'email' is string, which cannot be null; declare it string?")]
    [InlineData("List<Customer> FindByBalance([OptionalFilter] decimal balance);", "NG0002", "declare it decimal?")]
    [InlineData("List<Customer> FindByBalanceBetween(decimal? low, decimal? high);", "NG0003", "two nullable arguments, 'low' and 'high'")]
    [InlineData("Customer UpsertByName(Customer customer);", "NG0003", "Customer has no unique index on (name), which the upsert matches rows by: declare [Index(nameof(Name), Unique = true)]")]
    [InlineData("Customer UpsertByNmae(Customer customer);", "NG0004", "'Nmae'")]
    [InlineData("Customer UpsertByEmailOrName(Customer customer);", "NG0003", "followed by the members of a unique index joined with And")]
    [InlineData("Customer UpsertByEmail(string email);", "NG0003", "an upsert takes one Customer")]
    [InlineData("Customer? UpsertByEmail(Customer customer);", "NG0003", "an upsert returns the Customer as stored")]
    [InlineData("int DeleteByName([OptionalFilter] string? name);", "NG0003", "every predicate of this Delete is optional, so with all of them null it would delete every row of customers")]
    [InlineData("Customer UpsertById(Customer customer);", "NG0003", "(id) is the key of Customer: an upsert by the key is Upsert")]
    [InlineData("List<Customer> FindByBalanceBetween([OptionalFilter] decimal? low, decimal high);", "NG0003", "has an optional and a required bound")]
    [InlineData("List<Customer> FindByEmailOrderById(string email, [OptionalFilter] int? limit);", "NG0003", "'limit' is [OptionalFilter], but only the argument of a predicate can be left out")]
    public void A_wrong_name_or_signature_is_a_compile_error_that_names_the_word(string member, string id, string expected)
    {
        var message = Only(Run(member), id);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void A_derived_update_sets_the_named_members_stamps_and_bumps_the_version()
    {
        var outcome = Run("int UpdateNameAndStatusById(string? name, Status status, long id);\nTask<bool> UpdateBalanceByEmailAsync(decimal balance, string email);");
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationDiagnostics);
        var sqlite = outcome.Source("IX.Sqlite.g.cs");
        Assert.Contains("\"UPDATE customers SET name = @p0, status = @p1, version = version + 1, updated_at = @p2 WHERE id = @p3\"", sqlite);
        Assert.Contains("\"UPDATE customers SET balance = @p0, version = version + 1, updated_at = @p1 WHERE email = @p2\"", sqlite);
        Assert.Contains("\"UPDATE customers SET name = $1, status = $2, version = version + 1, updated_at = $3 WHERE id = $4\"", outcome.Source("IX.PostgreSql.g.cs"));
    }

    [Fact]
    public void An_unknown_member_gets_a_did_you_mean()
        => Assert.Contains("did you mean 'Name'", Only(Run("List<Customer> FindByNmae(string name);"), "NG0004"));

    [Fact]
    public void An_optional_parameter_of_written_SQL_must_sit_in_a_condition_joined_with_AND()
    {
        var alongRequired = Only(Run("""[Query("SELECT * FROM customers WHERE email = @email OR name = @name")] List<Customer> Search(string email, [OptionalFilter] string? name);"""), "NG0002");
        Assert.Contains("also uses '@email', which is not optional", alongRequired);

        var inSelect = Only(Run("""[Query("SELECT id, @name AS label FROM customers WHERE email = @email")] List<(long, string?)> Labels(string email, [OptionalFilter] string? name);"""), "NG0002");
        Assert.Contains("'@name' is optional, so it must be used only in conditions of a WHERE or HAVING clause", inSelect);

        var paged = Only(Run("""[Query("SELECT * FROM customers")] Page<Customer> All(PageRequest page);"""), "NG0002");
        Assert.Contains("Page<T> and PageRequest are for derived queries", paged);

        // An OR group goes as a whole, so it may not hold a condition the null parameter does not make moot.
        var withFixed = Only(Run("""[Query("SELECT * FROM customers WHERE (status = 1 OR name = @name)")] List<Customer> Either([OptionalFilter] string? name);"""), "NG0002");
        Assert.Contains("joined with OR to a condition without an optional parameter", withFixed);
        var topLevelOr = Only(Run("""[Query("SELECT * FROM customers WHERE name = @name OR status = 1")] List<Customer> Either([OptionalFilter] string? name);"""), "NG0002");
        Assert.Contains("joined with OR", topLevelOr);

        // A write must keep a condition when every optional argument is null.
        var update = Only(Run("""[Query("UPDATE customers SET name = @name WHERE email = @email")] int Rename(string name, [OptionalFilter] string? email);"""), "NG0002");
        Assert.Contains("would change every row", update);
    }

    [Fact]
    public void An_optional_condition_inside_a_group_of_ANDs_leaves_the_rest_of_the_group()
    {
        var outcome = Run("""
            [Query("SELECT id, email FROM customers WHERE (balance > 0 AND name = @name) AND email <> ''")]
            List<(long Id, string Email)> Funded([OptionalFilter] string? name);

            [Query("DELETE FROM customers WHERE status = 1 AND name = @name")]
            int Purge([OptionalFilter] string? name);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilationDiagnostics);
        var sqlite = outcome.Source("IX.Sqlite.g.cs");
        Assert.Contains("WHERE (balance > 0 AND name = @p0) AND email <> ''\"", sqlite);
        Assert.Contains("WHERE (balance > 0) AND email <> ''\"", sqlite);
        Assert.Contains("DELETE FROM customers WHERE status = 1\"", sqlite);
    }

    [Fact]
    public void Optional_filters_over_columns_found_by_name_at_run_time_compile()
    {
        // No [Table] type and no schema file for audit_log: the columns of SELECT * are looked up once per command.
        var outcome = GeneratorHarness.Run(Sources.Model + """

            public sealed record AuditRow(long Id, string Actor);

            [Repository(Dialect.Sqlite)]
            [Repository(Dialect.PostgreSql)]
            public partial interface IAudit
            {
                [Query("SELECT * FROM audit_log WHERE actor = @actor")]
                List<AuditRow> Find([OptionalFilter] string? actor);
            }
            """);
        Assert.Empty(outcome.CompilationDiagnostics);
        Assert.Contains("lease.GetState(s_slot_Find_0_v0)", outcome.Source("IAudit.Sqlite.g.cs"));
    }

    [Fact]
    public void Optional_filters_get_one_statement_per_combination_and_no_IS_NULL_OR()
    {
        var outcome = Run("""
            List<Customer> FindByStatusAndNameAndEmailOrderById([OptionalFilter] Status? status, [OptionalFilter] string? name, string email);

            [Query("SELECT id, email FROM customers WHERE email = @email AND (name = @name OR name LIKE @name) AND balance >= @min")]
            List<(long Id, string Email)> Search(string email, [OptionalFilter] string? name, [OptionalFilter] decimal? min);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilationDiagnostics);
        var sqlite = outcome.Source("IX.Sqlite.g.cs");
        Assert.Contains("WHERE \\\"status\\\" = @p0 AND \\\"name\\\" = @p1 AND \\\"email\\\" = @p2 ORDER BY \\\"id\\\"".Replace("\\\"", string.Empty), sqlite.Replace("\\\"", string.Empty));
        Assert.Contains("WHERE name = @p0 AND email = @p1 ORDER BY id", sqlite.Replace("\\\"", string.Empty));
        Assert.Contains("WHERE status = @p0 AND email = @p1 ORDER BY id", sqlite.Replace("\\\"", string.Empty));
        Assert.Contains("WHERE email = @p0 ORDER BY id", sqlite.Replace("\\\"", string.Empty));
        Assert.Contains("switch ((status is null ? 1 : 0) | (name is null ? 2 : 0))", sqlite);

        // Written SQL: the conditions with the null parameters go, with their AND.
        Assert.Contains("WHERE email = @p0 AND (name = @p1 OR name LIKE @p1) AND balance >= @p2\"", sqlite);
        Assert.Contains("WHERE email = @p0 AND balance >= @p1\"", sqlite);
        Assert.Contains("WHERE email = @p0 AND (name = @p1 OR name LIKE @p1)\"", sqlite);
        Assert.Contains("WHERE email = @p0\"", sqlite);
        foreach (var source in outcome.Sources.Values)
        {
            Assert.DoesNotContain("IS NULL OR", source);
        }
    }

    [Fact]
    public void A_null_equality_argument_is_IS_NULL_and_pages_are_ordered_by_the_key()
    {
        var outcome = Run("""
            List<Customer> FindByNameOrderById(string? name);
            Page<Customer> FindByStatus(Status status, PageRequest page);
            List<Customer> FindByStatusOrderByEmail(Status status, int limit, int offset);
            List<Customer> FindByEmailIgnoreCase(string email);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilationDiagnostics);
        var postgres = outcome.Source("IX.PostgreSql.g.cs");
        Assert.Contains("WHERE name = $1 ORDER BY id", postgres);
        Assert.Contains("WHERE name IS NULL ORDER BY id", postgres);
        Assert.Contains("WHERE status = $1 ORDER BY id LIMIT $2 OFFSET $3", postgres);
        Assert.Contains("SELECT COUNT(*) FROM customers WHERE status = $1\"", postgres);
        Assert.Contains("ORDER BY email, id LIMIT $2 OFFSET $3", postgres);
        Assert.Contains("WHERE LOWER(email) = LOWER($1)", postgres);
        Assert.Contains("ORDER BY [id] OFFSET @p1 ROWS FETCH NEXT @p2 ROWS ONLY".Replace("[", string.Empty).Replace("]", string.Empty), outcome.Source("IX.SqlServer.g.cs").Replace("[", string.Empty).Replace("]", string.Empty));
    }

    [Fact]
    public void UpsertBy_a_unique_index_conflicts_on_it_and_never_writes_the_generated_key()
    {
        var outcome = Run("Customer UpsertByEmail(Customer customer);");
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.CompilationDiagnostics);
        var postgres = outcome.Source("IX.PostgreSql.g.cs");
        Assert.Contains("ON CONFLICT (email) DO UPDATE SET", postgres);
        Assert.Contains("INSERT INTO customers (email, name,", postgres);
        Assert.Contains("customer.Email", postgres);
        var sqlServer = outcome.Source("IX.SqlServer.g.cs");
        Assert.Contains("ON __target.email = __source.email", sqlServer);
        var mySql = outcome.Source("IX.MySql.g.cs");
        Assert.Contains("NOT EXISTS (SELECT 1 FROM customers WHERE email = @p", mySql);
    }
}
