using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using NeoGen.Analyzers.Query;

namespace NeoGen.CodeFixes;

/// <summary>NG3001 / NG3002: adds <c>[Index(nameof(Member), ...)]</c> to the entity type the diagnostic names.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddIndexCodeFixProvider)), Shared]
public sealed class AddIndexCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("NG3001", "NG3002");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SqlQueryAnalyzer.MembersProperty, out var members) || string.IsNullOrEmpty(members)
                || diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree is not { } tree)
            {
                continue;
            }

            var names = members!.Split(',').Where(m => m.Length > 0).ToArray();
            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            var title = $"Add [Index({string.Join(", ", names.Select(n => "nameof(" + n + ")"))})]";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddIndexAsync(context.Document.Project.Solution, tree, span, names, ct), "NeoGenAddIndex:" + members),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> AddIndexAsync(Solution solution, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, string[] members, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(tree);
        if (document == null)
        {
            return solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var type = root?.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (root == null || type == null)
        {
            return solution;
        }

        var hasUsing = root is CompilationUnitSyntax unit && unit.Usings.Any(u => u.Name?.ToString() == "NeoGen")
                       || type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == "NeoGen" || n.Usings.Any(u => u.Name?.ToString() == "NeoGen"));
        var arguments = SyntaxFactory.SeparatedList(members.Select(m => SyntaxFactory.AttributeArgument(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.IdentifierName("nameof"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(m))))))));
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(hasUsing ? "Index" : "NeoGen.Index"), SyntaxFactory.AttributeArgumentList(arguments));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));

        TypeDeclarationSyntax updated;
        if (type.AttributeLists.Count > 0)
        {
            var last = type.AttributeLists.Last();
            var lastLeading = last.GetLeadingTrivia();
            var afterBreak = lastLeading.Reverse().TakeWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)).Reverse();
            list = list.WithLeadingTrivia(afterBreak).WithTrailingTrivia(last.GetTrailingTrivia());
            updated = type.WithAttributeLists(type.AttributeLists.Add(list));
        }
        else
        {
            var leading = type.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            list = list.WithLeadingTrivia(leading).WithTrailingTrivia(eol == default ? SyntaxFactory.EndOfLine("\n") : eol);
            updated = type.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.SingletonList(list));
            updated = updated.WithModifiers(updated.Modifiers.Count > 0
                ? updated.Modifiers.Replace(updated.Modifiers[0], updated.Modifiers[0].WithLeadingTrivia(indentation == default ? SyntaxTriviaList.Empty : SyntaxFactory.TriviaList(indentation)))
                : updated.Modifiers);
        }

        var newRoot = root.ReplaceNode(type, updated);
        return document.WithSyntaxRoot(newRoot).Project.Solution;
    }
}
