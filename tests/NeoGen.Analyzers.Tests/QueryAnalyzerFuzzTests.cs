using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Analyzers.Query;

namespace NeoGen.Analyzers.Tests;

/// <summary>The query analyzer never throws: mutated SQL strings, declarations and schema files (fixed seed) give diagnostics or nothing, never AD0001.</summary>
public sealed class QueryAnalyzerFuzzTests
{
    private static readonly string[] Sqls =
    {
        "SELECT u.id, u.email, t.name AS team_name FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.team_id = @teamId ORDER BY u.created_at DESC LIMIT 10",
        "UPDATE users SET display_name = @name, score = score + 1 WHERE id = @id",
        "DELETE FROM users WHERE email LIKE '%x' OR lower(email) = @email",
        "INSERT INTO users (email, team_id) VALUES (@email, @teamId) RETURNING id",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r JOIN users ON users.id = r.n",
        "SELECT COUNT(*), team_id FROM users GROUP BY 2 HAVING COUNT(*) > @min",
    };

    private const string Tokens = " ()'\",.;*@%_-+/=<>[]`$:\nSELECTFROMWHEREJOINONINSERTUPDATEDELETEorderbygroupidemailteam";

    [Fact]
    public async Task Mutated_sql_and_declarations_never_throw()
    {
        var random = new Random(20261127);
        var sources = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var sql = Mutate(random, Sqls[random.Next(Sqls.Length)]);
            var source = QueryAnalyzerTests.Repo(
                $"[Query(\"{Escape(sql)}\")]\nTask<List<User>> Q{i}Async(long id, string email, long teamId, string name, int min);\n"
                + $"[Query(@\"{sql.Replace("\"", "\"\"")}\")]\nTask<UserRow?> R{i}Async(long id, string email, long teamId, string name, int min);\n"
                + "Task<List<User>> FindByEmailAndScoreOrderByCreatedAtDescAsync(string email, int score);\nTask<int> CountByAsync();\nTask<User?> GetByOrderByAsync();\n");
            sources.Add(i % 3 == 0 ? Mutate(random, source) : source);
        }

        sources.Add(QueryAnalyzerTests.Repo("[Query(\"" + new string('(', 5000) + "\")] Task<int> DeepAsync();"));
        sources.Add(QueryAnalyzerTests.Repo("[Query(\"SELECT id FROM users WHERE email = '" + new string('x', 1_000_000) + "' AND id = @id\")] Task<int> BigAsync(long id);"));
        sources.Add(QueryAnalyzerTests.Repo("[Query(\"SELECT id FROM users WHERE email = '" + new string('x', 1_000_000) + "\")] Task<int> BigUnterminatedAsync();"));
        sources.Add("using NeoGen; [Table] public record { [ForeignKey(typeof(X))] public long A { get; init; } }\n[Repository((Dialect)99)] interface I : ICrudRepository<int, int> { [Query(null)] int M(); [Query] int N(); }");

        var schemas = new[]
        {
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL); CREATE INDEX ix ON users (lower(email));",
            "ALTER TABLE nothing RENAME COLUMN a TO b; CREATE TABLE (",
            Mutate(random, "CREATE TABLE teams (id BIGSERIAL PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x'); CREATE UNIQUE INDEX ux ON teams (name) WHERE name <> '';"),
        };

        // About a megabyte of DDL, with the first few sources (the schema is read once per compilation).
        var wide = "CREATE TABLE wide (" + string.Join(", ", Enumerable.Range(0, 60_000).Select(i => "column_" + i + " INTEGER")) + ");";

        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var trees = new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(NeoGenStubs.Source) };
            var compilation = CSharpCompilation.Create("Fuzz", trees, TestReferences.All.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var files = (index < 3 ? schemas.Append(wide) : schemas).Select((s, i) => (AdditionalText)new Text($"/{i:000}.sql", s)).ToImmutableArray();
            var options = new AnalyzerOptions(files);
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SqlQueryAnalyzer()),
                new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    private static string Escape(string sql) => sql.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        var count = random.Next(1, 6);
        for (var i = 0; i < count && chars.Count > 0; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2: chars[at] = Tokens[random.Next(Tokens.Length)]; break;
                default: chars.RemoveRange(at, chars.Count - at); break;
            }
        }

        return new string(chars.ToArray());
    }

    private sealed class Text : AdditionalText
    {
        private readonly string _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }
}
