using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NeoGen.Shared;

namespace NeoGen.Analyzers.Protection;

/// <summary>
/// NG4006 in user code: a <c>[Masked]</c> or <c>[Encrypted]</c> member read and then logged (an ILogger extension
/// method, a <c>[LoggerMessage]</c> method), interpolated into a string, or passed to <c>string.Format</c> /
/// <c>string.Concat</c>: its clear value would leave the protection the column gives it. The masked forms
/// (<c>ToMasked()</c>, <c>Masking.X(value)</c>, the entity itself, whose generated ToString masks) are silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtectedValueAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ProtectedValueInClear);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var masked = start.Compilation.GetTypeByMetadataName(KnownNames.MaskedAttribute);
            var encrypted = start.Compilation.GetTypeByMetadataName(KnownNames.EncryptedAttribute);
            if (masked is null && encrypted is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeInterpolation(c), OperationKind.InterpolatedString);
            start.RegisterOperationAction(c => AnalyzeConcatenation(c), OperationKind.Binary);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var how = IsLogging(method) ? "logged" : IsFormatting(method) ? "formatted into a string" : null;
        if (how is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IInterpolatedStringOperation interpolated)
            {
                foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                {
                    Check(context, part.Expression, how);
                }
            }
            else if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    Check(context, element, how);
                }
            }
            else
            {
                Check(context, argument.Value, how);
            }
        }
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;

        // Inside a logging call the call is the finding; an interpolation handed to one is reported there once.
        if (interpolated.Parent is IArgumentOperation { Parent: IInvocationOperation call } && (IsLogging(call.TargetMethod) || IsFormatting(call.TargetMethod)))
        {
            return;
        }

        foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
        {
            Check(context, part.Expression, "interpolated into a string");
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        Check(context, binary.LeftOperand, "concatenated into a string");
        Check(context, binary.RightOperand, "concatenated into a string");
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string how)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is not IPropertyReferenceOperation { Property: var property } reference || Protection(property) is not { } protection)
        {
            return;
        }

        // A member of the masked copy holds its mask already.
        var instance = reference.Instance;
        while (instance is IConversionOperation wrapped)
        {
            instance = wrapped.Operand;
        }

        if (instance is IInvocationOperation { TargetMethod.Name: "ToMasked" } || IsMaskedLocal(instance))
        {
            return;
        }

        var text = reference.Syntax.ToString();
        var owner = reference.Instance?.Syntax.ToString();
        var isText = property.Type.SpecialType == SpecialType.System_String;
        var mask = protection.Mask ?? "Full";
        var masking = isText ? $"Masking.{mask}({text})" : null;
        var masked = owner is not null && property.ContainingType.GetMembers("ToMasked").Length > 0 ? $"{owner}.ToMasked()" : null;
        var instead = (masked, masking) switch
        {
            ({ } copy, { } call) => $"{copy} or {call}",
            ({ } copy, null) => copy,
            (null, { } call) => call,
            _ => "nothing of it (leave the value out)",
        };
        var message = $"'{text}' is [{protection.Attribute}] but is {how} in clear; {(how == "logged" ? "log" : "use")} {instead} instead";
        context.ReportDiagnostic(Diagnostic.Create(Rules.ProtectedValueInClear, reference.Syntax.GetLocation(), message));
    }

    /// <summary>A local initialized with <c>x.ToMasked()</c>: its members hold masks.</summary>
    private static bool IsMaskedLocal(IOperation? instance)
    {
        if (instance is not ILocalReferenceOperation { Local: var local })
        {
            return false;
        }

        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call }
                && call.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToMasked" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which protection attribute the member carries (the property's, or a positional record parameter's), and its mask.</summary>
    private static (string Attribute, string? Mask)? Protection(IPropertySymbol property)
    {
        var attributes = property.GetAttributes().AsEnumerable();
        if (property.ContainingType is { IsRecord: true } record)
        {
            var parameter = record.InstanceConstructors.SelectMany(c => c.Parameters).FirstOrDefault(p => p.Name == property.Name);
            if (parameter is not null)
            {
                attributes = attributes.Concat(parameter.GetAttributes());
            }
        }

        string? found = null;
        string? mask = null;
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass.IsNamed(KnownNames.MaskedAttribute))
            {
                found = "Masked";
                mask = MaskKinds.Name(attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int kind ? kind : 0);
            }
            else if (attribute.AttributeClass.IsNamed(KnownNames.EncryptedAttribute))
            {
                found ??= "Encrypted";
            }
        }

        return found is null ? null : (found, mask);
    }

    private static bool IsLogging(IMethodSymbol method)
    {
        if (method.ContainingType.IsNamed("Microsoft.Extensions.Logging.LoggerExtensions")
            || (method.Name == "Log" && method.ContainingType.AllInterfaces.Concat(new[] { method.ContainingType }).Any(t => t.IsNamed("Microsoft.Extensions.Logging.ILogger"))))
        {
            return true;
        }

        return method.GetAttributes().Any(a => a.AttributeClass.IsNamed("Microsoft.Extensions.Logging.LoggerMessageAttribute"));
    }

    private static bool IsFormatting(IMethodSymbol method)
        => method.ContainingType.SpecialType == SpecialType.System_String && method.Name is "Format" or "Concat" or "Join";
}
