using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NeoGen.Shared;

namespace NeoGen.Analyzers.Injection;

/// <summary>
/// NG1001 on raw ADO.NET and Dapper: SQL built from non-constant strings reaching <c>CommandText</c>, a command
/// constructor or a Dapper <c>Query*/Execute*</c> call. A value of unknown origin (a parameter, a field, a call) is
/// not reported unless the same body builds it unsafely.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which kind of sink the SQL reached (see <see cref="SinkKinds"/>).</summary>
    public const string SinkProperty = "Sink";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.SqlNotConstant);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var sinks = SqlSinks.Create(start.Compilation);
            if (sinks is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, sinks), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment);
            start.RegisterOperationAction(c => AnalyzeCreation(c, sinks), OperationKind.ObjectCreation);
            if (sinks.SqlMapper is not null || sinks.DbDataSource is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCall(c, sinks), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SqlSinks sinks)
    {
        if (context.Operation is not IAssignmentOperation assignment
            || assignment.Target is not IPropertyReferenceOperation { Property: { Name: "CommandText" } property } target
            || property.Type?.SpecialType != SpecialType.System_String
            || !sinks.IsCommandType(property.ContainingType))
        {
            return;
        }

        var type = target.Instance?.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } instanceType ? instanceType : property.ContainingType;
        var sink = type.Name + ".CommandText";
        var analysis = new SqlOriginAnalysis(sinks, assignment);
        var origin = analysis.Classify(assignment.Value);
        if (origin.Kind == OriginKind.Unknown && assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add })
        {
            // cmd.CommandText += filter: concatenating a value of unknown origin onto the SQL.
            origin = Origin.Unsafe(SqlOriginAnalysis.Strip(assignment.Value), "concatenation");
        }

        Report(context, origin, assignment.Value, sink, SinkKinds.CommandText);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SqlSinks sinks)
    {
        if (context.Operation is not IObjectCreationOperation { Constructor: { } constructor } creation)
        {
            return;
        }

        var type = constructor.ContainingType;
        var isCommandDefinition = SqlSinks.Is(type, sinks.CommandDefinition);
        if (!isCommandDefinition && !sinks.IsCommandType(type))
        {
            return;
        }

        IParameterSymbol? textParameter = null;
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Type?.SpecialType == SpecialType.System_String)
            {
                textParameter = parameter;
                break;
            }
        }

        if (textParameter is null || !LooksLikeCommandText(textParameter.Name))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && SymbolEqualityComparer.Default.Equals(argument.Parameter, textParameter))
            {
                var sink = isCommandDefinition ? "new CommandDefinition(...)" : "new " + type.Name + "(...)";
                var origin = new SqlOriginAnalysis(sinks, creation).Classify(argument.Value);
                Report(context, origin, argument.Value, sink, isCommandDefinition ? SinkKinds.Dapper : SinkKinds.Constructor);
                return;
            }
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, SqlSinks sinks)
    {
        if (context.Operation is not IInvocationOperation { TargetMethod: { } method } invocation)
        {
            return;
        }

        if (method.Name == "CreateCommand" && !method.IsStatic && method.Parameters.Length == 1
            && method.Parameters[0].Type?.SpecialType == SpecialType.System_String
            && sinks.IsDataSourceType(method.ContainingType))
        {
            // dataSource.CreateCommand(sql): NpgsqlDataSource and any DbDataSource.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Ordinal == 0)
                {
                    var receiver = invocation.Instance?.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } receiverType ? receiverType : method.ContainingType;
                    var origin = new SqlOriginAnalysis(sinks, invocation).Classify(argument.Value);
                    Report(context, origin, argument.Value, receiver.Name + ".CreateCommand", SinkKinds.Constructor);
                    return;
                }
            }

            return;
        }

        if (!SqlSinks.Is(method.ContainingType, sinks.SqlMapper))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "sql" } parameter
                && parameter.Type?.SpecialType == SpecialType.System_String
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                var origin = new SqlOriginAnalysis(sinks, invocation).Classify(argument.Value);
                Report(context, origin, argument.Value, "SqlMapper." + method.Name, SinkKinds.Dapper);
                return;
            }
        }
    }

    private static bool LooksLikeCommandText(string name)
        => name.IndexOf("text", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("sql", System.StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("command", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private static void Report(OperationAnalysisContext context, Origin origin, IOperation value, string sink, string sinkKind)
    {
        if (origin.Kind != OriginKind.Unsafe || origin.Part?.Syntax is not { } partSyntax)
        {
            return;
        }

        var valueSyntax = SqlOriginAnalysis.Strip(value).Syntax ?? value.Syntax;
        if (valueSyntax is null || partSyntax.SyntaxTree != valueSyntax.SyntaxTree)
        {
            return;
        }

        // On the unsafe part when it is inside the SQL expression; when it came through a local (built elsewhere in
        // the body), on the SQL expression at the sink, so that the diagnostic stays local to the analyzed operation
        // (the IDE analyzes by span) and points at the call that runs the SQL. The other place is an additional location.
        var partIsInside = valueSyntax.Span.Contains(partSyntax.Span);
        var location = partIsInside ? partSyntax.GetLocation() : valueSyntax.GetLocation();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkProperty, sinkKind);
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.SqlNotConstant,
            location,
            ImmutableArray.Create(valueSyntax.GetLocation(), partSyntax.GetLocation()),
            properties,
            $"SQL passed to '{sink}' is built from '{Describe(partSyntax)}' by {origin.How ?? "concatenation"}; keep the SQL constant and pass the value as a parameter"));
    }

    /// <summary>The source text of the unsafe part, on one line and at most 60 characters.</summary>
    private static string Describe(SyntaxNode syntax)
    {
        var text = syntax.ToString();
        var builder = new StringBuilder(System.Math.Min(text.Length, 64));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(c);
            if (builder.Length >= 60)
            {
                builder.Append("...");
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }
}

/// <summary>Values of <see cref="SqlInjectionAnalyzer.SinkProperty"/>.</summary>
public static class SinkKinds
{
    public const string CommandText = "CommandText";
    public const string Constructor = "Constructor";
    public const string Dapper = "Dapper";
}
