using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Analyzers.Injection;
using NeoGen.CodeFixes;

namespace NeoGen.Analyzers.Tests;

/// <summary>
/// The analyzer and the code fix never throw: mutated and truncated sources (fixed seed, so a failure replays)
/// give diagnostics or nothing, never AD0001 or an exception.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string[] Seeds =
    {
        SqlInjectionAnalyzerTests.Usings + """
            public sealed record User(long Id, string Name);
            public class Repo
            {
                private string _sql = "";
                public void A(SqliteConnection connection, string name, int id, bool desc)
                {
                    using var command = connection.CreateCommand();
                    var order = desc ? "DESC" : "ASC";
                    var sql = "SELECT id FROM users WHERE name = '" + name + "' ORDER BY id " + order;
                    sql += $" LIMIT {id}";
                    command.CommandText = sql;
                    command.CommandText = $"SELECT id FROM users WHERE name LIKE '%{name}%' AND id = {id}";
                    _sql = string.Format("DELETE FROM users WHERE id = {0}", id);
                    command.CommandText = _sql;
                    var builder = new StringBuilder("SELECT 1");
                    builder.Append(" WHERE x = ").Append(id);
                    command.CommandText = builder.ToString();
                    command.CommandText += " AND y = '" + name + "'";
                }

                public async Task B(System.Data.IDbConnection connection, string name, long id)
                {
                    var users = connection.Query<User>($"SELECT id, name FROM users WHERE name = '{name}' LIMIT {id}");
                    await connection.ExecuteAsync("DELETE FROM users WHERE id = " + id, transaction: null);
                    using var npg = new NpgsqlCommand(string.Concat("SELECT ", name), null);
                    var batch = new NpgsqlBatchCommand($"SELECT {string.Join(", ", new[] { name, "x" })}");
                    foreach (var n in new[] { name }) { npg.CommandText = n; }
                    if (name is string s) { npg.CommandText = s + "x"; }
                }
            }
            """,
        SqlInjectionAnalyzerTests.Usings + """
            var connection = new SqliteConnection("Data Source=:memory:");
            var command = connection.CreateCommand();
            var who = args.Length > 0 ? args[0] : "x";
            command.CommandText = $"SELECT '{who}'";
            command.CommandText = "SELECT " + (who.Length) + " FROM t WHERE a = '" + who + "'";
            """,
    };

    private static readonly string[] Fragments =
    {
        "(", ")", "{", "}", "\"", "$\"", "'", "+", ";", "=", "{x}", "$@\"", "\"\"\"", ".CommandText", "new SqliteCommand(", "ref ", "out var q",
        "string.Format(", "+=", "??", "?", ":", "=>", "@", "\\", "\n", "#pragma warning disable NG1001\n", "static ", "async ", "default",
    };

    [Fact]
    public async Task Mutated_sources_never_crash_the_analyzer_or_the_code_fix()
    {
        var random = new Random(20261127);
        var checkedSources = 0;
        for (var round = 0; round < 160; round++)
        {
            var source = Seeds[round % Seeds.Length];
            var mutated = Mutate(source, random);
            await AssertNoCrashAsync(mutated, runFixes: round % 4 == 0);
            checkedSources++;
        }

        // Every prefix class: truncated at many points.
        foreach (var seed in Seeds)
        {
            for (var cut = 0; cut < seed.Length; cut += Math.Max(1, seed.Length / 40))
            {
                await AssertNoCrashAsync(seed.Substring(0, cut), runFixes: false);
                checkedSources++;
            }
        }

        Assert.True(checkedSources > 200);
    }

    [Fact]
    public async Task Seeds_fire_and_their_fixes_apply()
    {
        foreach (var seed in Seeds)
        {
            var diagnostics = await AssertNoCrashAsync(seed, runFixes: true);
            Assert.Contains(diagnostics, d => d.Id == "NG1001");
        }
    }

    [Fact]
    public async Task Huge_concatenation_and_interpolation_do_not_overflow()
    {
        var concat = new StringBuilder("\"SELECT 1 WHERE 1 = 1\"");
        for (var i = 0; i < 3000; i++)
        {
            concat.Append(" + \" AND x = \" + name");
        }

        var interpolated = new StringBuilder("$\"SELECT 1");
        for (var i = 0; i < 3000; i++)
        {
            interpolated.Append(" AND x = '{name}'");
        }

        interpolated.Append('"');
        var source = SqlInjectionAnalyzerTests.Usings + "public class C { public void M(SqliteCommand command, string name) { command.CommandText = "
            + concat + "; command.CommandText = " + interpolated + "; var sql = \"\"; for (var i = 0; i < 10; i++) { sql = sql + name; } command.CommandText = sql; } }";
        var diagnostics = await AssertNoCrashAsync(source, runFixes: true);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "NG1001"));
    }

    private static string Mutate(string source, Random random)
    {
        var text = source;
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var position = random.Next(0, text.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    text = text.Insert(position, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    var length = Math.Min(random.Next(1, 40), text.Length - position);
                    text = text.Remove(position, length);
                    break;
                case 2:
                    text = text.Substring(0, position);
                    break;
                default:
                    var start = random.Next(0, text.Length + 1);
                    var count = Math.Min(random.Next(1, 80), text.Length - start);
                    text = text.Insert(position, text.Substring(start, count));
                    break;
            }
        }

        return text;
    }

    private static async Task<ImmutableArray<Diagnostic>> AssertNoCrashAsync(string source, bool runFixes)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), "Fuzz", "Fuzz", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: parseOptions,
                metadataReferences: TestReferences.All.Value))
            .AddDocument(documentId, "Fuzz.cs", SourceText.From(source));
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.Count == 0, "Analyzer threw on:\n" + source + "\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        if (runFixes)
        {
            var provider = new SqlInjectionCodeFixProvider();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "NG1001"))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await provider.RegisterCodeFixesAsync(context);
                foreach (var action in actions)
                {
                    foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                    {
                        if (operation is ApplyChangesOperation apply)
                        {
                            var changed = apply.ChangedSolution.GetDocument(documentId)!;
                            var text = (await changed.GetTextAsync()).ToString();
                            Assert.NotEqual(source, text);
                        }
                    }
                }
            }
        }

        return diagnostics;
    }
}
