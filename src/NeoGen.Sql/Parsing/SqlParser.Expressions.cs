using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Parsing;

public sealed partial class SqlParser
{
    private const int PrecOr = 1;
    private const int PrecXor = 2;
    private const int PrecAnd = 3;
    private const int PrecNot = 4;
    private const int PrecComparison = 5;
    private const int PrecOther = 6;
    private const int PrecAdditive = 7;
    private const int PrecMultiplicative = 8;
    private const int PrecExponent = 9;

    // Reserved words that are also function names: LEFT(s, 2), T-SQL ISNULL(a, b), MySQL VALUES(col) in ON DUPLICATE KEY UPDATE.
    private static readonly HashSet<string> FunctionKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "LEFT", "RIGHT", "VALUES", "ISNULL", "GLOB", "LIKE", "REGEXP", "IF", "INSERT", "REPLACE", "MOD",
    };

    private static readonly HashSet<string> NiladicFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
        "SESSION_USER", "SYSTEM_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG",
    };

    // Functions whose first argument is a date part keyword, not a column.
    private static readonly HashSet<string> DatePartFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "EXTRACT", "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC", "DATE_BUCKET",
        "TIMESTAMPADD", "TIMESTAMPDIFF",
    };

    private static readonly HashSet<string> TypeContinuationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PRECISION", "VARYING", "CHARACTER", "CHAR", "VARCHAR", "INT", "INTEGER", "UNSIGNED", "SIGNED", "ZEROFILL",
        "LARGE", "OBJECT",
    };

    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "YEAR", "YEARS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES",
        "SECOND", "SECONDS", "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS", "QUARTER", "YEAR_MONTH",
        "DAY_HOUR", "DAY_MINUTE", "DAY_SECOND", "DAY_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "HOUR_MICROSECOND",
        "MINUTE_SECOND", "MINUTE_MICROSECOND", "SECOND_MICROSECOND",
    };

    private bool IsExpressionKeyword(SqlToken t) =>
        t.IsWord("NOT") || t.IsWord("CASE") || t.IsWord("EXISTS") || t.IsWord("NULL") || t.IsWord("TRUE") || t.IsWord("FALSE")
        || ((t.IsWord("ANY") || t.IsWord("SOME") || t.IsWord("ALL") || FunctionKeywords.Contains(t.Value)) && Peek(1).Kind == SqlTokenKind.LeftParen && t.Start == Cur.Start);

    private SqlExpression ParseExpression() => ParseExpression(0);

    private SqlExpression ParseExpression(int minPrecedence)
    {
        if (!Enter())
        {
            Exit();
            return ErrorHere();
        }

        var start = Cur.Start;
        var left = ParsePrefix();
        while (!_failed)
        {
            if (minPrecedence <= PrecComparison)
            {
                var predicate = TryParsePredicate(left, start);
                if (predicate != null)
                {
                    left = predicate;
                    continue;
                }

                if (_failed)
                {
                    break;
                }
            }

            if (!TryGetBinaryOperator(out var op, out var precedence) || precedence < minPrecedence)
            {
                break;
            }

            Advance();
            var right = ParseExpression(precedence + 1);
            left = new BinaryExpression(op, left, right, SpanFrom(start));
        }

        Exit();
        return left;
    }

    private bool TryGetBinaryOperator(out string op, out int precedence)
    {
        var t = Cur;
        op = t.Value;
        precedence = 0;
        if (t.Kind == SqlTokenKind.Keyword || t.Kind == SqlTokenKind.Identifier)
        {
            if (t.IsWord("OR"))
            {
                op = "OR";
                precedence = PrecOr;
            }
            else if (t.IsWord("AND"))
            {
                op = "AND";
                precedence = PrecAnd;
            }
            else if (MySql && t.IsWord("XOR"))
            {
                op = "XOR";
                precedence = PrecXor;
            }
            else if (MySql && (t.IsWord("DIV") || t.IsWord("MOD")))
            {
                op = t.Value.ToUpperInvariant();
                precedence = PrecMultiplicative;
            }

            return precedence > 0;
        }

        if (t.Kind != SqlTokenKind.Operator)
        {
            return false;
        }

        switch (t.Value)
        {
            case "=":
            case "==":
            case "<>":
            case "!=":
            case "<":
            case ">":
            case "<=":
            case ">=":
            case "<=>":
            case "!<":
            case "!>":
                precedence = PrecComparison;
                break;
            case "+":
            case "-":
                precedence = PrecAdditive;
                break;
            case "*":
            case "/":
            case "%":
                precedence = PrecMultiplicative;
                break;
            case "^":
                precedence = Pg ? PrecExponent : PrecOther;
                break;
            case "||":
                // MySQL reads || as logical OR (without PIPES_AS_CONCAT); everywhere else it concatenates.
                precedence = MySql ? PrecOr : PrecOther;
                break;
            case "&&":
                precedence = MySql ? PrecAnd : PrecOther;
                break;
            case "!":
            case "@":
            case "::":
            case ":=":
            case "=>":
            case ":":
                return false;
            case "~":
                if (!Pg)
                {
                    return false;
                }

                precedence = PrecOther;
                break;
            default:
                if (SqlServer && t.Value.Length == 2 && t.Value[1] == '=')
                {
                    // Compound assignment (+=) belongs to SET, not to expressions.
                    return false;
                }

                precedence = PrecOther;
                break;
        }

        return true;
    }

    /// <summary>IS / ISNULL / NOTNULL / [NOT] IN / BETWEEN / LIKE-family, at comparison precedence.</summary>
    private SqlExpression? TryParsePredicate(SqlExpression left, int start)
    {
        if (IsWord("IS"))
        {
            Advance();
            var not = AcceptWord("NOT");
            if (AcceptWord("NULL"))
            {
                return new IsNullExpression(left, not, SpanFrom(start));
            }

            if (IsWord("TRUE") || IsWord("FALSE") || IsWord("UNKNOWN"))
            {
                var t = Advance();
                var literal = t.IsWord("UNKNOWN")
                    ? new LiteralExpression(SqlLiteralKind.Null, "UNKNOWN", new SqlSpan(t.Start, t.Length))
                    : new LiteralExpression(SqlLiteralKind.Boolean, t.Value.ToUpperInvariant(), new SqlSpan(t.Start, t.Length));
                return new BinaryExpression(not ? "IS NOT" : "IS", left, literal, SpanFrom(start));
            }

            if (AcceptWords("DISTINCT", "FROM"))
            {
                var other = ParseExpression(PrecOther);
                return new BinaryExpression(not ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM", left, other, SpanFrom(start));
            }

            // SQLite: "a IS b" is null-safe equality.
            var right = ParseExpression(PrecOther);
            return new BinaryExpression(not ? "IS NOT" : "IS", left, right, SpanFrom(start));
        }

        if ((Pg || Sqlite) && (IsWord("ISNULL") || IsWord("NOTNULL")))
        {
            var isNot = IsWord("NOTNULL");
            Advance();
            return new IsNullExpression(left, isNot, SpanFrom(start));
        }

        var negated = false;
        if (IsWord("NOT"))
        {
            var next = Peek(1);
            if (Sqlite && next.IsWord("NULL"))
            {
                _pos += 2;
                return new IsNullExpression(left, true, SpanFrom(start));
            }

            if (!(next.IsWord("IN") || next.IsWord("BETWEEN") || IsLikeWord(next)))
            {
                return null;
            }

            Advance();
            negated = true;
        }

        if (IsWord("IN"))
        {
            return ParseInRest(left, negated, start);
        }

        if (IsWord("BETWEEN"))
        {
            Advance();
            if (!AcceptWord("SYMMETRIC"))
            {
                AcceptWord("ASYMMETRIC");
            }

            var low = ParseExpression(PrecOther);
            ExpectWord("AND");
            var high = ParseExpression(PrecOther);
            return new BetweenExpression(left, negated, low, high, SpanFrom(start));
        }

        if (IsLikeWord(Cur))
        {
            var op = Advance().Value.ToUpperInvariant();
            if (op == "SIMILAR")
            {
                ExpectWord("TO");
                op = "SIMILAR TO";
            }

            var pattern = ParseExpression(PrecOther);
            SqlExpression? escape = null;
            if (AcceptWord("ESCAPE"))
            {
                escape = ParseExpression(PrecOther);
            }

            return new LikeExpression(left, negated, op, pattern, escape, SpanFrom(start));
        }

        return null;
    }

    private bool IsLikeWord(SqlToken t) =>
        t.IsWord("LIKE") || t.IsWord("ILIKE") || t.IsWord("SIMILAR")
        || (Sqlite && (t.IsWord("GLOB") || t.IsWord("MATCH") || t.IsWord("REGEXP")))
        || (MySql && (t.IsWord("REGEXP") || t.IsWord("RLIKE")));

    private InExpression ParseInRest(SqlExpression left, bool negated, int start)
    {
        var inToken = Advance();
        var inSpan = new SqlSpan(inToken.Start, inToken.Length);
        if (Is(SqlTokenKind.LeftParen))
        {
            if (IsQueryKeyword(Peek(1)))
            {
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                return new InExpression(left, negated, InSourceKind.Subquery, Array.Empty<SqlExpression>(), query, inSpan, SpanFrom(start));
            }

            Advance();
            var items = new List<SqlExpression>();
            if (!Is(SqlTokenKind.RightParen))
            {
                do
                {
                    items.Add(ParseExpression());
                }
                while (!_failed && Accept(SqlTokenKind.Comma));
            }

            Expect(SqlTokenKind.RightParen);
            return new InExpression(left, negated, InSourceKind.List, items, null, inSpan, SpanFrom(start));
        }

        if (Cur.Kind == SqlTokenKind.Parameter)
        {
            var p = Advance();
            var parameter = new ParameterExpression(SqlParameterKind.NeoGen, p.Value, new SqlSpan(p.Start, p.Length));
            return new InExpression(left, negated, InSourceKind.Parameter, new SqlExpression[] { parameter }, null, inSpan, SpanFrom(start));
        }

        var operand = ParsePrefix();
        return new InExpression(left, negated, InSourceKind.Expression, new[] { operand }, null, inSpan, SpanFrom(start));
    }

    private SqlExpression ParsePrefix()
    {
        if (!Enter())
        {
            Exit();
            return ErrorHere();
        }

        var start = Cur.Start;
        SqlExpression result;
        if (Cur.Kind == SqlTokenKind.Operator && (IsOp("-") || IsOp("+") || IsOp("~") || (IsOp("!") && !SqlServer) || (Pg && (IsOp("@") || IsOp("|/")))))
        {
            var op = Advance().Value;
            var operand = ParsePrefix();
            result = new UnaryExpression(op, operand, SpanFrom(start));
        }
        else if (IsWord("NOT"))
        {
            Advance();
            var operand = ParseExpression(PrecNot);
            result = new UnaryExpression("NOT", operand, SpanFrom(start));
        }
        else
        {
            result = ParsePostfix(ParsePrimary(), start);
        }

        Exit();
        return result;
    }

    private SqlExpression ParsePostfix(SqlExpression expression, int start)
    {
        while (!_failed)
        {
            if (IsOp("::"))
            {
                Advance();
                var type = ParseDataType();
                expression = new CastExpression(expression, type, CastSyntax.DoubleColon, SpanFrom(start));
            }
            else if (Pg && Is(SqlTokenKind.LeftBracket))
            {
                Advance();
                SqlExpression? index = null;
                SqlExpression? upper = null;
                if (!IsOp(":") && Cur.Kind != SqlTokenKind.NamedParameter)
                {
                    index = ParseExpression();
                }

                if (Cur.Kind == SqlTokenKind.NamedParameter)
                {
                    // The lexer reads "a[1:n]" as "1" and ":n"; here ":n" is a slice bound.
                    var t = Advance();
                    upper = new ColumnReferenceExpression(new SqlObjectName(new[] { new SqlIdentifier(t.Value, false, new SqlSpan(t.Start + 1, t.Length - 1)) }, new SqlSpan(t.Start + 1, t.Length - 1)));
                }
                else if (AcceptOp(":"))
                {
                    if (!Is(SqlTokenKind.RightBracket))
                    {
                        upper = ParseExpression();
                    }
                }

                Expect(SqlTokenKind.RightBracket);
                expression = new SubscriptExpression(expression, index, upper, SpanFrom(start));
            }
            else if (IsWord("COLLATE"))
            {
                Advance();
                string collation;
                if (Cur.Kind == SqlTokenKind.String)
                {
                    collation = Advance().Value;
                }
                else
                {
                    collation = ParseObjectName("a collation name").ToString();
                }

                expression = new CollateExpression(expression, collation, SpanFrom(start));
            }
            else if (Is(SqlTokenKind.Dot) && (expression is ParenthesizedExpression || expression is FunctionCallExpression || expression is SubqueryExpression)
                && (IsNameToken(Peek(1), allowReserved: true) || Peek(1).IsOperator("*")))
            {
                _pos++;
                var field = Advance();
                expression = new FieldSelectionExpression(expression, field.Kind == SqlTokenKind.Operator ? null : Ident(field), SpanFrom(start));
            }
            else if (IsWord("AT") && IsWordAt(1, "TIME") && IsWordAt(2, "ZONE"))
            {
                _pos += 3;
                var zone = ParsePrefix();
                expression = new AtTimeZoneExpression(expression, zone, SpanFrom(start));
            }
            else
            {
                break;
            }
        }

        return expression;
    }

    private SqlExpression ParsePrimary()
    {
        var t = Cur;
        var span = new SqlSpan(t.Start, t.Length);
        switch (t.Kind)
        {
            case SqlTokenKind.Number:
                Advance();
                return new LiteralExpression(SqlLiteralKind.Number, t.Value, span);
            case SqlTokenKind.String:
                Advance();
                if (MySql && Cur.Kind == SqlTokenKind.String)
                {
                    // MySQL concatenates adjacent string literals: 'a' 'b' is 'ab'.
                    var text = new System.Text.StringBuilder(t.Value);
                    while (Cur.Kind == SqlTokenKind.String)
                    {
                        text.Append(Advance().Value);
                    }

                    return new LiteralExpression(SqlLiteralKind.String, text.ToString(), SpanFrom(t.Start));
                }

                return new LiteralExpression(SqlLiteralKind.String, t.Value, span);
            case SqlTokenKind.Blob:
                Advance();
                return new LiteralExpression(SqlLiteralKind.Blob, t.Value, span);
            case SqlTokenKind.Parameter:
                Advance();
                return new ParameterExpression(SqlParameterKind.NeoGen, t.Value, span);
            case SqlTokenKind.PositionalParameter:
                Advance();
                return new ParameterExpression(SqlParameterKind.Positional, t.Value, span);
            case SqlTokenKind.NamedParameter:
                Advance();
                return new ParameterExpression(SqlParameterKind.Named, t.Value, span);
            case SqlTokenKind.SystemVariable:
                Advance();
                return new ParameterExpression(SqlParameterKind.SystemVariable, t.Value, span);
            case SqlTokenKind.LeftParen:
                return ParseParenthesizedExpression();
            case SqlTokenKind.Operator when t.Value == "*":
                Advance();
                return new StarExpression(null, span);
            case SqlTokenKind.Identifier:
            case SqlTokenKind.QuotedIdentifier:
            case SqlTokenKind.Keyword:
                return ParseWordPrimary();
        }

        Fail("Expected an expression");
        return ErrorHere();
    }

    private SqlExpression ParseParenthesizedExpression()
    {
        var start = Cur.Start;
        if (IsQueryKeyword(Peek(1)))
        {
            Advance();
            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen);
            return new SubqueryExpression(query, SpanFrom(start));
        }

        Advance();
        var first = ParseExpression();
        if (!_failed && Is(SqlTokenKind.Comma))
        {
            var items = new List<SqlExpression> { first };
            while (!_failed && Accept(SqlTokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            Expect(SqlTokenKind.RightParen);
            return new RowExpression(items, SpanFrom(start));
        }

        Expect(SqlTokenKind.RightParen);
        return new ParenthesizedExpression(first, SpanFrom(start));
    }

    private SqlExpression ParseWordPrimary()
    {
        var t = Cur;
        var start = t.Start;
        var span = new SqlSpan(t.Start, t.Length);
        var next = Peek(1);
        if (t.Kind != SqlTokenKind.QuotedIdentifier)
        {
            if (t.IsWord("NULL"))
            {
                Advance();
                return new LiteralExpression(SqlLiteralKind.Null, "NULL", span);
            }

            if (t.IsWord("TRUE") || t.IsWord("FALSE"))
            {
                Advance();
                return new LiteralExpression(SqlLiteralKind.Boolean, t.Value.ToUpperInvariant(), span);
            }

            if (t.IsWord("DEFAULT"))
            {
                Advance();
                return new LiteralExpression(SqlLiteralKind.Default, "DEFAULT", span);
            }

            if (t.IsWord("CASE"))
            {
                return ParseCase();
            }

            if ((t.IsWord("CAST") || t.IsWord("TRY_CAST") || t.IsWord("SAFE_CAST")) && next.Kind == SqlTokenKind.LeftParen)
            {
                return ParseCast();
            }

            if (((SqlServer && (t.IsWord("CONVERT") || t.IsWord("TRY_CONVERT"))) || (MySql && t.IsWord("CONVERT"))) && next.Kind == SqlTokenKind.LeftParen)
            {
                var convert = TryParseConvert();
                if (convert != null)
                {
                    return convert;
                }
            }

            if (t.IsWord("EXISTS") && next.Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                return new ExistsExpression(query, SpanFrom(start));
            }

            if ((t.IsWord("ANY") || t.IsWord("ALL") || t.IsWord("SOME")) && next.Kind == SqlTokenKind.LeftParen)
            {
                var quantifier = t.Value.ToUpperInvariant();
                Advance();
                Advance();
                if (IsQueryKeyword(Cur))
                {
                    var query = ParseQuery();
                    Expect(SqlTokenKind.RightParen);
                    return new QuantifiedExpression(quantifier, null, query, SpanFrom(start));
                }

                var argument = ParseExpression();
                Expect(SqlTokenKind.RightParen);
                return new QuantifiedExpression(quantifier, argument, null, SpanFrom(start));
            }

            if (t.IsWord("ARRAY") && (next.Kind == SqlTokenKind.LeftBracket || next.Kind == SqlTokenKind.LeftParen))
            {
                return ParseArray();
            }

            if (t.IsWord("ROW") && next.Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                var row = ParseParenthesizedExpressions();
                return new RowExpression(row, SpanFrom(start));
            }

            if (t.IsWord("INTERVAL") && (next.Kind == SqlTokenKind.String || next.Kind == SqlTokenKind.Number || next.Kind == SqlTokenKind.Parameter || next.IsOperator("-") || next.Kind == SqlTokenKind.LeftParen))
            {
                return ParseInterval();
            }

            if ((t.IsWord("DATE") || t.IsWord("TIME") || t.IsWord("TIMESTAMP") || t.IsWord("TIMESTAMPTZ") || t.IsWord("DATETIME")) && next.Kind == SqlTokenKind.String)
            {
                Advance();
                var value = Advance();
                return new TypedLiteralExpression(t.Value.ToUpperInvariant(), value.Value, SpanFrom(start));
            }

            if (NiladicFunctions.Contains(t.Value) && next.Kind != SqlTokenKind.LeftParen)
            {
                Advance();
                var name = new SqlObjectName(new[] { Ident(t) }, span);
                return new FunctionCallExpression(name, Array.Empty<SqlExpression>(), false, span);
            }

            if (t.Kind == SqlTokenKind.Keyword && SqlKeywords.IsReserved(t.Value, _dialect)
                && !(next.Kind == SqlTokenKind.LeftParen && FunctionKeywords.Contains(t.Value)))
            {
                Fail("Expected an expression");
                return ErrorHere();
            }
        }

        var parts = new List<SqlIdentifier> { Ident(Advance()) };
        while (!_failed && Is(SqlTokenKind.Dot))
        {
            if (Peek(1).IsOperator("*"))
            {
                _pos++;
                var star = Advance();
                var qualifier = new SqlObjectName(parts, SqlSpan.FromBounds(start, parts[parts.Count - 1].Span.End));
                return new StarExpression(qualifier, SqlSpan.FromBounds(start, star.End));
            }

            if (!IsNameToken(Peek(1), allowReserved: true))
            {
                _pos++;
                Fail("Expected a name after '.'");
                return ErrorHere();
            }

            _pos++;
            parts.Add(Ident(Advance()));
        }

        var objectName = new SqlObjectName(parts, SpanFrom(start));
        if (Is(SqlTokenKind.LeftParen) && !_failed)
        {
            return ParseFunctionCall(objectName, start);
        }

        return new ColumnReferenceExpression(objectName);
    }

    private FunctionCallExpression ParseFunctionCall(SqlObjectName name, int start)
    {
        Advance();
        var functionName = name.Parts.Count == 1 ? name.Name.ToUpperInvariant() : string.Empty;
        var args = new List<SqlExpression>();
        var isDistinct = false;
        IReadOnlyList<OrderByItem> argumentOrderBy = Array.Empty<OrderByItem>();
        if (!_failed && !Is(SqlTokenKind.RightParen))
        {
            if (AcceptWord("DISTINCT"))
            {
                isDistinct = true;
            }
            else if (IsWord("ALL") && Peek(1).Kind != SqlTokenKind.LeftParen)
            {
                Advance();
            }

            if (IsOp("*") && Peek(1).Kind == SqlTokenKind.RightParen)
            {
                var star = Advance();
                args.Add(new StarExpression(null, new SqlSpan(star.Start, star.Length)));
            }
            else
            {
                ParseFunctionArguments(functionName, args);
                if (IsWord("ORDER") && IsWordAt(1, "BY"))
                {
                    _pos += 2;
                    argumentOrderBy = ParseOrderByList();
                }

                if (MySql && AcceptWord("SEPARATOR"))
                {
                    args.Add(ParseExpression());
                }

                if (IsWord("IGNORE") || IsWord("RESPECT"))
                {
                    if (IsWordAt(1, "NULLS"))
                    {
                        _pos += 2;
                    }
                }

                if (AcceptWord("LIMIT"))
                {
                    ParseExpression();
                }
            }
        }

        Expect(SqlTokenKind.RightParen);
        if (DatePartFunctions.Contains(functionName) && args.Count > 0 && args[0] is ColumnReferenceExpression { Name.Parts.Count: 1 } part && !part.Name.Parts[0].IsQuoted)
        {
            args[0] = new KeywordExpression(part.Column.ToUpperInvariant(), part.Span);
        }

        if (MySql && functionName == "MATCH" && IsWord("AGAINST") && Peek(1).Kind == SqlTokenKind.LeftParen)
        {
            // MySQL full-text search: MATCH (cols) AGAINST (expr [IN BOOLEAN MODE | WITH QUERY EXPANSION]).
            _pos += 2;
            args.Add(ParseExpression(PrecOther));
            while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.RightParen) && Cur.IsBareWord)
            {
                Advance();
            }

            Expect(SqlTokenKind.RightParen);
        }

        var call = new FunctionCallExpression(name, args, true, SpanFrom(start))
        {
            IsDistinct = isDistinct,
            ArgumentOrderBy = argumentOrderBy,
        };

        if (IsWord("WITHIN") && IsWordAt(1, "GROUP"))
        {
            _pos += 2;
            Expect(SqlTokenKind.LeftParen);
            ExpectWord("ORDER");
            ExpectWord("BY");
            if (!_failed)
            {
                call.WithinGroup = ParseOrderByList();
            }

            Expect(SqlTokenKind.RightParen);
        }

        if (IsWord("FILTER") && Peek(1).Kind == SqlTokenKind.LeftParen)
        {
            _pos++;
            Advance();
            ExpectWord("WHERE");
            if (!_failed)
            {
                call.Filter = ParseExpression();
            }

            Expect(SqlTokenKind.RightParen);
        }

        if ((IsWord("IGNORE") || IsWord("RESPECT")) && IsWordAt(1, "NULLS") && IsWordAt(2, "OVER"))
        {
            _pos += 2;
        }

        if (IsWord("OVER") && !_failed)
        {
            Advance();
            if (Is(SqlTokenKind.LeftParen))
            {
                call.Over = ParseWindowSpecification();
            }
            else
            {
                var windowName = ParseIdentifier("a window name");
                call.Over = new WindowSpecification(windowName, Array.Empty<SqlExpression>(), Array.Empty<OrderByItem>(), null, windowName.Span);
            }
        }

        call.Span = SpanFrom(start);
        return call;
    }

    private void ParseFunctionArguments(string functionName, List<SqlExpression> args)
    {
        if (functionName == "POSITION")
        {
            // POSITION(substring IN string): parse the first operand above IN's precedence.
            var needle = ParseExpression(PrecOther);
            args.Add(needle);
            if (AcceptWord("IN"))
            {
                args.Add(ParseExpression());
                return;
            }
        }

        while (!_failed)
        {
            if (functionName == "TRIM" && (IsWord("LEADING") || IsWord("TRAILING") || IsWord("BOTH")))
            {
                var word = Advance();
                args.Add(new KeywordExpression(word.Value.ToUpperInvariant(), new SqlSpan(word.Start, word.Length)));
                if (AcceptWord("FROM"))
                {
                    continue;
                }
            }

            if (args.Count > 0 || functionName != "POSITION")
            {
                var argStart = Cur.Start;
                var arg = ParseExpression();
                if (IsOp("=>") || IsOp(":="))
                {
                    // PostgreSQL named argument: f(name => value).
                    var op = Advance().Value;
                    var value = ParseExpression();
                    arg = new BinaryExpression(op, arg, value, SpanFrom(argStart));
                }

                args.Add(arg);
            }

            if (Accept(SqlTokenKind.Comma))
            {
                continue;
            }

            if (functionName == "CONVERT" && AcceptWord("USING"))
            {
                // CONVERT(x USING utf8mb4): the character set is a name, not a column.
                var charset = ParseIdentifier("a character set", allowReserved: true);
                args.Add(new KeywordExpression(charset.Value, charset.Span));
                break;
            }

            // SUBSTRING(x FROM 1 FOR 2), EXTRACT(YEAR FROM x), OVERLAY(x PLACING y FROM 1).
            if (AcceptWord("FROM") || AcceptWord("FOR") || AcceptWord("PLACING") || AcceptWord("USING") || (functionName == "TRIM" && AcceptWord("FROM")))
            {
                continue;
            }

            if (functionName == "CONVERT" && AcceptWord("AS"))
            {
                args.Add(TypeAsExpression(ParseDataType()));
                continue;
            }

            break;
        }
    }

    private static SqlExpression TypeAsExpression(SqlDataType type) =>
        new KeywordExpression(type.Name, type.Span);

    private WindowSpecification ParseWindowSpecification()
    {
        var start = Cur.Start;
        Expect(SqlTokenKind.LeftParen);
        SqlIdentifier? baseWindow = null;
        if (!_failed && (Cur.Kind == SqlTokenKind.Identifier || Cur.Kind == SqlTokenKind.QuotedIdentifier)
            && !IsWord("PARTITION") && !IsWord("ROWS") && !IsWord("RANGE") && !IsWord("GROUPS"))
        {
            baseWindow = Ident(Advance());
        }

        IReadOnlyList<SqlExpression> partitionBy = Array.Empty<SqlExpression>();
        if (IsWord("PARTITION") && IsWordAt(1, "BY"))
        {
            _pos += 2;
            var list = new List<SqlExpression>();
            do
            {
                list.Add(ParseExpression());
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            partitionBy = list;
        }

        IReadOnlyList<OrderByItem> orderBy = Array.Empty<OrderByItem>();
        if (IsWord("ORDER") && IsWordAt(1, "BY"))
        {
            _pos += 2;
            orderBy = ParseOrderByList();
        }

        WindowFrame? frame = null;
        if (IsWord("ROWS") || IsWord("RANGE") || IsWord("GROUPS"))
        {
            var frameStart = Cur.Start;
            var units = Advance().Value.ToUpperInvariant();
            WindowFrameBound lower;
            WindowFrameBound? upper = null;
            if (AcceptWord("BETWEEN"))
            {
                lower = ParseFrameBound();
                ExpectWord("AND");
                upper = ParseFrameBound();
            }
            else
            {
                lower = ParseFrameBound();
            }

            if (AcceptWord("EXCLUDE"))
            {
                if (AcceptWord("CURRENT"))
                {
                    ExpectWord("ROW");
                }
                else if (AcceptWord("NO"))
                {
                    ExpectWord("OTHERS");
                }
                else if (!AcceptWord("GROUP"))
                {
                    ExpectWord("TIES");
                }
            }

            frame = new WindowFrame(units, lower, upper, SpanFrom(frameStart));
        }

        Expect(SqlTokenKind.RightParen);
        return new WindowSpecification(baseWindow, partitionBy, orderBy, frame, SpanFrom(start));
    }

    private WindowFrameBound ParseFrameBound()
    {
        var start = Cur.Start;
        if (AcceptWord("UNBOUNDED"))
        {
            if (AcceptWord("PRECEDING"))
            {
                return new WindowFrameBound(WindowFrameBoundKind.UnboundedPreceding, null, SpanFrom(start));
            }

            ExpectWord("FOLLOWING");
            return new WindowFrameBound(WindowFrameBoundKind.UnboundedFollowing, null, SpanFrom(start));
        }

        if (AcceptWord("CURRENT"))
        {
            ExpectWord("ROW");
            return new WindowFrameBound(WindowFrameBoundKind.CurrentRow, null, SpanFrom(start));
        }

        var offset = ParseExpression(PrecOther);
        if (AcceptWord("PRECEDING"))
        {
            return new WindowFrameBound(WindowFrameBoundKind.Preceding, offset, SpanFrom(start));
        }

        ExpectWord("FOLLOWING");
        return new WindowFrameBound(WindowFrameBoundKind.Following, offset, SpanFrom(start));
    }

    private SqlExpression ParseCase()
    {
        var start = Cur.Start;
        Advance();
        SqlExpression? operand = null;
        if (!IsWord("WHEN"))
        {
            operand = ParseExpression();
        }

        var whens = new List<CaseWhen>();
        while (!_failed && IsWord("WHEN"))
        {
            var whenStart = Cur.Start;
            Advance();
            var condition = ParseExpression();
            ExpectWord("THEN");
            var result = _failed ? ErrorHere() : ParseExpression();
            whens.Add(new CaseWhen(condition, result, SpanFrom(whenStart)));
        }

        if (whens.Count == 0)
        {
            Fail("Expected WHEN");
        }

        SqlExpression? elseResult = null;
        if (AcceptWord("ELSE"))
        {
            elseResult = ParseExpression();
        }

        ExpectWord("END");
        return new CaseExpression(operand, whens, elseResult, SpanFrom(start));
    }

    private SqlExpression ParseCast()
    {
        var start = Cur.Start;
        var word = Advance();
        var syntax = word.IsWord("CAST") ? CastSyntax.Cast : CastSyntax.TryCast;
        Expect(SqlTokenKind.LeftParen);
        var operand = _failed ? ErrorHere() : ParseExpression();
        ExpectWord("AS");
        var type = ParseDataType();
        if (MySql && (AcceptWords("CHARACTER", "SET") || AcceptWord("CHARSET")))
        {
            ParseIdentifier("a character set", allowReserved: true);
        }

        Expect(SqlTokenKind.RightParen);
        return new CastExpression(operand, type, syntax, SpanFrom(start));
    }

    /// <summary>
    /// T-SQL <c>CONVERT(type, x [, style])</c> and MySQL <c>CONVERT(x, type)</c> are casts. Null, with nothing consumed,
    /// for MySQL <c>CONVERT(x USING charset)</c>, which stays a function call.
    /// </summary>
    private SqlExpression? TryParseConvert()
    {
        var save = _pos;
        var start = Cur.Start;
        var syntax = Advance().IsWord("TRY_CONVERT") ? CastSyntax.TryCast : CastSyntax.Cast;
        Advance();
        if (SqlServer)
        {
            var type = ParseDataType();
            Expect(SqlTokenKind.Comma);
            var operand = _failed ? ErrorHere() : ParseExpression();
            var style = Accept(SqlTokenKind.Comma) ? ParseExpression() : null;
            Expect(SqlTokenKind.RightParen);
            return new CastExpression(operand, type, syntax, SpanFrom(start)) { Style = style };
        }

        var value = ParseExpression();
        if (_failed || !Accept(SqlTokenKind.Comma))
        {
            if (!_failed)
            {
                _pos = save;
                return null;
            }

            return value;
        }

        var target = ParseDataType();
        if (AcceptWords("CHARACTER", "SET") || AcceptWord("CHARSET"))
        {
            ParseIdentifier("a character set", allowReserved: true);
        }

        Expect(SqlTokenKind.RightParen);
        return new CastExpression(value, target, syntax, SpanFrom(start));
    }

    private SqlDataType ParseDataType()
    {
        var start = Cur.Start;
        if (_failed || !(Cur.Kind == SqlTokenKind.Identifier || Cur.Kind == SqlTokenKind.QuotedIdentifier || Cur.Kind == SqlTokenKind.Keyword))
        {
            Fail("Expected a type name");
            return new SqlDataType(string.Empty, Array.Empty<SqlExpression>(), 0, new SqlSpan(start, 0));
        }

        var words = new List<string> { Advance().Value };
        while (Is(SqlTokenKind.Dot) && IsNameToken(Peek(1), allowReserved: true))
        {
            _pos++;
            words[words.Count - 1] += "." + Advance().Value;
        }

        while (Cur.IsBareWord && TypeContinuationWords.Contains(Cur.Value))
        {
            words.Add(Advance().Value);
        }

        var args = new List<SqlExpression>();
        if (Is(SqlTokenKind.LeftParen))
        {
            Advance();
            if (!Is(SqlTokenKind.RightParen))
            {
                do
                {
                    args.Add(ParseExpression());
                }
                while (!_failed && Accept(SqlTokenKind.Comma));
            }

            Expect(SqlTokenKind.RightParen);
        }

        while (Cur.IsBareWord && (IsWord("UNSIGNED") || IsWord("SIGNED") || IsWord("ZEROFILL") || IsWord("VARYING")))
        {
            words.Add(Advance().Value);
        }

        if ((IsWord("WITH") || IsWord("WITHOUT")) && IsWordAt(1, "TIME") && IsWordAt(2, "ZONE"))
        {
            words.Add(Advance().Value);
            words.Add(Advance().Value);
            words.Add(Advance().Value);
        }

        var rank = 0;
        while (!_failed && (Is(SqlTokenKind.LeftBracket) || IsWord("ARRAY")))
        {
            if (Is(SqlTokenKind.LeftBracket))
            {
                Advance();
                if (Is(SqlTokenKind.Number))
                {
                    Advance();
                }

                Expect(SqlTokenKind.RightBracket);
            }
            else
            {
                Advance();
                if (Is(SqlTokenKind.LeftBracket))
                {
                    continue;
                }
            }

            rank++;
        }

        return new SqlDataType(string.Join(" ", words), args, rank, SpanFrom(start));
    }

    private SqlExpression ParseArray()
    {
        var start = Cur.Start;
        Advance();
        if (Is(SqlTokenKind.LeftParen))
        {
            Advance();
            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen);
            return new ArrayExpression(Array.Empty<SqlExpression>(), query, SpanFrom(start));
        }

        Advance();
        var items = new List<SqlExpression>();
        if (!Is(SqlTokenKind.RightBracket))
        {
            do
            {
                if (Is(SqlTokenKind.LeftBracket))
                {
                    // Nested ARRAY[[1,2],[3,4]]: the inner brackets are arrays too.
                    items.Add(ParseBracketArray());
                }
                else
                {
                    items.Add(ParseExpression());
                }
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightBracket);
        return new ArrayExpression(items, null, SpanFrom(start));
    }

    private SqlExpression ParseBracketArray()
    {
        if (!Enter())
        {
            Exit();
            return ErrorHere();
        }

        var start = Cur.Start;
        Advance();
        var items = new List<SqlExpression>();
        if (!Is(SqlTokenKind.RightBracket))
        {
            do
            {
                items.Add(Is(SqlTokenKind.LeftBracket) ? ParseBracketArray() : ParseExpression());
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightBracket);
        Exit();
        return new ArrayExpression(items, null, SpanFrom(start));
    }

    private SqlExpression ParseInterval()
    {
        var start = Cur.Start;
        Advance();
        var value = ParsePrefix();
        string? unit = null;
        if (Cur.IsBareWord && IntervalUnits.Contains(Cur.Value))
        {
            unit = Advance().Value.ToUpperInvariant();
            if (IsWord("TO") && Peek(1).IsBareWord && IntervalUnits.Contains(Peek(1).Value))
            {
                Advance();
                unit += " TO " + Advance().Value.ToUpperInvariant();
            }
        }

        return new IntervalExpression(value, unit, SpanFrom(start));
    }
}
