using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Shared;
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
        // Portable DDL declared for both databases (NeoGenDialect="Sqlite;PostgreSql").
        var (sources, diagnostics) = Run(Migrations, "Sqlite;PostgreSql");
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
        var (_, diagnostics) = Run(renamed, "Sqlite;PostgreSql");
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

    [Fact]
    public void A_file_describes_one_database_so_sqlite_ddl_never_judges_a_postgresql_repository()
    {
        // Dates as TEXT is right for SQLite and wrong for PostgreSQL; without a dialect of its own the file is the
        // SQLite one here (the first of the tied dialects), so the PostgreSQL side is checked against the types alone.
        const string Types = """
            using System;
            using System.Collections.Generic;
            using NeoGen;

            namespace Shop;

            [Table("customers")]
            public sealed record Customer
            {
                [Key, Generated] public long Id { get; init; }
                public required string Email { get; init; }
                [CreatedAt] public DateTime CreatedAt { get; init; }
            }

            [Repository(Dialect.Sqlite)]
            [Repository(Dialect.PostgreSql)]
            public partial interface ICustomers : ICrudRepository<Customer, long>
            {
                [Query("SELECT id, email, created_at FROM customers WHERE id IN @ids")]
                List<Customer> ByIds(long[] ids);
            }
            """;
        var sqliteDdl = ("db/001_init.sql", "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL, created_at TEXT NOT NULL);");
        var undeclared = Run(new[] { sqliteDdl }, source: Types);
        Assert.Empty(undeclared.Diagnostics);

        // The same file declared for PostgreSQL is judged there: TEXT cannot be read into a DateTime.
        var declared = Run(new[] { sqliteDdl }, "PostgreSql", Types);
        Assert.Contains(declared.Diagnostics, d => d.Id == "NG2009" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("PostgreSQL", StringComparison.Ordinal));

        // A folder named after the dialect says the same as the metadata.
        var byFolder = Run(new[] { ("db/postgresql/001_init.sql", sqliteDdl.Item2) }, source: Types);
        Assert.Contains(byFolder.Diagnostics, d => d.Id == "NG2009");
    }

    [Theory]
    [InlineData("db/001_init.sql", null, 0)]
    [InlineData("db/postgresql/001_init.sql", null, 2)]
    [InlineData("db/Postgres/001_init.sql", null, 2)]
    [InlineData("db/001_init.sqlite.sql", null, 1)]
    [InlineData("/home/me/mysql/app/db/001_init.sql", null, 0)]
    [InlineData("db/postgresql/001_init.sql", "Sqlite", 1)]
    [InlineData("db/001_init.sql", "Sqlite;PostgreSql", 3)]
    [InlineData("db/001_init.sql", "MariaDB, SqlServer", 12)]
    public void The_dialect_of_a_file_comes_from_metadata_then_its_folder_or_extension(string path, string? metadata, int expected)
        => Assert.Equal(expected, SchemaFileDialects.Of(path, metadata));

    private static (Dictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics) Run((string Path, string Text)[] files, string? dialects = null, string source = Source)
    {
        var compilation = GeneratorHarness.Compilation(source);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new RepositoryGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            dialects is null ? null : new FileMetadata(SchemaFileDialects.MetadataKey, dialects));
        var result = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics).GetRunResult();
        var all = generatorDiagnostics.AddRange(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return (result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()), all);
    }

    /// <summary>One metadata value on every additional file, as MSBuild passes <c>NeoGenDialect</c> to the compiler.</summary>
    private sealed class FileMetadata(string key, string value) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Options(null, null);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(key, value);

        private sealed class Options(string? key, string? value) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? found)
            {
                found = name == key ? value : null;
                return found is not null;
            }
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
