using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Sql;
using NeoGen.Sql.Schema;

// Linked into the generator and the analyzers: the one table of which CLR types are column types, what column type
// each stands for, and which column types a value can be read from or compared with on each database. The generator
// (NG2004, NG2009, NG0011) and the analyzers (the schema of [Table] types, NG2010) read it, so they cannot disagree.
namespace NeoGen.Shared;

internal static class ColumnTypes
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public const string SupportedTypes = "bool, byte, short, int, long, float, double, decimal, string, char, Guid, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, byte[], enums, strongly typed ids (a struct with one property of those), Uri, Version, types with a [Column(Converter = typeof(...))], and on PostgreSQL arrays (T[], List<T>) of those";

    public static string Display(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    /// <summary>The scalar for <paramref name="type"/>, or null when it is not a column type.</summary>
    public static ScalarType? Map(ITypeSymbol type) => Map(type, out _);

    /// <summary>The scalar for <paramref name="type"/>, or null with <paramref name="reason"/> saying why it is not a column type.</summary>
    public static ScalarType? Map(ITypeSymbol type, out string? reason)
    {
        reason = null;
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }
        else if (type.NullableAnnotation == NullableAnnotation.Annotated && type.IsReferenceType)
        {
            nullable = true;
        }

        var bare = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var kind = Kind(bare);
        if (kind == ScalarKind.Unsupported && Converted(bare, nullable) is { } converted)
        {
            return converted;
        }

        if (kind == ScalarKind.Unsupported)
        {
            var element = ArrayElement(bare, out var shape);
            if (element is not null)
            {
                var mapped = Map(element, out var elementReason);
                if (mapped is null || mapped.Kind is ScalarKind.Array)
                {
                    reason = $"a collection of {element.ToDisplayString()} is not a column type" + (elementReason is null ? string.Empty : " (" + elementReason + ")");
                    return null;
                }

                return new ScalarType(Display(bare), ScalarKind.Array, nullable, false, ScalarKind.Unsupported, EquatableArray<string>.Empty, false, mapped, shape);
            }

            reason = Unsupported(bare);
            return null;
        }

        var underlying = ScalarKind.Unsupported;
        var members = EquatableArray<string>.Empty;
        if (kind == ScalarKind.Enum && bare is INamedTypeSymbol enumType)
        {
            underlying = enumType.EnumUnderlyingType is { } u ? Kind(u) : ScalarKind.Int32;
            if (underlying is not (ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64))
            {
                reason = $"the enum {bare.Name} has an unsigned underlying type ({enumType.EnumUnderlyingType?.ToDisplayString()}); use byte, short, int or long";
                return null;
            }

            members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToEquatableArray();
        }

        return new ScalarType(Display(bare), kind, nullable, bare.IsValueType, underlying, members, false);
    }

    /// <summary>
    /// A type that converts to a column type without a converter: a strongly typed id (a struct with one public
    /// property of a column type and a constructor that takes it), <c>Uri</c> (its original text) and <c>Version</c>.
    /// </summary>
    private static ScalarType? Converted(ITypeSymbol bare, bool nullable)
    {
        var name = Display(bare);
        if (bare.ContainingNamespace.IsNamed("System"))
        {
            return bare.MetadataName switch
            {
                "Uri" => Conversion(name, false, nullable, ScalarType.String, "{0}.OriginalString", "new global::System.Uri({0}, global::System.UriKind.RelativeOrAbsolute)"),
                "Version" => Conversion(name, false, nullable, ScalarType.String, "{0}.ToString()", "global::System.Version.Parse({0})"),
                _ => null,
            };
        }

        if (bare is not INamedTypeSymbol { TypeKind: TypeKind.Struct, IsGenericType: false } id)
        {
            return null;
        }

        var properties = id.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null)
            .ToList();
        if (properties.Count != 1 || Map(properties[0].Type) is not { Kind: not ScalarKind.Array, Conversion: null, IsNullable: false } stored)
        {
            return null;
        }

        // The constructor's parameter must be the property (named so, as a positional record struct's is): a computed
        // property (Percent(double fraction) => Value = fraction * 100) would not round-trip.
        var wraps = id.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1
            && string.Equals(c.Parameters[0].Name, properties[0].Name, System.StringComparison.OrdinalIgnoreCase)
            && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), properties[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)));
        return wraps ? Conversion(name, true, nullable, stored, "{0}." + properties[0].Name, "new " + name + "({0})") : null;
    }

    /// <summary>A member of type <paramref name="typeName"/> stored as <paramref name="stored"/>.</summary>
    public static ScalarType Conversion(string typeName, bool isValueType, bool nullable, ScalarType stored, string toStore, string fromStore, bool isJson = false)
        => new(typeName, stored.Kind, nullable, isValueType, stored.EnumUnderlying, stored.EnumMembers, stored.EnumAsString, Conversion: new ValueConversion(stored.WithNullable(false), toStore, fromStore, isJson));

    private static string Unsupported(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            => $"{type.ToDisplayString()} is unsigned, which not every database stores; use a signed type wide enough (long for uint, decimal for ulong)",
        SpecialType.System_IntPtr or SpecialType.System_UIntPtr => $"{type.ToDisplayString()} is platform-sized; use int or long",
        SpecialType.System_Object => "object has no column type; use the value's own type",
        _ => $"{type.ToDisplayString()} is not a column type (column types: {SupportedTypes})",
    };

    private static ScalarKind Kind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return ScalarKind.Boolean;
            case SpecialType.System_Byte: return ScalarKind.Byte;
            case SpecialType.System_Int16: return ScalarKind.Int16;
            case SpecialType.System_Int32: return ScalarKind.Int32;
            case SpecialType.System_Int64: return ScalarKind.Int64;
            case SpecialType.System_Single: return ScalarKind.Single;
            case SpecialType.System_Double: return ScalarKind.Double;
            case SpecialType.System_Decimal: return ScalarKind.Decimal;
            case SpecialType.System_String: return ScalarKind.String;
            case SpecialType.System_Char: return ScalarKind.Char;
            case SpecialType.System_DateTime: return ScalarKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ScalarKind.Enum;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return ScalarKind.ByteArray;
        }

        if (type.ContainingNamespace.IsNamed("System"))
        {
            switch (type.MetadataName)
            {
                case "Guid": return ScalarKind.Guid;
                case "DateTimeOffset": return ScalarKind.DateTimeOffset;
                case "DateOnly": return ScalarKind.DateOnly;
                case "TimeOnly": return ScalarKind.TimeOnly;
                case "TimeSpan": return ScalarKind.TimeSpan;
            }
        }

        return ScalarKind.Unsupported;
    }

    /// <summary>The element of an array-valued member type: <c>T[]</c>, <c>List&lt;T&gt;</c> or a read-only list of it.</summary>
    private static ITypeSymbol? ArrayElement(ITypeSymbol type, out ArrayShape shape)
    {
        shape = ArrayShape.None;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            shape = ArrayShape.Array;
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.ContainingNamespace.IsNamed("System.Collections.Generic"))
        {
            switch (generic.MetadataName)
            {
                case "List`1":
                    shape = ArrayShape.List;
                    return generic.TypeArguments[0];
                case "IReadOnlyList`1":
                case "IReadOnlyCollection`1":
                case "IEnumerable`1":
                case "IList`1":
                case "ICollection`1":
                    shape = ArrayShape.ReadOnly;
                    return generic.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>The element type when <paramref name="type"/> is a collection a list parameter can take (not <c>byte[]</c> or <c>string</c>).</summary>
    public static ITypeSymbol? CollectionElement(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.Rank == 1 && array.ElementType.SpecialType != SpecialType.System_Byte ? array.ElementType : null;
        }

        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.IsGenericType && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return named.TypeArguments[0];
        }

        var enumerable = named.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return enumerable?.TypeArguments[0];
    }

    /// <summary>Whether <paramref name="dialect"/> can hold the type in one column; arrays are PostgreSQL's alone.</summary>
    public static bool IsStorable(ScalarType type, SqlDialect dialect) => type.Kind != ScalarKind.Array || dialect == SqlDialect.PostgreSql;

    /// <summary>The column type a value of <paramref name="type"/> has: what a <c>[Table]</c> member declares.</summary>
    public static SqlType Category(ScalarType type) => type.Conversion is { IsJson: true } ? SqlType.Json : type.Kind switch
    {
        ScalarKind.Boolean => SqlType.Boolean,
        ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 => SqlType.Integer,
        ScalarKind.Single or ScalarKind.Double => SqlType.Float,
        ScalarKind.Decimal => SqlType.Decimal,
        ScalarKind.String or ScalarKind.Char => SqlType.Text,
        ScalarKind.Guid => SqlType.Uuid,
        ScalarKind.DateTime => SqlType.Timestamp,
        ScalarKind.DateTimeOffset => SqlType.TimestampTz,
        ScalarKind.DateOnly => SqlType.Date,
        ScalarKind.TimeOnly => SqlType.Time,
        ScalarKind.TimeSpan => SqlType.Interval,
        ScalarKind.ByteArray => SqlType.Binary,
        ScalarKind.Enum => type.NativeEnum is not null ? SqlType.Enum : type.EnumAsString ? SqlType.Text : SqlType.Integer,
        ScalarKind.Array => SqlType.Array,
        _ => SqlType.Unknown,
    };

    /// <summary>For an array, the element's column type.</summary>
    public static SqlType ElementCategory(ScalarType type) => type.Element is { } element ? Category(element) : SqlType.Unknown;

    /// <summary>
    /// Whether a value of column type <paramref name="column"/> can be read into <paramref name="target"/> with its value
    /// intact on <paramref name="dialect"/> (NG2009 when not). Unknown column types are given the benefit of the doubt.
    /// SQLite has no date, time or uuid storage class, so text holds those there.
    /// </summary>
    public static bool CanRead(SqlDialect dialect, SqlType column, SqlType columnElement, ScalarType target)
    {
        if (column == SqlType.Unknown)
        {
            return true;
        }

        var textual = dialect is SqlDialect.Sqlite or SqlDialect.MySql;
        var postgres = dialect == SqlDialect.PostgreSql;
        switch (target.Kind)
        {
            case ScalarKind.Array:
                return column == SqlType.Array && (columnElement == SqlType.Unknown || target.Element is null || CanRead(dialect, columnElement, SqlType.Unknown, target.Element));
            case ScalarKind.Boolean:
                return column == SqlType.Boolean || (column == SqlType.Integer && !postgres);
            case ScalarKind.Byte:
            case ScalarKind.Int16:
            case ScalarKind.Int32:
            case ScalarKind.Int64:
                // Not from a decimal column, not even on SQLite: NUMERIC affinity keeps 0.99 as a real, which reads as 0.
                return column == SqlType.Integer || (column == SqlType.Boolean && !postgres);
            case ScalarKind.Single:
            case ScalarKind.Double:
                return column is SqlType.Float or SqlType.Integer or SqlType.Decimal;
            case ScalarKind.Decimal:
                // Microsoft.Data.Sqlite stores decimal as text and parses it back (a bad value throws, it is not lost).
                return column is SqlType.Float or SqlType.Integer or SqlType.Decimal || (column == SqlType.Text && dialect == SqlDialect.Sqlite);
            case ScalarKind.String:
                return column is SqlType.Text or SqlType.Json or SqlType.Enum
                    || (textual && column is SqlType.Date or SqlType.Time or SqlType.Timestamp or SqlType.TimestampTz or SqlType.Interval);
            case ScalarKind.Char:
                return column is SqlType.Text;
            case ScalarKind.Guid:
                return column == SqlType.Uuid || (column == SqlType.Binary && !postgres) || (column == SqlType.Text && textual);
            case ScalarKind.DateTime:
                return column is SqlType.Timestamp or SqlType.TimestampTz or SqlType.Date || (column == SqlType.Text && textual);
            case ScalarKind.DateTimeOffset:
                return column == SqlType.TimestampTz || (column == SqlType.Timestamp && !postgres) || (column == SqlType.Text && textual);
            case ScalarKind.DateOnly:
                return column == SqlType.Date || (column is SqlType.Text or SqlType.Timestamp && textual);
            case ScalarKind.TimeOnly:
                return column == SqlType.Time || (column == SqlType.Text && textual);
            case ScalarKind.TimeSpan:
                return column is SqlType.Interval or SqlType.Time || (column == SqlType.Text && textual);
            case ScalarKind.ByteArray:
                return column == SqlType.Binary;
            case ScalarKind.Enum:
                return target.EnumAsString ? column is SqlType.Text or SqlType.Enum : column == SqlType.Integer;
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether a parameter of type <paramref name="value"/> can be compared with or assigned to a column of type
    /// <paramref name="column"/> on <paramref name="dialect"/> (NG2004 when not): the database accepts it and compares the
    /// values the way the C# value means. An enum is first given the storage of the column it meets.
    /// </summary>
    public static bool CanBind(SqlDialect dialect, ScalarType value, SqlType column, SqlType columnElement)
    {
        if (column == SqlType.Unknown)
        {
            return true;
        }

        var textual = dialect is SqlDialect.Sqlite or SqlDialect.MySql;
        var postgres = dialect == SqlDialect.PostgreSql;
        switch (value.Kind)
        {
            case ScalarKind.Array:
                return column == SqlType.Array && (columnElement == SqlType.Unknown || value.Element is null || CanBind(dialect, value.Element, columnElement, SqlType.Unknown));
            case ScalarKind.Boolean:
                return column == SqlType.Boolean || (column == SqlType.Integer && !postgres);
            case ScalarKind.Byte:
            case ScalarKind.Int16:
            case ScalarKind.Int32:
            case ScalarKind.Int64:
                return column is SqlType.Integer or SqlType.Decimal or SqlType.Float || (column == SqlType.Boolean && !postgres);
            case ScalarKind.Single:
            case ScalarKind.Double:
                return column is SqlType.Integer or SqlType.Decimal or SqlType.Float;
            case ScalarKind.Decimal:
                return column is SqlType.Integer or SqlType.Decimal or SqlType.Float || (column == SqlType.Text && dialect == SqlDialect.Sqlite);
            case ScalarKind.String:
            case ScalarKind.Char:
                // Npgsql sends a string as text, which PostgreSQL neither compares with nor assigns to an enum column.
                return column is SqlType.Text or SqlType.Json || (column == SqlType.Enum && !postgres)
                    || (textual && column is SqlType.Date or SqlType.Time or SqlType.Timestamp or SqlType.TimestampTz or SqlType.Interval);
            case ScalarKind.Guid:
                return column == SqlType.Uuid || (column == SqlType.Binary && !postgres) || (column == SqlType.Text && dialect == SqlDialect.MySql);
            case ScalarKind.DateTime:
            case ScalarKind.DateTimeOffset:
            case ScalarKind.DateOnly:
                return column is SqlType.Timestamp or SqlType.TimestampTz or SqlType.Date || (column == SqlType.Text && textual);
            case ScalarKind.TimeOnly:
                return column == SqlType.Time || (column == SqlType.Text && textual);
            case ScalarKind.TimeSpan:
                return column is SqlType.Interval or SqlType.Time || (column == SqlType.Text && textual);
            case ScalarKind.ByteArray:
                return column == SqlType.Binary;
            case ScalarKind.Enum:
                // On PostgreSQL an enum column takes a value typed as that enum (NativeEnum), never plain text.
                return value.EnumAsString ? column is SqlType.Text || (column == SqlType.Enum && (!postgres || value.NativeEnum is not null)) : column == SqlType.Integer;
            default:
                return true;
        }
    }

    /// <summary>
    /// A derived query's argument must be of its member's type (nullability aside); integer widths and the two
    /// floating-point types are interchangeable. Anything else compiles against the wrong column (NG2004).
    /// </summary>
    public static bool SameValueType(ScalarType argument, ScalarType member)
    {
        if (argument.Conversion is not null || member.Conversion is not null)
        {
            // A strongly typed id is compared with its own type only: that is what it is for.
            return argument.TypeName == member.TypeName;
        }

        if (member.Protection is { } protection)
        {
            // An encrypted member is looked up by its clear value, which the generated code encrypts: of exactly the
            // member's type, since another width would be encoded differently and never match.
            return argument.Kind == protection.Clear.Kind && SameValueType(argument, protection.Clear);
        }

        if (IsInteger(argument.Kind) && IsInteger(member.Kind))
        {
            return true;
        }

        if (argument.Kind is ScalarKind.Single or ScalarKind.Double && member.Kind is ScalarKind.Single or ScalarKind.Double)
        {
            return true;
        }

        if (argument.Kind != member.Kind)
        {
            return false;
        }

        return argument.Kind switch
        {
            ScalarKind.Enum => argument.TypeName == member.TypeName,
            ScalarKind.Array => argument.Element is not null && member.Element is not null && SameValueType(argument.Element, member.Element),
            _ => true,
        };
    }

    public static bool IsInteger(ScalarKind kind) => kind is ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64;

    /// <summary>A column type in messages: <c>text</c>, <c>integer</c>, <c>timestamp with time zone</c>, <c>text[]</c>.</summary>
    public static string Describe(SqlType column, SqlType element = SqlType.Unknown) => column switch
    {
        SqlType.Integer => "integer",
        SqlType.Decimal => "numeric",
        SqlType.Float => "floating-point",
        SqlType.Text => "text",
        SqlType.Boolean => "boolean",
        SqlType.Date => "date",
        SqlType.Time => "time",
        SqlType.Timestamp => "timestamp",
        SqlType.TimestampTz => "timestamp with time zone",
        SqlType.Uuid => "uuid",
        SqlType.Binary => "binary",
        SqlType.Json => "json",
        SqlType.Enum => "enum",
        SqlType.Interval => "interval",
        SqlType.Array => (element == SqlType.Unknown ? "array" : Describe(element) + "[]"),
        _ => "unknown",
    };
}
