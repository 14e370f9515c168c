using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;
using NeoGen.Sql.Parsing;

namespace NeoGen.Sql;

/// <summary>Describes a statement for code generation: parameters, result columns, tables. Never throws.</summary>
public static class SqlDescriber
{
    /// <summary>Describes <paramref name="sql"/> as written for <paramref name="dialect"/>.</summary>
    /// <remarks>
    /// With several statements, <see cref="SqlDescription.Kind"/>, result columns, tables and target describe the first
    /// one; parameters and errors cover all of them.
    /// </remarks>
    public static SqlDescription Describe(string sql, SqlDialect dialect)
    {
        var lex = SqlLexer.Lex(sql, dialect);
        var script = SqlParser.Parse(lex, dialect);
        return Describe(lex, script);
    }

    /// <summary>Describes an already parsed script (so a caller that also needs the tree parses once).</summary>
    public static SqlDescription Describe(SqlLexResult lex, SqlScript script)
    {
        if (lex is null || script is null)
        {
            return new SqlDescription(SqlStatementKind.Unknown, 0, new[] { new SqlError("SQL text is empty", 0, 0) }, Array.Empty<SqlParameterUse>(), Array.Empty<SqlResultColumn>(), Array.Empty<SqlTableReference>(), null);
        }

        var errors = new List<SqlError>(script.Errors);
        if (script.Statements.Count == 0 && errors.Count == 0)
        {
            errors.Add(new SqlError("SQL text is empty", 0, lex.Text.Length));
        }

        var parameters = DescribeParameters(lex, script);
        if (script.Statements.Count == 0)
        {
            return new SqlDescription(SqlStatementKind.Unknown, 0, errors, parameters, Array.Empty<SqlResultColumn>(), Array.Empty<SqlTableReference>(), null);
        }

        var first = script.Statements[0];
        var shape = StatementDescriber.Describe(first);
        return new SqlDescription(first.Kind, script.Statements.Count, errors, parameters, shape.Columns, shape.Tables, shape.TargetTable);
    }

    private static List<SqlParameterUse> DescribeParameters(SqlLexResult lex, SqlScript script)
    {
        // The tree knows exactly where IN @p and ANY(@p) stand; statements without a full tree (skipped DDL, MERGE
        // clauses, failed parses) fall back to looking at the neighbouring tokens.
        var contexts = new Dictionary<int, (SqlParameterContext Context, int ContextStart)>();
        var opaque = new List<SqlSpan>();
        foreach (var statement in script.Statements)
        {
            if (statement is InvalidStatement || statement is OpaqueStatement)
            {
                opaque.Add(statement.Span);
                continue;
            }

            if (statement is MergeStatement { Clauses: { } clauses })
            {
                opaque.Add(clauses);
            }

            foreach (var node in statement.DescendantsAndSelf())
            {
                switch (node)
                {
                    case InExpression { SourceKind: InSourceKind.Parameter } inList when inList.Items.Count == 1 && inList.Items[0] is ParameterExpression p:
                        contexts[p.Span.Start] = (SqlParameterContext.InList, inList.InKeyword.Start);
                        break;
                    case QuantifiedExpression { Argument: { } argument }:
                        var inner = Unwrap(argument);
                        if (inner is ParameterExpression { ParameterKind: SqlParameterKind.NeoGen } arrayParameter)
                        {
                            contexts[arrayParameter.Span.Start] = (SqlParameterContext.AnyArray, arrayParameter.Span.Start);
                        }

                        break;
                }
            }
        }

        var result = new List<SqlParameterUse>();
        var tokens = lex.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != SqlTokenKind.Parameter)
            {
                continue;
            }

            var context = SqlParameterContext.Value;
            var contextStart = token.Start;
            if (contexts.TryGetValue(token.Start, out var known))
            {
                (context, contextStart) = known;
            }
            else if (IsInside(opaque, token.Start))
            {
                var previous = i > 0 ? tokens[i - 1] : default;
                if (i > 0 && previous.IsWord("IN"))
                {
                    context = SqlParameterContext.InList;
                    contextStart = previous.Start;
                }
                else if (i > 1 && previous.Kind == SqlTokenKind.LeftParen
                    && (tokens[i - 2].IsWord("ANY") || tokens[i - 2].IsWord("ALL") || tokens[i - 2].IsWord("SOME"))
                    && i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.RightParen)
                {
                    context = SqlParameterContext.AnyArray;
                }
            }

            result.Add(new SqlParameterUse(token.Value, token.Start, token.Length, context, contextStart));
        }

        return result;
    }

    private static SqlExpression Unwrap(SqlExpression expression)
    {
        // ANY(@ids::int[]) and ANY((@ids)) still pass the parameter as the array.
        for (var i = 0; i < 100; i++)
        {
            switch (expression)
            {
                case CastExpression cast:
                    expression = cast.Operand;
                    continue;
                case ParenthesizedExpression paren:
                    expression = paren.Inner;
                    continue;
            }

            break;
        }

        return expression;
    }

    private static bool IsInside(List<SqlSpan> spans, int offset)
    {
        foreach (var span in spans)
        {
            if (offset >= span.Start && offset < span.End)
            {
                return true;
            }
        }

        return false;
    }
}
