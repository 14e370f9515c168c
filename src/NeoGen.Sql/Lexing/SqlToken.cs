using System;

namespace NeoGen.Sql.Lexing;

public readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, int start, int length, string value, SqlTokenFlags flags = SqlTokenFlags.None)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
        Flags = flags;
    }

    public SqlTokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>Words and numbers as written; names unquoted; strings unescaped; parameters without their sigil.</summary>
    public string Value { get; }

    public SqlTokenFlags Flags { get; }

    /// <summary>An unquoted word (keyword or identifier), compared case-insensitively, because quoting a keyword makes it a name.</summary>
    public bool IsWord(string upper) =>
        (Kind == SqlTokenKind.Keyword || Kind == SqlTokenKind.Identifier)
        && string.Equals(Value, upper, StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(string op) => Kind == SqlTokenKind.Operator && Value == op;

    public bool IsBareWord => Kind == SqlTokenKind.Keyword || Kind == SqlTokenKind.Identifier;

    public override string ToString() => $"{Kind} '{Value}' ({Start},{Length})";
}

/// <summary>A comment's span; kept apart from the tokens because the parser never needs it.</summary>
public readonly struct SqlComment
{
    public SqlComment(int start, int length, bool isBlock)
    {
        Start = start;
        Length = length;
        IsBlock = isBlock;
    }

    public int Start { get; }

    public int Length { get; }

    public bool IsBlock { get; }
}
