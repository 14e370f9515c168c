using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NeoGen.CodeFixes;
using NeoGen.Generator;

namespace NeoGen.Analyzers.Tests;

/// <summary>
/// NG1008 is the generator's; its code fix runs in the IDE on the generator's diagnostic. The test does what the IDE
/// does: run the generator over the document, hand its NG1008 to the provider, apply the action.
/// </summary>
public sealed class PlaceholderCodeFixTests
{
    private const string Model = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using NeoGen;

        [Table("users")]
        public sealed record User
        {
            [Key, Generated] public long Id { get; init; }
            public required string Email { get; init; }
            public int Score { get; init; }
        }

        """;

    [Theory]
    [InlineData("""[Query("SELECT email FROM users WHERE id = $1")] string? EmailOf(long id);""", """[Query("SELECT email FROM users WHERE id = @id")] string? EmailOf(long id);""")]
    [InlineData("""[Query("SELECT id FROM users WHERE email = :email")] List<long> ByEmail(string email);""", """[Query("SELECT id FROM users WHERE email = @email")] List<long> ByEmail(string email);""")]
    [InlineData("""[Query("SELECT id FROM users WHERE score > $2 AND email = $1")] List<long> Find(string email, int score, CancellationToken ct);""", """[Query("SELECT id FROM users WHERE score > @score AND email = @email")] List<long> Find(string email, int score, CancellationToken ct);""")]
    [InlineData("""[Query("SELECT id FROM users WHERE email = ? AND score > ?")] List<long> Find(string email, int score);""", """[Query("SELECT id FROM users WHERE email = @email AND score > @score")] List<long> Find(string email, int score);""")]
    [InlineData("[Query(\"\"\"\n        SELECT id FROM users\n        WHERE email = :Email\n        \"\"\")] List<long> Find(string email);", "[Query(\"\"\"\n        SELECT id FROM users\n        WHERE email = @email\n        \"\"\")] List<long> Find(string email);")]
    public async Task Placeholders_become_the_parameters_they_stand_for(string before, string after)
    {
        var fixedText = await FixAllAsync(Interface(before));
        Assert.Equal(Interface(after), fixedText);

        // The fixed code has no NG1008 left.
        var (_, diagnostics) = Generate(fixedText);
        Assert.DoesNotContain(diagnostics, d => d.Id == "NG1008");
    }

    private static string Interface(string member) => Model + "[Repository(Dialect.Sqlite)]\npublic partial interface IUsers\n{\n    " + member + "\n}\n";

    private static (Document Document, ImmutableArray<Diagnostic> Diagnostics) Generate(string source)
    {
        var workspace = new AdhocWorkspace();
        var references = TestReferences.All.Value.Add(MetadataReference.CreateFromFile(typeof(TableAttribute).Assembly.Location));
        var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Fixes",
                "Fixes",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Users.cs", SourceText.From(source));
        var compilation = document.Project.GetCompilationAsync().Result!;
        CSharpGeneratorDriver.Create(new RepositoryGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return (document, diagnostics);
    }

    private static async Task<string> FixAllAsync(string source)
    {
        // One placeholder at a time, as a user applying the fix repeatedly would.
        for (var round = 0; round < 10; round++)
        {
            var (document, diagnostics) = Generate(source);
            var placeholder = diagnostics.FirstOrDefault(d => d.Id == "NG1008");
            if (placeholder is null)
            {
                return source;
            }

            var tree = await document.GetSyntaxTreeAsync();
            var located = Diagnostic.Create(placeholder.Descriptor, Location.Create(tree!, placeholder.Location.SourceSpan), placeholder.GetMessage());
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
            await new PlaceholderCodeFixProvider().RegisterCodeFixesAsync(context);
            var action = Assert.Single(actions);
            var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            var changed = operation.ChangedSolution.GetDocument(document.Id)!;
            source = (await changed.GetTextAsync()).ToString();
        }

        throw new InvalidOperationException("the fix did not converge");
    }
}
