using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NeoGen.Generator;

namespace NeoGen.Generator.Tests;

/// <summary>Runs the generator over source text the way the compiler does, and compiles its output.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> AllReferences = new(() => References(withProviders: true));

    private static readonly Lazy<ImmutableArray<MetadataReference>> ReferencesWithoutProviders = new(() => References(withProviders: false));

    public static CSharpCompilation Compilation(string source, bool withProviders = true, params string[] moreSources)
    {
        var trees = new[] { source }.Concat(moreSources)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: i == 0 ? "Input.cs" : $"Input{i}.cs"));
        return CSharpCompilation.Create(
            "GeneratorTests",
            trees,
            withProviders ? AllReferences.Value : ReferencesWithoutProviders.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK silences these reference-unification notes by default too.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new[] { new RepositoryGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator. With <paramref name="editorConfig"/> the sources live under <see cref="ProjectDirectory"/> next to
    /// that .editorconfig, and the compilation carries its severities the way csc does (a syntax tree options provider built
    /// from the <see cref="AnalyzerConfigSet"/>): the driver filters the generator's diagnostics through the compilation options,
    /// so severity none drops them and '#pragma warning disable' marks them suppressed. <see cref="GeneratorOutcome.Reported"/>
    /// is what the compiler prints.
    /// </summary>
    public static GeneratorOutcome Run(string source, bool withProviders = true, string? editorConfig = null)
    {
        var compilation = Compilation(source, withProviders);
        if (editorConfig is not null)
        {
            var configs = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, Path.Combine(ProjectDirectory, ".editorconfig")) });
            compilation = compilation
                .RemoveAllSyntaxTrees()
                .AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithFilePath(Path.Combine(ProjectDirectory, t.FilePath))))
                .WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigSeverities(configs)));
        }

        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        return new GeneratorOutcome(
            result,
            generatorDiagnostics,
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
            result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()));
    }

    /// <summary>Where the sources of a run with an .editorconfig live (absolute, so the config's sections match them).</summary>
    public static string ProjectDirectory { get; } = Path.Combine(Path.GetTempPath(), "NeoGenProject");

    private static ImmutableArray<MetadataReference> References(bool withProviders)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        var extra = new List<string> { typeof(TableAttribute).Assembly.Location };
        if (withProviders)
        {
            extra.Add(typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location);
            extra.Add(typeof(Npgsql.NpgsqlConnection).Assembly.Location);
            extra.Add(typeof(MySqlConnector.MySqlConnection).Assembly.Location);
            extra.Add(typeof(Microsoft.Data.SqlClient.SqlConnection).Assembly.Location);
        }

        return platform.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

internal sealed record GeneratorOutcome(
    GeneratorDriverRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics,
    IReadOnlyDictionary<string, string> Sources)
{
    public IEnumerable<Diagnostic> NeoGen(string id) => GeneratorDiagnostics.Where(d => d.Id == id);

    /// <summary>The generator's diagnostics the compiler reports: not dropped by a severity option and not suppressed by a pragma.</summary>
    public IEnumerable<Diagnostic> Reported(string id) => NeoGen(id).Where(d => !d.IsSuppressed);

    public string Source(string suffix) => Sources.Single(s => s.Key.EndsWith(suffix, StringComparison.Ordinal)).Value;
}

/// <summary>Severities of an .editorconfig per syntax tree (and of a global config), as csc hands them to the compilation.</summary>
internal sealed class EditorConfigSeverities(AnalyzerConfigSet configs) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        => configs.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        => configs.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
