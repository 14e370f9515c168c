using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using NeoGen.Analyzers.Injection;

namespace NeoGen.CodeFixes;

/// <summary>
/// NG1001 on raw ADO.NET and Dapper: rewrites interpolated or concatenated SQL into constant SQL with @name
/// placeholders, and binds the values: <c>Parameters.AddWithValue</c> where the provider has it, otherwise
/// <c>CreateParameter()</c>; for Dapper an anonymous <c>param</c> object.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInjectionCodeFixProvider))]
[Shared]
public sealed class SqlInjectionCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "NG1001.Parameterize";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("NG1001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Pass the values as parameters",
                        ct => ApplyAsync(context.Document, diagnostic, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private sealed class FixPlan
    {
        public FixPlan(ExpressionSyntax value, ParameterizedSql sql)
        {
            Value = value;
            Sql = sql;
        }

        public ExpressionSyntax Value { get; }

        public ParameterizedSql Sql { get; }

        /// <summary>ADO.NET: the command; statements go after <see cref="After"/> or first in <see cref="AtStartOf"/>.</summary>
        public ExpressionSyntax? Command { get; set; }

        public ITypeSymbol? CommandType { get; set; }

        public StatementSyntax? After { get; set; }

        public BlockSyntax? AtStartOf { get; set; }

        /// <summary>Dapper: the argument list that gets the param object, and that parameter's name.</summary>
        public ArgumentListSyntax? DapperArguments { get; set; }

        public string? DapperParameterName { get; set; }

        public bool DapperPositional { get; set; }
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || !diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SinkProperty, out var sinkKind)
            || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        if (node is not ExpressionSyntax value)
        {
            return null;
        }

        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        if (value is not (InterpolatedStringExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }))
        {
            return null;
        }

        var sql = SqlParameterizer.TryParameterize(model, value, cancellationToken);
        if (sql is null || sql.Parameters.Count == 0)
        {
            return null;
        }

        var plan = new FixPlan(value, sql);
        var outer = WalkUpParentheses(value);
        return sinkKind == SinkKinds.Dapper
            ? PlanDapper(plan, outer, model, cancellationToken)
            : PlanCommand(plan, outer, model, cancellationToken);
    }

    private static ExpressionSyntax WalkUpParentheses(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    private static FixPlan? PlanCommand(FixPlan plan, ExpressionSyntax outer, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (outer.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Right == outer:
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } member
                    && IsSimpleReceiver(member.Expression)
                    && assignment.Parent is ExpressionStatementSyntax statement
                    && CanInsertAfter(statement))
                {
                    plan.Command = member.Expression;
                    plan.CommandType = model.GetTypeInfo(member.Expression, cancellationToken).Type;
                    plan.After = statement;
                }
                else if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "CommandText" }
                    && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation })
                {
                    ResolveCreation(plan, creation, model, cancellationToken);
                }

                break;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } }:
                ResolveCreation(plan, creation, model, cancellationToken);
                break;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax factory } }:
                // dataSource.CreateCommand(sql)
                ResolveCreation(plan, factory, model, cancellationToken);
                break;
        }

        return plan.Command is not null && plan.CommandType is { TypeKind: not TypeKind.Error } ? plan : null;
    }

    private static void ResolveCreation(FixPlan plan, ExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        var outer = WalkUpParentheses(creation);
        if (outer.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration)
        {
            plan.CommandType = (model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol)?.Type;
            if (declaration.Parent is LocalDeclarationStatementSyntax local && CanInsertAfter(local))
            {
                plan.Command = SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia());
                plan.After = local;
            }
            else if (declaration.Parent is UsingStatementSyntax { Statement: BlockSyntax block })
            {
                plan.Command = SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia());
                plan.AtStartOf = block;
            }
        }
        else if (outer.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
            && assignment.Right == outer
            && IsSimpleReceiver(assignment.Left)
            && assignment.Parent is ExpressionStatementSyntax statement
            && CanInsertAfter(statement))
        {
            plan.Command = assignment.Left;
            plan.CommandType = model.GetTypeInfo(assignment.Left, cancellationToken).Type;
            plan.After = statement;
        }
    }

    private static bool IsSimpleReceiver(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => member.Name is IdentifierNameSyntax && IsSimpleReceiver(member.Expression),
        _ => false,
    };

    private static bool CanInsertAfter(StatementSyntax statement)
        => statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;

    private static FixPlan? PlanDapper(FixPlan plan, ExpressionSyntax outer, SemanticModel model, CancellationToken cancellationToken)
    {
        if (outer.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } sqlArgument
            || arguments.Parent is null
            || model.GetOperation(arguments.Parent, cancellationToken) is not { } call)
        {
            return null;
        }

        ImmutableArray<IArgumentOperation> argumentOperations;
        IMethodSymbol? method;
        switch (call)
        {
            case IInvocationOperation invocation:
                argumentOperations = invocation.Arguments;
                method = invocation.TargetMethod;
                break;
            case IObjectCreationOperation creation:
                argumentOperations = creation.Arguments;
                method = creation.Constructor;
                break;
            default:
                return null;
        }

        if (method is null)
        {
            return null;
        }

        IParameterSymbol? sqlParameter = null;
        IParameterSymbol? paramParameter = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name is "sql" or "commandText")
            {
                sqlParameter = parameter;
            }
            else if (parameter.Name is "param" or "parameters" && parameter.Type?.SpecialType == SpecialType.System_Object)
            {
                paramParameter = parameter;
            }
        }

        if (sqlParameter is null || paramParameter is null)
        {
            return null;
        }

        foreach (var argument in argumentOperations)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter, paramParameter) && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return null;
            }
        }

        var last = arguments.Arguments.Count > 0 ? arguments.Arguments[arguments.Arguments.Count - 1] : null;
        plan.DapperArguments = arguments;
        plan.DapperParameterName = paramParameter.Name;
        plan.DapperPositional = last == sqlArgument && sqlArgument.NameColon is null && paramParameter.Ordinal == sqlParameter.Ordinal + 1;
        return plan;
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        editor.ReplaceNode(plan.Value, NewLiteral(plan.Sql.Sql).WithTriviaFrom(plan.Value));

        if (plan.DapperArguments is { } arguments)
        {
            var anonymous = AnonymousObject(plan.Sql.Parameters).WithAdditionalAnnotations(Formatter.Annotation);
            var argument = plan.DapperPositional
                ? SyntaxFactory.Argument(anonymous)
                : SyntaxFactory.Argument(SyntaxFactory.NameColon(plan.DapperParameterName!), default, anonymous);
            editor.ReplaceNode(arguments, (current, _) =>
            {
                var list = (ArgumentListSyntax)current;
                var separators = new List<SyntaxToken>();
                for (var i = 0; i < list.Arguments.Count; i++)
                {
                    separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }

                var all = new List<ArgumentSyntax>(list.Arguments) { argument };
                return list.WithArguments(SyntaxFactory.SeparatedList(all, separators));
            });
        }
        else if (plan.Command is { } command)
        {
            var statements = BindingStatements(model, plan, command, cancellationToken);
            if (plan.After is { } after)
            {
                if (after.Parent is GlobalStatementSyntax global)
                {
                    var globals = new List<SyntaxNode>();
                    foreach (var statement in statements)
                    {
                        globals.Add(SyntaxFactory.GlobalStatement(statement));
                    }

                    editor.InsertAfter(global, globals);
                }
                else
                {
                    editor.InsertAfter(after, statements);
                }
            }
            else if (plan.AtStartOf is { } block)
            {
                editor.ReplaceNode(block, (current, _) => ((BlockSyntax)current).WithStatements(((BlockSyntax)current).Statements.InsertRange(0, statements)));
            }
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    private static LiteralExpressionSyntax NewLiteral(string sql)
    {
        var token = sql.IndexOf('\n') >= 0 || sql.IndexOf('\r') >= 0
            ? SyntaxFactory.Literal("@\"" + sql.Replace("\"", "\"\"") + "\"", sql)
            : SyntaxFactory.Literal(sql);
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, token);
    }

    private static AnonymousObjectCreationExpressionSyntax AnonymousObject(List<PlannedParameter> parameters)
    {
        var members = new List<AnonymousObjectMemberDeclaratorSyntax>();
        foreach (var parameter in parameters)
        {
            var value = SyntaxFactory.ParseExpression(parameter.ValueText);
            if (parameter.BareValue is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter.Name)
            {
                members.Add(SyntaxFactory.AnonymousObjectMemberDeclarator(value));
            }
            else
            {
                members.Add(SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(SafeIdentifier(parameter.Name)), value));
            }
        }

        return SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members));
    }

    private static string SafeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken ? "@" + name : name;

    private static List<StatementSyntax> BindingStatements(SemanticModel model, FixPlan plan, ExpressionSyntax command, CancellationToken cancellationToken)
    {
        var commandText = command.WithoutTrivia().ToString();
        var addWithValue = HasAddWithValue(plan.CommandType);
        var newLine = NewLine(plan);
        var takenNames = addWithValue ? null : NamesInScope(model, plan, cancellationToken);
        var statements = new List<StatementSyntax>();
        foreach (var parameter in plan.Sql.Parameters)
        {
            var value = ValueText(model, parameter, cancellationToken);
            var literal = SyntaxFactory.Literal("@" + parameter.Name).ToString();
            if (addWithValue)
            {
                statements.Add(Statement($"{commandText}.Parameters.AddWithValue({literal}, {value});", newLine));
                continue;
            }

            var variable = UniqueName(SafeIdentifier(parameter.Name).TrimStart('@') + "Parameter", takenNames!);
            statements.Add(Statement($"var {variable} = {commandText}.CreateParameter();", newLine));
            statements.Add(Statement($"{variable}.ParameterName = {literal};", newLine));
            statements.Add(Statement($"{variable}.Value = {value};", newLine));
            statements.Add(Statement($"{commandText}.Parameters.Add({variable});", newLine));
        }

        return statements;
    }

    private static StatementSyntax Statement(string text, string newLine)
        => SyntaxFactory.ParseStatement(text)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));

    /// <summary>The line ending the file already uses where the statements go.</summary>
    private static string NewLine(FixPlan plan)
    {
        var trivia = plan.After?.GetTrailingTrivia() ?? plan.AtStartOf?.OpenBraceToken.TrailingTrivia ?? default;
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return item.ToString();
            }
        }

        return "\n";
    }

    /// <summary>The value to bind; a value that may be null binds as DBNull, which every provider understands.</summary>
    private static string ValueText(SemanticModel model, PlannedParameter parameter, CancellationToken cancellationToken)
    {
        if (parameter.BareValue is not { } bare || !MayBeNull(model, bare, parameter.Type, cancellationToken))
        {
            return parameter.ValueText;
        }

        var text = bare is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax
            ? parameter.ValueText
            : "(" + parameter.ValueText + ")";
        return text + " ?? (object)global::System.DBNull.Value";
    }

    private static bool MayBeNull(SemanticModel model, ExpressionSyntax expression, ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            return false;
        }

        if (type.IsValueType)
        {
            return type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        }

        return model.GetTypeInfo(expression, cancellationToken).Nullability.FlowState != NullableFlowState.NotNull;
    }

    private static bool HasAddWithValue(ITypeSymbol? commandType)
    {
        var parametersType = FindProperty(commandType, "Parameters")?.Type;
        for (var type = parametersType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers("AddWithValue"))
            {
                if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 } method
                    && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && method.Parameters[1].Type.SpecialType == SpecialType.System_Object)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }
        }

        if (type is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var member in implemented.GetMembers(name))
                {
                    if (member is IPropertySymbol property)
                    {
                        return property;
                    }
                }
            }
        }

        return null;
    }

    private static HashSet<string> NamesInScope(SemanticModel model, FixPlan plan, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var position = plan.Value.SpanStart;
        foreach (var symbol in model.LookupSymbols(position))
        {
            names.Add(symbol.Name);
        }

        // Locals declared later in the same body would clash too.
        SyntaxNode? body = plan.Value;
        while (body is not null && body is not MemberDeclarationSyntax && body is not CompilationUnitSyntax)
        {
            body = body.Parent;
        }

        if (body is not null)
        {
            foreach (var node in body.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator:
                        names.Add(declarator.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        names.Add(designation.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax forEach:
                        names.Add(forEach.Identifier.ValueText);
                        break;
                    case ParameterSyntax parameter:
                        names.Add(parameter.Identifier.ValueText);
                        break;
                }
            }
        }

        return names;
    }

    private static string UniqueName(string baseName, HashSet<string> taken)
    {
        var name = baseName;
        for (var n = 2; taken.Contains(name); n++)
        {
            name = baseName + n.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(name);
        return name;
    }
}
