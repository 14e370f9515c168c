using System;
using System.ComponentModel;
using System.Text;

namespace NeoGen.Internal;

/// <summary>
/// LIKE patterns for derived queries (StartingWith, EndingWith, Containing), escaped with '\'. '[' is escaped too: SQL
/// Server reads it as the start of a character class; elsewhere an escaped '[' is the character itself. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LikePattern
{
    /// <summary><c>value%</c></summary>
    public static string StartsWith(string value) => Escape(value) + "%";

    /// <summary><c>%value</c></summary>
    public static string EndsWith(string value) => "%" + Escape(value);

    /// <summary><c>%value%</c></summary>
    public static string Contains(string value) => "%" + Escape(value) + "%";

    private static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("%_\\[") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '%' or '_' or '\\' or '[')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
