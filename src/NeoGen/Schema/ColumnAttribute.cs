using System;

namespace NeoGen;

/// <summary>Names the column a member maps to, and how it is stored.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class ColumnAttribute : Attribute
{
    /// <summary>Maps the member to the snake_case form of its name.</summary>
    public ColumnAttribute()
    {
    }

    /// <summary>Maps the member to <paramref name="name"/>.</summary>
    public ColumnAttribute(string name) => Name = name;

    /// <summary>The column name, or null for the snake_case form of the member name.</summary>
    public string? Name { get; }

    /// <summary>How an enum member is stored; integers unless said otherwise.</summary>
    public EnumStorage EnumStorage { get; set; }
}

/// <summary>How an enum value is stored in its column.</summary>
public enum EnumStorage
{
    /// <summary>The underlying integer value.</summary>
    Integer = 0,

    /// <summary>The member name, as text.</summary>
    String = 1,
}
