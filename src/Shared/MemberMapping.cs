using System.Collections.Generic;
using Microsoft.CodeAnalysis;

// Linked into both the generator and the analyzers: one reading of a member's mapping attributes, so the two agree
// on column names, keys and generated columns.
namespace NeoGen.Shared;

/// <summary>What the mapping attributes of one member (its property and, for a positional record, its parameter) say.</summary>
internal sealed class MemberMapping
{
    private static readonly string[] Understood =
    {
        KnownNames.ColumnAttribute, KnownNames.DataAnnotationsColumn, KnownNames.KeyAttribute, KnownNames.DataAnnotationsKey,
        KnownNames.GeneratedAttribute, KnownNames.DataAnnotationsDatabaseGenerated, KnownNames.VersionAttribute,
        KnownNames.DataAnnotationsConcurrencyCheck, KnownNames.CreatedAtAttribute, KnownNames.UpdatedAtAttribute,
        KnownNames.ForeignKeyAttribute, KnownNames.EncryptedAttribute, KnownNames.MaskedAttribute, KnownNames.TenantKeyAttribute,
        KnownNames.DataAnnotationsMaxLength, KnownNames.DataAnnotationsStringLength, KnownNames.JsonColumnAttribute,
    };

    /// <summary>The column name given by <c>[Column("name")]</c>, or null for the conventional one.</summary>
    public string? ColumnName { get; private set; }

    public bool IsKey { get; private set; }

    public bool IsGenerated { get; private set; }

    public bool IsVersion { get; private set; }

    public bool IsCreatedAt { get; private set; }

    public bool IsUpdatedAt { get; private set; }

    /// <summary><c>[Column(EnumStorage = EnumStorage.String)]</c> (or <c>Native</c>).</summary>
    public bool EnumAsString { get; private set; }

    /// <summary><c>[Column(EnumStorage = EnumStorage.Native)]</c>: a database enum type.</summary>
    public bool NativeEnum { get; private set; }

    /// <summary>The type named by <c>[ForeignKey(typeof(T))]</c>.</summary>
    public ITypeSymbol? Principal { get; private set; }

    /// <summary><c>[Encrypted]</c>.</summary>
    public bool IsEncrypted { get; private set; }

    /// <summary><c>[Encrypted(Deterministic = true)]</c>.</summary>
    public bool Deterministic { get; private set; }

    /// <summary><c>[Encrypted(StoreAsText = true)]</c>: base64 in a text column.</summary>
    public bool StoreAsText { get; private set; }

    /// <summary><c>[Masked(kind)]</c>.</summary>
    public MaskModel? Mask { get; private set; }

    /// <summary><c>[TenantKey]</c>.</summary>
    public bool IsTenantKey { get; private set; }

    /// <summary><c>[Column(MaxLength = n)]</c>, <c>[MaxLength(n)]</c> or <c>[StringLength(n)]</c>; 0 when none.</summary>
    public int MaxLength { get; private set; }

    /// <summary><c>[JsonColumn]</c>.</summary>
    public bool IsJson { get; private set; }

    /// <summary><c>[JsonColumn(typeof(Context))]</c>: the <c>JsonSerializerContext</c>.</summary>
    public ITypeSymbol? JsonContext { get; private set; }

    /// <summary><c>[Column(CaseInsensitive = true)]</c>.</summary>
    public bool CaseInsensitive { get; private set; }

    /// <summary><c>[Column(Converter = typeof(X))]</c>.</summary>
    public ITypeSymbol? Converter { get; private set; }

    /// <summary><c>[Column(Precision = p)]</c>; 0 when none.</summary>
    public int Precision { get; private set; }

    /// <summary><c>[Column(Scale = s)]</c>.</summary>
    public int Scale { get; private set; }

    public static MemberMapping Read(IEnumerable<AttributeData> attributes)
    {
        var mapping = new MemberMapping();
        foreach (var attribute in attributes)
        {
            var arguments = attribute.ConstructorArguments;
            switch (attribute.AttributeClass.NameAmong(Understood))
            {
                case KnownNames.ColumnAttribute:
                case KnownNames.DataAnnotationsColumn:
                    if (arguments.Length > 0 && arguments[0].Value is string columnName && columnName.Length > 0)
                    {
                        mapping.ColumnName = columnName;
                    }

                    foreach (var pair in attribute.NamedArguments)
                    {
                        if (pair.Key == "EnumStorage" && pair.Value.Value is int storage && storage is 1 or 2)
                        {
                            mapping.EnumAsString = true;
                            mapping.NativeEnum = storage == 2;
                        }
                        else if (pair.Key == "MaxLength" && pair.Value.Value is int length)
                        {
                            mapping.MaxLength = length;
                        }
                        else if (pair.Key == "Precision" && pair.Value.Value is int precision)
                        {
                            mapping.Precision = precision;
                        }
                        else if (pair.Key == "Scale" && pair.Value.Value is int scale)
                        {
                            mapping.Scale = scale;
                        }
                        else if (pair.Key == "CaseInsensitive" && pair.Value.Value is true)
                        {
                            mapping.CaseInsensitive = true;
                        }
                        else if (pair.Key == "Converter" && pair.Value.Value is ITypeSymbol converter)
                        {
                            mapping.Converter = converter;
                        }
                    }

                    break;
                case KnownNames.KeyAttribute:
                case KnownNames.DataAnnotationsKey:
                    mapping.IsKey = true;
                    break;
                case KnownNames.GeneratedAttribute:
                    mapping.IsGenerated = true;
                    break;
                case KnownNames.DataAnnotationsDatabaseGenerated:
                    // DatabaseGeneratedOption.Identity (1) or Computed (2).
                    mapping.IsGenerated = arguments.Length > 0 && arguments[0].Value is int option && option != 0;
                    break;
                case KnownNames.VersionAttribute:
                case KnownNames.DataAnnotationsConcurrencyCheck:
                    mapping.IsVersion = true;
                    break;
                case KnownNames.CreatedAtAttribute:
                    mapping.IsCreatedAt = true;
                    break;
                case KnownNames.UpdatedAtAttribute:
                    mapping.IsUpdatedAt = true;
                    break;
                case KnownNames.ForeignKeyAttribute:
                    mapping.Principal = arguments.Length > 0 ? arguments[0].Value as ITypeSymbol : null;
                    break;
                case KnownNames.EncryptedAttribute:
                    mapping.IsEncrypted = true;
                    foreach (var pair in attribute.NamedArguments)
                    {
                        mapping.Deterministic |= pair.Key == "Deterministic" && pair.Value.Value is true;
                        mapping.StoreAsText |= pair.Key == "StoreAsText" && pair.Value.Value is true;
                    }

                    break;
                case KnownNames.MaskedAttribute:
                    var kind = arguments.Length > 0 && arguments[0].Value is int value ? value : 0;
                    int keepStart = 1, keepEnd = 1;
                    foreach (var pair in attribute.NamedArguments)
                    {
                        if (pair.Key == "KeepStart" && pair.Value.Value is int start)
                        {
                            keepStart = start;
                        }
                        else if (pair.Key == "KeepEnd" && pair.Value.Value is int end)
                        {
                            keepEnd = end;
                        }
                    }

                    mapping.Mask = new MaskModel(MaskKinds.Name(kind), keepStart, keepEnd);
                    break;
                case KnownNames.TenantKeyAttribute:
                    mapping.IsTenantKey = true;
                    break;
                case KnownNames.JsonColumnAttribute:
                    mapping.IsJson = true;
                    mapping.JsonContext = arguments.Length > 0 ? arguments[0].Value as ITypeSymbol : null;
                    break;
                case KnownNames.DataAnnotationsMaxLength:
                case KnownNames.DataAnnotationsStringLength:
                    if (arguments.Length > 0 && arguments[0].Value is int maximum && mapping.MaxLength == 0)
                    {
                        mapping.MaxLength = maximum;
                    }

                    break;
            }
        }

        return mapping;
    }
}

/// <summary>The members of <c>NeoGen.MaskKind</c>, by value (the attribute's argument arrives as its number).</summary>
internal static class MaskKinds
{
    private static readonly string[] Names = { "Full", "Partial", "Email", "Phone", "CardNumber", "Hash" };

    public static string Name(int value) => value >= 0 && value < Names.Length ? Names[value] : "Full";
}
