using NeoGen.Generator.Dialects;
using NeoGen.Shared;

namespace NeoGen.Generator.Emitting;

/// <summary>Typed getter calls for each column kind, so values are never boxed on the way out.</summary>
internal static class ReaderExpressions
{
    /// <summary>
    /// Reads ordinal <paramref name="ordinal"/> as <paramref name="type"/>; NULL checks included for nullable types.
    /// The reader's first call passes <paramref name="trackedOrdinal"/> instead (an assignment that records which
    /// column is being read, so that a failure can name it).
    /// </summary>
    public static string Read(ScalarType type, string ordinal, string errorContext, string trackedOrdinal, TargetDialect dialect)
    {
        if (type.Protection is { } protection)
        {
            return type.IsNullable
                ? $"reader.IsDBNull({trackedOrdinal}) ? default({protection.Clear.TypeName}?) : {EncryptionCode.Decrypt(type, ordinal)}"
                : EncryptionCode.Decrypt(type, trackedOrdinal);
        }

        if (type.Conversion is { } conversion)
        {
            // The stored value read as its own type, then converted to the member's.
            var load = conversion.Load(NonNull(conversion.Stored, type.IsNullable ? ordinal : trackedOrdinal, errorContext, dialect));
            return type.IsNullable ? $"reader.IsDBNull({trackedOrdinal}) ? default({type.TypeName}?) : {load}" : load;
        }

        if (!type.IsNullable)
        {
            return NonNull(type, trackedOrdinal, errorContext, dialect);
        }

        return $"reader.IsDBNull({trackedOrdinal}) ? default({type.TypeName}?) : {NonNull(type, ordinal, errorContext, dialect)}";
    }

    private static string NonNull(ScalarType type, string ordinal, string errorContext, TargetDialect dialect) => dialect.Getter(type, ordinal) ?? type.Kind switch
    {
        ScalarKind.Boolean => $"reader.GetBoolean({ordinal})",
        ScalarKind.Byte => $"reader.GetByte({ordinal})",
        ScalarKind.Int16 => $"reader.GetInt16({ordinal})",
        ScalarKind.Int32 => $"reader.GetInt32({ordinal})",
        ScalarKind.Int64 => $"reader.GetInt64({ordinal})",
        ScalarKind.Single => $"reader.GetFloat({ordinal})",
        ScalarKind.Double => $"reader.GetDouble({ordinal})",
        ScalarKind.Decimal => $"reader.GetDecimal({ordinal})",
        ScalarKind.String => $"reader.GetString({ordinal})",
        ScalarKind.Char => $"reader.GetChar({ordinal})",
        ScalarKind.Guid => $"reader.GetGuid({ordinal})",

        // Every database gives DateTime back in UTC: SQLite and PostgreSQL's timestamp come back Unspecified.
        ScalarKind.DateTime => $"global::NeoGen.Internal.Dates.AsUtc(reader.GetDateTime({ordinal}))",
        ScalarKind.ByteArray => $"reader.GetFieldValue<byte[]>({ordinal})",
        ScalarKind.Enum when type.EnumAsString => $"global::NeoGen.Internal.EnumText.Parse<{type.TypeName}>(reader.GetString({ordinal}), {errorContext})",
        ScalarKind.Enum => type.EnumUnderlying switch
        {
            ScalarKind.Byte => $"({type.TypeName})reader.GetByte({ordinal})",
            ScalarKind.Int16 => $"({type.TypeName})reader.GetInt16({ordinal})",
            ScalarKind.Int64 => $"({type.TypeName})reader.GetInt64({ordinal})",
            _ => $"({type.TypeName})reader.GetInt32({ordinal})",
        },
        ScalarKind.Array => Array(type, ordinal, errorContext),
        _ => $"reader.GetFieldValue<{type.TypeName}>({ordinal})",
    };

    /// <summary>An array column: read as the provider's array of the stored element type, converted when the element is an enum.</summary>
    private static string Array(ScalarType type, string ordinal, string errorContext)
    {
        var element = type.Element!;
        var stored = ScalarTypes.StoredTypeName(element.WithNullable(false)) + (element.IsNullable && element.IsValueType ? "?" : string.Empty);
        var read = $"reader.GetFieldValue<{stored}[]>({ordinal})";
        if (element.Kind == ScalarKind.Enum)
        {
            var convert = element.EnumAsString
                ? $"__v => global::NeoGen.Internal.EnumText.Parse<{element.TypeName}>(__v, {errorContext})"
                : $"static __v => ({element.TypeName})__v";
            read = $"global::System.Array.ConvertAll({read}, {convert})";
        }
        else if (element.Kind == ScalarKind.DateTime)
        {
            read = $"global::System.Array.ConvertAll({read}, static __v => global::NeoGen.Internal.Dates.AsUtc(__v))";
        }

        return type.Shape == ArrayShape.List ? $"new global::System.Collections.Generic.List<{element.NullableTypeName}>({read})" : read;
    }
}
