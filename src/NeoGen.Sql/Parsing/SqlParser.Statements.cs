using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Parsing;

public sealed partial class SqlParser
{
    private static readonly HashSet<string> DdlVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT",
    };

    // Statements NeoGen passes through untouched: transaction control, session settings, maintenance, procedural T-SQL.
    private static readonly HashSet<string> OtherVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET", "PRAGMA", "EXPLAIN", "ANALYZE",
        "ANALYSE", "VACUUM", "REINDEX", "ATTACH", "DETACH", "SHOW", "USE", "DECLARE", "EXEC", "EXECUTE", "CALL", "DO",
        "LOCK", "UNLOCK", "COPY", "LISTEN", "NOTIFY", "UNLISTEN", "PREPARE", "DEALLOCATE", "IF", "PRINT", "RAISERROR",
        "THROW", "DESCRIBE", "DESC", "REFRESH", "CLUSTER", "CHECKPOINT", "DISCARD", "RESET", "LOAD", "HANDLER", "FLUSH",
        "KILL", "OPTIMIZE", "REPAIR", "CHECK", "GRANT", "REVOKE", "WAITFOR", "OPEN", "CLOSE", "FETCH", "SECURITY",
        "IMPORT", "REASSIGN", "DBCC", "BACKUP", "RESTORE", "BULK", "WHILE", "RETURN", "BREAK", "CONTINUE", "GOTO",
        "INSTALL", "UNINSTALL", "XA", "HELP", "ABORT",
    };

    private List<SqlStatement> ParseScript()
    {
        var statements = new List<SqlStatement>();
        while (Cur.Kind != SqlTokenKind.EndOfFile)
        {
            if (Cur.Kind == SqlTokenKind.Semicolon)
            {
                _pos++;
                continue;
            }

            _failed = false;
            _depth = 0;
            var startIndex = _pos;
            var start = Cur.Start;
            var statement = ParseStatement();
            if (!_failed && !AtStatementEnd)
            {
                Fail("Expected the end of the statement");
            }

            if (_failed || statement == null)
            {
                while (!AtStatementEnd)
                {
                    _pos++;
                }

                var end = _pos > startIndex ? _tokens[_pos - 1].End : start;
                statement = new InvalidStatement(GuessKind(startIndex), SqlSpan.FromBounds(start, Math.Max(start, end)));
            }

            statements.Add(statement);
        }

        return statements;
    }

    private SqlStatementKind GuessKind(int index)
    {
        var t = _tokens[index];
        if (t.IsWord("WITH"))
        {
            // The statement after the CTEs decides; look at the first DML word at parenthesis depth 0.
            var depth = 0;
            for (var i = index + 1; i < _tokens.Count; i++)
            {
                var u = _tokens[i];
                if (u.Kind == SqlTokenKind.Semicolon || u.Kind == SqlTokenKind.EndOfFile)
                {
                    break;
                }

                if (u.Kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (u.Kind == SqlTokenKind.RightParen)
                {
                    depth--;
                }
                else if (depth == 0 && u.IsBareWord && !u.IsWord("WITH"))
                {
                    var kind = KindOfVerb(u);
                    if (kind != SqlStatementKind.Unknown && kind != SqlStatementKind.Other)
                    {
                        return kind;
                    }
                }
            }

            return SqlStatementKind.Select;
        }

        return t.Kind == SqlTokenKind.LeftParen ? SqlStatementKind.Select : KindOfVerb(t);
    }

    private static SqlStatementKind KindOfVerb(SqlToken t)
    {
        if (!t.IsBareWord)
        {
            return SqlStatementKind.Unknown;
        }

        if (t.IsWord("SELECT") || t.IsWord("VALUES"))
        {
            return SqlStatementKind.Select;
        }

        if (t.IsWord("INSERT") || t.IsWord("REPLACE"))
        {
            return SqlStatementKind.Insert;
        }

        if (t.IsWord("UPDATE"))
        {
            return SqlStatementKind.Update;
        }

        if (t.IsWord("DELETE"))
        {
            return SqlStatementKind.Delete;
        }

        if (t.IsWord("MERGE"))
        {
            return SqlStatementKind.Merge;
        }

        if (DdlVerbs.Contains(t.Value))
        {
            return SqlStatementKind.Ddl;
        }

        return OtherVerbs.Contains(t.Value) ? SqlStatementKind.Other : SqlStatementKind.Unknown;
    }

    private SqlStatement? ParseStatement()
    {
        var start = Cur.Start;
        WithClause? with = null;
        if (IsWord("WITH"))
        {
            with = ParseWith();
            if (_failed)
            {
                return null;
            }

            if (!IsQueryStart() && !IsWord("INSERT") && !IsWord("REPLACE") && !IsWord("UPDATE") && !IsWord("DELETE") && !IsWord("MERGE"))
            {
                Fail("Expected SELECT, INSERT, UPDATE, DELETE or MERGE after WITH");
                return null;
            }
        }

        if (IsQueryStart())
        {
            var query = ParseQuery();
            if (with != null)
            {
                query.With = with;
                query.Span = SpanFrom(start);
            }

            return new SelectStatement(query, SpanFrom(start));
        }

        if (IsWord("INSERT") || (IsWord("REPLACE") && !Pg && !SqlServer))
        {
            return ParseInsert(start, with);
        }

        if (IsWord("UPDATE"))
        {
            return ParseUpdate(start, with);
        }

        if (IsWord("DELETE"))
        {
            return ParseDelete(start, with);
        }

        if (IsWord("MERGE"))
        {
            return ParseMerge(start, with);
        }

        if (Cur.IsBareWord && DdlVerbs.Contains(Cur.Value))
        {
            if (_modelDdl)
            {
                var ddl = TryParseDdl(start);
                if (ddl != null || _failed)
                {
                    return ddl;
                }
            }

            return ParseOpaque(SqlStatementKind.Ddl, start, trackBlocks: IsWord("CREATE"));
        }

        if (Cur.IsBareWord && OtherVerbs.Contains(Cur.Value))
        {
            return ParseOpaque(SqlStatementKind.Other, start, trackBlocks: false);
        }

        Fail("Expected a statement (SELECT, INSERT, UPDATE, DELETE, ...)");
        return null;
    }

    private bool IsQueryStart() =>
        IsWord("SELECT") || IsWord("VALUES") || (Is(SqlTokenKind.LeftParen) && LooksLikeQueryInParens());

    private OpaqueStatement ParseOpaque(SqlStatementKind kind, int start, bool trackBlocks)
    {
        var verb = Cur.Value.ToUpperInvariant();

        // CREATE TRIGGER / PROCEDURE bodies hold ';' between BEGIN and END; count blocks (and CASE, which also ends in
        // END) so the body stays one statement.
        var depth = 0;
        while (Cur.Kind != SqlTokenKind.EndOfFile)
        {
            if (Cur.Kind == SqlTokenKind.Semicolon)
            {
                if (depth == 0)
                {
                    break;
                }
            }
            else if (trackBlocks)
            {
                if (Cur.IsWord("BEGIN") || Cur.IsWord("CASE"))
                {
                    depth++;
                }
                else if (Cur.IsWord("END") && depth > 0 && !(MySql && (Peek(1).IsWord("IF") || Peek(1).IsWord("LOOP") || Peek(1).IsWord("WHILE") || Peek(1).IsWord("REPEAT"))))
                {
                    // MySQL END IF / END LOOP / END WHILE / END REPEAT close statements that did not open a block (in
                    // T-SQL "END IF .." is a block's END followed by the next statement).
                    depth--;
                }
            }

            _pos++;
        }

        return new OpaqueStatement(kind, verb, SpanFrom(start));
    }

    private WithClause ParseWith()
    {
        var start = Cur.Start;
        Advance();
        var recursive = AcceptWord("RECURSIVE");
        var ctes = new List<CommonTableExpression>();
        do
        {
            var cteStart = Cur.Start;
            var name = ParseIdentifier("a CTE name");
            var columns = Is(SqlTokenKind.LeftParen) ? ParseParenthesizedNames("a column name") : new List<SqlIdentifier>();
            ExpectWord("AS");
            bool? materialized = null;
            if (AcceptWords("NOT", "MATERIALIZED"))
            {
                materialized = false;
            }
            else if (AcceptWord("MATERIALIZED"))
            {
                materialized = true;
            }

            Expect(SqlTokenKind.LeftParen);
            var query = _failed ? ErrorQuery() : ParseQuery();
            Expect(SqlTokenKind.RightParen);
            ctes.Add(new CommonTableExpression(name, columns, query, materialized, SpanFrom(cteStart)));
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return new WithClause(recursive, ctes, SpanFrom(start));
    }

    private TopClause? ParseTop()
    {
        if (!SqlServer || !IsWord("TOP"))
        {
            return null;
        }

        var start = Cur.Start;
        Advance();
        SqlExpression count;
        if (Is(SqlTokenKind.LeftParen))
        {
            var parenStart = Cur.Start;
            Advance();
            var inner = ParseExpression();
            Expect(SqlTokenKind.RightParen);
            count = new ParenthesizedExpression(inner, SpanFrom(parenStart));
        }
        else
        {
            count = ParsePrefix();
        }

        var percent = AcceptWord("PERCENT");
        var withTies = AcceptWords("WITH", "TIES");
        return new TopClause(count, percent, withTies, SpanFrom(start));
    }

    private OutputClause? ParseOutput()
    {
        if (!SqlServer || !IsWord("OUTPUT") || _failed)
        {
            return null;
        }

        var start = Cur.Start;
        Advance();
        var items = ParseSelectItems();
        SqlSpan? into = null;
        if (IsWord("INTO"))
        {
            var intoStart = Cur.Start;
            Advance();
            if (Cur.Kind == SqlTokenKind.Parameter)
            {
                Advance();
            }
            else
            {
                ParseObjectName("a table name");
            }

            if (Is(SqlTokenKind.LeftParen))
            {
                ParseParenthesizedNames("a column name");
            }

            into = SpanFrom(intoStart);
        }

        return new OutputClause(items, into, SpanFrom(start));
    }

    private List<SelectItem> ParseReturning()
    {
        if (!AcceptWord("RETURNING"))
        {
            return new List<SelectItem>();
        }

        var items = ParseSelectItems();

        // PostgreSQL 18 / MariaDB: RETURNING .. INTO is PL/pgSQL only; nothing to do here.
        return items;
    }

    private void SkipOption()
    {
        if (SqlServer && IsWord("OPTION") && Peek(1).Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            SkipParenthesized();
        }
    }

    private SqlExpression? ParseWhere()
    {
        if (!AcceptWord("WHERE"))
        {
            return null;
        }

        if (IsWord("CURRENT") && IsWordAt(1, "OF"))
        {
            var start = Cur.Start;
            _pos += 2;
            var cursor = ParseIdentifier("a cursor name");
            return new KeywordExpression("CURRENT OF " + cursor.Value, SpanFrom(start));
        }

        return ParseExpression();
    }

    private string? ParseConflictResolution()
    {
        string? resolution = null;
        if (Sqlite && IsWord("OR") && Peek(1).IsBareWord)
        {
            Advance();
            resolution = Advance().Value.ToUpperInvariant();
        }

        while (MySql && !_failed && (IsWord("LOW_PRIORITY") || IsWord("DELAYED") || IsWord("HIGH_PRIORITY") || IsWord("IGNORE") || IsWord("QUICK")))
        {
            var word = Advance().Value.ToUpperInvariant();
            if (word == "IGNORE")
            {
                resolution = word;
            }
        }

        return resolution;
    }

    private InsertStatement? ParseInsert(int start, WithClause? with)
    {
        var isReplace = IsWord("REPLACE");
        Advance();
        var resolution = ParseConflictResolution();
        var top = ParseTop();
        AcceptWord("INTO");
        var targetStart = Cur.Start;
        var name = ParseObjectName("a table name");
        if (_failed)
        {
            return null;
        }

        var target = new NamedTableSource(name, SpanFrom(targetStart));
        ParseTableHints(target);
        if (AcceptWord("AS"))
        {
            target.Alias = ParseIdentifier("an alias", allowReserved: true);
        }

        target.Span = SpanFrom(targetStart);
        var insert = new InsertStatement(target, default)
        {
            With = with,
            IsReplace = isReplace,
            ConflictResolution = resolution,
            Top = top,
        };

        if (Is(SqlTokenKind.LeftParen) && !LooksLikeQueryInParens())
        {
            insert.Columns = ParseParenthesizedNames("a column name");
        }

        insert.Output = ParseOutput();
        if (IsWord("VALUES") || (MySql && IsWord("VALUE")))
        {
            insert.Source = ParseValues();
            if (MySql && IsWord("AS"))
            {
                // MySQL 8.0.19 row alias: VALUES (..) AS new [(a, b)].
                Advance();
                ParseIdentifier("an alias", allowReserved: true);
                if (Is(SqlTokenKind.LeftParen))
                {
                    ParseParenthesizedNames("a column name");
                }
            }
        }
        else if (IsWord("DEFAULT") && IsWordAt(1, "VALUES"))
        {
            _pos += 2;
            insert.IsDefaultValues = true;
        }
        else if (MySql && IsWord("SET"))
        {
            Advance();
            insert.SetAssignments = ParseAssignments();
        }
        else if (IsQueryStart() || IsWord("WITH"))
        {
            insert.Source = ParseQuery();
        }
        else
        {
            Fail("Expected VALUES, SELECT or DEFAULT VALUES");
            return null;
        }

        var conflicts = new List<OnConflictClause>();
        while (!_failed && IsWord("ON") && IsWordAt(1, "CONFLICT"))
        {
            conflicts.Add(ParseOnConflict());
        }

        insert.OnConflict = conflicts;
        if (IsWord("ON") && IsWordAt(1, "DUPLICATE"))
        {
            _pos += 2;
            ExpectWord("KEY");
            ExpectWord("UPDATE");
            insert.OnDuplicateKeyUpdate = ParseAssignments();
        }

        insert.Returning = ParseReturning();
        SkipOption();
        insert.Span = SpanFrom(start);
        return insert;
    }

    private OnConflictClause ParseOnConflict()
    {
        var start = Cur.Start;
        _pos += 2;
        var clause = new OnConflictClause(default);
        if (Is(SqlTokenKind.LeftParen))
        {
            Advance();
            var targets = new List<SqlExpression>();
            do
            {
                targets.Add(ParseExpression());

                // An operator class may follow an index expression (PostgreSQL).
                if (Pg && Cur.Kind == SqlTokenKind.Identifier)
                {
                    Advance();
                }
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            Expect(SqlTokenKind.RightParen);
            clause.TargetColumns = targets;
            if (AcceptWord("WHERE"))
            {
                clause.TargetWhere = ParseExpression();
            }
        }
        else if (AcceptWords("ON", "CONSTRAINT"))
        {
            clause.ConstraintName = ParseIdentifier("a constraint name");
        }

        ExpectWord("DO");
        if (AcceptWord("NOTHING"))
        {
            clause.DoNothing = true;
        }
        else if (AcceptWord("UPDATE"))
        {
            ExpectWord("SET");
            clause.Assignments = ParseAssignments();
            if (AcceptWord("WHERE"))
            {
                clause.Where = ParseExpression();
            }
        }
        else
        {
            Fail("Expected NOTHING or UPDATE after DO");
        }

        clause.Span = SpanFrom(start);
        return clause;
    }

    private List<Assignment> ParseAssignments()
    {
        var list = new List<Assignment>();
        if (_failed)
        {
            return list;
        }

        do
        {
            var start = Cur.Start;
            var targets = new List<ColumnReferenceExpression>();
            if (Is(SqlTokenKind.LeftParen))
            {
                Advance();
                do
                {
                    targets.Add(new ColumnReferenceExpression(ParseObjectName("a column name")));
                }
                while (!_failed && Accept(SqlTokenKind.Comma));
                Expect(SqlTokenKind.RightParen);
            }
            else if (SqlServer && Cur.Kind == SqlTokenKind.Parameter)
            {
                // T-SQL "SET @v = col = expr" / "SET @v = expr": the variable is not a column.
                var p = Advance();
                targets.Add(new ColumnReferenceExpression(new SqlObjectName(new[] { Ident(p) }, new SqlSpan(p.Start, p.Length))));
            }
            else
            {
                targets.Add(new ColumnReferenceExpression(ParseObjectName("a column name")));
            }

            string op;
            if (Cur.Kind == SqlTokenKind.Operator && (Cur.Value == "=" || (SqlServer && Cur.Value.Length == 2 && Cur.Value[1] == '=' && Cur.Value != "!=" && Cur.Value != "<=" && Cur.Value != ">=")))
            {
                op = Advance().Value;
            }
            else
            {
                Fail("Expected '='");
                break;
            }

            var value = ParseExpression();
            list.Add(new Assignment(targets, op, value, SpanFrom(start)));
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        return list;
    }

    private UpdateStatement? ParseUpdate(int start, WithClause? with)
    {
        Advance();
        var resolution = ParseConflictResolution();
        var top = ParseTop();
        AcceptWord("ONLY");
        var target = ParseJoinedSource();
        if (_failed)
        {
            return null;
        }

        var update = new UpdateStatement(target, default) { With = with, ConflictResolution = resolution, Top = top };
        ExpectWord("SET");
        update.Assignments = ParseAssignments();
        update.Output = ParseOutput();
        if (AcceptWord("FROM"))
        {
            update.From = ParseFromClause(Peek(-1).Start);
        }

        update.Where = ParseWhere();
        if (IsWord("ORDER") && IsWordAt(1, "BY"))
        {
            _pos += 2;
            update.OrderBy = ParseOrderByList();
        }

        if (AcceptWord("LIMIT"))
        {
            update.Limit = ParseExpression();
        }

        update.Returning = ParseReturning();
        SkipOption();
        update.Span = SpanFrom(start);
        return _failed ? null : update;
    }

    private NamedTableSource ParseNamedTarget(bool allowAlias)
    {
        var start = Cur.Start;
        var name = ParseObjectName("a table name");
        var target = new NamedTableSource(name, SpanFrom(start));

        // MySQL multi-table DELETE may write "t.*".
        if (Is(SqlTokenKind.Dot) && Peek(1).IsOperator("*"))
        {
            _pos += 2;
        }

        if (allowAlias)
        {
            ParseTableSuffix(target);
        }

        target.Span = SpanFrom(start);
        return target;
    }

    private DeleteStatement? ParseDelete(int start, WithClause? with)
    {
        Advance();
        ParseConflictResolution();
        var top = ParseTop();
        var hadFrom = AcceptWord("FROM");
        var target = ParseNamedTarget(allowAlias: hadFrom || SqlServer);
        var more = new List<NamedTableSource>();
        while (!_failed && Accept(SqlTokenKind.Comma))
        {
            more.Add(ParseNamedTarget(allowAlias: false));
        }

        if (_failed)
        {
            return null;
        }

        var delete = new DeleteStatement(target, default) { With = with, Top = top, AdditionalTargets = more };
        delete.Output = ParseOutput();
        if (AcceptWord("FROM"))
        {
            delete.From = ParseFromClause(Peek(-1).Start);
        }
        else if (!hadFrom)
        {
            if (MySql || more.Count > 0)
            {
                Fail("Expected FROM");
                return null;
            }
        }

        if (AcceptWord("USING"))
        {
            delete.Using = ParseFromClause(Peek(-1).Start);
        }

        delete.Where = ParseWhere();
        if (IsWord("ORDER") && IsWordAt(1, "BY"))
        {
            _pos += 2;
            delete.OrderBy = ParseOrderByList();
        }

        if (AcceptWord("LIMIT"))
        {
            delete.Limit = ParseExpression();
        }

        delete.Returning = ParseReturning();
        SkipOption();
        delete.Span = SpanFrom(start);
        return _failed ? null : delete;
    }

    private MergeStatement? ParseMerge(int start, WithClause? with)
    {
        Advance();
        var top = ParseTop();
        AcceptWord("INTO");
        var target = ParseNamedTarget(allowAlias: true);
        var merge = new MergeStatement(target, default) { With = with, Top = top };
        ExpectWord("USING");
        if (!_failed)
        {
            merge.Source = ParseTablePrimary();
        }

        ExpectWord("ON");
        if (!_failed)
        {
            merge.On = ParseExpression();
        }

        if (_failed)
        {
            return null;
        }

        var clausesStart = Cur.Start;
        var clauses = new List<MergeWhenClause>();
        while (!_failed && IsWord("WHEN"))
        {
            clauses.Add(ParseMergeWhen());
        }

        if (clauses.Count == 0)
        {
            Fail("Expected WHEN MATCHED or WHEN NOT MATCHED");
        }

        merge.WhenClauses = clauses;
        merge.Output = ParseOutput();
        merge.Returning = ParseReturning();
        SkipOption();
        if (_failed)
        {
            return null;
        }

        if (LastEnd > clausesStart)
        {
            merge.Clauses = SpanFrom(clausesStart);
        }

        merge.Span = SpanFrom(start);
        return merge;
    }

    /// <summary><c>WHEN [NOT] MATCHED [BY SOURCE | BY TARGET] [AND condition] THEN action</c>; the current token is WHEN.</summary>
    private MergeWhenClause ParseMergeWhen()
    {
        var start = Cur.Start;
        Advance();
        var match = MergeMatchKind.Matched;
        if (AcceptWord("NOT"))
        {
            match = MergeMatchKind.NotMatchedByTarget;
            ExpectWord("MATCHED");
            if (AcceptWord("BY"))
            {
                if (AcceptWord("SOURCE"))
                {
                    match = MergeMatchKind.NotMatchedBySource;
                }
                else
                {
                    ExpectWord("TARGET");
                }
            }
        }
        else
        {
            ExpectWord("MATCHED");
        }

        var clause = new MergeWhenClause(match, default);
        if (AcceptWord("AND"))
        {
            clause.Condition = ParseExpression();
        }

        ExpectWord("THEN");
        if (AcceptWord("UPDATE"))
        {
            clause.Action = MergeActionKind.Update;
            ExpectWord("SET");
            clause.Assignments = ParseAssignments();
        }
        else if (AcceptWord("DELETE"))
        {
            clause.Action = MergeActionKind.Delete;
        }
        else if (AcceptWord("INSERT"))
        {
            clause.Action = MergeActionKind.Insert;
            if (Is(SqlTokenKind.LeftParen))
            {
                clause.InsertColumns = ParseParenthesizedNames("a column name");
            }

            if (AcceptWord("OVERRIDING"))
            {
                // PostgreSQL OVERRIDING { SYSTEM | USER } VALUE.
                if (!AcceptWord("SYSTEM"))
                {
                    ExpectWord("USER");
                }

                ExpectWord("VALUE");
            }

            if (IsWord("DEFAULT") && IsWordAt(1, "VALUES"))
            {
                _pos += 2;
                clause.IsDefaultValues = true;
            }
            else if (IsWord("VALUES"))
            {
                var values = ParseValues();
                clause.InsertValues = values.Rows.Count > 0 ? values.Rows[0] : null;
                if (values.Rows.Count > 1 && !_failed)
                {
                    var extra = values.Rows[1].Span;
                    _errors.Add(new SqlError("MERGE INSERT takes a single row of VALUES", extra.Start, extra.Length));
                    _failed = true;
                }
            }
            else
            {
                Fail("Expected VALUES or DEFAULT VALUES");
            }
        }
        else if (AcceptWords("DO", "NOTHING"))
        {
            clause.Action = MergeActionKind.DoNothing;
        }
        else
        {
            Fail("Expected UPDATE, DELETE, INSERT or DO NOTHING");
        }

        clause.Span = SpanFrom(start);
        return clause;
    }
}
