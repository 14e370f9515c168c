using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Data.Sqlite;
using NeoGen.Analyzers.Injection;
using NeoGen.Analyzers.Query;
using NeoGen.Generator;
using NeoGen.Sql;
using NeoGen.Sql.Lexing;
using Npgsql;

namespace NeoGen.CorpusTests;

/// <summary>
/// Every corpus query twice: through NeoGen as a user's build runs it (the generator and the analyzers over a
/// repository declaring the query, with the schema files as AdditionalFiles), and on the real database (prepared by
/// PostgreSQL or SQLite over the same schema). NeoGen must report exactly the diagnostics the corpus expects, and the
/// server must accept or refuse the statement as the corpus says, so a false diagnostic and a missed mistake both fail.
/// </summary>
public sealed class CorpusTests : IClassFixture<CorpusDatabases>
{
    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, List<Diagnostic>>>> Results = new();

    private readonly CorpusDatabases _databases;

    public CorpusTests(CorpusDatabases databases) => _databases = databases;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var query in Corpus.Queries)
        {
            data.Add(query.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NeoGen_reports_exactly_the_expected_diagnostics(string name)
    {
        var query = Find(name);
        var diagnostics = Diagnose(query.Schema).TryGetValue(query.Name, out var found) ? found : new List<Diagnostic>();
        var actual = diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var expected = query.Expected.OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{name}: expected [{string.Join(", ", expected)}], got:\n{string.Join("\n", diagnostics.Select(d => d.ToString()))}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_accepts_or_refuses_it_as_the_corpus_says(string name)
    {
        var query = Find(name);
        var schema = Corpus.Schemas.Single(s => s.Name == query.Schema);
        var error = _databases.Prepare(schema, query.Sql);
        if (query.ServerAccepts)
        {
            Assert.True(error is null, $"{name}: the server refused it: {error}");
        }
        else
        {
            Assert.True(error is not null, $"{name}: the server accepted it");
        }
    }

    [Fact]
    public void Every_schema_builds_without_compiler_errors_in_generated_code()
    {
        foreach (var schema in Corpus.Schemas)
        {
            var outside = Diagnose(schema.Name).TryGetValue(string.Empty, out var found) ? found : new List<Diagnostic>();
            Assert.True(outside.Count == 0, $"{schema.Name}: diagnostics outside the corpus methods:\n{string.Join("\n", outside)}");
        }
    }

    [Fact]
    public void The_corpus_covers_both_servers_and_both_outcomes()
    {
        Assert.Contains(Corpus.Schemas, s => s.Dialect == SqlDialect.PostgreSql);
        Assert.Contains(Corpus.Schemas, s => s.Dialect == SqlDialect.Sqlite);
        Assert.True(Corpus.Queries.Count(q => q.Expected.Length == 0) >= 40, "at least 40 correct queries");
        Assert.True(Corpus.Queries.Count(q => q.Expected.Length > 0 && q.Expected.Any(e => !e.StartsWith("NG3", StringComparison.Ordinal))) >= 25, "at least 25 single-mistake variants");
        Assert.Equal(Corpus.Queries.Length, Corpus.Queries.Select(q => q.ToString()).Distinct().Count());
    }

    private static CorpusQuery Find(string name) => Corpus.Queries.Single(q => q.ToString() == name);

    /// <summary>The NeoGen diagnostics (warnings and errors) of one schema's repository, by the method they are on.</summary>
    private static Dictionary<string, List<Diagnostic>> Diagnose(string schemaName)
        => Results.GetOrAdd(schemaName, name => new Lazy<Dictionary<string, List<Diagnostic>>>(() => Compile(Corpus.Schemas.Single(s => s.Name == name)))).Value;

    private static Dictionary<string, List<Diagnostic>> Compile(CorpusSchema schema)
    {
        var queries = Corpus.Queries.Where(q => q.Schema == schema.Name).ToList();
        var source = new StringBuilder();
        source.Append("using System;\nusing System.Collections.Generic;\nusing NeoGen;\n\nnamespace Corpus;\n\n");
        source.Append(schema.Types).Append("\n\n");
        source.Append("[Repository(Dialect.").Append(schema.Dialect).Append(")]\npublic partial interface I").Append(schema.Name).Append("\n{\n");
        foreach (var query in queries)
        {
            source.Append("    [Query(\"\"\"\n        ").Append(query.Sql).Append("\n        \"\"\")]\n    ").Append(query.Signature).Append("\n\n");
        }

        source.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: schema.Name + ".cs");
        var compilation = CSharpCompilation.Create(
            schema.Name,
            new[] { tree },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var files = schema.Files.Select((text, i) => (AdditionalText)new SchemaFile($"/schema/{i + 1:000}_{schema.Name}.sql", text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(new[] { new RepositoryGenerator().AsSourceGenerator() }, files, new CSharpParseOptions(LanguageVersion.Latest));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SqlQueryAnalyzer(), new SqlInjectionAnalyzer());
        var analyzerDiagnostics = output.WithAnalyzers(analyzers, new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().Result;
        var compilerErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

        var byMethod = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var root = tree.GetRoot();
        foreach (var diagnostic in generatorDiagnostics.Concat(analyzerDiagnostics).Concat(compilerErrors).Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var method = diagnostic.Location.SourceTree == tree
                ? root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText
                : null;
            var key = method ?? string.Empty;
            if (!byMethod.TryGetValue(key, out var list))
            {
                byMethod[key] = list = new List<Diagnostic>();
            }

            list.Add(diagnostic);
        }

        return byMethod;
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        var extra = new[] { typeof(TableAttribute).Assembly.Location, typeof(SqliteConnection).Assembly.Location, typeof(NpgsqlConnection).Assembly.Location };
        return platform.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    private sealed class SchemaFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

/// <summary>Each corpus schema on the real servers: a PostgreSQL schema of its own, or a SQLite database file.</summary>
public sealed class CorpusDatabases : IDisposable
{
    private readonly NpgsqlDataSource _admin;
    private readonly Dictionary<string, NpgsqlDataSource> _postgres = new();
    private readonly Dictionary<string, string> _sqlite = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neogen-corpus-" + Guid.NewGuid().ToString("N"));
    private readonly string _suffix = Guid.NewGuid().ToString("N").Substring(0, 8);

    public CorpusDatabases()
    {
        var connectionString = Environment.GetEnvironmentVariable("NEOGEN_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("NEOGEN_POSTGRES is not set. Run the tests through './build.sh test', which starts a throwaway PostgreSQL server.");
        _admin = NpgsqlDataSource.Create(connectionString);
        Directory.CreateDirectory(_directory);
        foreach (var schema in Corpus.Schemas)
        {
            if (schema.Dialect == SqlDialect.PostgreSql)
            {
                var name = ("corpus_" + schema.Name + "_" + _suffix).ToLowerInvariant();
                Execute(_admin, "CREATE SCHEMA " + name);
                var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = name }.ConnectionString);
                _postgres[schema.Name] = source;
                foreach (var file in schema.Files)
                {
                    Execute(source, file);
                }
            }
            else
            {
                var path = Path.Combine(_directory, schema.Name + ".db");
                _sqlite[schema.Name] = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
                using var connection = new SqliteConnection(_sqlite[schema.Name]);
                connection.Open();
                foreach (var file in schema.Files)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = file;
                    command.ExecuteNonQuery();
                }
            }
        }
    }

    /// <summary>Prepares <paramref name="sql"/> (NeoGen's @name parameters) on the schema's server; the server's error, or null.</summary>
    public string? Prepare(CorpusSchema schema, string sql)
    {
        try
        {
            if (schema.Dialect == SqlDialect.PostgreSql)
            {
                using var connection = _postgres[schema.Name].OpenConnection();
                using var command = connection.CreateCommand();
                command.CommandText = "PREPARE corpus_statement AS " + Positional(sql);
                command.ExecuteNonQuery();
                command.CommandText = "DEALLOCATE corpus_statement";
                command.ExecuteNonQuery();
                return null;
            }

            using (var connection = new SqliteConnection(_sqlite[schema.Name]))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Prepare();
            }

            return null;
        }
        catch (Exception exception) when (exception is PostgresException or SqliteException)
        {
            return exception.Message;
        }
    }

    /// <summary>PostgreSQL's PREPARE takes $1, $2 ...: NeoGen's @name parameters numbered by first use.</summary>
    private static string Positional(string sql)
    {
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var builder = new StringBuilder();
        var position = 0;
        foreach (var token in SqlLexer.Lex(sql, SqlDialect.PostgreSql).Tokens.Where(t => t.Kind == SqlTokenKind.Parameter))
        {
            if (!numbers.TryGetValue(token.Value, out var number))
            {
                numbers[token.Value] = number = numbers.Count + 1;
            }

            builder.Append(sql, position, token.Start - position).Append('$').Append(number);
            position = token.Start + token.Length;
        }

        return builder.Append(sql, position, sql.Length - position).ToString();
    }

    private static void Execute(NpgsqlDataSource source, string sql)
    {
        using var command = source.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var (name, source) in _postgres)
        {
            source.Dispose();
            Execute(_admin, "DROP SCHEMA " + ("corpus_" + name + "_" + _suffix).ToLowerInvariant() + " CASCADE");
        }

        _admin.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the native library; the temp folder is cleaned by the OS.
        }
    }
}
