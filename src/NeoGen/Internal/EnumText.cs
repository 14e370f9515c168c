using System;
using System.ComponentModel;

namespace NeoGen.Internal;

/// <summary>Enums stored as their member name. Generic, so no reflection and safe under Native AOT. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnumText
{
    /// <summary>The member name of <paramref name="value"/> (its number when it has none).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
        => Enum.GetName(value) ?? value.ToString();

    /// <summary>The member named <paramref name="text"/>; an unknown name is a <see cref="NeoGenMappingException"/> naming the column.</summary>
    public static T Parse<T>(string text, string repository, string method, string? table, string column)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        throw NeoGenErrors.UnknownEnumName(repository, method, table, column, typeof(T).Name, text);
    }
}
