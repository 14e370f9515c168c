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
        Assert.DoesNotContain(outcome.Sources.Keys, k => k.Contains("IPlain", StringComparison.Ordinal));
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
            [Repository(Dialect.Sqlite)] [Repository(Dialect.MySql)]
            public partial interface IByExternalId
            {
                [Query("SELECT id FROM customers WHERE external_id IN @ids")]
                List<long> ByExternalIds(Guid[] ids);
            }
            """);
        var found = outcome.NeoGen("NG0007").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, m => m.Contains("A collection of Guid", StringComparison.Ordinal) && m.Contains("SQLite", StringComparison.Ordinal));
        Assert.Contains(found, m => m.Contains("A collection of Guid", StringComparison.Ordinal) && m.Contains("MySQL", StringComparison.Ordinal));
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
    public void NG1001_sql_argument_that_is_not_a_constant()
    {
        var source = Sources.Model + """

            public static class Statements { public static string ById = "SELECT id FROM customers WHERE id = @id"; }

            [Repository] public partial interface IBad
            {
                [Query(Statements.ById)] long? Find(long id);
            }
            """;
        var outcome = GeneratorHarness.Run(source);
        var diagnostic = Single(outcome, "NG1001");
        Assert.Contains("'Find'", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Statements.ById", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // The compiler rejects the attribute argument as well (CS0182); NeoGen names the method and says what to do.
        Assert.Contains(outcome.CompilationDiagnostics, d => d.Id == "CS0182");
    }

    [Fact]
    public void NG1001_null_sql()
    {
        var outcome = Run("""
            [Repository] public partial interface IBad
            {
                [Query(null!)] long? Find(long id);
            }
            """);
        Assert.Contains("'Find'", Single(outcome, "NG1001").GetMessage());
    }

    /// <summary>Each generator rule: a firing declaration and the nearest correct variant of it, which must not report the rule.</summary>
    public static TheoryData<string, string, string, bool> FiringAndSilent() => new()
    {
        { "NG0001", "[Repository] public interface IPlain { }", "[Repository] public partial interface IPlain { }", true },
        {
            "NG0002",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers")] System.IO.Stream Open(); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers")] List<long> Open(); }""",
            true
        },
        {
            "NG0002",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE id = @id")] long? Find(System.IO.Stream id); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE id = @id")] long? Find(long id); }""",
            true
        },
        {
            "NG0003",
            "[Repository] public partial interface IX : ICrudRepository<Customer, long> { Customer? Lookup(string email); }",
            "[Repository] public partial interface IX : ICrudRepository<Customer, long> { Customer? FindByEmail(string email); }",
            true
        },
        {
            "NG0004",
            "[Repository] public partial interface IX : ICrudRepository<Customer, long> { List<Customer> FindByNicknameAndEmail(string nickname, string email); }",
            "[Repository] public partial interface IX : ICrudRepository<Customer, long> { List<Customer> FindByNameAndEmail(string name, string email); }",
            true
        },
        {
            "NG0005",
            """[Table("logs")] public sealed record LogLine { public long Id { get; init; } public string Text { get; init; } = ""; } [Repository] public partial interface ILogs : ICrudRepository<LogLine, long> { }""",
            """[Table("logs")] public sealed record LogLine { [Key] public long Id { get; init; } public string Text { get; init; } = ""; } [Repository] public partial interface ILogs : ICrudRepository<LogLine, long> { }""",
            true
        },
        {
            "NG0006",
            """public abstract class Shape { public long Id { get; set; } } [Repository] public partial interface IX { [Query("SELECT id FROM customers")] List<Shape> Shapes(); }""",
            """public sealed class Shape { public long Id { get; set; } } [Repository] public partial interface IX { [Query("SELECT id FROM customers")] List<Shape> Shapes(); }""",
            true
        },
        {
            "NG0007",
            """[Repository(Dialect.MySql)] public partial interface IX { [Query("SELECT id FROM customers WHERE external_id IN @ids")] List<long> ByExternalIds(Guid[] ids); }""",
            """[Repository(Dialect.PostgreSql)] public partial interface IX { [Query("SELECT id FROM customers WHERE external_id IN @ids")] List<long> ByExternalIds(Guid[] ids); }""",
            true
        },
        {
            // Same declaration; the silent case references the provider package.
            "NG0008",
            "[Repository(Dialect.PostgreSql)] public partial interface IX : ICrudRepository<Customer, long> { }",
            "[Repository(Dialect.PostgreSql)] public partial interface IX : ICrudRepository<Customer, long> { }",
            false
        },
        {
            "NG1001",
            """[Repository] public partial interface IX { [Query(null!)] long? Find(long id); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE id = @id")] long? Find(long id); }""",
            true
        },
        {
            "NG1002",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE (id = @id")] long? Find(long id); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE (id = @id)")] long? Find(long id); }""",
            true
        },
        {
            "NG1004",
            """[Repository] public partial interface IX { [Query("DELETE FROM customers WHERE id = @id; DELETE FROM order_lines WHERE customer_id = @id")] void Drop(long id); }""",
            """[Repository] public partial interface IX { [Query("DELETE FROM customers WHERE id = @id;")] void Drop(long id); }""",
            true
        },
        {
            "NG1006",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE email = @mail")] long? Find(string email); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email); }""",
            true
        },
        {
            "NG1007",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email, int unused); }""",
            """[Repository] public partial interface IX { [Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email); }""",
            true
        },
        {
            "NG2005",
            """[Repository] public partial interface IX { [Query("SELECT id, email, name, balance FROM customers")] List<CustomerName> Names(); }""",
            """[Repository] public partial interface IX { [Query("SELECT id, email, name FROM customers")] List<CustomerName> Names(); }""",
            true
        },
        {
            "NG2006",
            """[Repository] public partial interface IX { [Query("SELECT id, name FROM customers")] List<Customer> Customers(); }""",
            """[Repository] public partial interface IX { [Query("SELECT id, email, name FROM customers")] List<Customer> Customers(); }""",
            true
        },
    };

    [Theory]
    [MemberData(nameof(FiringAndSilent))]
    public void Rule_fires_on_the_bad_declaration_and_is_silent_on_the_nearest_correct_one(string id, string firing, string silent, bool firingWithProviders)
    {
        var fired = Run(firing, firingWithProviders);
        Assert.True(fired.NeoGen(id).Any(), $"expected {id} on the firing case, got: {string.Join(" | ", fired.GeneratorDiagnostics)}");

        var quiet = Run(silent);
        Assert.Empty(quiet.GeneratorDiagnostics);
        Assert.Empty(quiet.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    // ---- suppression of generator diagnostics, as the compiler applies it -------------------------------------

    /// <summary>
    /// Diagnostics the generator reports inside the SQL literal (NG2005 and NG1006 on a part of it, NG1004 on all of it) and on
    /// the method (NG1007). NG1006 is an error: pragmas and severity options apply to non-compiler errors as well.
    /// </summary>
    public static TheoryData<string, string> Suppressible() => new()
    {
        { "NG1006", """[Query("SELECT id FROM customers WHERE email = @mail")] long? Find(string email);""" },
        { "NG2005", """[Query("SELECT id, email, name, balance FROM customers")] List<CustomerName> Names();""" },
        { "NG1004", """[Query("DELETE FROM customers WHERE id = @id; DELETE FROM order_lines WHERE customer_id = @id")] void Drop(long id);""" },
        { "NG1007", """[Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email, int unused);""" },
    };

    private static string Interface(string member, string? id = null) => Sources.Model + "\n[Repository] public partial interface IX\n{\n"
        + (id is null ? member : $"#pragma warning disable {id} // test\n{member}\n#pragma warning restore {id}") + "\n}\n";

    [Theory]
    [MemberData(nameof(Suppressible))]
    public void Generator_diagnostic_is_reported_without_suppression(string id, string member)
    {
        var outcome = GeneratorHarness.Run(Interface(member), editorConfig: "root = true\n");
        var reported = Assert.Single(outcome.Reported(id));
        Assert.Equal(reported.DefaultSeverity, reported.Severity);
        Assert.Equal(Path.Combine(GeneratorHarness.ProjectDirectory, "Input.cs"), reported.Location.SourceTree?.FilePath);
    }

    [Theory]
    [MemberData(nameof(Suppressible))]
    public void Generator_diagnostic_is_suppressed_by_pragma(string id, string member)
    {
        var outcome = GeneratorHarness.Run(Interface(member, id));
        Assert.Empty(outcome.Reported(id));
        Assert.True(Assert.Single(outcome.NeoGen(id)).IsSuppressed, "the pragma marks it suppressed (it still goes to the SARIF log)");
    }

    [Theory]
    [MemberData(nameof(Suppressible))]
    public void Generator_diagnostic_is_suppressed_by_editorconfig(string id, string member)
    {
        var outcome = GeneratorHarness.Run(Interface(member), editorConfig: $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n");
        Assert.Empty(outcome.NeoGen(id));
    }

    [Fact]
    public void Generator_warning_severity_is_raised_by_editorconfig()
    {
        var outcome = GeneratorHarness.Run(Interface("""[Query("SELECT id, email, name, balance FROM customers")] List<CustomerName> Names();"""), editorConfig: "root = true\n\n[*.cs]\ndotnet_diagnostic.NG2005.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(outcome.Reported("NG2005")).Severity);
    }

    [Fact]
    public void Editorconfig_section_for_other_files_does_not_suppress()
    {
        var outcome = GeneratorHarness.Run(Interface("""[Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email, int unused);"""), editorConfig: "root = true\n\n[Other.cs]\ndotnet_diagnostic.NG1007.severity = none\n");
        Assert.Single(outcome.Reported("NG1007"));
    }

    [Fact]
    public void Pragma_for_another_rule_does_not_suppress()
    {
        var outcome = GeneratorHarness.Run(Interface("""[Query("SELECT id FROM customers WHERE email = @email")] long? Find(string email, int unused);""", "NG2005"));
        Assert.Single(outcome.Reported("NG1007"));
    }

    /// <summary>The headings every page of docs/rules has.</summary>
    internal static readonly string[] RulePageSections = { "## What it means", "## Why", "## Bad", "## Good", "## How to fix", "## Suppressing" };

    [Fact]
    public void Every_rule_has_a_help_link_a_docs_page_and_a_readme_row()
    {
        var root = FindRepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var descriptors = typeof(NeoGen.Shared.Rules).GetFields()
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToList();
        Assert.Contains(descriptors, d => d.Id == "NG0001");
        Assert.Contains(descriptors, d => d.Id == "NG2006");
        foreach (var descriptor in descriptors)
        {
            Assert.EndsWith($"docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(root, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"docs/rules/{descriptor.Id}.md is missing");
            var text = File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.StartsWith($"# {descriptor.Id}: ", text);
            foreach (var section in RulePageSections)
            {
                Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"docs/rules/{descriptor.Id}.md has no '{section}' section");
            }

            Assert.True(text.Contains($"disable {descriptor.Id}", StringComparison.Ordinal), $"docs/rules/{descriptor.Id}.md does not show its pragma");
            Assert.True(readme.Contains($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) |", StringComparison.Ordinal), $"README.md diagnostics table has no row for {descriptor.Id}");
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
