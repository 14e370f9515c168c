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

    /// <summary>
    /// The longest text (characters) or binary value (bytes) the column holds, for the schema NeoGen writes
    /// (<c>varchar(n)</c>, <c>nvarchar(n)</c>, <c>VARBINARY(n)</c>); 0 for the database's unbounded type. The database
    /// refuses a longer value with an error; SQLite does not check it.
    /// </summary>
    public int MaxLength { get; set; }

    /// <summary>The total number of digits of a <c>decimal</c> column in the schema NeoGen writes; 0 for the default.</summary>
    public int Precision { get; set; }

    /// <summary>The digits after the decimal point of a <c>decimal</c> column (with <see cref="Precision"/>).</summary>
    public int Scale { get; set; }

    /// <summary>
    /// A text column that compares and indexes without regard to case: <c>citext</c> on PostgreSQL (values are cast to
    /// it in every statement, so <c>email = @email</c> ignores case there too), <c>COLLATE NOCASE</c> on SQLite, a
    /// case-insensitive collation on MySQL and SQL Server.
    /// </summary>
    public bool CaseInsensitive { get; set; }

    /// <summary>
    /// A type implementing <see cref="IValueConverter{TModel, TStore}"/> for the member's type: the column stores
    /// <c>TStore</c>, and the generated code converts on every write and read.
    /// </summary>
    public Type? Converter { get; set; }
}

/// <summary>How an enum value is stored in its column.</summary>
public enum EnumStorage
{
    /// <summary>The underlying integer value.</summary>
    Integer = 0,

    /// <summary>The member name, as text.</summary>
    String = 1,

    /// <summary>
    /// The member name, in a database enum type: on PostgreSQL a <c>CREATE TYPE … AS ENUM</c> of the member names, named
    /// after the C# enum in snake_case (<c>OrderStatus</c> → <c>order_status</c>); on MySQL an <c>ENUM(…)</c> column; text
    /// on SQLite and SQL Server.
    /// </summary>
    Native = 2,
}
