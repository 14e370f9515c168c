using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NeoGen.Analyzers.Injection;

internal enum OriginKind
{
    /// <summary>A compile-time constant, or built only from constants (also through locals).</summary>
    Constant,

    /// <summary>Not known to be constant, not known to be built unsafely (a parameter, a field, a call): not reported.</summary>
    Unknown,

    /// <summary>Built at run time from a non-constant part: reported.</summary>
    Unsafe,
}

/// <summary>Where a SQL string came from; for <see cref="OriginKind.Unsafe"/> the non-constant part and how it got in.</summary>
internal readonly struct Origin
{
    private Origin(OriginKind kind, IOperation? part, string? how)
    {
        Kind = kind;
        Part = part;
        How = how;
    }

    public OriginKind Kind { get; }

    public IOperation? Part { get; }

    public string? How { get; }

    public static Origin Constant => new(OriginKind.Constant, null, null);

    public static Origin Unknown => new(OriginKind.Unknown, null, null);

    public static Origin Unsafe(IOperation part, string how) => new(OriginKind.Unsafe, part, how);
}

/// <summary>
/// Decides whether a string value reaching a SQL sink was built at run time. Works on the operation tree of the
/// enclosing body only (no compilation-wide work), follows locals, parameters and fields to their assignments in
/// that body, and never throws on incomplete code.
/// </summary>
internal sealed class SqlOriginAnalysis
{
    private const int MaxDepth = 16;

    private readonly SqlSinks _sinks;
    private readonly IOperation _root;
    private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Origin> _symbolOrigins = new(SymbolEqualityComparer.Default);
    private List<IOperation>? _bodyOperations;

    public SqlOriginAnalysis(SqlSinks sinks, IOperation anyOperationInBody)
    {
        _sinks = sinks;
        var root = anyOperationInBody;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        _root = root;
    }

    public Origin Classify(IOperation? operation) => Classify(operation, 0);

    private Origin Classify(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return Origin.Unknown;
        }

        if (operation.ConstantValue.HasValue)
        {
            return Origin.Constant;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Classify(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Classify(parenthesized.Operand, depth + 1);
            case IInterpolatedStringOperation interpolated:
                return ClassifyInterpolation(interpolated, depth);
            case IInterpolatedStringAdditionOperation addition:
                return Combine(Classify(addition.Left, depth + 1), addition.Left, Classify(addition.Right, depth + 1), addition.Right, "interpolation");
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type):
                return ClassifyConcatenation(binary, depth);
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return Choice(Classify(conditional.WhenTrue, depth + 1), Classify(conditional.WhenFalse, depth + 1));
            case ICoalesceOperation coalesce:
                return Choice(Classify(coalesce.Value, depth + 1), Classify(coalesce.WhenNull, depth + 1));
            case ISwitchExpressionOperation switchExpression:
                return ClassifySwitch(switchExpression, depth);
            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, depth);
            case ILocalReferenceOperation local:
                return ClassifySymbol(local.Local, isLocal: true, depth);
            case IParameterReferenceOperation parameter:
                return ClassifySymbol(parameter.Parameter, isLocal: false, depth);
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                return ClassifySymbol(field.Field, isLocal: false, depth);
            default:
                return Origin.Unknown;
        }
    }

    private Origin ClassifyInterpolation(IInterpolatedStringOperation interpolated, int depth)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation hole)
            {
                var origin = Classify(hole.Expression, depth + 1);
                if (origin.Kind == OriginKind.Unsafe)
                {
                    return origin;
                }

                if (origin.Kind == OriginKind.Unknown)
                {
                    return Origin.Unsafe(Strip(hole.Expression), "interpolation");
                }
            }
        }

        return Origin.Constant;
    }

    private Origin ClassifyConcatenation(IBinaryOperation binary, int depth)
    {
        var operands = new List<IOperation>();
        Flatten(binary, operands, 0);
        foreach (var operand in operands)
        {
            var origin = Classify(operand, depth + 1);
            if (origin.Kind == OriginKind.Unsafe)
            {
                return origin;
            }

            if (origin.Kind == OriginKind.Unknown)
            {
                return Origin.Unsafe(Strip(operand), "concatenation");
            }
        }

        return Origin.Constant;
    }

    private static void Flatten(IOperation operation, List<IOperation> operands, int depth)
    {
        var stripped = Strip(operation);
        if (depth < 256 && stripped is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type) && !binary.ConstantValue.HasValue)
        {
            Flatten(binary.LeftOperand, operands, depth + 1);
            Flatten(binary.RightOperand, operands, depth + 1);
        }
        else
        {
            operands.Add(operation);
        }
    }

    private Origin ClassifySwitch(ISwitchExpressionOperation switchExpression, int depth)
    {
        var result = Origin.Constant;
        foreach (var arm in switchExpression.Arms)
        {
            result = Choice(result, Classify(arm.Value, depth + 1));
            if (result.Kind == OriginKind.Unsafe)
            {
                return result;
            }
        }

        return switchExpression.Arms.Length == 0 ? Origin.Unknown : result;
    }

    private Origin ClassifyInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (method is null)
        {
            return Origin.Unknown;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            if (method.IsStatic)
            {
                switch (method.Name)
                {
                    case "Concat":
                        return ClassifyArguments(invocation, "string.Concat", depth);
                    case "Format":
                        return ClassifyArguments(invocation, "string.Format", depth);
                    case "Join":
                        return ClassifyArguments(invocation, "string.Join", depth);
                    default:
                        return Origin.Unknown;
                }
            }

            var receiver = Classify(invocation.Instance, depth + 1);
            if (method.Name == "Replace" && receiver.Kind == OriginKind.Constant)
            {
                return ClassifyArguments(invocation, "string.Replace", depth);
            }

            // Trim(), ToUpperInvariant(), Substring(..) ... keep what their receiver was.
            return receiver.Kind == OriginKind.Unsafe ? receiver : Origin.Unknown;
        }

        if (method.Name == "ToString" && !method.IsStatic && SqlSinks.Is(method.ContainingType, _sinks.StringBuilder))
        {
            return ClassifyBuilder(invocation.Instance, depth);
        }

        return Origin.Unknown;
    }

    /// <summary>Every value argument (params arrays expanded) must be constant.</summary>
    private Origin ClassifyArguments(IInvocationOperation invocation, string how, int depth)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || IsFormatProvider(argument.Parameter?.Type))
            {
                continue;
            }

            var origin = ClassifyArgumentValue(argument.Value, how, depth);
            if (origin.Kind != OriginKind.Constant)
            {
                return origin;
            }
        }

        return Origin.Constant;
    }

    private Origin ClassifyArgumentValue(IOperation value, string how, int depth)
    {
        var stripped = Strip(value);
        if (stripped is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                var elementOrigin = ClassifyArgumentValue(element, how, depth);
                if (elementOrigin.Kind != OriginKind.Constant)
                {
                    return elementOrigin;
                }
            }

            return Origin.Constant;
        }

        var origin = Classify(value, depth + 1);
        return origin.Kind == OriginKind.Unknown ? Origin.Unsafe(stripped, how) : origin;
    }

    private static bool IsFormatProvider(ITypeSymbol? type)
        => type is not null && type.Name == "IFormatProvider" && type.ContainingNamespace?.Name == "System";

    /// <summary>A StringBuilder's text is constant only when everything appended to it is.</summary>
    private Origin ClassifyBuilder(IOperation? builder, int depth)
    {
        var current = builder is null ? null : Strip(builder);
        for (var steps = 0; current is not null && steps < 256; steps++)
        {
            switch (current)
            {
                case IInvocationOperation call when SqlSinks.Is(call.TargetMethod?.ContainingType, _sinks.StringBuilder) && call.Instance is not null:
                    var callOrigin = ClassifyBuilderArguments(call.Arguments, depth);
                    if (callOrigin.Kind != OriginKind.Constant)
                    {
                        return callOrigin;
                    }

                    current = Strip(call.Instance);
                    continue;
                case IObjectCreationOperation creation:
                    return ClassifyBuilderArguments(creation.Arguments, depth);
                case ILocalReferenceOperation local:
                    return ClassifyBuilderLocal(local.Local, depth);
                default:
                    return Origin.Unsafe(current, "a StringBuilder");
            }
        }

        return builder is null ? Origin.Unknown : Origin.Unsafe(Strip(builder), "a StringBuilder");
    }

    private Origin ClassifyBuilderArguments(IEnumerable<IArgumentOperation> arguments, int depth)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || IsFormatProvider(argument.Parameter?.Type))
            {
                continue;
            }

            // Positions and sizes are not text.
            if (argument.Parameter is { } parameter && parameter.Type?.SpecialType == SpecialType.System_Int32
                && parameter.Name is "capacity" or "maxCapacity" or "index" or "startIndex" or "count" or "repeatCount" or "length")
            {
                continue;
            }

            var origin = ClassifyArgumentValue(argument.Value, "a StringBuilder", depth);
            if (origin.Kind != OriginKind.Constant)
            {
                return origin;
            }
        }

        return Origin.Constant;
    }

    private Origin ClassifyBuilderLocal(ILocalSymbol local, int depth)
    {
        if (!_visiting.Add(local))
        {
            return Origin.Constant;
        }

        try
        {
            var sawCreation = false;
            foreach (var operation in BodyOperations())
            {
                IOperation? assigned = null;
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    assigned = declarator.GetVariableInitializer()?.Value;
                    if (assigned is null)
                    {
                        continue;
                    }
                }
                else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    var parent = reference.Parent;
                    if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                    {
                        assigned = assignment.Value;
                    }
                    else if (parent is IInvocationOperation call && call.Instance == reference)
                    {
                        // sb.Append(x).Append(y): every call of the chain, walking outwards.
                        IOperation chain = call;
                        for (var steps = 0; steps < 256; steps++)
                        {
                            if (chain is IInvocationOperation link && SqlSinks.Is(link.TargetMethod?.ContainingType, _sinks.StringBuilder))
                            {
                                var origin = ClassifyBuilderArguments(link.Arguments, depth + 1);
                                if (origin.Kind != OriginKind.Constant)
                                {
                                    return origin;
                                }

                                if (link.Parent is IInvocationOperation next && next.Instance == link)
                                {
                                    chain = next;
                                    continue;
                                }
                            }

                            break;
                        }

                        continue;
                    }
                    else if (parent is IArgumentOperation or ISimpleAssignmentOperation or IReturnOperation or ITupleOperation or IAnonymousFunctionOperation)
                    {
                        // The builder escapes: someone else may append to it.
                        return Origin.Unsafe(reference, "a StringBuilder");
                    }
                    else
                    {
                        continue;
                    }
                }
                else
                {
                    continue;
                }

                sawCreation = true;
                var assignedOrigin = ClassifyBuilder(assigned, depth + 1);
                if (assignedOrigin.Kind != OriginKind.Constant)
                {
                    return assignedOrigin;
                }
            }

            return sawCreation ? Origin.Constant : Origin.Unknown;
        }
        finally
        {
            _visiting.Remove(local);
        }
    }

    /// <summary>
    /// A local is constant when every assignment to it in the body is; a parameter or field is never constant
    /// (its value comes from elsewhere) but is unsafe when the body itself builds it unsafely.
    /// </summary>
    private Origin ClassifySymbol(ISymbol symbol, bool isLocal, int depth)
    {
        if (_symbolOrigins.TryGetValue(symbol, out var known))
        {
            return known;
        }

        if (!_visiting.Add(symbol))
        {
            // A self-reference (sql = sql + ...) adds nothing: the other assignments decide.
            return Origin.Constant;
        }

        Origin result;
        try
        {
            result = ComputeSymbolOrigin(symbol, isLocal, depth);
        }
        finally
        {
            _visiting.Remove(symbol);
        }

        if (_visiting.Count == 0)
        {
            _symbolOrigins[symbol] = result;
        }

        return result;
    }

    private Origin ComputeSymbolOrigin(ISymbol symbol, bool isLocal, int depth)
    {
        if (isLocal && symbol is ILocalSymbol { IsRef: true })
        {
            return Origin.Unknown;
        }

        var assignments = 0;
        var anyUnknown = !isLocal;
        foreach (var operation in BodyOperations())
        {
            Origin origin;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    var initializer = declarator.GetVariableInitializer()?.Value;
                    if (initializer is null)
                    {
                        // foreach variables, using declarations without value...: only a plain "T x;" has no origin.
                        if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation })
                        {
                            anyUnknown = true;
                        }

                        continue;
                    }

                    origin = Classify(initializer, depth + 1);
                    break;
                case ISimpleAssignmentOperation assignment when Refers(assignment.Target, symbol):
                    origin = Classify(assignment.Value, depth + 1);
                    break;
                case ICoalesceAssignmentOperation coalesceAssignment when Refers(coalesceAssignment.Target, symbol):
                    origin = Classify(coalesceAssignment.Value, depth + 1);
                    break;
                case ICompoundAssignmentOperation compound when Refers(compound.Target, symbol):
                    origin = Classify(compound.Value, depth + 1);
                    if (origin.Kind == OriginKind.Unknown && compound.OperatorKind == BinaryOperatorKind.Add)
                    {
                        origin = Origin.Unsafe(Strip(compound.Value), "concatenation");
                    }

                    break;
                case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, symbol):
                    anyUnknown = true;
                    continue;
                case IRecursivePatternOperation recursive when SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, symbol):
                    anyUnknown = true;
                    continue;
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation when Refers(operation, symbol) && IsWrittenElsewhere(operation):
                    anyUnknown = true;
                    continue;
                default:
                    continue;
            }

            if (origin.Kind == OriginKind.Unsafe)
            {
                return origin;
            }

            assignments++;
            if (origin.Kind == OriginKind.Unknown)
            {
                anyUnknown = true;
            }
        }

        return anyUnknown || assignments == 0 ? Origin.Unknown : Origin.Constant;
    }

    private static bool Refers(IOperation? target, ISymbol symbol) => target switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
        IFieldReferenceOperation field => (field.Instance is null or IInstanceReferenceOperation) && SymbolEqualityComparer.Default.Equals(field.Field, symbol),
        _ => false,
    };

    /// <summary>Written by ref/out, deconstruction or a declaration expression (out var).</summary>
    private static bool IsWrittenElsewhere(IOperation reference)
    {
        var parent = reference.Parent;
        if (parent is IDeclarationExpressionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out },
            ITupleOperation => true,
            _ => false,
        };
    }

    private List<IOperation> BodyOperations()
    {
        if (_bodyOperations is null)
        {
            _bodyOperations = new List<IOperation>();
            foreach (var operation in _root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation or ISimpleAssignmentOperation or ICompoundAssignmentOperation
                    or ICoalesceAssignmentOperation or IDeclarationPatternOperation or IRecursivePatternOperation
                    or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
                {
                    _bodyOperations.Add(operation);
                }
            }
        }

        return _bodyOperations;
    }

    private static Origin Choice(Origin first, Origin second)
    {
        if (first.Kind == OriginKind.Unsafe)
        {
            return first;
        }

        if (second.Kind == OriginKind.Unsafe)
        {
            return second;
        }

        return first.Kind == OriginKind.Constant && second.Kind == OriginKind.Constant ? Origin.Constant : Origin.Unknown;
    }

    private static Origin Combine(Origin left, IOperation leftOperation, Origin right, IOperation rightOperation, string how)
    {
        if (left.Kind == OriginKind.Unsafe)
        {
            return left;
        }

        if (left.Kind == OriginKind.Unknown)
        {
            return Origin.Unsafe(Strip(leftOperation), how);
        }

        if (right.Kind == OriginKind.Unsafe)
        {
            return right;
        }

        return right.Kind == OriginKind.Unknown ? Origin.Unsafe(Strip(rightOperation), how) : Origin.Constant;
    }

    public static IOperation Strip(IOperation operation)
    {
        var current = operation;
        for (var steps = 0; steps < 64; steps++)
        {
            switch (current)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
            }

            break;
        }

        return current;
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
}
