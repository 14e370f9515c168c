// Linked into the generator and the analyzers: the one vocabulary of column value types. No Roslyn symbol may
// appear here, so the generator's pipeline can compare models by value.
namespace NeoGen.Shared;

/// <summary>The CLR kinds a column value can have.</summary>
internal enum ScalarKind
{
    Unsupported = 0,
    Boolean,
    Byte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    String,
    Char,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    ByteArray,
    Enum,

    /// <summary>A PostgreSQL array (<c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>) of a column type; see <see cref="ScalarType.Element"/>.</summary>
    Array,
}

/// <summary>How an <see cref="ScalarKind.Array"/> value is held in C#.</summary>
internal enum ArrayShape
{
    None = 0,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> / <c>IReadOnlyCollection&lt;T&gt;</c> / <c>IEnumerable&lt;T&gt;</c>: read as <c>T[]</c>.</summary>
    ReadOnly,
}

/// <summary>A value type as the emitter writes it.</summary>
/// <param name="TypeName">Fully qualified, without nullable annotation (<c>global::System.Guid</c>, <c>string</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="IsNullable">Declared nullable (<c>T?</c>).</param>
/// <param name="IsValueType">A struct (so nullable means <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="EnumUnderlying">For enums, the underlying kind.</param>
/// <param name="EnumMembers">For enums, the member names.</param>
/// <param name="EnumAsString">For enums, stored as the member name.</param>
/// <param name="Element">For arrays, the element type.</param>
/// <param name="Shape">For arrays, how the value is held.</param>
internal sealed record ScalarType(
    string TypeName,
    ScalarKind Kind,
    bool IsNullable,
    bool IsValueType,
    ScalarKind EnumUnderlying,
    EquatableArray<string> EnumMembers,
    bool EnumAsString,
    ScalarType? Element = null,
    ArrayShape Shape = ArrayShape.None)
{
    public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;

    public ScalarType WithNullable(bool nullable) => this with { IsNullable = nullable };

    /// <summary>Stored by name (an enum, or an array of enums), or by number.</summary>
    public ScalarType WithEnumAsString(bool asString) => Kind == ScalarKind.Array && Element is not null
        ? this with { Element = Element.WithEnumAsString(asString) }
        : this with { EnumAsString = asString };

    public bool IsEnum => Kind == ScalarKind.Enum;

    /// <summary>A short name for messages: <c>long</c>, <c>Guid?</c>, <c>Status</c>, <c>string[]</c>.</summary>
    public string DisplayName
    {
        get
        {
            var name = TypeName.Replace("global::", string.Empty);
            foreach (var ns in new[] { "System.Collections.Generic.", "System." })
            {
                name = name.Replace(ns, string.Empty);
            }

            var dot = Kind == ScalarKind.Enum ? name.LastIndexOf('.') : -1;
            if (dot >= 0)
            {
                name = name.Substring(dot + 1);
            }

            return IsNullable ? name + "?" : name;
        }
    }

    public static ScalarType Of(string typeName, ScalarKind kind, bool isValueType)
        => new(typeName, kind, false, isValueType, ScalarKind.Unsupported, EquatableArray<string>.Empty, false);

    public static readonly ScalarType Boolean = Of("bool", ScalarKind.Boolean, true);

    public static readonly ScalarType Int32 = Of("int", ScalarKind.Int32, true);

    public static readonly ScalarType Int64 = Of("long", ScalarKind.Int64, true);

    public static readonly ScalarType String = Of("string", ScalarKind.String, false);
}
