using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Lexing;

namespace NeoGen.CodeFixes;

/// <summary>
/// NG1008: rewrites a <c>$1</c>, <c>?</c>, <c>:name</c> or <c>$name</c> placeholder in a <c>[Query]</c> as the <c>@name</c>
/// of the method parameter it stands for: by name, or for a positional one by its position among the parameters.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlaceholderCodeFixProvider)), Shared]
public sealed class PlaceholderCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("NG1008");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var literal = root.FindToken(span.Start).Parent as LiteralExpressionSyntax;
            var method = literal?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (literal == null || method == null || model.GetDeclaredSymbol(method, context.CancellationToken) is not IMethodSymbol symbol)
            {
                continue;
            }

            var text = root.GetText().ToString(span);
            var parameters = symbol.Parameters.Where(p => p.Type.Name != "CancellationToken").Select(p => p.Name).ToList();
            var changes = text == "?" ? BarePlaceholders(literal, parameters) : Single(text, span, parameters);
            if (changes == null)
            {
                continue;
            }

            var title = changes.Count == 1 ? $"Write '{changes[0].NewText}'" : "Write each '?' as the @name of its parameter";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, changes, ct), "NeoGenPlaceholder:" + text),
                diagnostic);
        }
    }

    /// <summary>A <c>$2</c> (the second parameter), <c>?3</c>, <c>:name</c> or <c>$name</c>.</summary>
    private static List<TextChange>? Single(string placeholder, TextSpan span, List<string> parameters)
    {
        if (placeholder.Length < 2)
        {
            return null;
        }

        var rest = placeholder.Substring(1);
        string? name;
        if (rest.All(char.IsDigit))
        {
            name = int.TryParse(rest, out var n) && n >= 1 && n <= parameters.Count ? parameters[n - 1] : null;
        }
        else
        {
            name = parameters.FirstOrDefault(p => string.Equals(p, rest, StringComparison.OrdinalIgnoreCase)) ?? rest;
        }

        return name == null ? null : new List<TextChange> { new(span, "@" + name) };
    }

    /// <summary>Bare <c>?</c> placeholders are numbered by their order in the statement: all of them change together.</summary>
    private static List<TextChange>? BarePlaceholders(LiteralExpressionSyntax literal, List<string> parameters)
    {
        var value = literal.Token.ValueText;
        var marks = SqlLexer.Lex(value, SqlDialect.Sqlite).Tokens.Where(t => t.Kind == SqlTokenKind.PositionalParameter && t.Value.Length == 0).ToList();
        if (marks.Count == 0 || marks.Count > parameters.Count)
        {
            return null;
        }

        var changes = new List<TextChange>();
        for (var i = 0; i < marks.Count; i++)
        {
            if (!SqlLiteralMap.TryMap(literal.Token.Text, marks[i].Start, marks[i].Length, out var start, out var length))
            {
                return null;
            }

            changes.Add(new TextChange(new TextSpan(literal.Token.SpanStart + start, length), "@" + parameters[i]));
        }

        return changes;
    }

    private static async Task<Document> ReplaceAsync(Document document, List<TextChange> changes, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(changes));
    }
}
