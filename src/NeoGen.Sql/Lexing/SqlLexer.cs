using System;
using System.Collections.Generic;
using System.Text;

namespace NeoGen.Sql.Lexing;

/// <summary>The tokens of a text (always ending with <see cref="SqlTokenKind.EndOfFile"/>), its comments and lexical errors.</summary>
public sealed class SqlLexResult
{
    internal SqlLexResult(string text, IReadOnlyList<SqlToken> tokens, IReadOnlyList<SqlComment> comments, IReadOnlyList<SqlError> errors)
    {
        Text = text;
        Tokens = tokens;
        Comments = comments;
        Errors = errors;
    }

    public string Text { get; }

    public IReadOnlyList<SqlToken> Tokens { get; }

    public IReadOnlyList<SqlComment> Comments { get; }

    public IReadOnlyList<SqlError> Errors { get; }
}

/// <summary>Splits SQL text into tokens by the rules of one dialect. Never throws; problems become errors with spans.</summary>
public static class SqlLexer
{
    public static SqlLexResult Lex(string? text, SqlDialect dialect)
    {
        var scanner = new Scanner(text ?? string.Empty, dialect);
        scanner.Run();
        return new SqlLexResult(scanner.Text, scanner.Tokens, scanner.Comments, scanner.Errors);
    }

    private sealed class Scanner
    {
        private readonly SqlDialect _dialect;
        private int _pos;

        // Where the open MySQL executable comment ("/*!50001 ... */") starts, or -1 outside one.
        private int _executableStart = -1;

        public Scanner(string text, SqlDialect dialect)
        {
            Text = text;
            _dialect = dialect;
        }

        public string Text { get; }

        public List<SqlToken> Tokens { get; } = new();

        public List<SqlComment> Comments { get; } = new();

        public List<SqlError> Errors { get; } = new();

        private bool Pg => _dialect == SqlDialect.PostgreSql;

        private bool MySql => _dialect == SqlDialect.MySql;

        private bool SqlServer => _dialect == SqlDialect.SqlServer;

        private bool Sqlite => _dialect == SqlDialect.Sqlite;

        private char At(int i) => i >= 0 && i < Text.Length ? Text[i] : '\0';

        public void Run()
        {
            var text = Text;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                var next = At(_pos + 1);
                if (char.IsWhiteSpace(c))
                {
                    _pos++;
                }
                else if (c == '-' && next == '-' && (!MySql || _pos + 2 >= text.Length || char.IsWhiteSpace(text[_pos + 2]) || char.IsControl(text[_pos + 2])))
                {
                    // MySQL only treats "-- " (dash dash whitespace) as a comment, so "a--1" stays a subtraction there.
                    LineComment();
                }
                else if (c == '#' && MySql)
                {
                    LineComment();
                }
                else if (c == '*' && next == '/' && _executableStart >= 0)
                {
                    // The end of a MySQL executable comment: what came before it was SQL.
                    _pos += 2;
                    _executableStart = -1;
                }
                else if (c == '/' && next == '*')
                {
                    if (!MySql || _executableStart >= 0 || !ExecutableCommentStart())
                    {
                        BlockComment();
                    }
                }
                else if (c == '\'')
                {
                    QuotedString(_pos, _pos, MySql, SqlTokenFlags.None);
                }
                else if ((c == 'N' || c == 'n') && next == '\'')
                {
                    QuotedString(_pos, _pos + 1, MySql, SqlTokenFlags.National);
                }
                else if ((c == 'E' || c == 'e') && next == '\'' && Pg)
                {
                    QuotedString(_pos, _pos + 1, true, SqlTokenFlags.EscapeString);
                }
                else if ((c == 'B' || c == 'b') && next == '\'' && (Pg || MySql))
                {
                    // Bit-string literal B'0101': the digits are the value.
                    QuotedString(_pos, _pos + 1, false, SqlTokenFlags.None);
                }
                else if ((c == 'X' || c == 'x') && next == '\'')
                {
                    BlobLiteral();
                }
                else if (c == '"')
                {
                    QuotedIdentifier('"', '"');
                }
                else if (c == '`' && (MySql || Sqlite))
                {
                    QuotedIdentifier('`', '`');
                }
                else if (c == '[' && (SqlServer || Sqlite))
                {
                    QuotedIdentifier('[', ']');
                }
                else if (IsIdentStart(c))
                {
                    Word();
                }
                else if (IsDigit(c) || (c == '.' && IsDigit(next) && !PreviousIsNameLike()))
                {
                    Number();
                }
                else if (c == '@')
                {
                    AtSign();
                }
                else if (c == '$')
                {
                    Dollar();
                }
                else if (c == ':')
                {
                    Colon();
                }
                else if (c == '?' && !Pg)
                {
                    var start = _pos++;
                    while (IsDigit(At(_pos)))
                    {
                        _pos++;
                    }

                    Add(SqlTokenKind.PositionalParameter, start, Text.Substring(start + 1, _pos - start - 1));
                }
                else if (!Punctuation(c) && !Operator())
                {
                    var start = _pos++;
                    // A surrogate pair is one character to the reader; keep it whole in the span.
                    if (char.IsHighSurrogate(c) && char.IsLowSurrogate(At(_pos)))
                    {
                        _pos++;
                    }

                    Add(SqlTokenKind.Bad, start, Text.Substring(start, _pos - start));
                    Error(DescribeChar(c), start, _pos - start);
                }
            }

            if (_executableStart >= 0)
            {
                Error("Unterminated executable comment", _executableStart, text.Length - _executableStart);
            }

            Tokens.Add(new SqlToken(SqlTokenKind.EndOfFile, text.Length, 0, string.Empty));
        }

        /// <summary>
        /// MySQL runs the content of "/*! ... */" and "/*!50001 ... */" (a version of 5 or 6 digits) as SQL, as does
        /// MariaDB with "/*M!100101 ... */": skips the opening (recorded as a comment) so the content is lexed, and the
        /// next "*/" ends it. False when this is an ordinary comment.
        /// </summary>
        private bool ExecutableCommentStart()
        {
            var i = _pos + 2;
            if (At(i) == 'M' && At(i + 1) == '!')
            {
                i++;
            }

            if (At(i) != '!')
            {
                return false;
            }

            i++;
            var digits = 0;
            while (digits < 6 && IsDigit(At(i + digits)))
            {
                digits++;
            }

            if (digits >= 5)
            {
                i += digits;
            }

            Comments.Add(new SqlComment(_pos, i - _pos, true));
            _executableStart = _pos;
            _pos = i;
            return true;
        }

        private static string DescribeChar(char c) =>
            c < ' ' || c == '\u007f' ? $"Unexpected character U+{(int)c:X4}" : $"Unexpected character '{c}'";

        private void Add(SqlTokenKind kind, int start, string value, SqlTokenFlags flags = SqlTokenFlags.None) =>
            Tokens.Add(new SqlToken(kind, start, _pos - start, value, flags));

        private void Error(string message, int start, int length) => Errors.Add(new SqlError(message, start, length));

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private bool IsIdentStart(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
            || (c >= 0x80 && !char.IsWhiteSpace(c) && !char.IsControl(c) && c != '\uFEFF')
            || (c == '#' && SqlServer);

        private bool IsIdentPart(char c) =>
            IsIdentStart(c) || IsDigit(c) || c == '$' || (SqlServer && (c == '@' || c == '#'));

        // The name after @ must be a C# identifier, so only letters, digits and '_'.
        private static bool IsParameterNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && char.IsLetter(c));

        private static bool IsParameterNamePart(char c) => IsParameterNameStart(c) || IsDigit(c);

        private bool PreviousIsNameLike()
        {
            if (Tokens.Count == 0)
            {
                return false;
            }

            var last = Tokens[Tokens.Count - 1];
            return last.End == _pos
                && (last.Kind == SqlTokenKind.Identifier || last.Kind == SqlTokenKind.QuotedIdentifier || last.Kind == SqlTokenKind.Keyword
                    || last.Kind == SqlTokenKind.RightParen || last.Kind == SqlTokenKind.RightBracket);
        }

        private void LineComment()
        {
            var start = _pos;
            while (_pos < Text.Length && Text[_pos] != '\n' && Text[_pos] != '\r')
            {
                _pos++;
            }

            Comments.Add(new SqlComment(start, _pos - start, false));
        }

        private void BlockComment()
        {
            var start = _pos;
            _pos += 2;
            var depth = 1;
            while (_pos < Text.Length)
            {
                var c = Text[_pos];
                if (c == '*' && At(_pos + 1) == '/')
                {
                    _pos += 2;
                    if (--depth == 0)
                    {
                        Comments.Add(new SqlComment(start, _pos - start, true));
                        return;
                    }
                }
                else if (c == '/' && At(_pos + 1) == '*' && Pg)
                {
                    // Only PostgreSQL nests block comments; elsewhere "/*" inside a comment is plain text.
                    _pos += 2;
                    depth++;
                }
                else
                {
                    _pos++;
                }
            }

            Comments.Add(new SqlComment(start, _pos - start, true));
            Error("Unterminated block comment", start, _pos - start);
        }

        private void QuotedString(int start, int quotePos, bool backslashEscapes, SqlTokenFlags flags)
        {
            _pos = quotePos + 1;
            StringBuilder? sb = null;
            var runStart = _pos;
            while (_pos < Text.Length)
            {
                var c = Text[_pos];
                if (c == '\'')
                {
                    if (At(_pos + 1) == '\'')
                    {
                        sb ??= new StringBuilder();
                        sb.Append(Text, runStart, _pos - runStart).Append('\'');
                        _pos += 2;
                        runStart = _pos;
                        continue;
                    }

                    string value;
                    if (sb == null)
                    {
                        value = Text.Substring(runStart, _pos - runStart);
                    }
                    else
                    {
                        value = sb.Append(Text, runStart, _pos - runStart).ToString();
                    }

                    _pos++;
                    Add(SqlTokenKind.String, start, value, flags);
                    return;
                }

                if (c == '\\' && backslashEscapes && _pos + 1 < Text.Length)
                {
                    sb ??= new StringBuilder();
                    sb.Append(Text, runStart, _pos - runStart);
                    _pos++;
                    if (Pg)
                    {
                        PgEscape(sb);
                    }
                    else
                    {
                        MySqlEscape(sb);
                    }

                    runStart = _pos;
                    continue;
                }

                _pos++;
            }

            var rest = sb == null ? Text.Substring(runStart) : sb.Append(Text, runStart, Text.Length - runStart).ToString();
            Add(SqlTokenKind.String, start, rest, flags | SqlTokenFlags.Unterminated);
            Error("Unterminated string literal", start, _pos - start);
        }

        // _pos is on the character after the backslash.
        private void MySqlEscape(StringBuilder sb)
        {
            var c = Text[_pos++];
            switch (c)
            {
                case '0': sb.Append('\0'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'Z': sb.Append('\u001A'); break;
                // MySQL keeps the backslash before % and _ so LIKE patterns can escape them.
                case '%': sb.Append("\\%"); break;
                case '_': sb.Append("\\_"); break;
                default: sb.Append(c); break;
            }
        }

        private void PgEscape(StringBuilder sb)
        {
            var c = Text[_pos++];
            switch (c)
            {
                case 'b': sb.Append('\b'); return;
                case 'f': sb.Append('\f'); return;
                case 'n': sb.Append('\n'); return;
                case 'r': sb.Append('\r'); return;
                case 't': sb.Append('\t'); return;
                case 'x':
                    {
                        var value = 0;
                        var n = 0;
                        while (n < 2 && IsHexDigit(At(_pos)))
                        {
                            value = (value * 16) + HexValue(Text[_pos++]);
                            n++;
                        }

                        sb.Append(n == 0 ? 'x' : (char)value);
                        return;
                    }

                case 'u':
                case 'U':
                    {
                        var want = c == 'u' ? 4 : 8;
                        var value = 0;
                        var n = 0;
                        while (n < want && IsHexDigit(At(_pos)))
                        {
                            value = (value * 16) + HexValue(Text[_pos++]);
                            n++;
                        }

                        if (n == 0)
                        {
                            sb.Append(c);
                        }
                        else if (value <= 0xFFFF)
                        {
                            sb.Append((char)value);
                        }
                        else if (value <= 0x10FFFF)
                        {
                            sb.Append(char.ConvertFromUtf32(value));
                        }
                        else
                        {
                            sb.Append('\uFFFD');
                        }

                        return;
                    }
            }

            if (c >= '0' && c <= '7')
            {
                var value = c - '0';
                var n = 1;
                while (n < 3 && At(_pos) >= '0' && At(_pos) <= '7')
                {
                    value = (value * 8) + (Text[_pos++] - '0');
                    n++;
                }

                sb.Append((char)(value & 0xFF));
                return;
            }

            sb.Append(c);
        }

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private void BlobLiteral()
        {
            var start = _pos;
            _pos += 2;
            var contentStart = _pos;
            while (_pos < Text.Length && Text[_pos] != '\'')
            {
                _pos++;
            }

            var content = Text.Substring(contentStart, _pos - contentStart);
            if (_pos >= Text.Length)
            {
                Add(SqlTokenKind.Blob, start, content, SqlTokenFlags.Unterminated);
                Error("Unterminated blob literal", start, _pos - start);
                return;
            }

            _pos++;
            Add(SqlTokenKind.Blob, start, content);
            for (var i = 0; i < content.Length; i++)
            {
                if (!IsHexDigit(content[i]))
                {
                    Error("Blob literal may only contain hexadecimal digits", start, _pos - start);
                    return;
                }
            }
        }

        private void QuotedIdentifier(char open, char close)
        {
            var start = _pos++;
            StringBuilder? sb = null;
            var runStart = _pos;
            while (_pos < Text.Length)
            {
                var c = Text[_pos];
                if (c == close)
                {
                    if (At(_pos + 1) == close)
                    {
                        sb ??= new StringBuilder();
                        sb.Append(Text, runStart, _pos - runStart).Append(close);
                        _pos += 2;
                        runStart = _pos;
                        continue;
                    }

                    var value = sb == null ? Text.Substring(runStart, _pos - runStart) : sb.Append(Text, runStart, _pos - runStart).ToString();
                    _pos++;
                    Add(SqlTokenKind.QuotedIdentifier, start, value);
                    if (value.Length == 0)
                    {
                        Error("Empty quoted identifier", start, _pos - start);
                    }

                    return;
                }

                _pos++;
            }

            var rest = sb == null ? Text.Substring(runStart) : sb.Append(Text, runStart, Text.Length - runStart).ToString();
            Add(SqlTokenKind.QuotedIdentifier, start, rest, SqlTokenFlags.Unterminated);
            Error($"Unterminated quoted identifier (missing {close})", start, _pos - start);
        }

        private void Word()
        {
            var start = _pos++;
            while (_pos < Text.Length && IsIdentPart(Text[_pos]))
            {
                _pos++;
            }

            var word = Text.Substring(start, _pos - start);
            if (MySql && word.Length > 1 && word[0] == '_' && IsCharsetIntroducer(word))
            {
                // _utf8mb4'text', _binary 'bytes': the character set introducer only labels the literal after it.
                return;
            }

            Add(SqlKeywords.IsKeyword(word) ? SqlTokenKind.Keyword : SqlTokenKind.Identifier, start, word);
        }

        private bool IsCharsetIntroducer(string word)
        {
            var i = _pos;
            while (At(i) == ' ' || At(i) == '\t')
            {
                i++;
            }

            var c = At(i);
            var literal = c == '\'' || ((c == 'X' || c == 'x' || c == 'B' || c == 'b') && At(i + 1) == '\'') || (c == '0' && (At(i + 1) == 'x' || At(i + 1) == 'b'));
            if (!literal)
            {
                return false;
            }

            // Written against the literal it can be any character set; with a space between, only the usual ones (a
            // column "_x" followed by a string alias stays a column).
            return i == _pos || Array.IndexOf(CommonCharsets, word.ToLowerInvariant()) >= 0;
        }

        private void Number()
        {
            var start = _pos;
            if (Text[_pos] == '0' && (At(_pos + 1) == 'x' || At(_pos + 1) == 'X') && IsHexDigit(At(_pos + 2)))
            {
                _pos += 2;
                while (IsHexDigit(At(_pos)))
                {
                    _pos++;
                }

                Add(SqlTokenKind.Number, start, Text.Substring(start, _pos - start), SqlTokenFlags.Hex);
                return;
            }

            while (IsDigit(At(_pos)))
            {
                _pos++;
            }

            // "1..2" never occurs in these dialects, but "1.e3" and "1." do.
            if (At(_pos) == '.' && At(_pos + 1) != '.')
            {
                _pos++;
                while (IsDigit(At(_pos)))
                {
                    _pos++;
                }
            }

            if ((At(_pos) == 'e' || At(_pos) == 'E')
                && (IsDigit(At(_pos + 1)) || ((At(_pos + 1) == '+' || At(_pos + 1) == '-') && IsDigit(At(_pos + 2)))))
            {
                _pos += 2;
                while (IsDigit(At(_pos)))
                {
                    _pos++;
                }
            }

            Add(SqlTokenKind.Number, start, Text.Substring(start, _pos - start));
        }

        private void AtSign()
        {
            var start = _pos;
            var next = At(_pos + 1);
            if (next == '@' && !Pg && IsParameterNameStart(At(_pos + 2)))
            {
                // @@ROWCOUNT, @@IDENTITY, @@session.x: server variables, never NeoGen parameters.
                _pos += 2;
                while (IsIdentPart(At(_pos)) || (At(_pos) == '.' && MySql && IsIdentStart(At(_pos + 1))))
                {
                    _pos++;
                }

                Add(SqlTokenKind.SystemVariable, start, Text.Substring(start + 2, _pos - start - 2));
                return;
            }

            if (IsParameterNameStart(next))
            {
                _pos++;
                while (IsParameterNamePart(At(_pos)))
                {
                    _pos++;
                }

                Add(SqlTokenKind.Parameter, start, Text.Substring(start + 1, _pos - start - 1));
                return;
            }

            if (!Operator())
            {
                _pos++;
                Add(SqlTokenKind.Operator, start, "@");
            }
        }

        private void Dollar()
        {
            var start = _pos;
            // $1: PostgreSQL's positional parameter, SQLite's parameter named "1"; elsewhere it would be a name no one means,
            // so it is read as the foreign placeholder it is (NG1008) rather than as an unknown column.
            if (IsDigit(At(_pos + 1)))
            {
                _pos++;
                while (IsDigit(At(_pos)))
                {
                    _pos++;
                }

                Add(Sqlite ? SqlTokenKind.NamedParameter : SqlTokenKind.PositionalParameter, start, Text.Substring(start + 1, _pos - start - 1));
                return;
            }

            if (Pg)
            {
                // $$...$$ or $tag$...$tag$, where the tag is an identifier without '$'.
                var i = _pos + 1;
                if (At(i) != '$')
                {
                    if (IsIdentStart(At(i)))
                    {
                        i++;
                        while (i < Text.Length && (IsIdentStart(Text[i]) || IsDigit(Text[i])))
                        {
                            i++;
                        }
                    }
                }

                if (At(i) == '$')
                {
                    var delimiter = Text.Substring(_pos, i + 1 - _pos);
                    var contentStart = i + 1;
                    var close = Text.IndexOf(delimiter, contentStart, System.StringComparison.Ordinal);
                    if (close < 0)
                    {
                        _pos = Text.Length;
                        Add(SqlTokenKind.String, start, Text.Substring(contentStart), SqlTokenFlags.DollarQuoted | SqlTokenFlags.Unterminated);
                        Error("Unterminated dollar-quoted string", start, _pos - start);
                        return;
                    }

                    _pos = close + delimiter.Length;
                    Add(SqlTokenKind.String, start, Text.Substring(contentStart, close - contentStart), SqlTokenFlags.DollarQuoted);
                    return;
                }
            }
            else if (IsIdentPart(At(_pos + 1)) && At(_pos + 1) != '$')
            {
                _pos++;
                while (IsIdentPart(At(_pos)) && At(_pos) != '$')
                {
                    _pos++;
                }

                // SQLite binds $name; T-SQL ($action, $IDENTITY) and MySQL treat it as a name.
                if (Sqlite)
                {
                    Add(SqlTokenKind.NamedParameter, start, Text.Substring(start + 1, _pos - start - 1));
                }
                else
                {
                    Add(SqlTokenKind.Identifier, start, Text.Substring(start, _pos - start));
                }

                return;
            }

            _pos++;
            Add(SqlTokenKind.Bad, start, "$");
            Error("Unexpected character '$'", start, 1);
        }

        private void Colon()
        {
            var start = _pos;
            var next = At(_pos + 1);
            if (next == ':' || next == '=')
            {
                _pos += 2;
                Add(SqlTokenKind.Operator, start, next == ':' ? "::" : ":=");
                return;
            }

            if (IsParameterNameStart(next))
            {
                _pos++;
                while (IsParameterNamePart(At(_pos)))
                {
                    _pos++;
                }

                Add(SqlTokenKind.NamedParameter, start, Text.Substring(start + 1, _pos - start - 1));
                return;
            }

            _pos++;
            Add(SqlTokenKind.Operator, start, ":");
        }

        private bool Punctuation(char c)
        {
            SqlTokenKind kind;
            switch (c)
            {
                case '(': kind = SqlTokenKind.LeftParen; break;
                case ')': kind = SqlTokenKind.RightParen; break;
                case '[': kind = SqlTokenKind.LeftBracket; break;
                case ']': kind = SqlTokenKind.RightBracket; break;
                case ',': kind = SqlTokenKind.Comma; break;
                case ';': kind = SqlTokenKind.Semicolon; break;
                case '.': kind = SqlTokenKind.Dot; break;
                default: return false;
            }

            var start = _pos++;
            Add(kind, start, c.ToString());
            return true;
        }

        private static readonly string[] CommonCharsets = { "_binary", "_utf8", "_utf8mb3", "_utf8mb4", "_latin1", "_ascii" };

        private static readonly string[] CommonOperators =
        {
            "->>", "<=>", "<>", "!=", "<=", ">=", "==", "||", "->", "<<", ">>", "&&",
            "+", "-", "*", "/", "%", "=", "<", ">", "!", "~", "^", "&", "|",
        };

        private static readonly string[] PgOperators =
        {
            "#>>", "!~*", "@@@", "<->", "<<=", ">>=", "@>", "<@", "@@", "#>", "#-", "~*", "!~", "?|", "?&", "^@", "=>", "#", "?", "@",
        };

        private static readonly string[] SqlServerOperators =
        {
            "!<", "!>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        };

        private bool Operator()
        {
            string? best = null;
            if (Pg)
            {
                best = Longest(PgOperators, best);
            }
            else if (SqlServer)
            {
                best = Longest(SqlServerOperators, best);
            }

            best = Longest(CommonOperators, best);
            if (best == null)
            {
                return false;
            }

            // "a<@p" compares with a NeoGen parameter; "<@" is containment only when no name follows the '@'.
            if (best.Length > 1 && best[best.Length - 1] == '@' && IsParameterNameStart(At(_pos + best.Length)))
            {
                best = best.Substring(0, best.Length - 1);
            }

            var start = _pos;
            _pos += best.Length;
            Add(SqlTokenKind.Operator, start, best);
            return true;
        }

        private string? Longest(string[] candidates, string? best)
        {
            foreach (var op in candidates)
            {
                if ((best == null || op.Length > best.Length) && _pos + op.Length <= Text.Length && string.CompareOrdinal(Text, _pos, op, 0, op.Length) == 0)
                {
                    best = op;
                }
            }

            return best;
        }
    }
}
