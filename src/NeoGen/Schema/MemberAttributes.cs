using System;

namespace NeoGen;

/// <summary>Marks a member as (part of) the primary key. Several members make a composite key, in declaration order.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class KeyAttribute : Attribute
{
}

/// <summary>The database assigns this value (identity, serial, rowid); inserts omit it and read it back.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class GeneratedAttribute : Attribute
{
}

/// <summary>The member is not mapped to a column.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class IgnoreAttribute : Attribute
{
}

/// <summary>The column references the key of another table.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class ForeignKeyAttribute : Attribute
{
    /// <summary>References the key of <paramref name="principal"/>'s table.</summary>
    public ForeignKeyAttribute(Type principal) => Principal = principal;

    /// <summary>The type whose table is referenced.</summary>
    public Type Principal { get; }
}

/// <summary>Optimistic concurrency token: updates check it and increment it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class VersionAttribute : Attribute
{
}

/// <summary>Set to the current UTC time when the row is inserted.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class CreatedAtAttribute : Attribute
{
}

/// <summary>Set to the current UTC time when the row is inserted or updated.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class UpdatedAtAttribute : Attribute
{
}

/// <summary>Declares an index on the table, over one or more members in order.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class IndexAttribute : Attribute
{
    /// <summary>An index over <paramref name="members"/> (member names, use <c>nameof</c>).</summary>
    public IndexAttribute(params string[] members) => Members = members;

    /// <summary>The indexed members, in order.</summary>
    public string[] Members { get; }

    /// <summary>Whether the index is unique.</summary>
    public bool Unique { get; set; }

    /// <summary>Entity Framework's spelling of <see cref="Unique"/>.</summary>
    public bool IsUnique
    {
        get => Unique;
        set => Unique = value;
    }

    /// <summary>The index name, or null for <c>ix_{table}_{columns}</c>.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Marks an enum whose members are the sort orders a query may take: each member's name is an order of
/// <see cref="Entity"/>'s members, as after <c>OrderBy</c> in a derived query (<c>EmailAsc</c>, <c>CreatedAtDesc</c>,
/// <c>TeamIdThenEmailDesc</c>). A parameter of the enum picks one of the prepared statements NeoGen writes, one per
/// member, each checked at compile time; no string ever reaches the SQL.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public sealed class SortOrdersAttribute : Attribute
{
    /// <summary>Orders of the members of <paramref name="entity"/> (a <c>[Table]</c> type).</summary>
    public SortOrdersAttribute(Type entity) => Entity = entity;

    /// <summary>The type whose members the enum's members name.</summary>
    public Type Entity { get; }
}

/// <summary>
/// Stores the member as JSON: <c>jsonb</c> on PostgreSQL, <c>JSON</c> on MySQL, text on SQLite and SQL Server. Give the
/// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> that knows the member's type for trimming and
/// Native AOT (<c>[JsonColumn(typeof(AppJsonContext))]</c>); without one, System.Text.Json serializes by reflection.
/// (Not named <c>[Json]</c>: System.Text.Json.Serialization has a <c>JsonAttribute</c>, which files declaring the
/// context import.)
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class JsonColumnAttribute : Attribute
{
    /// <summary>Serialized by reflection (not trimming-safe).</summary>
    public JsonColumnAttribute()
    {
    }

    /// <summary>Serialized with the source-generated metadata of <paramref name="context"/>.</summary>
    public JsonColumnAttribute(Type context) => Context = context;

    /// <summary>The <c>JsonSerializerContext</c> whose metadata serializes the member, or null.</summary>
    public Type? Context { get; }
}
