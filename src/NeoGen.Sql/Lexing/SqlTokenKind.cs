using System;

namespace NeoGen.Sql.Lexing;

public enum SqlTokenKind
{
    EndOfFile = 0,

    /// <summary>An unquoted word that is not in the keyword list.</summary>
    Identifier,

    /// <summary><c>"x"</c>, <c>`x`</c> or <c>[x]</c>; <see cref="SqlToken.Value"/> is the unquoted name.</summary>
    QuotedIdentifier,

    /// <summary>An unquoted word in the keyword list. Many keywords are still usable as names; the parser decides.</summary>
    Keyword,

    /// <summary>A string literal; <see cref="SqlToken.Value"/> is the content with escapes resolved.</summary>
    String,

    Number,

    /// <summary><c>X'..'</c>; <see cref="SqlToken.Value"/> is the hex digits.</summary>
    Blob,

    /// <summary>NeoGen's <c>@name</c>; <see cref="SqlToken.Value"/> is the name without <c>@</c>.</summary>
    Parameter,

    /// <summary>A native positional parameter: <c>$1</c> (PostgreSQL) or <c>?</c> / <c>?1</c>; not a NeoGen parameter.</summary>
    PositionalParameter,

    /// <summary>A native named parameter: <c>:name</c> or SQLite <c>$name</c>; not a NeoGen parameter.</summary>
    NamedParameter,

    /// <summary><c>@@ROWCOUNT</c> and similar server variables.</summary>
    SystemVariable,

    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Semicolon,
    Dot,

    /// <summary>A character no dialect rule accepts; the lexer reported an error for it.</summary>
    Bad,
}

[Flags]
public enum SqlTokenFlags
{
    None = 0,

    /// <summary><c>N'..'</c>.</summary>
    National = 1,

    /// <summary>PostgreSQL <c>E'..'</c>.</summary>
    EscapeString = 2,

    /// <summary>PostgreSQL <c>$$..$$</c> / <c>$tag$..$tag$</c>.</summary>
    DollarQuoted = 4,

    /// <summary><c>0x..</c>.</summary>
    Hex = 8,

    /// <summary>The literal, quoted identifier or comment runs to the end of the text; an error was reported.</summary>
    Unterminated = 16,
}
