using NeoGen.Generator.Model;

namespace NeoGen.Generator.Emitting;

/// <summary>Typed getter calls for each column kind, so values are never boxed on the way out.</summary>
internal static class ReaderExpressions
{
    /// <summary>
    /// Reads ordinal <paramref name="ordinal"/> as <paramref name="type"/>; NULL checks included for nullable types.
    /// The reader's first call passes <paramref name="trackedOrdinal"/> instead (an assignment that records which
    /// column is being read, so that a failure can name it).
    /// </summary>
    public static string Read(ScalarType type, string ordinal, string errorContext, string trackedOrdinal)
    {
        if (!type.IsNullable)
        {
            return NonNull(type, trackedOrdinal, errorContext);
        }

        return $"reader.IsDBNull({trackedOrdinal}) ? default({type.TypeName}?) : {NonNull(type, ordinal, errorContext)}";
    }

    private static string NonNull(ScalarType type, string ordinal, string errorContext) => type.Kind switch
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
        ScalarKind.DateTime => $"reader.GetDateTime({ordinal})",
        ScalarKind.ByteArray => $"reader.GetFieldValue<byte[]>({ordinal})",
        ScalarKind.Enum when type.EnumAsString => $"global::NeoGen.Internal.EnumText.Parse<{type.TypeName}>(reader.GetString({ordinal}), {errorContext})",
        ScalarKind.Enum => type.EnumUnderlying switch
        {
            ScalarKind.Byte => $"({type.TypeName})reader.GetByte({ordinal})",
            ScalarKind.Int16 => $"({type.TypeName})reader.GetInt16({ordinal})",
            ScalarKind.Int64 => $"({type.TypeName})reader.GetInt64({ordinal})",
            _ => $"({type.TypeName})reader.GetInt32({ordinal})",
        },
        _ => $"reader.GetFieldValue<{type.TypeName}>({ordinal})",
    };
}
