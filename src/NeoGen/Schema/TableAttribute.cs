using System;

namespace NeoGen;

/// <summary>Maps a record or class to a table. Without a name the table is the snake_case form of the type name.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class TableAttribute : Attribute
{
    /// <summary>Maps the type to the snake_case form of its name.</summary>
    public TableAttribute()
    {
    }

    /// <summary>Maps the type to <paramref name="name"/>.</summary>
    public TableAttribute(string name) => Name = name;

    /// <summary>The table name, or null for the snake_case form of the type name.</summary>
    public string? Name { get; }

    /// <summary>The schema (PostgreSQL, SQL Server), or null for the connection's default.</summary>
    public string? Schema { get; set; }
}
