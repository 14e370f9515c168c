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
/// <param name="CaseInsensitive">A text column that compares without regard to case (<c>citext</c> on PostgreSQL).</param>
/// <param name="NativeEnum">For an enum stored by name in a database enum type (PostgreSQL), the type's name.</param>
/// <param name="Protection">
/// For an <c>[Encrypted]</c> column: what the member holds in clear. The type itself is then what the database stores
/// (<c>byte[]</c>, or base64 <c>string</c>), so every rule about columns sees the ciphertext, and only the emitter's
/// conversions see the clear value.
/// </param>
internal sealed record ScalarType(
    string TypeName,
    ScalarKind Kind,
    bool IsNullable,
    bool IsValueType,
    ScalarKind EnumUnderlying,
    EquatableArray<string> EnumMembers,
    bool EnumAsString,
    ScalarType? Element = null,
    ArrayShape Shape = ArrayShape.None,
    ColumnProtection? Protection = null,
    ValueConversion? Conversion = null,
    string? NativeEnum = null,
    bool CaseInsensitive = false)
{
    public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;

    public ScalarType WithNullable(bool nullable) => this with { IsNullable = nullable };

    /// <summary>Stored by name (an enum, or an array of enums), or by number.</summary>
    public ScalarType WithEnumAsString(bool asString) => Kind == ScalarKind.Array && Element is not null
        ? this with { Element = Element.WithEnumAsString(asString) }
        : this with { EnumAsString = asString };

    public bool IsEnum => Kind == ScalarKind.Enum;

    /// <summary>Stored encrypted (<see cref="Protection"/>).</summary>
    public bool IsEncrypted => Protection is not null;

    /// <summary>
    /// The column of an encrypted <paramref name="clear"/> value: <c>byte[]</c>, or base64 text; nullable as the
    /// clear value is.
    /// </summary>
    public static ScalarType Encrypted(ScalarType clear, bool deterministic, bool asText, string table, string column)
        => new(asText ? "string" : "byte[]", asText ? ScalarKind.String : ScalarKind.ByteArray, clear.IsNullable, false, ScalarKind.Unsupported, EquatableArray<string>.Empty, false,
            Protection: new ColumnProtection(clear.WithNullable(false), deterministic, asText, table, column, IsLookup: false));

    /// <summary>The same encrypted column, as a value a lookup compares with it (encrypted under each readable key).</summary>
    public ScalarType AsLookup() => Protection is { Deterministic: true } protection ? this with { Protection = protection with { IsLookup = true } } : this;

    /// <summary>A lookup value encrypted under the readable key at <paramref name="slot"/> (one of <see cref="ColumnProtection.LookupSlots"/>).</summary>
    public ScalarType AsLookupSlot(int slot) => Protection is { IsLookup: true } protection ? this with { Protection = protection with { Slot = slot } } : this;

    /// <summary>A short name for messages: <c>long</c>, <c>Guid?</c>, <c>Status</c>, <c>string[]</c>.</summary>
    public string DisplayName
    {
        get
        {
            if (Protection is { } protection)
            {
                return protection.Clear.DisplayName + (IsNullable ? "?" : string.Empty) + " (encrypted)";
            }

            var name = TypeName.Replace("global::", string.Empty);
            foreach (var ns in new[] { "System.Collections.Generic.", "System." })
            {
                name = name.Replace(ns, string.Empty);
            }

            var dot = Kind == ScalarKind.Enum || Conversion is not null ? name.LastIndexOf('.') : -1;
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

/// <summary>
/// A member type that is not a column type but converts to one: a strongly typed id (<c>readonly record struct
/// CustomerId(long Value)</c>), <c>Uri</c>, <c>Version</c>, or a <c>[Column(Converter = typeof(X))]</c>. The
/// <see cref="ScalarType"/> keeps the member's type name (what C# declares and compares), and its kind is the stored
/// value's, so every rule about columns sees the stored value; only the emitter's reads and writes convert.
/// </summary>
/// <param name="Stored">The column value's type, not nullable.</param>
/// <param name="ToStore">The C# that converts a member value <c>{0}</c> to the stored value.</param>
/// <param name="FromStore">The C# that converts a stored value <c>{0}</c> to the member's type.</param>
/// <param name="IsJson">A <c>[JsonColumn]</c> member: the column is a JSON column (<c>jsonb</c>, <c>JSON</c>) holding the text.</param>
internal sealed record ValueConversion(ScalarType Stored, string ToStore, string FromStore, bool IsJson = false)
{
    public string Store(string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ToStore, value);

    public string Load(string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, FromStore, value);
}

/// <summary>How an <c>[Encrypted]</c> column is protected.</summary>
/// <param name="Clear">The member's type, not nullable (nullability is the column's).</param>
/// <param name="Deterministic">AES-SIV (equal values, equal ciphertexts) rather than AES-GCM with a random nonce.</param>
/// <param name="AsText">Stored as base64 in a text column rather than as bytes.</param>
/// <param name="Table">The table, which with <paramref name="Column"/> is bound into every ciphertext.</param>
/// <param name="Column">The column.</param>
/// <param name="IsLookup">A parameter compared with the column rather than written to it.</param>
/// <param name="Slot">For a lookup: which readable key encrypts this copy of the value (-1 before the statement is expanded).</param>
internal sealed record ColumnProtection(ScalarType Clear, bool Deterministic, bool AsText, string Table, string Column, bool IsLookup, int Slot = -1)
{
    /// <summary>
    /// How many readable keys a lookup compares with: <c>col = @v</c> becomes <c>col IN (@v__k0, @v__k1, @v__k2)</c>, the
    /// value under each key (current first), so one statement finds rows under any of them while a rotation is under way.
    /// The runtime's <c>ColumnEncryption.LookupSlots</c> refuses a ring with more readable keys: the two must agree.
    /// </summary>
    public const int LookupSlots = 3;

    /// <summary>The clear types a column can be encrypted from: each has a fixed, documented byte encoding.</summary>
    public static bool CanEncrypt(ScalarKind kind) => kind is ScalarKind.String or ScalarKind.ByteArray or ScalarKind.Boolean or ScalarKind.Byte
        or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Decimal or ScalarKind.Double or ScalarKind.Guid
        or ScalarKind.DateTime or ScalarKind.DateTimeOffset or ScalarKind.DateOnly or ScalarKind.TimeOnly;
}
