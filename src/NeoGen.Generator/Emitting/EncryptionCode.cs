using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NeoGen.Shared;

namespace NeoGen.Generator.Emitting;

/// <summary>
/// The C# of encrypted columns: how a clear value becomes what the column stores and back, through the runtime's
/// <c>NeoGen.Internal.ColumnEncryption</c>. Generated repositories keep the key provider in <c>_keys</c>; a lookup value
/// is sent once per readable key (see <see cref="ColumnProtection.LookupSlots"/>).
/// </summary>
internal static class EncryptionCode
{
    private const string Runtime = "global::NeoGen.Internal.ColumnEncryption";

    /// <summary>The field holding a column's label (its table and column, bound into each ciphertext).</summary>
    public static string LabelField(ColumnProtection protection)
    {
        var name = new StringBuilder("s_label_");
        foreach (var c in (protection.Table + "__" + protection.Column).ToLowerInvariant())
        {
            name.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>The declaration of <see cref="LabelField"/>; names are lower-cased so that DDL and C# spellings agree.</summary>
    public static string LabelDeclaration(ColumnProtection protection)
        => $"private static readonly global::NeoGen.Internal.ColumnLabel {LabelField(protection)} = new({CodeWriter.Literal(protection.Table.ToLowerInvariant())}, {CodeWriter.Literal(protection.Column.ToLowerInvariant())});";

    /// <summary>The stored value (byte[] or base64 string, null for null) of the clear value <paramref name="value"/>.</summary>
    public static string Encrypt(ScalarType type, string value)
    {
        var protection = type.Protection!;
        var clear = protection.Clear;
        var nonNull = clear.IsValueType && type.IsNullable ? value + ".GetValueOrDefault()" : type.IsNullable ? value + "!" : value;
        var call = protection switch
        {
            // A lookup slot with no key of its own holds a value no column stores (empty), so IN and NOT IN stay exact.
            { Deterministic: true, IsLookup: true } => $"({Runtime}.HasLookupKey(_keys, {Slot(protection)}) ? {Runtime}.{(protection.AsText ? "EncryptToTextUnder" : "EncryptUnder")}({Runtime}.LookupKey(_keys, {Slot(protection)}), {Convert(clear, nonNull)}, {LabelField(protection)}) : {(protection.AsText ? "string.Empty" : "global::System.Array.Empty<byte>()")})",
            _ => $"{Runtime}.{(protection.AsText ? "EncryptToText" : "Encrypt")}(_keys, {Convert(clear, nonNull)}, {(protection.Deterministic ? "true" : "false")}, {LabelField(protection)})",
        };
        return type.IsNullable ? $"({value} is null ? null : {call})" : call;
    }

    /// <summary>The clear value read from ordinal <paramref name="ordinal"/> (not NULL) of an encrypted column.</summary>
    public static string Decrypt(ScalarType type, string ordinal)
    {
        var protection = type.Protection!;
        var stored = protection.AsText ? $"reader.GetString({ordinal})" : $"reader.GetFieldValue<byte[]>({ordinal})";
        var method = "Decrypt" + Suffix(protection.Clear.Kind) + (protection.AsText ? "FromText" : string.Empty);
        return $"{Runtime}.{method}(keys, {stored}, {LabelField(protection)})";
    }

    /// <summary>Every encrypted column a set of types reaches, once each.</summary>
    public static IEnumerable<ColumnProtection> Distinct(IEnumerable<ScalarType?> types)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type?.Protection is { } protection && seen.Add(LabelField(protection)))
            {
                yield return protection with { IsLookup = false };
            }
        }
    }

    private static string Slot(ColumnProtection protection) => protection.Slot.ToString(CultureInfo.InvariantCulture);

    // DateTime is stored as UTC, like every other DateTime NeoGen writes.
    private static string Convert(ScalarType clear, string value)
        => clear.Kind == ScalarKind.DateTime ? $"global::NeoGen.Internal.Dates.Utc({value})" : value;

    private static string Suffix(ScalarKind kind) => kind switch
    {
        ScalarKind.String => "String",
        ScalarKind.ByteArray => "Bytes",
        ScalarKind.Boolean => "Boolean",
        ScalarKind.Byte => "Byte",
        ScalarKind.Int16 => "Int16",
        ScalarKind.Int32 => "Int32",
        ScalarKind.Int64 => "Int64",
        ScalarKind.Decimal => "Decimal",
        ScalarKind.Double => "Double",
        ScalarKind.Guid => "Guid",
        ScalarKind.DateTime => "DateTime",
        ScalarKind.DateTimeOffset => "DateTimeOffset",
        ScalarKind.DateOnly => "DateOnly",
        ScalarKind.TimeOnly => "TimeOnly",
        _ => kind.ToString(),
    };

}
