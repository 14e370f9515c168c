namespace NeoGen.Sql;

/// <summary>A span of the SQL text with a message.</summary>
public sealed class SqlError
{
    public SqlError(string message, int start, int length)
    {
        Message = message;
        Start = start;
        Length = length;
    }

    public string Message { get; }

    public int Start { get; }

    public int Length { get; }

    public override string ToString() => $"({Start},{Length}): {Message}";
}
