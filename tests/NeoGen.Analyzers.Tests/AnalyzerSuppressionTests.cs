using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NeoGen.Analyzers.Tests;

/// <summary>
/// Every analyzer rule that has a firing case: it fires, and '#pragma warning disable' around the declaration and
/// <c>dotnet_diagnostic.ID.severity = none</c> in .editorconfig each silence it. NG1002 reported in a .sql file: by
/// .globalconfig or NoWarn only, as a pragma cannot be written in a schema file and Roslyn does not apply .editorconfig
/// sections to additional files.
/// </summary>
public sealed partial class AnalyzerSuppressionTests
{
    private const string RepoStart = QueryAnalyzerTests.Model + "[Repository(Dialect.Sqlite)]\npublic partial interface IUserRepository : ICrudRepository<User, long>\n{\n";

    private const string RepoEnd = "\n}\n";

    private const string ClassStart = SqlInjectionAnalyzerTests.Usings + "public class C\n{\n";

    /// <summary>Rule id, source before the declaration, the declaration (with <c>{|ID:span|}</c> markup), source after it.</summary>
    public static TheoryData<string, string, string, string> Rules() => new()
    {
        { "NG1001", ClassStart, """public void M(SqliteCommand command, string userName) => command.CommandText = $"SELECT id FROM users WHERE name = '{{|NG1001:userName|}}'";""", "\n}\n" },
        { "NG1003", RepoStart, """[Query("{|NG1003:DELETE|} FROM users")] Task<int> ClearAsync();""", RepoEnd },
        { "NG1005", RepoStart, """[Query("SELECT {|NG1005:*|} FROM users WHERE id = @id")] Task<User?> GetOneAsync(long id);""", RepoEnd },
        { "NG2001", RepoStart, """[Query("SELECT id FROM {|NG2001:usrs|} WHERE id = @id")] Task<long> GetIdAsync(long id);""", RepoEnd },
        { "NG2002", RepoStart, """[Query("SELECT id, {|NG2002:mail|} FROM users WHERE id = @id")] Task<string> GetMailAsync(long id);""", RepoEnd },
        { "NG2003", RepoStart, """[Query("SELECT {|NG2003:id|}, u.email FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = @email")] Task<List<UserRow>> AllAsync(string email);""", RepoEnd },
        { "NG2008", RepoStart, """[Query("INSERT INTO users ({|NG2008:team_id, created_at, active, score|}) VALUES (@teamId, @at, @active, @score)")] Task<int> AddAsync(long teamId, DateTime at, bool active, int score);""", RepoEnd },
        { "NG3001", RepoStart, """[Query("SELECT id FROM users WHERE {|NG3001:created_at|} > @after")] Task<List<long>> SinceAsync(DateTime after);""", RepoEnd },
        { "NG3001", RepoStart, """Task<List<User>> {|NG3001:FindByScoreAndActiveAsync|}(int score, bool active);""", RepoEnd },
        {
            "NG3002",
            "using NeoGen;\n[Table(\"teams\")] public sealed record Team { [Key] public long Id { get; init; } }\n[Table(\"members\")]\npublic sealed record Member\n{\n    [Key] public long Id { get; init; }\n",
            "[ForeignKey(typeof(Team))] public long {|NG3002:TeamId|} { get; init; }",
            "\n}\n"
        },
        { "NG3003", RepoStart, """[Query("SELECT id FROM users WHERE email LIKE {|NG3003:'%@example.com'|}")] Task<List<long>> ExampleAsync();""", RepoEnd },
        { "NG3004", RepoStart, """[Query("SELECT id FROM users WHERE {|NG3004:lower(email)|} = @email")] Task<long> ByEmailAsync(string email);""", RepoEnd },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_fires(string id, string before, string declaration, string after)
    {
        var test = Test(id, before + declaration + after);
        await test.RunAsync();
        Assert.Contains("{|" + id + ":", declaration, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public Task Pragma_around_the_declaration_suppresses(string id, string before, string declaration, string after)
        => Test(id, before + $"#pragma warning disable {id} // test\n" + WithoutMarkup(declaration) + $"\n#pragma warning restore {id}\n" + after).RunAsync();

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Pragma_for_another_rule_does_not_suppress(string id, string before, string declaration, string after)
    {
        var other = id == "NG1005" ? "NG1003" : "NG1005";
        await Test(id, before + $"#pragma warning disable {other}\n" + declaration + $"\n#pragma warning restore {other}\n" + after).RunAsync();
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Editorconfig_severity_none_suppresses(string id, string before, string declaration, string after)
    {
        var test = Test(id, before + WithoutMarkup(declaration) + after);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n"));
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Editorconfig_for_other_files_does_not_suppress(string id, string before, string declaration, string after)
    {
        var test = Test(id, before + declaration + after);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.vb]\ndotnet_diagnostic.{id}.severity = none\n"));
        await test.RunAsync();
    }

    // ---- NG1002 in a .sql schema file ---------------------------------------------------------------

    private const string OrdersRepo = """
        using System.Threading.Tasks;
        using NeoGen;
        [Table("users")] public sealed record User { [Key] public long Id { get; init; } }
        [Repository]
        public partial interface IOrders
        {
            [Query("SELECT id FROM orders WHERE id = @id")]
            Task<long> GetAsync(long id);
        }
        """;

    private const string BrokenSchema = "CREATE TABLE orders (id INTEGER PRIMARY KEY);\nALTER TABLE nothing ADD COLUMN x INTEGER;\n";

    private static readonly DiagnosticResult SchemaFileError = new DiagnosticResult("NG1002", DiagnosticSeverity.Error)
        .WithSpan("/db/001_init.sql", 2, 13, 2, 20).WithArguments("Schema file '001_init.sql': Table 'nothing' does not exist").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static QueryAnalyzerTest SchemaFileTest()
    {
        var test = new QueryAnalyzerTest(OrdersRepo);
        test.TestState.AdditionalFiles.Add(("/db/001_init.sql", BrokenSchema));
        return test;
    }

    [Fact]
    public async Task Schema_file_error_fires_in_the_file()
    {
        var test = SchemaFileTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.NG1002.severity = none\n"));
        test.ExpectedDiagnostics.Add(SchemaFileError);
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_error_is_suppressed_by_globalconfig()
    {
        var test = SchemaFileTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\ndotnet_diagnostic.NG1002.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_error_is_suppressed_by_nowarn()
    {
        var test = SchemaFileTest();
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(projectId,
            solution.GetProject(projectId)!.CompilationOptions!.WithSpecificDiagnosticOptions(
                solution.GetProject(projectId)!.CompilationOptions!.SpecificDiagnosticOptions.SetItem("NG1002", ReportDiagnostic.Suppress))));
        await test.RunAsync();
    }

    /// <summary>
    /// Roslyn applies .editorconfig sections only to diagnostics in syntax trees, not in additional files
    /// (dotnet/roslyn#31916), so docs/rules/NG1002.md points to .globalconfig. Fails when Roslyn starts honouring them.
    /// </summary>
    [Theory]
    [InlineData("[*.sql]")]
    [InlineData("[db/**.sql]")]
    [InlineData("[*]")]
    public async Task Editorconfig_sections_do_not_reach_schema_files(string section)
    {
        var test = SchemaFileTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n{section}\ndotnet_diagnostic.NG1002.severity = none\n"));
        test.ExpectedDiagnostics.Add(SchemaFileError);
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.AnalyzerTest<DefaultVerifier> Test(string id, string source)
        => id == "NG1001" ? new AnalyzerTest(source) : new QueryAnalyzerTest(source);

    private static string WithoutMarkup(string source) => Markup().Replace(source, string.Empty);

    [GeneratedRegex(@"\{\|NG\d{4}:|\|\}")]
    private static partial Regex Markup();
}
