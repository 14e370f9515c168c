using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>Each generator rule fires on bad declarations, names what is wrong, and stays silent on good ones.</summary>
public sealed class DiagnosticTests
{
    private static GeneratorOutcome Run(string repository, bool withProviders = true) => GeneratorHarness.Run(Sources.Model + "\n" + repository, withProviders);

    private static Diagnostic Single(GeneratorOutcome outcome, string id)
    {
        var found = outcome.NeoGen(id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: {string.Join(" | ", outcome.GeneratorDiagnostics)}");
        return found[0];
    }

    [Fact]
    public void Valid_repository_reports_nothing()
    {
        var outcome = GeneratorHarness.Run(Sources.Repositories);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void NG0001_repository_that_is_not_a_partial_interface()
    {
        var outcome = Run("[Repository] public interface IPlain { }");
        var diagnostic = Single(outcome, "NG0001");
        Assert.Contains("'IPlain'", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void NG0002_unsupported_return_type()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers")] System.IO.Stream Open();
            }
            """);
        var message = Single(outcome, "NG0002").GetMessage();
        Assert.Contains("Open", message);
        Assert.Contains("supported returns are", message);
    }

    [Fact]
    public void NG0002_unsupported_parameter_type()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers WHERE id = @id")] long Find(System.IO.Stream id);
            }
            """);
        Assert.Contains("parameter 'id'", Single(outcome, "NG0002").GetMessage());
    }

    [Fact]
    public void NG0003_method_without_query_and_not_derivable()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad : ICrudRepository<Customer, long>
            {
                Customer? Lookup(string email);
            }
            """);
        var message = Single(outcome, "NG0003").GetMessage();
        Assert.Contains("'Lookup'", message);
        Assert.Contains("[Query", message);
    }

    [Fact]
    public void NG0004_derived_query_with_unknown_property()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad : ICrudRepository<Customer, long>
            {
                List<Customer> FindByNicknameAndEmail(string nickname, string email);
            }
            """);
        var message = Single(outcome, "NG0004").GetMessage();
        Assert.Contains("'Nickname", message);
        Assert.Contains("Customer", message);
        Assert.Contains("Email", message);
    }

    [Fact]
    public void NG0005_key_operation_without_key()
    {
        var outcome = Run("""
            [Table("logs")] public sealed record LogLine { public string Text { get; init; } = ""; }
            [Repository] public partial interface ILogs : ICrudRepository<LogLine, long> { }
            """);
        Assert.Contains("LogLine has no [Key]", Single(outcome, "NG0005").GetMessage());
    }

    [Fact]
    public void NG0006_type_that_cannot_be_materialized()
    {
        var outcome = Run("""
            public abstract class Shape { public long Id { get; set; } }
            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers")] List<Shape> Shapes();
            }
            """);
        Assert.Contains("abstract", Single(outcome, "NG0006").GetMessage());
    }

    [Fact]
    public void NG0007_dialect_not_generated_yet()
    {
        var outcome = Run("""
            [Repository(Dialect.MySql)] [Repository(Dialect.SqlServer)] public partial interface IElsewhere : ICrudRepository<Customer, long> { }
            """);
        var found = outcome.NeoGen("NG0007").ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains("MySQL", found[0].GetMessage());
        Assert.Contains("SQL Server", found[1].GetMessage());
        Assert.Empty(outcome.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void NG0008_provider_package_missing()
    {
        var outcome = Run("[Repository(Dialect.PostgreSql)] public partial interface IPg : ICrudRepository<Customer, long> { }", withProviders: false);
        Assert.Contains("'Npgsql'", Single(outcome, "NG0008").GetMessage());
    }

    [Fact]
    public void NG1002_sql_that_does_not_parse_is_located_inside_the_literal()
    {
        var source = Sources.Model + """

            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers WHERE (id = @id")] long? Find(long id);
            }
            """;
        var outcome = GeneratorHarness.Run(source);
        var diagnostic = Single(outcome, "NG1002");
        Assert.Contains("SQLite", diagnostic.GetMessage());
        var span = diagnostic.Location.SourceSpan;
        Assert.True(span.Length < "\"SELECT id FROM customers WHERE (id = @id\"".Length, "located inside the literal, not on all of it");
        Assert.True(source.IndexOf("SELECT id FROM customers WHERE (", StringComparison.Ordinal) <= span.Start);

        // The rest of the class still compiles: only the NeoGen diagnostic shows.
        Assert.Empty(outcome.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void NG1004_several_statements()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("DELETE FROM customers WHERE id = @id; DELETE FROM order_lines WHERE customer_id = @id")] void Drop(long id);
            }
            """);
        Assert.Contains("2 statements", Single(outcome, "NG1004").GetMessage());
    }

    [Fact]
    public void NG1006_sql_parameter_without_method_parameter()
    {
        var source = Sources.Model + """

            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers WHERE email = @mail")] long? Find(string email);
            }
            """;
        var outcome = GeneratorHarness.Run(source);
        var diagnostic = Single(outcome, "NG1006");
        Assert.Contains("'@mail'", diagnostic.GetMessage());
        Assert.Equal("@mail", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void NG1007_method_parameter_not_used()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email, int unused);
            }
            """);
        var diagnostic = Single(outcome, "NG1007");
        Assert.Contains("'unused'", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void NG2005_result_column_nothing_reads()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("SELECT id, email, name, balance FROM customers")] List<CustomerName> Names();
            }
            """);
        Assert.Contains("'balance'", Single(outcome, "NG2005").GetMessage());
    }

    [Fact]
    public void NG2006_required_member_not_returned()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query("SELECT id, name FROM customers")] List<Customer> Customers();
            }
            """);
        var message = Single(outcome, "NG2006").GetMessage();
        Assert.Contains("'Email'", message);
        Assert.Contains("'email'", message);
    }

    [Fact]
    public void Every_rule_has_a_help_link_and_a_docs_page()
    {
        var root = FindRepositoryRoot();
        foreach (var field in typeof(NeoGen.Generator.Diagnostics.DiagnosticDescriptors).GetFields())
        {
            if (field.GetValue(null) is DiagnosticDescriptor descriptor)
            {
                Assert.EndsWith($"docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
                Assert.True(File.Exists(Path.Combine(root, "docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeoGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NeoGen.sln not found above " + AppContext.BaseDirectory);
    }
}
