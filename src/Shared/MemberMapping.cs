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
        KnownNames.ForeignKeyAttribute,
    };

    /// <summary>The column name given by <c>[Column("name")]</c>, or null for the conventional one.</summary>
    public string? ColumnName { get; private set; }

    public bool IsKey { get; private set; }

    public bool IsGenerated { get; private set; }

    public bool IsVersion { get; private set; }

    public bool IsCreatedAt { get; private set; }

    public bool IsUpdatedAt { get; private set; }

    /// <summary><c>[Column(EnumStorage = EnumStorage.String)]</c>.</summary>
    public bool EnumAsString { get; private set; }

    /// <summary>The type named by <c>[ForeignKey(typeof(T))]</c>.</summary>
    public ITypeSymbol? Principal { get; private set; }

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
                        if (pair.Key == "EnumStorage" && pair.Value.Value is int storage && storage == 1)
                        {
                            mapping.EnumAsString = true;
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
            }
        }

        return mapping;
    }
}
