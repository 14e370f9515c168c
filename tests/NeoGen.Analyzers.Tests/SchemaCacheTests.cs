using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NeoGen.Analyzers.Query;

namespace NeoGen.Analyzers.Tests;

/// <summary>
/// The schema is shared between compilations of the same code (the compiler makes one per document request), and
/// only between those: an edit of any file, not just the first, gives the next compilation its own schema.
/// </summary>
public sealed class SchemaCacheTests
{
    private const string Repository = """
        using NeoGen;
        [Repository(Dialect.Sqlite)]
        public partial interface IOrders
        {
            [Query("SELECT id, total FROM orders WHERE id = @id")]
            Order? Find(long id);
        }
        """;

    private const string ModelWithoutTotal = """
        using NeoGen;
        [Table("orders")]
        public sealed record Order([property: Key] long Id, decimal Amount);
        """;

    private const string ModelWithTotal = """
        using NeoGen;
        [Table("orders")]
        public sealed record Order([property: Key] long Id, decimal Total);
        """;

    [Fact]
    public async Task An_edit_of_a_later_file_is_seen_by_the_next_compilation()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var repository = CSharpSyntaxTree.ParseText(Repository, options, "Repository.cs");
        var model = CSharpSyntaxTree.ParseText(ModelWithoutTotal, options, "Model.cs");
        var stubs = CSharpSyntaxTree.ParseText(NeoGenStubs.Source, options, "Stubs.cs");
        var before = CSharpCompilation.Create(
            "Cache",
            new[] { repository, model, stubs },
            Basic.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Twice on the same code, document by document as an IDE asks: the same findings.
        Assert.Equal(new[] { "NG2002" }, await Ids(before, repository));
        Assert.Equal(new[] { "NG2002" }, await Ids(before, repository));

        // The first file is unchanged; the second now declares the column.
        var after = before.ReplaceSyntaxTree(model, CSharpSyntaxTree.ParseText(ModelWithTotal, options, "Model.cs"));
        Assert.Empty(await Ids(after, repository));

        // And back.
        Assert.Equal(new[] { "NG2002" }, await Ids(before, repository));
    }

    private static async Task<string[]> Ids(Compilation compilation, SyntaxTree document)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SqlQueryAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(document), null, CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal) && d.Id != "NG3001").Select(d => d.Id).ToArray();
    }

    private static class Basic
    {
        public static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
