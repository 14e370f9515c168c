using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NeoGen.Analyzers.Query;

namespace NeoGen.Analyzers.Tests;

/// <summary>Every diagnostic the analyzers can report links to its docs/rules page, the page exists with the usual sections, and README.md lists it.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string[] Sections = { "## What it means", "## Why", "## Bad", "## Good", "## How to fix", "## Suppressing" };

    public static TheoryData<string> AnalyzerRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>The SupportedDiagnostics of every DiagnosticAnalyzer in the analyzers and code fix assemblies.</summary>
    private static IEnumerable<DiagnosticDescriptor> Descriptors()
        => new[] { typeof(SqlQueryAnalyzer).Assembly, typeof(NeoGen.CodeFixes.AddIndexCodeFixProvider).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    [Fact]
    public void Every_analyzer_is_found()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet();
        Assert.Contains("NG1001", ids);
        Assert.Contains("NG1002", ids);
        Assert.Contains("NG3004", ids);
    }

    [Theory]
    [MemberData(nameof(AnalyzerRuleIds))]
    public void Rule_has_a_help_link_a_docs_page_and_a_readme_row(string id)
    {
        var root = RepositoryRoot();
        foreach (var descriptor in Descriptors().Where(d => d.Id == id))
        {
            Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault, $"{id} is off by default");
        }

        var page = Path.Combine(root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.StartsWith($"# {id}: ", text);
        foreach (var section in Sections)
        {
            Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"docs/rules/{id}.md has no '{section}' section");
        }

        Assert.True(text.Contains($"disable {id}", StringComparison.Ordinal), $"docs/rules/{id}.md does not show its pragma");
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.True(readme.Contains($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal), $"README.md diagnostics table has no row for {id}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeoGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NeoGen.sln not found above " + AppContext.BaseDirectory);
    }
}
