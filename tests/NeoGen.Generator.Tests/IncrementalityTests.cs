using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeoGen.Generator;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>An edit that does not touch a repository must not re-run its planning or emitting.</summary>
public sealed class IncrementalityTests
{
    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compilation(Sources.Repositories, true, "namespace Other; public class Unrelated { public int Value => 1; }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Value => 2; public int More => 3; }", (CSharpParseOptions)unrelated.Options, unrelated.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { RepositoryGenerator.ParseStep, RepositoryGenerator.TablesStep })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        var emit = result.TrackedSteps[RepositoryGenerator.EmitStep].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(emit);
        Assert.All(emit, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // The source output is cached; only the diagnostics output, which looks at the new compilation, re-runs.
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Editing_one_query_regenerates_only_its_repository()
    {
        var second = """
            using NeoGen;
            namespace Shop;
            [Repository] public partial interface IOtherRepository
            {
                [Query("SELECT COUNT(*) FROM customers")] long Count();
            }
            """;
        var compilation = GeneratorHarness.Compilation(Sources.Repositories, true, second);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(second.Replace("COUNT(*)", "COUNT(id)"), (CSharpParseOptions)tree.Options, tree.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[RepositoryGenerator.ParseStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(reasons.Count - 1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("COUNT(id)", result.GeneratedSources.Single(s => s.HintName == "Shop.IOtherRepository.Sqlite.g.cs").SourceText.ToString());
    }
}
