using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Parsing;

public sealed partial class SqlParser
{
    private bool _modelDdl;

    /// <summary>
    /// Parses a schema script: like <see cref="Parse(string?, SqlDialect)"/>, but CREATE TABLE / INDEX / VIEW / TYPE ..
    /// AS ENUM, ALTER TABLE, RENAME TABLE and DROP TABLE / INDEX / VIEW / TYPE become modelled statements
    /// (<see cref="CreateTableStatement"/>, ...). Other DDL (functions, triggers, grants, ...) stays opaque. In SQL Server
    /// scripts a line holding only <c>GO</c> separates statements. Never throws.
    /// </summary>
    public static SqlScript ParseSchema(string? sql, SqlDialect dialect)
    {
        var lex = SqlLexer.Lex(sql, dialect);
        if (dialect == SqlDialect.SqlServer)
        {
            lex = ReplaceGoSeparators(lex);
        }
        else if (dialect == SqlDialect.MySql && sql != null && sql.IndexOf("DELIMITER", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            var rewritten = ReplaceDelimiterCommands(lex);
            if (!ReferenceEquals(rewritten, sql))
            {
                var relexed = SqlLexer.Lex(rewritten, dialect);
                lex = new SqlLexResult(sql, relexed.Tokens, relexed.Comments, relexed.Errors);
            }
        }

        var parser = new SqlParser(lex, dialect) { _modelDdl = true };
        var statements = parser.ParseScript();
        var errors = new List<SqlError>(lex.Errors.Count + parser._errors.Count);
        errors.AddRange(lex.Errors);
        errors.AddRange(parser._errors);
        errors.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        return new SqlScript(statements, errors);
    }

    private static SqlLexResult ReplaceGoSeparators(SqlLexResult lex)
    {
        var text = lex.Text;
        List<SqlToken>? tokens = null;
        for (var i = 0; i < lex.Tokens.Count; i++)
        {
            var t = lex.Tokens[i];
            if (t.Kind == SqlTokenKind.Identifier && t.IsWord("GO") && AloneOnLine(text, t.Start, t.End))
            {
                tokens ??= new List<SqlToken>(lex.Tokens);
                tokens[i] = new SqlToken(SqlTokenKind.Semicolon, t.Start, t.Length, ";");
            }
        }

        return tokens == null ? lex : new SqlLexResult(lex.Text, tokens, lex.Comments, lex.Errors);
    }

    /// <summary>
    /// The mysql client's <c>DELIMITER $$</c> lines (sakila-schema.sql, the MySQL manual's stored programs): the line
    /// becomes blank and, until <c>DELIMITER ;</c>, the delimiter ending a line becomes ';'. Offsets do not move. Like the
    /// client, only a line at the start of a statement is a command (a column named "delimiter" is not).
    /// </summary>
    private static string ReplaceDelimiterCommands(SqlLexResult lex)
    {
        var text = lex.Text;
        var tokens = lex.Tokens;
        char[]? chars = null;
        var delimiter = ";";
        var delimiterEnd = -1;
        var next = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var first = lineStart;
            while (first < lineEnd && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            var last = lineEnd;
            while (last > first && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            while (next < tokens.Count && tokens[next].Kind != SqlTokenKind.EndOfFile && tokens[next].End <= first)
            {
                next++;
            }

            var atStatementStart = next == 0 || tokens[next - 1].Kind == SqlTokenKind.Semicolon || tokens[next - 1].End == delimiterEnd;
            if (atStatementStart && last - first > 10 && string.Compare(text, first, "DELIMITER", 0, 9, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(text[first + 9]))
            {
                var word = first + 10;
                while (word < last && char.IsWhiteSpace(text[word]))
                {
                    word++;
                }

                var wordEnd = word;
                while (wordEnd < last && !char.IsWhiteSpace(text[wordEnd]))
                {
                    wordEnd++;
                }

                delimiter = text.Substring(word, wordEnd - word);
                chars ??= text.ToCharArray();
                for (var i = first; i < last; i++)
                {
                    chars[i] = ' ';
                }
            }
            else if (delimiter != ";" && last - first >= delimiter.Length && string.CompareOrdinal(text, last - delimiter.Length, delimiter, 0, delimiter.Length) == 0)
            {
                chars ??= text.ToCharArray();
                chars[last - delimiter.Length] = ';';
                for (var i = last - delimiter.Length + 1; i < last; i++)
                {
                    chars[i] = ' ';
                }

                delimiterEnd = last;
            }

            lineStart = lineEnd + 1;
        }

        return chars == null ? text : new string(chars);
    }

    private static bool AloneOnLine(string text, int start, int end)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (c != ' ' && c != '\t')
            {
                return false;
            }
        }

        for (var i = end; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            // "GO 5" repeats the batch; a trailing comment is allowed too.
            if (c != ' ' && c != '\t' && !char.IsDigit(c))
            {
                return c == '-' && i + 1 < text.Length && text[i + 1] == '-';
            }
        }

        return true;
    }

    /// <summary>A modelled DDL statement, or null (nothing consumed) when the statement is left opaque.</summary>
    private SqlStatement? TryParseDdl(int start)
    {
        var save = _pos;
        if (IsWord("CREATE"))
        {
            Advance();
            var orReplace = AcceptWords("OR", "REPLACE") || AcceptWords("OR", "ALTER");
            var temporary = false;
            while (IsWord("TEMP") || IsWord("TEMPORARY") || IsWord("GLOBAL") || IsWord("LOCAL") || IsWord("UNLOGGED"))
            {
                Advance();
                temporary = true;
            }

            if (IsWord("TABLE"))
            {
                Advance();
                return ParseCreateTable(start, temporary);
            }

            if (!orReplace && !temporary && (IsWord("UNIQUE") || IsWord("INDEX") || IsWord("CLUSTERED") || IsWord("NONCLUSTERED") || IsWord("FULLTEXT") || IsWord("SPATIAL")))
            {
                var i = 0;
                while (i < 3 && !Peek(i).IsWord("INDEX") && Peek(i).Kind != SqlTokenKind.Semicolon && Peek(i).Kind != SqlTokenKind.EndOfFile)
                {
                    i++;
                }

                if (Peek(i).IsWord("INDEX"))
                {
                    return ParseCreateIndex(start);
                }
            }

            if (IsWord("VIEW") || (IsWord("MATERIALIZED") && IsWordAt(1, "VIEW")) || ((IsWord("ALGORITHM") || IsWord("DEFINER") || IsWord("SQL")) && MySql))
            {
                var view = TryParseCreateView(start);
                if (view != null || _failed)
                {
                    return view;
                }
            }

            if (IsWord("TYPE") && !orReplace && EnumFollows())
            {
                Advance();
                var name = ParseObjectName("a type name");
                ExpectWord("AS");
                ExpectWord("ENUM");
                var values = new List<string>();
                Expect(SqlTokenKind.LeftParen);
                while (!_failed && Is(SqlTokenKind.String))
                {
                    values.Add(Advance().Value);
                    if (!Accept(SqlTokenKind.Comma))
                    {
                        break;
                    }
                }

                Expect(SqlTokenKind.RightParen);
                return new CreateEnumTypeStatement(name, values, false, SpanFrom(start));
            }

            _pos = save;
            return null;
        }

        if (IsWord("ALTER"))
        {
            if (IsWordAt(1, "TABLE"))
            {
                _pos += 2;
                return ParseAlterTable(start);
            }

            if (IsWordAt(1, "TYPE") && Pg)
            {
                // ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'x' [BEFORE|AFTER 'y'].
                _pos += 2;
                var name = ParseObjectName("a type name");
                if (AcceptWords("ADD", "VALUE"))
                {
                    if (IsWord("IF") && IsWordAt(1, "NOT") && IsWordAt(2, "EXISTS"))
                    {
                        _pos += 3;
                    }

                    if (Is(SqlTokenKind.String))
                    {
                        var value = Advance().Value;
                        SkipToStatementEnd();
                        return new CreateEnumTypeStatement(name, new[] { value }, true, SpanFrom(start));
                    }
                }

                _pos = save;
                return null;
            }

            return null;
        }

        if (IsWord("DROP"))
        {
            var kind = Peek(1);
            DropObjectKind objectKind;
            var skip = 2;
            if (kind.IsWord("TABLE"))
            {
                objectKind = DropObjectKind.Table;
            }
            else if (kind.IsWord("INDEX"))
            {
                objectKind = DropObjectKind.Index;
            }
            else if (kind.IsWord("VIEW"))
            {
                objectKind = DropObjectKind.View;
            }
            else if (kind.IsWord("MATERIALIZED") && IsWordAt(2, "VIEW"))
            {
                objectKind = DropObjectKind.View;
                skip = 3;
            }
            else if (kind.IsWord("TYPE"))
            {
                objectKind = DropObjectKind.Type;
            }
            else if ((kind.IsWord("TEMPORARY") || kind.IsWord("TEMP")) && IsWordAt(2, "TABLE"))
            {
                objectKind = DropObjectKind.Table;
                skip = 3;
            }
            else
            {
                return null;
            }

            _pos += skip;
            AcceptWord("CONCURRENTLY");
            var ifExists = AcceptWords("IF", "EXISTS");
            var names = new List<SqlObjectName>();
            do
            {
                names.Add(ParseObjectName("a name"));
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            var drop = new DropStatement(objectKind, names, default) { IfExists = ifExists };
            if (objectKind == DropObjectKind.Index && AcceptWord("ON"))
            {
                drop.OnTable = ParseObjectName("a table name");
            }

            SkipToStatementEnd();
            drop.Span = SpanFrom(start);
            return drop;
        }

        if (IsWord("RENAME") && (IsWordAt(1, "TABLE") || IsWordAt(1, "TABLES")))
        {
            // MySQL RENAME TABLE a TO b [, c TO d].
            _pos += 2;
            AlterTableStatement? first = null;
            var more = new List<AlterTableStatement>();
            do
            {
                var pairStart = Cur.Start;
                var from = ParseObjectName("a table name");
                ExpectWord("TO");
                var to = ParseObjectName("a table name");
                var action = new AlterTableAction(AlterTableActionKind.RenameTable, SpanFrom(pairStart)) { NewTableName = to };
                var statement = new AlterTableStatement(from, new[] { action }, SpanFrom(pairStart));
                if (first == null)
                {
                    first = statement;
                }
                else
                {
                    more.Add(statement);
                }
            }
            while (!_failed && Accept(SqlTokenKind.Comma));

            if (first == null || _failed)
            {
                return null;
            }

            first.MoreRenames = more;
            first.Span = SpanFrom(start);
            return first;
        }

        return null;
    }

    private bool EnumFollows()
    {
        // TYPE name[.name] AS ENUM
        var i = 1;
        while (i < 8 && !Peek(i).IsWord("AS"))
        {
            i++;
        }

        return Peek(i).IsWord("AS") && Peek(i + 1).IsWord("ENUM");
    }

    private void SkipToStatementEnd()
    {
        while (!_failed && !AtStatementEnd)
        {
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                _pos++;
            }
        }
    }

    private bool AcceptIfNotExists()
    {
        if (IsWord("IF") && IsWordAt(1, "NOT") && IsWordAt(2, "EXISTS"))
        {
            _pos += 3;
            return true;
        }

        return false;
    }

    private CreateTableStatement? ParseCreateTable(int start, bool temporary)
    {
        var ifNotExists = AcceptIfNotExists();
        var name = ParseObjectName("a table name");
        var table = new CreateTableStatement(name, default) { IfNotExists = ifNotExists, IsTemporary = temporary };
        if (_failed)
        {
            return null;
        }

        if (IsWord("AS") || IsWord("LIKE") || (IsWord("PARTITION") && IsWordAt(1, "OF")) || IsWord("OF"))
        {
            if (AcceptWord("AS") && (IsQueryStart() || IsWord("WITH")))
            {
                if (IsWord("WITH"))
                {
                    var with = ParseWith();
                    table.AsQuery = ParseQuery();
                    table.AsQuery.With = with;
                }
                else
                {
                    table.AsQuery = ParseQuery();
                }
            }
            else if (AcceptWord("LIKE"))
            {
                table.LikeTable = ParseObjectName("a table name");
            }

            SkipToStatementEnd();
            table.Span = SpanFrom(start);
            return table;
        }

        var columns = new List<ColumnDefinition>();
        var constraints = new List<TableConstraint>();
        Expect(SqlTokenKind.LeftParen);
        while (!_failed)
        {
            if (Is(SqlTokenKind.RightParen) && columns.Count + constraints.Count == 0)
            {
                break;
            }

            var constraint = TryParseTableConstraint(inCreateTable: true);
            if (constraint != null)
            {
                constraints.Add(constraint);
            }
            else if (!_failed && IsWord("LIKE"))
            {
                Advance();
                table.LikeTable = ParseObjectName("a table name");
                SkipTableElement();
            }
            else if (!_failed && (IsWord("PERIOD") || IsWord("EXCLUDE")))
            {
                SkipTableElement();
            }
            else if (!_failed)
            {
                columns.Add(ParseColumnDefinition());
            }

            if (!Accept(SqlTokenKind.Comma))
            {
                break;
            }
        }

        Expect(SqlTokenKind.RightParen);
        if (Pg && !_failed && AcceptWord("INHERITS"))
        {
            var parents = new List<SqlObjectName>();
            Expect(SqlTokenKind.LeftParen);
            do
            {
                parents.Add(ParseObjectName("a table name"));
            }
            while (!_failed && Accept(SqlTokenKind.Comma));
            Expect(SqlTokenKind.RightParen);
            table.Inherits = parents;
        }

        // Table options (ENGINE=InnoDB, WITHOUT ROWID, STRICT, PARTITION BY .., ON [PRIMARY], WITH (..)).
        SkipToStatementEnd();
        table.Columns = columns;
        table.Constraints = constraints;
        table.Span = SpanFrom(start);
        return table;
    }

    private void SkipTableElement()
    {
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen))
        {
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                _pos++;
            }
        }
    }

    private bool IsColumnConstraintStart() =>
        IsWord("PRIMARY") || IsWord("NOT") || IsWord("NULL") || IsWord("DEFAULT") || IsWord("UNIQUE") || IsWord("REFERENCES")
        || IsWord("CHECK") || IsWord("CONSTRAINT") || IsWord("COLLATE") || IsWord("GENERATED") || IsWord("AUTOINCREMENT")
        || IsWord("AUTO_INCREMENT") || IsWord("IDENTITY");

    private ColumnDefinition ParseColumnDefinition()
    {
        var start = Cur.Start;
        var name = ParseIdentifier("a column name", allowReserved: true);
        SqlDataType? type = null;
        if (!_failed && !Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen) && !AtStatementEnd && !IsColumnConstraintStart()
            && !(SqlServer && IsWord("AS")))
        {
            type = ParseDataType();
            if (Sqlite && type.Arguments.Count == 0 && type.ArrayRank == 0)
            {
                // SQLite takes any sequence of words as a type name: "UNSIGNED BIG INT", "VARYING CHARACTER(255)".
                var words = type.Name;
                while (!_failed && Cur.Kind == SqlTokenKind.Identifier && !IsColumnConstraintStart() && !IsWord("AS") && !IsWord("STORED") && !IsWord("VIRTUAL"))
                {
                    words += " " + Advance().Value;
                }

                if (words != type.Name)
                {
                    var args = new List<SqlExpression>();
                    if (Is(SqlTokenKind.LeftParen))
                    {
                        Advance();
                        do
                        {
                            args.Add(ParseExpression());
                        }
                        while (!_failed && Accept(SqlTokenKind.Comma));
                        Expect(SqlTokenKind.RightParen);
                    }

                    type = new SqlDataType(words, args, 0, SpanFrom(type.Span.Start));
                }
            }
        }

        var column = new ColumnDefinition(name, type, default);
        ParseColumnConstraints(column);
        column.Span = SpanFrom(start);
        return column;
    }

    private void ParseColumnConstraints(ColumnDefinition column)
    {
        var checks = new List<SqlExpression>();

        // MySQL's FIRST / AFTER c (ALTER TABLE ADD, CHANGE, MODIFY) follow the definition.
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen)
            && !(MySql && (IsWord("FIRST") || IsWord("AFTER"))))
        {
            if (AcceptWord("CONSTRAINT"))
            {
                ParseIdentifier("a constraint name", allowReserved: true);
                continue;
            }

            if (AcceptWords("NOT", "NULL"))
            {
                column.NotNull = true;
                SkipSqliteConflictClause();
            }
            else if (AcceptWord("NULL"))
            {
                column.NotNull ??= false;
            }
            else if (AcceptWord("DEFAULT"))
            {
                column.Default = ParseExpression(PrecOther);
            }
            else if (IsWord("WITH") && IsWordAt(1, "DEFAULT"))
            {
                _pos += 2;
            }
            else if (AcceptWords("PRIMARY", "KEY"))
            {
                column.IsPrimaryKey = true;
                if (AcceptWord("DESC"))
                {
                    column.PrimaryKeyDescending = true;
                }
                else
                {
                    AcceptWord("ASC");
                }

                AcceptWord("CLUSTERED");
                AcceptWord("NONCLUSTERED");
                SkipSqliteConflictClause();
                if (AcceptWord("AUTOINCREMENT"))
                {
                    column.IsAutoIncrement = true;
                }
            }
            else if (AcceptWord("UNIQUE"))
            {
                column.IsUnique = true;
                AcceptWord("KEY");
                AcceptWord("CLUSTERED");
                AcceptWord("NONCLUSTERED");
                if (AcceptWords("NULLS", "NOT"))
                {
                    AcceptWord("DISTINCT");
                }

                SkipSqliteConflictClause();
            }
            else if (MySql && AcceptWord("KEY"))
            {
                column.IsPrimaryKey = true;
            }
            else if (IsWord("REFERENCES"))
            {
                column.References = ParseReferences();
            }
            else if (IsWord("FOREIGN") && IsWordAt(1, "KEY") && IsWordAt(2, "REFERENCES"))
            {
                // T-SQL allows FOREIGN KEY before an inline REFERENCES.
                _pos += 2;
                column.References = ParseReferences();
            }
            else if (AcceptWord("CHECK"))
            {
                AcceptWords("NOT", "FOR");
                AcceptWord("REPLICATION");
                Expect(SqlTokenKind.LeftParen);
                checks.Add(ParseExpression());
                Expect(SqlTokenKind.RightParen);
            }
            else if (AcceptWord("GENERATED"))
            {
                if (!AcceptWord("ALWAYS"))
                {
                    AcceptWords("BY", "DEFAULT");
                    AcceptWords("ON", "NULL");
                }

                ExpectWord("AS");
                if (AcceptWord("IDENTITY"))
                {
                    column.IsIdentity = true;
                    if (Is(SqlTokenKind.LeftParen))
                    {
                        SkipParenthesized();
                    }
                }
                else if (Is(SqlTokenKind.LeftParen))
                {
                    Advance();
                    column.ComputedExpression = ParseExpression();
                    Expect(SqlTokenKind.RightParen);
                }
                else if (AcceptWord("ROW"))
                {
                    // T-SQL temporal: GENERATED ALWAYS AS ROW START|END [HIDDEN].
                    column.ComputedExpression = new KeywordExpression("ROW", SpanFrom(Peek(-1).Start));
                    AcceptWord("START");
                    AcceptWord("END");
                    AcceptWord("HIDDEN");
                }
                else
                {
                    Fail("Expected IDENTITY or '('");
                }
            }
            else if (IsWord("AS") && (SqlServer || MySql || Sqlite))
            {
                // Computed column: T-SQL "c AS a + b [PERSISTED]", MySQL / SQLite "c AS (expr) [STORED|VIRTUAL]".
                Advance();
                column.ComputedExpression = ParseExpression(PrecOther);
            }
            else if (AcceptWord("AUTOINCREMENT") || AcceptWord("AUTO_INCREMENT"))
            {
                column.IsAutoIncrement = true;
            }
            else if (AcceptWord("IDENTITY"))
            {
                column.IsIdentity = true;
                if (Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
            }
            else if (AcceptWord("COLLATE"))
            {
                column.Collation = Is(SqlTokenKind.String) ? Advance().Value : ParseObjectName("a collation name").ToString();
            }
            else if (AcceptWords("ON", "UPDATE"))
            {
                // MySQL ON UPDATE CURRENT_TIMESTAMP.
                ParseExpression(PrecOther);
            }
            else if (AcceptWord("COMMENT"))
            {
                if (Is(SqlTokenKind.String))
                {
                    Advance();
                }
            }
            else if (AcceptWords("CHARACTER", "SET") || AcceptWord("CHARSET"))
            {
                ParseIdentifier("a character set", allowReserved: true);
            }
            else if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                // STORED, VIRTUAL, PERSISTED, SPARSE, ROWGUIDCOL, DEFERRABLE, INITIALLY DEFERRED, COLUMN_FORMAT ..,
                // STORAGE .., INVISIBLE, HIDDEN, MASKED ..: no effect on the model.
                Advance();
            }
        }

        column.Checks = checks;
    }

    private void SkipSqliteConflictClause()
    {
        if (Sqlite && IsWord("ON") && IsWordAt(1, "CONFLICT"))
        {
            _pos += 2;
            if (Cur.IsBareWord)
            {
                Advance();
            }
        }
    }

    private ForeignKeyReference ParseReferences()
    {
        var start = Cur.Start;
        ExpectWord("REFERENCES");
        var table = ParseObjectName("a table name");
        var columns = Is(SqlTokenKind.LeftParen) ? ParseParenthesizedNames("a column name") : new List<SqlIdentifier>();
        var reference = new ForeignKeyReference(table, columns, default);
        while (!_failed)
        {
            if (AcceptWord("MATCH"))
            {
                Advance();
            }
            else if (IsWord("ON") && (IsWordAt(1, "DELETE") || IsWordAt(1, "UPDATE")))
            {
                var isDelete = IsWordAt(1, "DELETE");
                _pos += 2;
                string action;
                if (AcceptWords("SET", "NULL"))
                {
                    action = "SET NULL";
                }
                else if (AcceptWords("SET", "DEFAULT"))
                {
                    action = "SET DEFAULT";
                }
                else if (AcceptWords("NO", "ACTION"))
                {
                    action = "NO ACTION";
                }
                else if (Cur.IsBareWord)
                {
                    action = Advance().Value.ToUpperInvariant();
                }
                else
                {
                    Fail("Expected a referential action");
                    break;
                }

                if (isDelete)
                {
                    reference.OnDelete = action;
                }
                else
                {
                    reference.OnUpdate = action;
                }
            }
            else if (AcceptWords("NOT", "DEFERRABLE") || AcceptWord("DEFERRABLE"))
            {
            }
            else if (IsWord("INITIALLY"))
            {
                Advance();
                if (Cur.IsBareWord)
                {
                    Advance();
                }
            }
            else if (AcceptWords("NOT", "FOR"))
            {
                AcceptWord("REPLICATION");
            }
            else
            {
                break;
            }
        }

        reference.Span = SpanFrom(start);
        return reference;
    }

    /// <summary>A table constraint if one starts here (also MySQL / T-SQL inline indexes in CREATE TABLE); else null, nothing consumed.</summary>
    private TableConstraint? TryParseTableConstraint(bool inCreateTable)
    {
        var start = Cur.Start;
        SqlIdentifier? name = null;
        if (IsWord("CONSTRAINT"))
        {
            // "constraint" could be a column name only if followed by a type; a name then a constraint keyword means a constraint.
            Advance();
            if (!IsWord("PRIMARY") && !IsWord("UNIQUE") && !IsWord("FOREIGN") && !IsWord("CHECK") && !IsWord("EXCLUDE") && !(SqlServer && IsWord("DEFAULT")))
            {
                name = ParseIdentifier("a constraint name", allowReserved: true);
            }
        }
        else if (IsWord("PRIMARY") && IsWordAt(1, "KEY"))
        {
        }
        else if (IsWord("UNIQUE") && (Peek(1).Kind == SqlTokenKind.LeftParen || Peek(1).IsWord("KEY") || Peek(1).IsWord("INDEX") || Peek(1).IsWord("CLUSTERED") || Peek(1).IsWord("NONCLUSTERED") || Peek(1).IsWord("NULLS")
            || (MySql && IsNameToken(Peek(1), false) && Peek(2).Kind == SqlTokenKind.LeftParen)))
        {
        }
        else if (IsWord("FOREIGN") && IsWordAt(1, "KEY"))
        {
        }
        else if (IsWord("CHECK") && Peek(1).Kind == SqlTokenKind.LeftParen)
        {
        }
        else if (SqlServer && !inCreateTable && IsWord("DEFAULT"))
        {
        }
        else if (inCreateTable && (MySql || SqlServer) && (IsWord("KEY") || IsWord("INDEX") || IsWord("FULLTEXT") || IsWord("SPATIAL"))
            && (Peek(1).Kind == SqlTokenKind.LeftParen || (IsNameToken(Peek(1), true) && !Peek(1).IsWord("NOT") && !Peek(1).IsWord("NULL") && !Peek(1).IsWord("DEFAULT") && !IsTypeWordFollowedByEnd(Peek(2)))))
        {
            return ParseInlineIndex(start);
        }
        else
        {
            return null;
        }

        TableConstraint constraint;
        if (AcceptWords("PRIMARY", "KEY"))
        {
            AcceptWord("CLUSTERED");
            AcceptWord("NONCLUSTERED");
            if (MySql && AcceptWord("USING"))
            {
                Advance();
            }

            constraint = new TableConstraint(TableConstraintKind.PrimaryKey, name, ParseIndexColumns(), default);
        }
        else if (AcceptWord("UNIQUE"))
        {
            if (!AcceptWord("KEY"))
            {
                AcceptWord("INDEX");
            }

            AcceptWord("CLUSTERED");
            AcceptWord("NONCLUSTERED");
            if (AcceptWords("NULLS", "NOT"))
            {
                AcceptWord("DISTINCT");
            }

            if (!Is(SqlTokenKind.LeftParen) && IsNameToken(Cur, true))
            {
                var indexName = ParseIdentifier("an index name", allowReserved: true);
                name ??= indexName;
            }

            constraint = new TableConstraint(TableConstraintKind.Unique, name, ParseIndexColumns(), default);
        }
        else if (AcceptWords("FOREIGN", "KEY"))
        {
            if (!Is(SqlTokenKind.LeftParen) && IsNameToken(Cur, true))
            {
                ParseIdentifier("an index name", allowReserved: true);
            }

            var columns = ParseIndexColumns();
            constraint = new TableConstraint(TableConstraintKind.ForeignKey, name, columns, default) { References = ParseReferences() };
        }
        else if (AcceptWord("CHECK"))
        {
            AcceptWords("NOT", "FOR");
            AcceptWord("REPLICATION");
            Expect(SqlTokenKind.LeftParen);
            var check = ParseExpression();
            Expect(SqlTokenKind.RightParen);
            constraint = new TableConstraint(TableConstraintKind.Check, name, Array.Empty<IndexColumn>(), default) { Check = check };
        }
        else if (SqlServer && AcceptWord("DEFAULT"))
        {
            var value = ParseExpression(PrecOther);
            ExpectWord("FOR");
            var column = ParseIdentifier("a column name", allowReserved: true);
            constraint = new TableConstraint(TableConstraintKind.Default, name, Array.Empty<IndexColumn>(), default) { Default = value, DefaultColumn = column };
        }
        else if (IsWord("EXCLUDE"))
        {
            SkipTableElement();
            constraint = new TableConstraint(TableConstraintKind.Other, name, Array.Empty<IndexColumn>(), default);
        }
        else
        {
            Fail("Expected PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK");
            return null;
        }

        // USING INDEX TABLESPACE, DEFERRABLE, ON CONFLICT, WITH (..), NOT VALID, ENFORCED ...
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen))
        {
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                _pos++;
            }
        }

        constraint.Span = SpanFrom(start);
        return constraint;
    }

    private static bool IsTypeWordFollowedByEnd(SqlToken t) =>
        t.Kind == SqlTokenKind.Comma || t.Kind == SqlTokenKind.RightParen || t.IsWord("NOT") || t.IsWord("NULL") || t.IsWord("DEFAULT");

    private TableConstraint ParseInlineIndex(int start)
    {
        var unique = false;
        if (AcceptWord("FULLTEXT") || AcceptWord("SPATIAL"))
        {
            if (!AcceptWord("KEY"))
            {
                AcceptWord("INDEX");
            }
        }
        else
        {
            Advance();
        }

        SqlIdentifier? name = null;
        if (!Is(SqlTokenKind.LeftParen))
        {
            name = ParseIdentifier("an index name", allowReserved: true);
        }

        if (AcceptWord("UNIQUE"))
        {
            unique = true;
        }

        AcceptWord("CLUSTERED");
        AcceptWord("NONCLUSTERED");
        if (AcceptWord("USING"))
        {
            Advance();
        }

        var columns = ParseIndexColumns();
        var constraint = new TableConstraint(TableConstraintKind.Index, name, columns, default) { IsUniqueIndex = unique };
        SkipTableElement();
        constraint.Span = SpanFrom(start);
        return constraint;
    }

    /// <summary><c>(a, b DESC, lower(c), d(10))</c>; the current token should be '('.</summary>
    private List<IndexColumn> ParseIndexColumns()
    {
        var list = new List<IndexColumn>();
        Expect(SqlTokenKind.LeftParen);
        if (_failed)
        {
            return list;
        }

        do
        {
            var start = Cur.Start;
            string? columnName = null;
            SqlExpression expression;
            if (IsNameToken(Cur, allowReserved: true) && !Cur.IsWord("CASE") && !Cur.IsWord("CAST") && Peek(1).Kind == SqlTokenKind.LeftParen
                && Peek(2).Kind == SqlTokenKind.Number && Peek(3).Kind == SqlTokenKind.RightParen && MySql)
            {
                // MySQL prefix index: col(10).
                var id = Ident(Advance());
                _pos += 3;
                expression = new ColumnReferenceExpression(new SqlObjectName(new[] { id }, id.Span));
                columnName = id.Value;
            }
            else if (IsNameToken(Cur, allowReserved: true) && (Peek(1).Kind == SqlTokenKind.Comma || Peek(1).Kind == SqlTokenKind.RightParen
                || Peek(1).IsWord("ASC") || Peek(1).IsWord("DESC") || Peek(1).IsWord("COLLATE") || Peek(1).IsWord("NULLS")
                || (Peek(1).Kind == SqlTokenKind.Identifier && (Peek(2).Kind == SqlTokenKind.Comma || Peek(2).Kind == SqlTokenKind.RightParen || Peek(2).IsWord("ASC") || Peek(2).IsWord("DESC")))))
            {
                var id = Ident(Advance());
                expression = new ColumnReferenceExpression(new SqlObjectName(new[] { id }, id.Span));
                columnName = id.Value;
            }
            else
            {
                expression = ParseExpression();
                if (expression is ColumnReferenceExpression c)
                {
                    columnName = c.Column;
                }
                else if (expression is ParenthesizedExpression { Inner: ColumnReferenceExpression inner })
                {
                    columnName = inner.Column;
                }
            }

            if (AcceptWord("COLLATE"))
            {
                if (Is(SqlTokenKind.String))
                {
                    Advance();
                }
                else
                {
                    ParseObjectName("a collation");
                }
            }

            // PostgreSQL operator class (text_pattern_ops, gin_trgm_ops).
            if (Cur.Kind == SqlTokenKind.Identifier && !IsWord("ASC") && !IsWord("DESC") && !IsWord("NULLS"))
            {
                Advance();
                if (Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
            }

            bool? descending = null;
            if (AcceptWord("DESC"))
            {
                descending = true;
            }
            else if (AcceptWord("ASC"))
            {
                descending = false;
            }

            if (AcceptWord("NULLS"))
            {
                Advance();
            }

            list.Add(new IndexColumn(expression, descending, SpanFrom(start)) { ColumnName = columnName });
        }
        while (!_failed && Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen);
        return list;
    }

    private CreateIndexStatement? ParseCreateIndex(int start)
    {
        var unique = false;
        string? method = null;
        while (!_failed && !AtStatementEnd && !IsWord("INDEX"))
        {
            var w = Advance();
            if (w.IsWord("UNIQUE"))
            {
                unique = true;
            }
            else if (w.IsWord("FULLTEXT") || w.IsWord("SPATIAL"))
            {
                method = w.Value.ToLowerInvariant();
            }
        }

        ExpectWord("INDEX");
        AcceptWord("CONCURRENTLY");
        var ifNotExists = AcceptIfNotExists();
        SqlObjectName? name = null;
        if (!IsWord("ON"))
        {
            name = ParseObjectName("an index name");
        }

        if (MySql && AcceptWord("USING"))
        {
            method = Advance().Value.ToLowerInvariant();
        }

        ExpectWord("ON");
        AcceptWord("ONLY");
        var table = ParseObjectName("a table name");
        if (AcceptWord("USING"))
        {
            method = Advance().Value.ToLowerInvariant();
        }

        var columns = ParseIndexColumns();
        var index = new CreateIndexStatement(name, table, columns, default) { IsUnique = unique, IfNotExists = ifNotExists, Method = method };
        while (!_failed && !AtStatementEnd)
        {
            if (AcceptWord("INCLUDE"))
            {
                index.Include = ParseParenthesizedNames("a column name");
            }
            else if (AcceptWord("WHERE"))
            {
                index.Where = ParseExpression();
            }
            else if (AcceptWord("USING"))
            {
                if (method == null && Cur.IsBareWord)
                {
                    method = Advance().Value.ToLowerInvariant();
                    index.Method = method;
                }
            }
            else if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                // WITH (..), TABLESPACE x, NULLS NOT DISTINCT, ON [PRIMARY], ALGORITHM=.., LOCK=.., COMMENT '..'.
                _pos++;
            }
        }

        index.Span = SpanFrom(start);
        return _failed ? null : index;
    }

    private CreateViewStatement? TryParseCreateView(int start)
    {
        var save = _pos;
        while (!AtStatementEnd && !IsWord("VIEW"))
        {
            _pos++;
        }

        if (!AcceptWord("VIEW"))
        {
            _pos = save;
            return null;
        }

        AcceptIfNotExists();
        var name = ParseObjectName("a view name");
        var columns = Is(SqlTokenKind.LeftParen) ? ParseParenthesizedNames("a column name") : new List<SqlIdentifier>();
        while (!_failed && !AtStatementEnd && !IsWord("AS"))
        {
            // WITH (options), SQL Server WITH SCHEMABINDING.
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                _pos++;
            }
        }

        ExpectWord("AS");
        if (_failed || !(IsQueryStart() || IsWord("WITH")))
        {
            if (!_failed)
            {
                Fail("Expected a query");
            }

            return null;
        }

        SqlQuery query;
        if (IsWord("WITH"))
        {
            var with = ParseWith();
            query = ParseQuery();
            query.With = with;
        }
        else
        {
            query = ParseQuery();
        }

        // WITH [CASCADED | LOCAL] CHECK OPTION, WITH [NO] DATA.
        SkipToStatementEnd();
        return _failed ? null : new CreateViewStatement(name, columns, query, SpanFrom(start));
    }

    private AlterTableStatement? ParseAlterTable(int start)
    {
        var ifExists = AcceptWords("IF", "EXISTS");
        AcceptWord("ONLY");
        var table = ParseObjectName("a table name");
        var actions = new List<AlterTableAction>();
        AlterTableActionKind? previous = null;
        do
        {
            var action = ParseAlterAction(previous);
            if (action == null)
            {
                break;
            }

            actions.Add(action);
            previous = action.ActionKind;
        }
        while (!_failed && Accept(SqlTokenKind.Comma));

        if (_failed)
        {
            return null;
        }

        SkipToStatementEnd();
        return new AlterTableStatement(table, actions, SpanFrom(start)) { IfExists = ifExists };
    }

    private AlterTableAction? ParseAlterAction(AlterTableActionKind? previous)
    {
        var start = Cur.Start;
        AlterTableAction Done(AlterTableAction a)
        {
            a.Span = SpanFrom(start);
            return a;
        }

        if (SqlServer && IsWord("WITH") && (IsWordAt(1, "CHECK") || IsWordAt(1, "NOCHECK")) && IsWordAt(2, "ADD"))
        {
            _pos += 2;
        }

        if (AcceptWord("ADD") || (previous == AlterTableActionKind.AddColumn && !IsAlterVerb()))
        {
            if (SqlServer && IsWord("DEFAULT"))
            {
                var defaultConstraint = TryParseTableConstraint(inCreateTable: false);
                return defaultConstraint == null ? null : Done(new AlterTableAction(AlterTableActionKind.AddConstraint, default) { Constraint = defaultConstraint });
            }

            if (IsWord("CONSTRAINT") || IsWord("PRIMARY") || IsWord("FOREIGN") || IsWord("CHECK") || (IsWord("UNIQUE") && !IsWordAt(1, "NOT"))
                || ((MySql || SqlServer) && (IsWord("INDEX") || IsWord("KEY") || IsWord("FULLTEXT") || IsWord("SPATIAL"))))
            {
                var constraint = TryParseTableConstraint(inCreateTable: true);
                if (constraint == null)
                {
                    if (!_failed)
                    {
                        Fail("Expected a constraint");
                    }

                    return null;
                }

                return Done(new AlterTableAction(AlterTableActionKind.AddConstraint, default) { Constraint = constraint });
            }

            AcceptWord("COLUMN");
            var ifNotExists = AcceptIfNotExists();
            if (MySql && Is(SqlTokenKind.LeftParen))
            {
                // MySQL ADD (a int, b int): take the first; skip the rest.
                SkipParenthesized();
                return Done(new AlterTableAction(AlterTableActionKind.Other, default));
            }

            var column = ParseColumnDefinition();
            var add = new AlterTableAction(AlterTableActionKind.AddColumn, default) { Column = column, IfNotExists = ifNotExists };
            if (MySql)
            {
                ParseColumnPosition(add);
            }

            return Done(add);
        }

        if (AcceptWord("DROP"))
        {
            if (AcceptWords("PRIMARY", "KEY"))
            {
                return Done(new AlterTableAction(AlterTableActionKind.DropPrimaryKey, default));
            }

            if (AcceptWord("CONSTRAINT") || (MySql && (AcceptWords("FOREIGN", "KEY") || AcceptWord("CHECK"))))
            {
                var ifExists = AcceptWords("IF", "EXISTS");
                var name = ParseIdentifier("a constraint name", allowReserved: true);
                SkipDropBehaviour();
                return Done(new AlterTableAction(AlterTableActionKind.DropConstraint, default) { Name = name, IfExists = ifExists });
            }

            if ((MySql || SqlServer) && (AcceptWord("INDEX") || AcceptWord("KEY")))
            {
                var ifExists = AcceptWords("IF", "EXISTS");
                var name = ParseIdentifier("an index name", allowReserved: true);
                return Done(new AlterTableAction(AlterTableActionKind.DropIndex, default) { Name = name, IfExists = ifExists });
            }

            AcceptWord("COLUMN");
            var colIfExists = AcceptWords("IF", "EXISTS");
            var column = ParseIdentifier("a column name", allowReserved: true);
            SkipDropBehaviour();
            var action = Done(new AlterTableAction(AlterTableActionKind.DropColumn, default) { Name = column, IfExists = colIfExists });
            return action;
        }

        if (previous == AlterTableActionKind.DropColumn && SqlServer && IsNameToken(Cur, true) && !IsAlterVerb())
        {
            // T-SQL DROP COLUMN a, b.
            var column = ParseIdentifier("a column name", allowReserved: true);
            return Done(new AlterTableAction(AlterTableActionKind.DropColumn, default) { Name = column });
        }

        if (AcceptWord("RENAME"))
        {
            if (AcceptWord("TO") || (MySql && AcceptWord("AS")))
            {
                var newName = ParseObjectName("a table name");
                return Done(new AlterTableAction(AlterTableActionKind.RenameTable, default) { NewTableName = newName });
            }

            if (AcceptWord("CONSTRAINT"))
            {
                ParseIdentifier("a constraint name", allowReserved: true);
                ExpectWord("TO");
                ParseIdentifier("a constraint name", allowReserved: true);
                return Done(new AlterTableAction(AlterTableActionKind.Other, default));
            }

            if (AcceptWord("INDEX") || AcceptWord("KEY"))
            {
                var oldIndex = ParseIdentifier("an index name", allowReserved: true);
                ExpectWord("TO");
                var newIndex = ParseIdentifier("an index name", allowReserved: true);
                return Done(new AlterTableAction(AlterTableActionKind.RenameIndex, default) { Name = oldIndex, NewName = newIndex });
            }

            AcceptWord("COLUMN");
            var old = ParseIdentifier("a column name", allowReserved: true);
            ExpectWord("TO");
            var renamed = ParseIdentifier("a column name", allowReserved: true);
            return Done(new AlterTableAction(AlterTableActionKind.RenameColumn, default) { Name = old, NewName = renamed });
        }

        if (AcceptWord("ALTER"))
        {
            AcceptWord("COLUMN");
            var column = ParseIdentifier("a column name", allowReserved: true);
            if (AcceptWords("SET", "NOT"))
            {
                ExpectWord("NULL");
                return Done(new AlterTableAction(AlterTableActionKind.SetNotNull, default) { Name = column });
            }

            if (AcceptWords("DROP", "NOT"))
            {
                ExpectWord("NULL");
                return Done(new AlterTableAction(AlterTableActionKind.DropNotNull, default) { Name = column });
            }

            if (AcceptWords("SET", "DEFAULT"))
            {
                var value = ParseExpression(PrecOther);
                return Done(new AlterTableAction(AlterTableActionKind.SetDefault, default) { Name = column, Default = value });
            }

            if (AcceptWords("DROP", "DEFAULT"))
            {
                return Done(new AlterTableAction(AlterTableActionKind.DropDefault, default) { Name = column });
            }

            if (AcceptWords("SET", "DATA") || IsWord("TYPE"))
            {
                ExpectWord("TYPE");
                var type = ParseDataType();
                if (AcceptWord("COLLATE"))
                {
                    ParseObjectName("a collation");
                }

                if (AcceptWord("USING"))
                {
                    ParseExpression();
                }

                return Done(new AlterTableAction(AlterTableActionKind.AlterColumnType, default) { Name = column, Type = type });
            }

            if (SqlServer && (Cur.Kind == SqlTokenKind.Identifier || Cur.Kind == SqlTokenKind.QuotedIdentifier || (Cur.Kind == SqlTokenKind.Keyword && !IsWord("ADD") && !IsWord("DROP"))))
            {
                // T-SQL ALTER COLUMN c type [NULL | NOT NULL].
                var type = ParseDataType();
                var definition = new ColumnDefinition(column, type, default);
                ParseColumnConstraints(definition);
                definition.Span = SpanFrom(column.Span.Start);
                return Done(new AlterTableAction(AlterTableActionKind.AlterColumnType, default) { Name = column, Type = type, Column = definition });
            }

            SkipAlterAction();
            return Done(new AlterTableAction(AlterTableActionKind.Other, default) { Name = column });
        }

        if (MySql && (AcceptWord("MODIFY") || AcceptWord("CHANGE")))
        {
            var isChange = Peek(-1).IsWord("CHANGE");
            AcceptWord("COLUMN");
            var old = isChange ? ParseIdentifier("a column name", allowReserved: true) : null;
            var definition = ParseColumnDefinition();
            var replace = new AlterTableAction(AlterTableActionKind.ReplaceColumn, default) { Name = old ?? definition.Name, Column = definition };
            ParseColumnPosition(replace);
            return Done(replace);
        }

        if (AtStatementEnd)
        {
            if (previous == null)
            {
                Fail("Expected an ALTER TABLE action");
            }

            return null;
        }

        SkipAlterAction();
        return Done(new AlterTableAction(AlterTableActionKind.Other, default));
    }

    /// <summary>MySQL's <c>FIRST</c> / <c>AFTER column</c> after a column definition in ADD, CHANGE and MODIFY.</summary>
    private void ParseColumnPosition(AlterTableAction action)
    {
        if (AcceptWord("FIRST"))
        {
            action.First = true;
        }
        else if (AcceptWord("AFTER"))
        {
            action.After = ParseIdentifier("a column name", allowReserved: true);
        }
    }

    private bool IsAlterVerb() =>
        IsWord("ADD") || IsWord("DROP") || IsWord("ALTER") || IsWord("RENAME") || IsWord("MODIFY") || IsWord("CHANGE") || IsWord("SET")
        || IsWord("OWNER") || IsWord("ENABLE") || IsWord("DISABLE") || IsWord("VALIDATE") || IsWord("WITH") || IsWord("CHECK") || IsWord("NOCHECK");

    private void SkipDropBehaviour()
    {
        if (!AcceptWord("CASCADE"))
        {
            AcceptWord("RESTRICT");
        }
    }

    private void SkipAlterAction()
    {
        while (!_failed && !AtStatementEnd && !Is(SqlTokenKind.Comma))
        {
            if (Is(SqlTokenKind.LeftParen))
            {
                SkipParenthesized();
            }
            else
            {
                _pos++;
            }
        }
    }
}
