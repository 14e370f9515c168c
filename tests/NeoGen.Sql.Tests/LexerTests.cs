using System.Linq;
using NeoGen.Sql.Lexing;
using static NeoGen.Sql.Tests.H;

namespace NeoGen.Sql.Tests;

public class LexerTests
{
    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Keywords_are_case_insensitive_and_identifiers_keep_their_case(SqlDialect dialect)
    {
        var t = Tokens("select Id FrOm Users", dialect);
        Assert.Equal(new[] { SqlTokenKind.Keyword, SqlTokenKind.Identifier, SqlTokenKind.Keyword, SqlTokenKind.Identifier }, t.Select(x => x.Kind));
        Assert.True(t[0].IsWord("SELECT"));
        Assert.True(t[2].IsWord("FROM"));
        Assert.Equal("Id", t[1].Value);
        Assert.Equal("Users", t[3].Value);
        Assert.Equal((10, 4), (t[2].Start, t[2].Length));
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void Double_quoted_identifier_with_doubled_quote_escape(SqlDialect dialect)
    {
        var t = Tokens("\"a\"\"b\" x", dialect);
        Assert.Equal(SqlTokenKind.QuotedIdentifier, t[0].Kind);
        Assert.Equal("a\"b", t[0].Value);
        Assert.Equal((0, 6), (t[0].Start, t[0].Length));
        Assert.Equal(SqlTokenKind.Identifier, t[1].Kind);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    public void Backtick_identifier_in_mysql_and_sqlite(SqlDialect dialect)
    {
        var t = Tokens("`order``s`", dialect);
        Assert.Single(t);
        Assert.Equal(SqlTokenKind.QuotedIdentifier, t[0].Kind);
        Assert.Equal("order`s", t[0].Value);
    }

    [Fact]
    public void Backtick_is_an_error_in_postgres()
    {
        var r = SqlLexer.Lex("`x`", SqlDialect.PostgreSql);
        Assert.Equal(SqlTokenKind.Bad, r.Tokens[0].Kind);
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal((0, 1), (r.Errors[0].Start, r.Errors[0].Length));
    }

    [Theory]
    [InlineData(SqlDialect.SqlServer)]
    [InlineData(SqlDialect.Sqlite)]
    public void Bracket_identifier_in_sqlserver_and_sqlite(SqlDialect dialect)
    {
        var t = Tokens("[my]]col] [@x]", dialect);
        Assert.Equal(2, t.Length);
        Assert.Equal("my]col", t[0].Value);
        Assert.Equal(SqlTokenKind.QuotedIdentifier, t[1].Kind);
        Assert.Equal("@x", t[1].Value);
    }

    [Fact]
    public void Brackets_are_subscripts_in_postgres()
    {
        var t = Tokens("a[1]", SqlDialect.PostgreSql);
        Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.LeftBracket, SqlTokenKind.Number, SqlTokenKind.RightBracket }, t.Select(x => x.Kind));
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void String_with_doubled_quote(SqlDialect dialect)
    {
        var t = Tokens("'it''s'", dialect);
        Assert.Single(t);
        Assert.Equal(SqlTokenKind.String, t[0].Kind);
        Assert.Equal("it's", t[0].Value);
        Assert.Equal(7, t[0].Length);
    }

    [Fact]
    public void Mysql_strings_resolve_backslash_escapes()
    {
        var t = Tokens(@"'a\'b\nc\\d\%'", SqlDialect.MySql);
        Assert.Single(t);
        Assert.Equal("a'b\nc\\d\\%", t[0].Value);
    }

    [Fact]
    public void Postgres_standard_strings_keep_backslashes()
    {
        var t = Tokens(@"'a\nb'", SqlDialect.PostgreSql);
        Assert.Single(t);
        Assert.Equal(@"a\nb", t[0].Value);
    }

    [Fact]
    public void Postgres_escape_strings()
    {
        var t = Tokens(@"E'it\'s\n\x41\101'", SqlDialect.PostgreSql);
        Assert.Single(t);
        Assert.Equal(SqlTokenKind.String, t[0].Kind);
        Assert.Equal("it's\nAA", t[0].Value);
        Assert.Equal(SqlTokenFlags.EscapeString, t[0].Flags);
    }

    [Fact]
    public void E_prefix_is_an_identifier_outside_postgres()
    {
        var t = Tokens("E'x'", SqlDialect.SqlServer);
        Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.String }, t.Select(x => x.Kind));
    }

    [Fact]
    public void National_string()
    {
        var t = Tokens("N'déjà'", SqlDialect.SqlServer);
        Assert.Single(t);
        Assert.Equal("déjà", t[0].Value);
        Assert.Equal(SqlTokenFlags.National, t[0].Flags);
    }

    [Fact]
    public void Dollar_quoted_strings()
    {
        var t = Tokens("$$it's @x$$ $fn$ a $$ b $fn$ $1", SqlDialect.PostgreSql);
        Assert.Equal(3, t.Length);
        Assert.Equal(SqlTokenKind.String, t[0].Kind);
        Assert.Equal("it's @x", t[0].Value);
        Assert.Equal(SqlTokenFlags.DollarQuoted, t[0].Flags);
        Assert.Equal(" a $$ b ", t[1].Value);
        Assert.Equal(SqlTokenKind.PositionalParameter, t[2].Kind);
        Assert.Equal("1", t[2].Value);
    }

    [Fact]
    public void Unterminated_dollar_quote_is_an_error()
    {
        var r = SqlLexer.Lex("SELECT $x$ abc", SqlDialect.PostgreSql);
        var e = Assert.Single(r.Errors);
        Assert.Equal((7, 7), (e.Start, e.Length));
        Assert.Contains("dollar", e.Message);
    }

    [Theory]
    [InlineData("42", "42", SqlTokenFlags.None)]
    [InlineData("3.14", "3.14", SqlTokenFlags.None)]
    [InlineData(".5", ".5", SqlTokenFlags.None)]
    [InlineData("1e10", "1e10", SqlTokenFlags.None)]
    [InlineData("1.5E-3", "1.5E-3", SqlTokenFlags.None)]
    [InlineData("0x1F", "0x1F", SqlTokenFlags.Hex)]
    public void Numbers(string text, string value, SqlTokenFlags flags)
    {
        var t = Tokens(text, SqlDialect.Sqlite);
        Assert.Single(t);
        Assert.Equal(SqlTokenKind.Number, t[0].Kind);
        Assert.Equal(value, t[0].Value);
        Assert.Equal(flags, t[0].Flags);
    }

    [Fact]
    public void Dot_after_name_is_not_a_number()
    {
        var t = Tokens("t.5", SqlDialect.Sqlite);
        Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.Dot, SqlTokenKind.Number }, t.Select(x => x.Kind));
    }

    [Fact]
    public void Blob_literal()
    {
        var t = Tokens("X'0aFF'", SqlDialect.Sqlite);
        Assert.Single(t);
        Assert.Equal(SqlTokenKind.Blob, t[0].Kind);
        Assert.Equal("0aFF", t[0].Value);
        Assert.Empty(SqlLexer.Lex("x'0aFF'", SqlDialect.Sqlite).Errors);
        Assert.Single(SqlLexer.Lex("X'zz'", SqlDialect.Sqlite).Errors);
    }

    [Fact]
    public void Comments_are_skipped_and_recorded()
    {
        var r = SqlLexer.Lex("-- @a 'x\nSELECT /* @b */ 1", SqlDialect.Sqlite);
        Assert.Equal(new[] { SqlTokenKind.Keyword, SqlTokenKind.Number, SqlTokenKind.EndOfFile }, r.Tokens.Select(x => x.Kind));
        Assert.Equal(2, r.Comments.Count);
        Assert.Equal((0, 8, false), (r.Comments[0].Start, r.Comments[0].Length, r.Comments[0].IsBlock));
        Assert.Equal((16, 8, true), (r.Comments[1].Start, r.Comments[1].Length, r.Comments[1].IsBlock));
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void Postgres_block_comments_nest()
    {
        var r = SqlLexer.Lex("/* a /* b */ c */ 1", SqlDialect.PostgreSql);
        Assert.Equal(SqlTokenKind.Number, r.Tokens[0].Kind);
        Assert.Single(r.Comments);
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void Other_dialects_do_not_nest_block_comments()
    {
        var t = Tokens("/* a /* b */ c */ 1", SqlDialect.Sqlite);
        Assert.Equal(new[] { "c", "*", "/", "1" }, t.Select(x => x.Value));
    }

    [Fact]
    public void Mysql_hash_comment_and_double_dash_needs_a_space()
    {
        var t = Tokens("1--1 # comment", SqlDialect.MySql);
        Assert.Equal(new[] { "1", "-", "-", "1" }, t.Select(x => x.Value));
        var u = Tokens("1 -- comment", SqlDialect.MySql);
        Assert.Single(u);
    }

    [Fact]
    public void Sqlserver_temp_tables_and_system_variables()
    {
        var t = Tokens("#tmp @@ROWCOUNT @p", SqlDialect.SqlServer);
        Assert.Equal(SqlTokenKind.Identifier, t[0].Kind);
        Assert.Equal("#tmp", t[0].Value);
        Assert.Equal(SqlTokenKind.SystemVariable, t[1].Kind);
        Assert.Equal("ROWCOUNT", t[1].Value);
        Assert.Equal(SqlTokenKind.Parameter, t[2].Kind);
    }

    [Theory]
    [InlineData("a::int", "::")]
    [InlineData("a || b", "||")]
    [InlineData("a <> b", "<>")]
    [InlineData("a != b", "!=")]
    [InlineData("a <= b", "<=")]
    [InlineData("a >= b", ">=")]
    [InlineData("a -> b", "->")]
    [InlineData("a ->> b", "->>")]
    [InlineData("a @> b", "@>")]
    [InlineData("a <@ b", "<@")]
    [InlineData("a #>> b", "#>>")]
    public void Postgres_operators(string text, string op)
    {
        var t = Tokens(text, SqlDialect.PostgreSql);
        Assert.Equal(3, t.Length);
        Assert.Equal(SqlTokenKind.Operator, t[1].Kind);
        Assert.Equal(op, t[1].Value);
    }

    [Fact]
    public void Double_colon_cast_is_not_a_parameter()
    {
        var t = Tokens("@p::int", SqlDialect.PostgreSql);
        Assert.Equal(new[] { SqlTokenKind.Parameter, SqlTokenKind.Operator, SqlTokenKind.Identifier }, t.Select(x => x.Kind));
        Assert.Equal("p", t[0].Value);
    }

    [Fact]
    public void Postgres_at_followed_by_a_name_is_a_parameter_even_after_less_than()
    {
        var t = Tokens("a<@b", SqlDialect.PostgreSql);
        Assert.Equal(new[] { "a", "<", "b" }, t.Select(x => x.Value));
        Assert.Equal(SqlTokenKind.Parameter, t[2].Kind);
        var abs = Tokens("@ -1", SqlDialect.PostgreSql);
        Assert.Equal(SqlTokenKind.Operator, abs[0].Kind);
    }

    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.SqlServer)]
    public void At_inside_strings_comments_and_quoted_names_is_not_a_parameter(SqlDialect dialect)
    {
        var r = SqlLexer.Lex("'@a' \"@b\" /* @c */ -- @d", dialect);
        Assert.DoesNotContain(r.Tokens, t => t.Kind == SqlTokenKind.Parameter);
    }

    [Fact]
    public void Native_parameter_tokens()
    {
        var sqlite = Tokens("? ?2 :name $v @n", SqlDialect.Sqlite);
        Assert.Equal(new[] { SqlTokenKind.PositionalParameter, SqlTokenKind.PositionalParameter, SqlTokenKind.NamedParameter, SqlTokenKind.NamedParameter, SqlTokenKind.Parameter }, sqlite.Select(x => x.Kind));
        Assert.Equal(new[] { "", "2", "name", "v", "n" }, sqlite.Select(x => x.Value));

        var pg = Tokens("$1 :x ?", SqlDialect.PostgreSql);
        Assert.Equal(new[] { SqlTokenKind.PositionalParameter, SqlTokenKind.NamedParameter, SqlTokenKind.Operator }, pg.Select(x => x.Kind));
    }

    [Theory]
    [InlineData("SELECT 'abc", 7, 4, "Unterminated string literal")]
    [InlineData("SELECT \"abc", 7, 4, "Unterminated quoted identifier")]
    [InlineData("SELECT 1 /* abc", 9, 6, "Unterminated block comment")]
    public void Unterminated_literals_are_errors_with_spans(string sql, int start, int length, string message)
    {
        var r = SqlLexer.Lex(sql, SqlDialect.Sqlite);
        var e = Assert.Single(r.Errors);
        Assert.Equal((start, length), (e.Start, e.Length));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Unterminated_bracket_identifier()
    {
        var r = SqlLexer.Lex("SELECT [abc", SqlDialect.SqlServer);
        var e = Assert.Single(r.Errors);
        Assert.Equal((7, 4), (e.Start, e.Length));
    }

    [Fact]
    public void Unexpected_character_is_an_error()
    {
        var r = SqlLexer.Lex("SELECT \u0001 1", SqlDialect.Sqlite);
        var e = Assert.Single(r.Errors);
        Assert.Equal((7, 1), (e.Start, e.Length));
        Assert.Equal(SqlTokenKind.Bad, r.Tokens[1].Kind);
    }

    [Fact]
    public void Unicode_identifiers()
    {
        var t = Tokens("SELECT größe FROM straße", SqlDialect.PostgreSql);
        Assert.Equal("größe", t[1].Value);
        Assert.Equal(SqlTokenKind.Identifier, t[1].Kind);
    }

    [Theory]
    [InlineData("SELECT /*! STRAIGHT_JOIN */ 1")]
    [InlineData("SELECT /*!50001 STRAIGHT_JOIN*/ 1")]
    [InlineData("SELECT /*!100101 STRAIGHT_JOIN */ 1")]
    [InlineData("SELECT /*M!100101 STRAIGHT_JOIN */ 1")]
    public void Mysql_executable_comments_are_sql(string sql)
    {
        var r = SqlLexer.Lex(sql, SqlDialect.MySql);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "SELECT", "STRAIGHT_JOIN", "1", "" }, r.Tokens.Select(t => t.Value));
        Assert.Equal(sql.IndexOf("STRAIGHT_JOIN", System.StringComparison.Ordinal), r.Tokens[1].Start);
        Assert.Equal(2, Tokens(sql, SqlDialect.PostgreSql).Length);
        Assert.Equal(2, Tokens(sql, SqlDialect.SqlServer).Length);
    }

    [Fact]
    public void Mysql_executable_comment_ends_at_its_own_close_and_must_be_closed()
    {
        Assert.Equal(new[] { "a", "*", "b", "c" }, Tokens("/*!40101 a * b */ /* x */ c", SqlDialect.MySql).Select(t => t.Value));
        Assert.Equal(new[] { "'*/'", "1" }, Tokens("/*!'*/' */ 1", SqlDialect.MySql).Select(t => t.Kind == SqlTokenKind.String ? "'" + t.Value + "'" : t.Value));
        var e = Assert.Single(SqlLexer.Lex("SELECT /*!50001 1", SqlDialect.MySql).Errors);
        Assert.Equal((7, 10), (e.Start, e.Length));
    }
}
