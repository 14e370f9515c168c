using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Parsing;

public sealed partial class SqlParser
{
    private static readonly HashSet<string> MySqlSelectModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
        "SQL_CACHE", "SQL_CALC_FOUND_ROWS", "DISTINCTROW",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT",
        "EXCEPT", "FOR", "OPTION", "INTO", "LOCK",
    };

    private SqlQuery ParseQuery()
    {
        if (!Enter())
        {
            Exit();
            return ErrorQuery();
        }

        var start = Cur.Start;
        WithClause? with = null;
        if (IsWord("WITH"))
        {
            with = ParseWith();
        }

        var left = ParseQueryTerm();
        while (!_failed)
        {
            SetOperator op;
            if (IsWord("UNION"))
            {
                op = SetOperator.Union;
            }
            else if (IsWord("EXCEPT") || (Sqlite && IsWord("INTERSECT")))
            {
                op = IsWord("EXCEPT") ? SetOperator.Except : SetOperator.Intersect;
            }
            else
            {
                break;
            }

            Advance();
            var all = AcceptWord("ALL");
            if (!all)
            {
                AcceptWord("DISTINCT");
            }

            var right = ParseQueryTerm();
            left = new SetOperationQuery(left, op, all, right, SpanFrom(start));
        }

        ParseQueryTail(left);
        if (with != null)
        {
            left.With = with;
        }

        left.Span = SpanFrom(start);
        Exit();
        return left;
    }

    // INTERSECT binds tighter than UNION / EXCEPT in PostgreSQL, SQL Server and MySQL; SQLite evaluates them left to right.
    private SqlQuery ParseQueryTerm()
    {
        var start = Cur.Start;
        var left = ParseQueryPrimary();
        while (!_failed && !Sqlite && IsWord("INTERSECT"))
        {
            Advance();
            var all = AcceptWord("ALL");
            if (!all)
            {
                AcceptWord("DISTINCT");
            }

            var right = ParseQueryPrimary();
            left = new SetOperationQuery(left, SetOperator.Intersect, all, right, SpanFrom(start));
        }

        return left;
    }

    private SqlQuery ParseQueryPrimary()
    {
        if (_failed)
        {
            return ErrorQuery();
        }

        if (IsWord("SELECT"))
        {
            return ParseSelectCore();
        }

        if (IsWord("VALUES"))
        {
            return ParseValues();
        }

        if (Is(SqlTokenKind.LeftParen))
        {
            var start = Cur.Start;
            Advance();
            var inner = ParseQuery();
            Expect(SqlTokenKind.RightParen);
            return new ParenthesizedQuery(inner, SpanFrom(start));
        }

        Fail("Expected SELECT");
        return ErrorQuery();
    }

    private ValuesQuery ParseValues()
    {
        var start = Cur.Start;
        Advance();
        var rows = new List<RowExpression>();
        do
        {
            var rowStart = Cur.Start;
            if (MySql && IsWord("ROW"))
            {
                Advance();
            }

            Expect(SqlTokenKind.LeftParen);
            var items = new List<SqlExpression>();
            if (!_failed && !Is(SqlTokenKind.RightParen))
            {
                do
                {
                    items.Add(ParseExpression());
                }
                while (!_failed && Accept(SqlTokenKind.Comma));
            }

            Expect(SqlTokenKind.RightParen);
            rows.Add(new RowExpression(items, SpanFrom(rowStart)));
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return new ValuesQuery(rows, SpanFrom(start));
    }

    private SelectQuery ParseSelectCore()
    {
        var start = Cur.Start;
        Advance();
        var query = new SelectQuery(default);
        while (!_failed)
        {
            if (IsWord("DISTINCT"))
            {
                Advance();
                query.IsDistinct = true;
                if (Pg && IsWord("ON") && Peek(1).Kind == SqlTokenKind.LeftParen)
                {
                    Advance();
                    query.DistinctOn = ParseParenthesizedExpressions();
                }
            }
            else if ((IsWord("ALL") && Peek(1).Kind != SqlTokenKind.LeftParen) || (MySql && Cur.IsBareWord && MySqlSelectModifiers.Contains(Cur.Value)))
            {
                if (IsWord("DISTINCTROW"))
                {
                    query.IsDistinct = true;
                }

                Advance();
            }
            else if (SqlServer && IsWord("TOP"))
            {
                query.Top = ParseTop();
            }
            else
            {
                break;
            }
        }

        query.Items = ParseSelectItems();
        if (IsWord("INTO"))
        {
            query.Into = SkipInto();
        }

        if (AcceptWord("FROM"))
        {
            query.From = ParseFromClause(Peek(-1).Start);
        }

        query.Where = ParseWhere();
        if (IsWord("GROUP") && IsWordAt(1, "BY"))
        {
            _pos += 2;
            if (!AcceptWord("ALL"))
            {
                AcceptWord("DISTINCT");
            }

            var groups = new List<SqlExpression>();
            do
            {
                groups.Add(ParseExpression());
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            query.GroupBy = groups;
            AcceptWords("WITH", "ROLLUP");
        }

        if (AcceptWord("HAVING"))
        {
            query.Having = ParseExpression();
        }

        if (IsWord("WINDOW") && !_failed)
        {
            Advance();
            var windows = new List<NamedWindow>();
            do
            {
                var windowStart = Cur.Start;
                var name = ParseIdentifier("a window name");
                ExpectWord("AS");
                var spec = ParseWindowSpecification();
                windows.Add(new NamedWindow(name, spec, SpanFrom(windowStart)));
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            query.Windows = windows;
        }

        query.Span = SpanFrom(start);
        return query;
    }

    /// <summary>SELECT .. INTO target (T-SQL, PostgreSQL) or INTO @var / OUTFILE (MySQL): kept as a span.</summary>
    private SqlSpan SkipInto()
    {
        var start = Cur.Start;
        Advance();
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.RightParen) && !(Cur.IsBareWord && ClauseWords.Contains(Cur.Value)))
        {
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                Advance();
            }
        }

        return SpanFrom(start);
    }

    private List<SqlExpression> ParseParenthesizedExpressions()
    {
        var list = new List<SqlExpression>();
        Expect(SqlTokenKind.LeftParen);
        if (_failed)
        {
            return list;
        }

        do
        {
            list.Add(ParseExpression());
        }
        while (!_failed && Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen);
        return list;
    }

    private List<SelectItem> ParseSelectItems()
    {
        var items = new List<SelectItem>();
        if (_failed)
        {
            return items;
        }

        if (AtStatementEnd || (Cur.Kind == SqlTokenKind.Keyword && SqlKeywords.IsReserved(Cur.Value, _dialect) && !IsExpressionKeyword(Cur)))
        {
            Fail("Expected a select list");
            return items;
        }

        do
        {
            items.Add(ParseSelectItem());
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return items;
    }

    private SelectItem ParseSelectItem()
    {
        var start = Cur.Start;
        SqlExpression expression;
        if (IsOp("*"))
        {
            var star = Advance();
            expression = new StarExpression(null, new SqlSpan(star.Start, star.Length));
            return new SelectItem(expression, null, SpanFrom(start));
        }

        expression = ParseExpression();
        var alias = ParseOptionalAlias(allowString: !Pg, allowImplicitString: !Pg && expression is not LiteralExpression { LiteralKind: SqlLiteralKind.String });
        if (alias == null && SqlServer && expression is BinaryExpression { Operator: "=" } assignment)
        {
            // T-SQL "SELECT total = COUNT(*)" names the column; a variable on the left is an assignment instead.
            if (assignment.Left is ColumnReferenceExpression { Name.Parts.Count: 1 } column)
            {
                alias = column.Name.Parts[0];
                expression = assignment.Right;
            }
            else if (assignment.Left is LiteralExpression { LiteralKind: SqlLiteralKind.String } literal)
            {
                alias = new SqlIdentifier(literal.Value, true, literal.Span);
                expression = assignment.Right;
            }
        }

        return new SelectItem(expression, alias, SpanFrom(start));
    }

    private SqlIdentifier? ParseOptionalAlias(bool allowString, bool allowImplicitString)
    {
        if (_failed)
        {
            return null;
        }

        if (AcceptWord("AS"))
        {
            if (Cur.Kind == SqlTokenKind.Identifier || Cur.Kind == SqlTokenKind.QuotedIdentifier || Cur.Kind == SqlTokenKind.Keyword)
            {
                return Ident(Advance());
            }

            if (allowString && Cur.Kind == SqlTokenKind.String)
            {
                return Ident(Advance());
            }

            Fail("Expected an alias after AS");
            return null;
        }

        if (IsNameToken(Cur, allowReserved: false) && !StartsClauseHere())
        {
            return Ident(Advance());
        }

        if (allowImplicitString && Cur.Kind == SqlTokenKind.String)
        {
            return Ident(Advance());
        }

        return null;
    }

    /// <summary>Unreserved words that still begin a clause in this position, so they must not be taken as an alias.</summary>
    private bool StartsClauseHere() =>
        (IsWord("LOCK") && IsWordAt(1, "IN"))
        || IsMySqlIndexHint()
        || (Sqlite && (IsWord("INDEXED") || (IsWord("NOT") && IsWordAt(1, "INDEXED"))))
        || (IsWord("PARTITION") && Peek(1).Kind == SqlTokenKind.LeftParen && MySql)
        || (IsWord("WHEN") || IsWord("OUTPUT") && SqlServer);

    private bool IsMySqlIndexHint() =>
        MySql && (IsWord("USE") || IsWord("IGNORE") || IsWord("FORCE")) && (IsWordAt(1, "INDEX") || IsWordAt(1, "KEY"));

    private FromClause ParseFromClause(int start)
    {
        var sources = new List<TableSource>();
        do
        {
            sources.Add(ParseJoinedSource());
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return new FromClause(sources, SpanFrom(start));
    }

    private TableSource ParseJoinedSource()
    {
        var start = Cur.Start;
        if (!Enter())
        {
            Exit();
            return new NamedTableSource(new SqlObjectName(Array.Empty<SqlIdentifier>(), new SqlSpan(start, 0)), new SqlSpan(start, 0));
        }

        var left = ParseTablePrimary();
        while (!_failed)
        {
            var natural = false;
            if (IsWord("NATURAL"))
            {
                natural = true;
                Advance();
            }

            JoinKind kind;
            if (AcceptWord("JOIN") || AcceptWord("STRAIGHT_JOIN") || AcceptWords("INNER", "JOIN"))
            {
                kind = JoinKind.Inner;
            }
            else if (IsWord("LEFT") || IsWord("RIGHT") || IsWord("FULL"))
            {
                kind = IsWord("LEFT") ? JoinKind.Left : IsWord("RIGHT") ? JoinKind.Right : JoinKind.Full;
                Advance();
                AcceptWord("OUTER");
                ExpectWord("JOIN");
            }
            else if (AcceptWords("CROSS", "JOIN"))
            {
                kind = JoinKind.Cross;
            }
            else if (SqlServer && AcceptWords("CROSS", "APPLY"))
            {
                kind = JoinKind.CrossApply;
            }
            else if (SqlServer && AcceptWords("OUTER", "APPLY"))
            {
                kind = JoinKind.OuterApply;
            }
            else
            {
                if (natural)
                {
                    Fail("Expected JOIN after NATURAL");
                }

                break;
            }

            var right = ParseTablePrimary();
            SqlExpression? on = null;
            IReadOnlyList<SqlIdentifier> usingColumns = Array.Empty<SqlIdentifier>();
            if (!natural && kind != JoinKind.Cross && kind != JoinKind.CrossApply && kind != JoinKind.OuterApply)
            {
                if (AcceptWord("ON"))
                {
                    on = ParseExpression();
                }
                else if (AcceptWord("USING"))
                {
                    usingColumns = ParseParenthesizedNames("a column name");
                }
                else if (Pg || SqlServer)
                {
                    Fail("Expected ON or USING");
                }
            }

            left = new JoinedTableSource(left, kind, natural, right, on, usingColumns, SpanFrom(start));
        }

        Exit();
        return left;
    }

    private TableSource ParseTablePrimary()
    {
        var start = Cur.Start;
        if (_failed)
        {
            return new NamedTableSource(new SqlObjectName(Array.Empty<SqlIdentifier>(), new SqlSpan(start, 0)), new SqlSpan(start, 0));
        }

        var lateral = AcceptWord("LATERAL");
        TableSource source;
        if (Is(SqlTokenKind.LeftParen))
        {
            if (LooksLikeQueryInParens())
            {
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                source = new DerivedTableSource(query, lateral, default);
            }
            else
            {
                Advance();
                source = ParseJoinedSource();
                Expect(SqlTokenKind.RightParen);
            }
        }
        else
        {
            var name = ParseObjectName("a table name");
            if (Is(SqlTokenKind.LeftParen) && !_failed)
            {
                var function = ParseFunctionCall(name, start);
                var table = new FunctionTableSource(function, lateral, default);
                if (AcceptWords("WITH", "ORDINALITY"))
                {
                    table.WithOrdinality = true;
                }
                else if (SqlServer && IsWord("WITH") && Peek(1).Kind == SqlTokenKind.LeftParen)
                {
                    // OPENJSON(..) WITH (col type 'path', ..): a schema, kept as text.
                    Advance();
                    SkipParenthesized();
                }

                source = table;
            }
            else
            {
                // PostgreSQL "ONLY t" / "t *" select from a table without its inheritance children.
                if (Pg && name.Parts.Count == 1 && name.Name.Equals("ONLY", StringComparison.OrdinalIgnoreCase) && !name.Parts[0].IsQuoted && IsNameToken(Cur, false))
                {
                    name = ParseObjectName("a table name");
                }

                source = new NamedTableSource(name, default);
            }
        }

        ParseTableSuffix(source);
        source.Span = SpanFrom(start);
        return source;
    }

    private void ParseTableSuffix(TableSource source)
    {
        if (_failed)
        {
            return;
        }

        if (source is NamedTableSource named)
        {
            ParseTableHints(named);
        }

        var alias = ParseOptionalAlias(allowString: false, allowImplicitString: false);
        if (alias != null)
        {
            source.Alias = alias;
            if (Is(SqlTokenKind.LeftParen) && !(SqlServer && source is NamedTableSource))
            {
                source.ColumnAliases = ParseParenthesizedNames("a column alias");
            }
        }

        if (source is NamedTableSource after)
        {
            ParseTableHints(after);
        }
    }

    private void ParseTableHints(NamedTableSource table)
    {
        var start = Cur.Start;
        var any = false;
        while (!_failed)
        {
            if (SqlServer && IsWord("WITH") && Peek(1).Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                SkipParenthesized();
            }
            else if (IsMySqlIndexHint())
            {
                _pos += 2;
                if (AcceptWord("FOR"))
                {
                    if (!AcceptWord("JOIN"))
                    {
                        Advance();
                        ExpectWord("BY");
                    }
                }

                if (Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
                else
                {
                    Fail("Expected '('");
                }

                if (Is(SqlTokenKind.Comma) && (IsWordAt(1, "USE") || IsWordAt(1, "IGNORE") || IsWordAt(1, "FORCE")))
                {
                    Advance();
                }
            }
            else if (Sqlite && AcceptWords("INDEXED", "BY"))
            {
                ParseIdentifier("an index name");
            }
            else if (Sqlite && AcceptWords("NOT", "INDEXED"))
            {
            }
            else if (IsWord("TABLESAMPLE") && (Pg || SqlServer))
            {
                // TABLESAMPLE method (args) [REPEATABLE (seed)]; T-SQL: TABLESAMPLE [SYSTEM] (n [PERCENT | ROWS]).
                Advance();
                if (Cur.IsBareWord)
                {
                    Advance();
                }

                if (Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
                else
                {
                    Fail("Expected '('");
                }

                if (AcceptWord("REPEATABLE") && Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
            }
            else if (MySql && IsWord("PARTITION") && Peek(1).Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                SkipParenthesized();
            }
            else
            {
                break;
            }

            any = true;
        }

        if (any)
        {
            table.Hints = SpanFrom(start);
        }
    }

    private void ParseQueryTail(SqlQuery query)
    {
        var seenOrder = false;
        var seenLimit = false;
        var seenOffset = false;
        var seenFetch = false;
        while (!_failed)
        {
            if (!seenOrder && IsWord("ORDER") && IsWordAt(1, "BY"))
            {
                _pos += 2;
                query.OrderBy = ParseOrderByList();
                seenOrder = true;
            }
            else if (!seenLimit && !SqlServer && IsWord("LIMIT"))
            {
                Advance();
                seenLimit = true;
                query.LimitSyntax = SqlLimitSyntax.Limit;
                if (!AcceptWord("ALL"))
                {
                    var first = ParseExpression();
                    if ((MySql || Sqlite) && Accept(SqlTokenKind.Comma))
                    {
                        query.Offset = first;
                        query.Limit = ParseExpression();
                        seenOffset = true;
                    }
                    else
                    {
                        query.Limit = first;
                    }
                }
            }
            else if (!seenOffset && IsWord("OFFSET"))
            {
                Advance();
                seenOffset = true;
                query.Offset = ParseExpression();
                if (!AcceptWord("ROWS"))
                {
                    AcceptWord("ROW");
                }

                if (query.LimitSyntax == SqlLimitSyntax.None)
                {
                    query.LimitSyntax = IsWord("FETCH") || SqlServer ? SqlLimitSyntax.Fetch : SqlLimitSyntax.Limit;
                }
            }
            else if (!seenFetch && !seenLimit && IsWord("FETCH"))
            {
                Advance();
                seenFetch = true;
                if (!AcceptWord("FIRST"))
                {
                    ExpectWord("NEXT");
                }

                if (IsWord("ROW") || IsWord("ROWS"))
                {
                    query.Limit = new LiteralExpression(SqlLiteralKind.Number, "1", new SqlSpan(Cur.Start, 0));
                }
                else
                {
                    query.Limit = ParseExpression();
                    AcceptWord("PERCENT");
                }

                if (!AcceptWord("ROWS"))
                {
                    ExpectWord("ROW");
                }

                if (AcceptWords("WITH", "TIES"))
                {
                    query.FetchWithTies = true;
                }
                else
                {
                    ExpectWord("ONLY");
                }

                query.LimitSyntax = SqlLimitSyntax.Fetch;
            }
            else if (IsWord("FOR") && !(Peek(1).IsWord("SYSTEM_TIME")))
            {
                SkipTrailingClause(query);
            }
            else if (IsWord("LOCK") && IsWordAt(1, "IN"))
            {
                SkipTrailingClause(query);
            }
            else if (SqlServer && IsWord("OPTION") && Peek(1).Kind == SqlTokenKind.LeftParen)
            {
                SkipTrailingClause(query);
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>FOR UPDATE / FOR SHARE / FOR JSON / FOR XML / LOCK IN SHARE MODE / OPTION (..): kept as a span.</summary>
    private void SkipTrailingClause(SqlQuery query)
    {
        var start = query.TrailingClause?.Start ?? Cur.Start;
        Advance();
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.RightParen))
        {
            if (Cur.IsBareWord && (IsWord("LIMIT") || IsWord("OFFSET") || IsWord("UNION") || IsWord("INTERSECT") || IsWord("EXCEPT") || IsWord("RETURNING") || IsWord("ON")))
            {
                break;
            }

            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                Advance();
            }
        }

        query.TrailingClause = SpanFrom(start);
    }

    private List<OrderByItem> ParseOrderByList()
    {
        var items = new List<OrderByItem>();
        do
        {
            var start = Cur.Start;
            var expression = ParseExpression();
            bool? descending = null;
            if (AcceptWord("ASC"))
            {
                descending = false;
            }
            else if (AcceptWord("DESC"))
            {
                descending = true;
            }

            bool? nullsFirst = null;
            if (AcceptWords("NULLS", "FIRST"))
            {
                nullsFirst = true;
            }
            else if (AcceptWords("NULLS", "LAST"))
            {
                nullsFirst = false;
            }

            items.Add(new OrderByItem(expression, descending, nullsFirst, SpanFrom(start)));
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return items;
    }
}
