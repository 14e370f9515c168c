#pragma warning disable RS1036, RS2008 // throwaway analyzers for measuring the driver, not shipped
using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NeoGen.CompilerBenchmarks;

/// <summary>Stopwatch split of the per-document analysis, analyzer by analyzer (run with --profile).</summary>
public static class Profile
{
    public static void Run()
    {
        var benchmarks = new CompilerBenchmarks();
        benchmarks.Setup();
        var (compilation, generated, analyzers, userTrees) = benchmarks.ForProfile();
        var schemaType = analyzers[1].GetType().Assembly.GetType("NeoGen.Analyzers.Schema.CompilationSchema")!;
        var build = schemaType.GetMethod("Build")!;
        var queries = userTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>())
            .Where(a => a.Name.ToString() == "Query")
            .Select(a => (string)((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)a.ArgumentList!.Arguments[0].Expression).Token.Value!)
            .ToList();
        var edited = userTrees.First(t => t.FilePath.Contains("Repositories", StringComparison.Ordinal));
        for (var round = 0; round < 3; round++)
        {
            // One document of a new snapshot: the compiler's own first-use cost, then with the analyzers.
            var snapshot = generated.ReplaceSyntaxTree(edited, Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(edited.GetText().ToString() + " ", (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)edited.Options, edited.FilePath));
            var document = snapshot.SyntaxTrees.First(t => t.FilePath == edited.FilePath);
            Time("one document of a new snapshot, no analyzers", () => snapshot.Clone().GetSemanticModel(document).GetDiagnostics());
            Time("one document of a new snapshot, all analyzers", () => PerDocument(snapshot.Clone(), analyzers, new[] { document }));
            Time("one document of a new snapshot, no-op symbol analyzer", () => PerDocument(snapshot.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(symbolActions: true)), new[] { document }));
            // The same after the generator's incremental run, as IdeEditCycle does it.
            Microsoft.CodeAnalysis.GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new NeoGen.Generator.RepositoryGenerator().AsSourceGenerator());
            driver = driver.RunGenerators(compilation);
            var input = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(t => t.FilePath == edited.FilePath), Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(edited.GetText().ToString() + " ", (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)edited.Options, edited.FilePath));
            Compilation output = null!;
            Time("incremental generator run", () => driver = driver.RunGeneratorsAndUpdateCompilation(input, out output, out _));
            var outputDocument = output.SyntaxTrees.First(t => t.FilePath == edited.FilePath);
            Time("one document after the generator, no analyzers", () => output.GetSemanticModel(outputDocument).GetDiagnostics());
            driver = driver.RunGeneratorsAndUpdateCompilation(input.ReplaceSyntaxTree(input.SyntaxTrees.First(t => t.FilePath == edited.FilePath), edited), out output, out _);
            outputDocument = output.SyntaxTrees.First(t => t.FilePath == edited.FilePath);
            Time("one document after the generator, all analyzers", () => PerDocument(output, analyzers, new[] { outputDocument }));
            object? schema = null;
            Time("CompilationSchema.Build", () => schema = build.Invoke(null, new object[] { generated.Clone(), ImmutableArray<AdditionalText>.Empty, Array.Empty<string?>(), NeoGen.Sql.SqlDialect.Sqlite, CancellationToken.None }));
            var sqlSchema = (NeoGen.Sql.Schema.SqlSchema)schemaType.GetProperty("Schema")!.GetValue(schema)!;
            Time($"parse {queries.Count} queries", () => queries.ForEach(q => NeoGen.Sql.Parsing.SqlParser.Parse(q, NeoGen.Sql.SqlDialect.Sqlite)));
            Time($"bind {queries.Count} queries", () => queries.ForEach(q => NeoGen.Sql.Binding.SqlBinder.Bind(q, NeoGen.Sql.SqlDialect.Sqlite, sqlSchema)));
            Time("semantic models only (no analyzers)", () =>
            {
                var fresh = generated.Clone();
                foreach (var tree in userTrees)
                {
                    fresh.GetSemanticModel(tree).GetDiagnostics();
                }
            });
            foreach (var analyzer in analyzers)
            {
                Time(analyzer.GetType().Name, () => PerDocument(generated.Clone(), ImmutableArray.Create(analyzer), userTrees));
            }

            Time("all analyzers", () => PerDocument(generated.Clone(), analyzers, userTrees));
            Time("no-op symbol analyzer", () => PerDocument(generated.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(symbolActions: true)), userTrees));
            Time("no-op syntax analyzer", () => PerDocument(generated.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(symbolActions: false)), userTrees));
        }
    }

    private static void PerDocument(Compilation target, ImmutableArray<DiagnosticAnalyzer> analyzers, SyntaxTree[] trees)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
        var withAnalyzers = target.WithAnalyzers(analyzers, options);
        foreach (var tree in trees)
        {
            withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
            withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(target.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
        }

        foreach (var analyzer in analyzers)
        {
            var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"    {analyzer.GetType().Name}: execution time {info.ExecutionTime.TotalMilliseconds:F0} ms, symbol actions {info.SymbolActionsCount}, operation actions {info.OperationActionsCount}");
        }
    }

    private static void Time(string name, Action action)
    {
        var before = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms, {(GC.GetTotalAllocatedBytes() - before) / 1048576} MB");
    }
}

/// <summary>Does nothing with what it registers for: the analyzer driver's own cost of symbol or syntax actions.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer(bool symbolActions) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("XX0001", "x", "x", "x", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        if (symbolActions)
        {
            context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            context.RegisterSymbolAction(_ => { }, SymbolKind.Property);
        }
        else
        {
            context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterfaceDeclaration);
        }
    }
}
