using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// Tables declared only in <c>.sql</c> schema files (AdditionalFiles): <c>SELECT *</c> over them is expanded at
/// compile time from the files, applied in file-name order, and read by ordinal like a <c>[Table]</c> type.
/// </summary>
public class SchemaFileTests
{
    private const string Source = """
        using System.Collections.Generic;
        using NeoGen;

        namespace Audit;

        public sealed record AuditEntry(long Id, string Action, string? Detail, string? At);

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        public partial interface IAuditRepository
        {
            [Query("SELECT * FROM audit_log WHERE id = @id")]
            AuditEntry? Find(long id);

            [Query("SELECT a.* FROM audit_log a JOIN audit_tags t ON t.entry_id = a.id WHERE t.tag = @tag")]
            List<AuditEntry> Tagged(string tag);
        }
        """;

    private static readonly (string Path, string Text)[] Migrations =
    {
        // Out of order on purpose: file names decide the order, as with migrations.
        ("db/002_add_at.sql", "ALTER TABLE audit_log ADD COLUMN at TEXT;\nCREATE TABLE audit_tags (entry_id BIGINT NOT NULL REFERENCES audit_log(id), tag TEXT NOT NULL);"),
        ("db/001_init.sql", "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, action TEXT NOT NULL, detail TEXT);"),
    };

    [Fact]
    public void Star_over_a_table_from_schema_files_is_expanded_and_read_by_ordinal()
    {
        var (sources, diagnostics) = Run(Migrations);
        Assert.Empty(diagnostics);

        var sqlite = sources.Single(s => s.Key.EndsWith("IAuditRepository.Sqlite.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("\"SELECT id, action, detail, at FROM audit_log WHERE id = @p0\"", sqlite);
        Assert.Contains("\"SELECT a.id, a.action, a.detail, a.at FROM audit_log a JOIN audit_tags t", sqlite);
        Assert.Contains("reader.GetString(ordinal = 1)", sqlite);
        Assert.DoesNotContain("Ordinals_", sqlite);

        var postgres = sources.Single(s => s.Key.EndsWith("IAuditRepository.PostgreSql.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("\"SELECT id, action, detail, at FROM audit_log WHERE id = $1\"", postgres);
        Assert.DoesNotContain("Ordinals_", postgres);
    }

    [Fact]
    public void Without_schema_files_the_star_is_matched_by_name_at_run_time()
    {
        var (sources, diagnostics) = Run(Array.Empty<(string, string)>());
        Assert.Empty(diagnostics);
        var sqlite = sources.Single(s => s.Key.EndsWith("IAuditRepository.Sqlite.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("\"SELECT * FROM audit_log WHERE id = @p0\"", sqlite);
        Assert.Contains("Ordinals_", sqlite);
    }

    [Fact]
    public void A_migration_that_renames_a_mapped_column_breaks_the_build_where_the_member_is_read()
    {
        var renamed = Migrations.Append(("db/003_rename.sql", "ALTER TABLE audit_log RENAME COLUMN detail TO details;")).ToArray();
        var (_, diagnostics) = Run(renamed);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "NG2006" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Detail'", StringComparison.Ordinal)));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "NG2005" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'details'", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_broken_schema_file_never_crashes_the_generator()
    {
        var broken = Migrations.Append(("db/004_broken.sql", "CREATE TABLE (;; ALTER TABLE audit_log DROP COLUMN")).ToArray();
        var (sources, diagnostics) = Run(broken);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "NG0009");
        Assert.Contains(sources.Keys, k => k.EndsWith("IAuditRepository.Sqlite.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_a_schema_file_re_emits_and_an_unrelated_edit_does_not()
    {
        var compilation = GeneratorHarness.Compilation(Source);
        var texts = Migrations.Select(m => (AdditionalText)new InMemoryText(m.Path, m.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RepositoryGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", new CSharpParseOptions(LanguageVersion.Latest))));
        var unrelated = driver.GetRunResult().Results.Single();
        Assert.All(unrelated.TrackedSteps[RepositoryGenerator.SchemaFilesStep].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        driver = driver.ReplaceAdditionalText(texts[1], new InMemoryText(Migrations[1].Path, Migrations[1].Text.Replace("detail TEXT", "detail TEXT, extra TEXT", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation);
        var edited = driver.GetRunResult().Results.Single();
        Assert.Contains(edited.TrackedSteps[RepositoryGenerator.SchemaFilesStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(edited.GeneratedSources, s => s.SourceText.ToString().Contains("SELECT id, action, detail, extra, at FROM audit_log", StringComparison.Ordinal));
    }

    private static (Dictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics) Run((string Path, string Text)[] files)
    {
        var compilation = GeneratorHarness.Compilation(Source);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new RepositoryGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            new CSharpParseOptions(LanguageVersion.Latest));
        var result = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics).GetRunResult();
        var all = generatorDiagnostics.AddRange(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return (result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()), all);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
