using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace NeoGen.Internal;

/// <summary>
/// Collection parameters for SQLite and MySQL: the values travel as one JSON array read by <c>json_each</c> or
/// <c>JSON_TABLE</c>, so <c>IN @ids</c> stays a single prepared statement whatever the count. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonList
{
    /// <summary>A JSON array of the values.</summary>
    public static string Array<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            Append(builder, value);
        }

        return builder.Append(']').ToString();
    }

    private static void Append<T>(StringBuilder builder, T value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                AppendString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? '1' : '0');
                break;
            case double d:
                builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                builder.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendString(builder, value.ToString() ?? string.Empty);
                break;
        }
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
