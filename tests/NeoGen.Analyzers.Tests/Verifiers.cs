using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NeoGen.Analyzers.Injection;
using NeoGen.CodeFixes;

namespace NeoGen.Analyzers.Tests;

/// <summary>
/// References for the analyzed test code: the running runtime's own assemblies plus the providers and Dapper,
/// so nothing is downloaded at test time.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference package to resolve: everything comes from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly Lazy<ImmutableArray<MetadataReference>> All = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        var extra = new[]
        {
            typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location,
            typeof(Npgsql.NpgsqlConnection).Assembly.Location,
            typeof(MySqlConnector.MySqlConnection).Assembly.Location,
            typeof(Microsoft.Data.SqlClient.SqlConnection).Assembly.Location,
            typeof(Dapper.SqlMapper).Assembly.Location,
        };
        return platform.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static void Configure(SolutionState state, List<Func<Solution, ProjectId, Solution>> transforms)
    {
        state.AdditionalReferences.AddRange(All.Value);
        transforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(project.CompilationOptions!.SpecificDiagnosticOptions
                    .SetItem("CS1701", ReportDiagnostic.Suppress)
                    .SetItem("CS1702", ReportDiagnostic.Suppress));
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }
}

internal sealed class AnalyzerTest : CSharpAnalyzerTest<SqlInjectionAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source, params string[] moreSources)
    {
        TestCode = source;
        foreach (var more in moreSources)
        {
            TestState.Sources.Add(more);
        }

        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, SolutionTransforms);
    }
}

internal sealed class CodeFixTest : CSharpCodeFixTest<SqlInjectionAnalyzer, SqlInjectionCodeFixProvider, DefaultVerifier>
{
    public CodeFixTest(string source, string fixedSource, params string[] moreSources)
    {
        TestCode = source;
        FixedCode = fixedSource;
        foreach (var more in moreSources)
        {
            TestState.Sources.Add(more);
            FixedState.Sources.Add(more);
        }

        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, SolutionTransforms);
    }
}

internal static class Verify
{
    public static DiagnosticResult NG1001(int location, string sink, string part, string how)
        => new DiagnosticResult("NG1001", DiagnosticSeverity.Error).WithLocation(location)
            .WithArguments($"SQL passed to '{sink}' is built from '{part}' by {how}; keep the SQL constant and pass the value as a parameter")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static Task Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task AnalyzerWithStubs(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source, Stubs.SqlClient, Stubs.MySqlConnector);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task Fix(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CodeFixTest(source, fixedSource, Stubs.SqlClient, Stubs.MySqlConnector);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
