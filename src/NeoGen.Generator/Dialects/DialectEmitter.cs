using NeoGen.Generator.Model;

namespace NeoGen.Generator.Dialects;

/// <summary>
/// What differs between providers in generated code: the concrete ADO.NET types (so calls are not
/// virtual), how parameters are made and set, how errors are translated, and bulk loading. MySQL and
/// SQL Server plug in here.
/// </summary>
internal abstract class DialectEmitter
{
    public abstract int Dialect { get; }

    public abstract string Name { get; }

    public abstract string ConnectionType { get; }

    public abstract string CommandType { get; }

    public abstract string ReaderType { get; }

    public abstract string TransactionType { get; }

    public abstract string ExceptionType { get; }

    /// <summary>Whether commands are prepared when first made (SQLite), or after their first binding (Npgsql: types come from values).</summary>
    public abstract bool PrepareOnCreate { get; }

    /// <summary>An expression that adds an empty parameter to <c>command</c>.</summary>
    public abstract string NewParameter(string providerName, ScalarType type, bool isCollection);

    /// <summary>A statement that sets parameter <paramref name="index"/> of <c>command</c> to <paramref name="value"/>.</summary>
    public abstract string SetParameter(int index, ScalarType type, bool isCollection, string value);

    /// <summary>The throw expression's argument that translates <c>exception</c>.</summary>
    public abstract string Translate(string repository, string method, string? table);

    public static DialectEmitter? For(int dialect) => dialect switch
    {
        0 => new SqliteDialectEmitter(),
        1 => new PostgreSqlDialectEmitter(),
        _ => null,
    };

    /// <summary>The value as the provider stores it: enums as their number or name.</summary>
    public static string Stored(ScalarType type, string value)
    {
        if (type.Kind != ScalarKind.Enum)
        {
            return value;
        }

        if (type.EnumAsString)
        {
            return type.IsNullable
                ? $"({value} is {{ }} __e ? global::NeoGen.Internal.EnumText.Name(__e) : null)"
                : $"global::NeoGen.Internal.EnumText.Name({value})";
        }

        var underlying = ScalarTypes.Keyword(type.EnumUnderlying);
        return type.IsNullable ? $"({underlying}?){value}" : $"({underlying}){value}";
    }
}

internal static class ScalarTypes
{
    public static string Keyword(ScalarKind kind) => kind switch
    {
        ScalarKind.Byte => "byte",
        ScalarKind.Int16 => "short",
        ScalarKind.Int64 => "long",
        _ => "int",
    };

    /// <summary>The type the provider receives for <paramref name="type"/> (enums as number or text).</summary>
    public static string StoredTypeName(ScalarType type)
    {
        if (type.Kind != ScalarKind.Enum)
        {
            return type.TypeName;
        }

        return type.EnumAsString ? "string" : Keyword(type.EnumUnderlying);
    }
}
