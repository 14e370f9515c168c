using System;
using System.Collections.Generic;
using NeoGen.Sql.Lexing;

namespace NeoGen.Sql.Parsing;

/// <summary>
/// Recursive-descent parser with precedence climbing for expressions. It never throws: every token access is bounded by
/// the trailing end-of-file token, recursion is capped at <see cref="MaxDepth"/>, and after the first error in a
/// statement every loop stops and the statement is skipped up to the next ';'.
/// </summary>
public sealed partial class SqlParser
{
    public const int MaxDepth = 200;

    private readonly IReadOnlyList<SqlToken> _tokens;
    private readonly string _text;
    private readonly SqlDialect _dialect;
    private readonly List<SqlError> _errors = new();
    private int _pos;
    private int _depth;
    private bool _failed;

    private SqlParser(SqlLexResult lex, SqlDialect dialect)
    {
        _tokens = lex.Tokens;
        _text = lex.Text;
        _dialect = dialect;
    }

    public static SqlScript Parse(string? sql, SqlDialect dialect) => Parse(SqlLexer.Lex(sql, dialect), dialect);

    public static SqlScript Parse(SqlLexResult lex, SqlDialect dialect)
    {
        if (lex is null)
        {
            return new SqlScript(Array.Empty<SqlStatement>(), Array.Empty<SqlError>());
        }

        var parser = new SqlParser(lex, dialect);
        var statements = parser.ParseScript();
        var errors = new List<SqlError>(lex.Errors.Count + parser._errors.Count);
        errors.AddRange(lex.Errors);
        errors.AddRange(parser._errors);
        errors.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        return new SqlScript(statements, errors);
    }

    private bool Pg => _dialect == SqlDialect.PostgreSql;

    private bool MySql => _dialect == SqlDialect.MySql;

    private bool SqlServer => _dialect == SqlDialect.SqlServer;

    private bool Sqlite => _dialect == SqlDialect.Sqlite;

    // ---- token access -------------------------------------------------------------------------------------------

    private SqlToken Cur => _tokens[_pos];

    private SqlToken Peek(int offset)
    {
        var i = _pos + offset;
        return i < _tokens.Count ? _tokens[i] : _tokens[_tokens.Count - 1];
    }

    /// <summary>';' and end of input both end a statement; nothing inside a statement consumes them.</summary>
    private bool AtStatementEnd => Cur.Kind == SqlTokenKind.EndOfFile || Cur.Kind == SqlTokenKind.Semicolon;

    private SqlToken Advance()
    {
        var t = Cur;
        if (!AtStatementEnd)
        {
            _pos++;
        }

        return t;
    }

    private int LastEnd => _pos > 0 ? _tokens[_pos - 1].End : 0;

    private SqlSpan SpanFrom(int start) => SqlSpan.FromBounds(start, Math.Max(start, LastEnd));

    private bool IsWord(string word) => Cur.IsWord(word);

    private bool IsWordAt(int offset, string word) => Peek(offset).IsWord(word);

    private bool Is(SqlTokenKind kind) => Cur.Kind == kind;

    private bool IsOp(string op) => Cur.IsOperator(op);

    private bool AcceptWord(string word)
    {
        if (!_failed && Cur.IsWord(word))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private bool AcceptWords(string first, string second)
    {
        if (!_failed && Cur.IsWord(first) && Peek(1).IsWord(second))
        {
            _pos += 2;
            return true;
        }

        return false;
    }

    private bool Accept(SqlTokenKind kind)
    {
        if (!_failed && Cur.Kind == kind && !AtStatementEnd)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private bool AcceptOp(string op)
    {
        if (!_failed && Cur.IsOperator(op))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void ExpectWord(string word)
    {
        if (!AcceptWord(word))
        {
            Fail($"Expected {word}");
        }
    }

    private void Expect(SqlTokenKind kind)
    {
        if (!Accept(kind))
        {
            Fail($"Expected {Show(kind)}");
        }
    }

    private static string Show(SqlTokenKind kind) => kind switch
    {
        SqlTokenKind.LeftParen => "'('",
        SqlTokenKind.RightParen => "')'",
        SqlTokenKind.LeftBracket => "'['",
        SqlTokenKind.RightBracket => "']'",
        SqlTokenKind.Comma => "','",
        SqlTokenKind.Dot => "'.'",
        _ => kind.ToString(),
    };

    private string Show(SqlToken token)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.EndOfFile:
                return "end of input";
            case SqlTokenKind.Semicolon:
                return "';'";
        }

        var length = Math.Min(token.Length, 40);
        var text = token.Start + length <= _text.Length ? _text.Substring(token.Start, length) : token.Value;
        return "'" + text + (token.Length > 40 ? "...'" : "'");
    }

    /// <summary>Records the first error of a statement and makes every parse loop stop.</summary>
    private void Fail(string message) => Fail(message, Cur);

    private void Fail(string message, SqlToken at)
    {
        if (_failed)
        {
            return;
        }

        _failed = true;

        // The lexer already reported the bad character or unterminated literal; a second message would only repeat it.
        if (at.Kind == SqlTokenKind.Bad || (at.Flags & SqlTokenFlags.Unterminated) != 0)
        {
            return;
        }

        _errors.Add(new SqlError($"{message}, found {Show(at)}", at.Start, at.Kind == SqlTokenKind.EndOfFile ? 0 : at.Length));
    }

    private bool Enter()
    {
        _depth++;
        if (_depth > MaxDepth)
        {
            Fail($"SQL is nested more than {MaxDepth} levels deep");
            return false;
        }

        return !_failed;
    }

    private void Exit() => _depth--;

    private ErrorExpression ErrorHere() => new(new SqlSpan(Cur.Start, 0));

    private SelectQuery ErrorQuery() => new(new SqlSpan(Cur.Start, 0));

    // ---- names ---------------------------------------------------------------------------------------------------

    private bool IsNameToken(SqlToken t, bool allowReserved) =>
        t.Kind == SqlTokenKind.Identifier
        || t.Kind == SqlTokenKind.QuotedIdentifier
        || (t.Kind == SqlTokenKind.Keyword && (allowReserved || !SqlKeywords.IsReserved(t.Value, _dialect)));

    private static SqlIdentifier Ident(SqlToken t) =>
        new(t.Value, t.Kind == SqlTokenKind.QuotedIdentifier || t.Kind == SqlTokenKind.String, new SqlSpan(t.Start, t.Length));

    private SqlIdentifier ParseIdentifier(string what, bool allowReserved = false)
    {
        if (!_failed && IsNameToken(Cur, allowReserved))
        {
            return Ident(Advance());
        }

        Fail($"Expected {what}");
        return new SqlIdentifier(string.Empty, false, new SqlSpan(Cur.Start, 0));
    }

    private SqlObjectName ParseObjectName(string what)
    {
        var start = Cur.Start;
        var parts = new List<SqlIdentifier> { ParseIdentifier(what) };
        while (!_failed && Is(SqlTokenKind.Dot))
        {
            if (IsNameToken(Peek(1), allowReserved: true))
            {
                _pos++;
                parts.Add(Ident(Advance()));
            }
            else if (SqlServer && Peek(1).Kind == SqlTokenKind.Dot)
            {
                // T-SQL "db..table" leaves the schema out.
                _pos++;
                parts.Add(new SqlIdentifier(string.Empty, false, new SqlSpan(Cur.Start, 0)));
            }
            else
            {
                break;
            }
        }

        return new SqlObjectName(parts, SpanFrom(start));
    }

    /// <summary><c>(a, b, c)</c>; the current token is '('.</summary>
    private List<SqlIdentifier> ParseParenthesizedNames(string what)
    {
        var list = new List<SqlIdentifier>();
        Expect(SqlTokenKind.LeftParen);
        if (_failed)
        {
            return list;
        }

        do
        {
            var name = ParseObjectName(what);
            list.Add(name.Parts[name.Parts.Count - 1]);
        }
        while (!_failed && Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen);
        return list;
    }

    /// <summary>Skips a balanced parenthesized group without recursion; the current token is '('.</summary>
    private SqlSpan SkipParenthesized()
    {
        var start = Cur.Start;
        var depth = 0;
        while (!_failed)
        {
            if (AtStatementEnd)
            {
                Fail("Expected ')'");
                break;
            }

            var t = Advance();
            if (t.Kind == SqlTokenKind.LeftParen)
            {
                depth++;
            }
            else if (t.Kind == SqlTokenKind.RightParen && --depth == 0)
            {
                break;
            }
        }

        return SpanFrom(start);
    }

    /// <summary>True when '(' (possibly repeated) opens a query rather than an expression or a join.</summary>
    private bool LooksLikeQueryInParens()
    {
        for (var i = 0; i < 256; i++)
        {
            var t = Peek(i);
            if (t.Kind == SqlTokenKind.LeftParen)
            {
                continue;
            }

            return i > 0 && IsQueryKeyword(t);
        }

        return false;
    }

    private static bool IsQueryKeyword(SqlToken t) => t.IsWord("SELECT") || t.IsWord("WITH") || t.IsWord("VALUES");
}
