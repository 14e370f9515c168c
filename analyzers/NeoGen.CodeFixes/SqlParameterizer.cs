using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NeoGen.CodeFixes;

/// <summary>One value that becomes a command parameter.</summary>
internal sealed class PlannedParameter
{
    public PlannedParameter(string name, string valueText, ExpressionSyntax? bareValue, ITypeSymbol? type)
    {
        Name = name;
        ValueText = valueText;
        BareValue = bareValue;
        Type = type;
    }

    /// <summary>Name without the '@'.</summary>
    public string Name { get; }

    /// <summary>C# source of the value.</summary>
    public string ValueText { get; }

    /// <summary>The hole expression when the value is exactly that expression (it may then be null).</summary>
    public ExpressionSyntax? BareValue { get; }

    public ITypeSymbol? Type { get; }
}

/// <summary>The SQL text with placeholders and the values to bind.</summary>
internal sealed class ParameterizedSql
{
    public ParameterizedSql(string sql, List<PlannedParameter> parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    public string Sql { get; }

    public List<PlannedParameter> Parameters { get; }
}

/// <summary>
/// Turns an interpolated or concatenated SQL expression into constant SQL with @name placeholders. Holes inside a
/// quoted SQL literal ('...{x}...') turn the whole literal into one parameter; unquoted holes are parameterized only
/// when they are numbers or booleans in a value position (anything else is probably a piece of SQL, which a
/// parameter cannot replace): then no fix is offered.
/// </summary>
internal static class SqlParameterizer
{
    private sealed class Segment
    {
        public string? Text;
        public ExpressionSyntax? Hole;
        public string? Alignment;
        public string? Format;
        public ITypeSymbol? HoleType;
    }

    private enum State
    {
        Normal,
        Single,
        Double,
        Bracket,
        Backtick,
        LineComment,
        BlockComment,
    }

    public static ParameterizedSql? TryParameterize(SemanticModel model, ExpressionSyntax value, System.Threading.CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(value, cancellationToken);
        if (operation is null)
        {
            return null;
        }

        var segments = new List<Segment>();
        if (!AddSegments(operation, segments, 0))
        {
            return null;
        }

        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var segment in segments)
        {
            if (segment.Text is { } text)
            {
                CollectExistingParameterNames(text, taken);
            }
        }

        var sql = new StringBuilder();
        var parameters = new List<PlannedParameter>();
        var byValue = new Dictionary<string, PlannedParameter>(System.StringComparer.Ordinal);
        var state = State.Normal;
        var literalRaw = new StringBuilder();
        var literalText = new StringBuilder();
        var literalPieces = new List<Segment>();
        var literalHasHole = false;
        var checkNextIsNotWord = false;
        var anyHole = false;

        foreach (var segment in segments)
        {
            if (segment.Hole is { } hole)
            {
                anyHole = true;
                if (checkNextIsNotWord)
                {
                    return null;
                }

                if (state == State.Single)
                {
                    if (literalText.Length > 0)
                    {
                        literalPieces.Add(new Segment { Text = literalText.ToString() });
                        literalText.Clear();
                    }

                    literalPieces.Add(segment);
                    literalHasHole = true;
                    continue;
                }

                if (state != State.Normal || !IsScalarValueType(segment.HoleType) || segment.Alignment is not null || segment.Format is not null || !IsValuePosition(sql))
                {
                    return null;
                }

                var parameter = Parameter(hole, segment.HoleType, hole.WithoutTrivia().ToString(), bare: true, parameters, byValue, taken);
                sql.Append('@').Append(parameter.Name);
                checkNextIsNotWord = true;
                continue;
            }

            var chars = segment.Text ?? string.Empty;
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
                if (checkNextIsNotWord)
                {
                    if (char.IsLetterOrDigit(c) || c == '_')
                    {
                        return null;
                    }

                    checkNextIsNotWord = false;
                }

                switch (state)
                {
                    case State.Normal:
                        if (c == '\'')
                        {
                            state = State.Single;
                            literalRaw.Clear().Append(c);
                            literalText.Clear();
                            literalPieces.Clear();
                            literalHasHole = false;
                            continue;
                        }

                        if (c == '"')
                        {
                            state = State.Double;
                        }
                        else if (c == '[')
                        {
                            state = State.Bracket;
                        }
                        else if (c == '`')
                        {
                            state = State.Backtick;
                        }
                        else if (c == '-' && next == '-')
                        {
                            state = State.LineComment;
                        }
                        else if (c == '/' && next == '*')
                        {
                            state = State.BlockComment;
                            sql.Append(c).Append(next);
                            i++;
                            continue;
                        }

                        sql.Append(c);
                        break;
                    case State.Single:
                        if (c == '\'')
                        {
                            if (next == '\'')
                            {
                                literalRaw.Append("''");
                                literalText.Append('\'');
                                i++;
                                continue;
                            }

                            literalRaw.Append(c);
                            state = State.Normal;
                            if (!literalHasHole)
                            {
                                sql.Append(literalRaw);
                                continue;
                            }

                            if (literalText.Length > 0)
                            {
                                literalPieces.Add(new Segment { Text = literalText.ToString() });
                                literalText.Clear();
                            }

                            var parameter = LiteralParameter(literalPieces, parameters, byValue, taken);
                            sql.Append('@').Append(parameter.Name);
                            checkNextIsNotWord = true;
                            continue;
                        }

                        literalRaw.Append(c);
                        literalText.Append(c);
                        break;
                    case State.Double:
                        sql.Append(c);
                        if (c == '"')
                        {
                            state = State.Normal;
                        }

                        break;
                    case State.Bracket:
                        sql.Append(c);
                        if (c == ']')
                        {
                            state = State.Normal;
                        }

                        break;
                    case State.Backtick:
                        sql.Append(c);
                        if (c == '`')
                        {
                            state = State.Normal;
                        }

                        break;
                    case State.LineComment:
                        sql.Append(c);
                        if (c == '\n')
                        {
                            state = State.Normal;
                        }

                        break;
                    case State.BlockComment:
                        sql.Append(c);
                        if (c == '*' && next == '/')
                        {
                            sql.Append(next);
                            i++;
                            state = State.Normal;
                        }

                        break;
                }
            }
        }

        if (!anyHole || state == State.Single)
        {
            return null;
        }

        return new ParameterizedSql(sql.ToString(), parameters);
    }

    private static bool AddSegments(IOperation operation, List<Segment> segments, int depth)
    {
        if (depth > 256)
        {
            return false;
        }

        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue.HasValue)
        {
            segments.Add(new Segment { Text = ConstantText(operation.ConstantValue.Value) });
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text)
                    {
                        segments.Add(new Segment { Text = text.Text?.ConstantValue.Value as string ?? string.Empty });
                    }
                    else if (part is IInterpolationOperation hole && hole.Syntax is InterpolationSyntax syntax)
                    {
                        if (hole.Expression.ConstantValue.Value is string constant && hole.Alignment is null && hole.FormatString is null)
                        {
                            segments.Add(new Segment { Text = constant });
                            continue;
                        }

                        segments.Add(new Segment
                        {
                            Hole = syntax.Expression,
                            HoleType = hole.Expression.Type,
                            Alignment = syntax.AlignmentClause?.Value.ToString(),
                            Format = syntax.FormatClause?.FormatStringToken.Text,
                        });
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return AddSegments(binary.LeftOperand, segments, depth + 1) && AddSegments(binary.RightOperand, segments, depth + 1);
            default:
                if (operation.Syntax is not ExpressionSyntax expression)
                {
                    return false;
                }

                segments.Add(new Segment { Hole = expression, HoleType = operation.Type });
                return true;
        }
    }

    private static string ConstantText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        char c => c.ToString(),
        System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static PlannedParameter LiteralParameter(List<Segment> pieces, List<PlannedParameter> parameters, Dictionary<string, PlannedParameter> byValue, HashSet<string> taken)
    {
        if (pieces.Count == 1 && pieces[0] is { Hole: { } only, Alignment: null, Format: null })
        {
            return Parameter(only, pieces[0].HoleType, only.WithoutTrivia().ToString(), bare: true, parameters, byValue, taken);
        }

        var value = new StringBuilder("$\"");
        ExpressionSyntax? single = null;
        var holes = 0;
        foreach (var piece in pieces)
        {
            if (piece.Hole is { } hole)
            {
                holes++;
                single = hole;
                var text = hole.WithoutTrivia().ToString();
                value.Append('{').Append(NeedsParentheses(hole) ? "(" + text + ")" : text);
                if (piece.Alignment is not null)
                {
                    value.Append(',').Append(piece.Alignment);
                }

                if (piece.Format is not null)
                {
                    value.Append(':').Append(piece.Format);
                }

                value.Append('}');
            }
            else
            {
                AppendEscaped(value, piece.Text ?? string.Empty);
            }
        }

        value.Append('"');
        return Parameter(holes == 1 ? single : null, null, value.ToString(), bare: false, parameters, byValue, taken);
    }

    private static bool NeedsParentheses(ExpressionSyntax expression)
        => expression is not ParenthesizedExpressionSyntax && expression.ToString().IndexOf(':') >= 0;

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '{': builder.Append("{{"); break;
                case '}': builder.Append("}}"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default: builder.Append(c); break;
            }
        }
    }

    private static PlannedParameter Parameter(ExpressionSyntax? nameSource, ITypeSymbol? type, string valueText, bool bare, List<PlannedParameter> parameters, Dictionary<string, PlannedParameter> byValue, HashSet<string> taken)
    {
        if (byValue.TryGetValue(valueText, out var existing))
        {
            return existing;
        }

        string name;
        if (nameSource is IdentifierNameSyntax identifier && identifier.Identifier.ValueText.Length > 0)
        {
            var baseName = identifier.Identifier.ValueText;
            name = baseName;
            for (var n = 2; taken.Contains(name); n++)
            {
                name = baseName + n.ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            var n = 0;
            do
            {
                name = "p" + n.ToString(CultureInfo.InvariantCulture);
                n++;
            }
            while (taken.Contains(name));
        }

        taken.Add(name);
        var parameter = new PlannedParameter(name, valueText, bare ? nameSource : null, bare ? type : null);
        parameters.Add(parameter);
        byValue[valueText] = parameter;
        return parameter;
    }

    private static void CollectExistingParameterNames(string text, HashSet<string> names)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '@' or ':' or '$')
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end > start)
                {
                    names.Add(text.Substring(start, end - start));
                }
            }
        }
    }

    private static bool IsScalarValueType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type?.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return true;
            default:
                return false;
        }
    }

    /// <summary>An unquoted hole may become a parameter unless it stands where SQL needs a name or an ordinal.</summary>
    private static bool IsValuePosition(StringBuilder sql)
    {
        var end = sql.Length;
        if (end > 0 && (char.IsLetterOrDigit(sql[end - 1]) || sql[end - 1] is '_' or '.' or '@' or ':' or '$'))
        {
            return false;
        }

        while (end > 0 && char.IsWhiteSpace(sql[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        if (sql[end - 1] == '.')
        {
            return false;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(sql[start - 1]) || sql[start - 1] == '_'))
        {
            start--;
        }

        if (start == end)
        {
            return true;
        }

        var word = sql.ToString(start, end - start).ToUpperInvariant();
        return word is not ("BY" or "TOP" or "FROM" or "JOIN" or "INTO" or "UPDATE" or "TABLE" or "AS" or "ON" or "INDEX" or "DESC" or "ASC");
    }
}
