using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Common;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Maps CLR types to the column value kinds NeoGen reads and writes.</summary>
internal static class TypeMapper
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The scalar for <paramref name="type"/>, or null when it is not a column type.</summary>
    public static ScalarType? Map(ITypeSymbol type)
    {
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
        var name = bare.ToDisplayString(FullyQualified);
        var kind = Kind(bare);
        if (kind == ScalarKind.Unsupported)
        {
            return null;
        }

        var underlying = ScalarKind.Unsupported;
        var members = EquatableArray<string>.Empty;
        if (kind == ScalarKind.Enum && bare is INamedTypeSymbol enumType)
        {
            underlying = enumType.EnumUnderlyingType is { } u ? Kind(u) : ScalarKind.Int32;
            members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToEquatableArray();
        }

        return new ScalarType(name, kind, nullable, bare.IsValueType, underlying, members, false);
    }

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

    /// <summary>The element type when <paramref name="type"/> is a collection of scalars (not <c>byte[]</c> or <c>string</c>).</summary>
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

    public static string Display(ITypeSymbol type) => type.ToDisplayString(FullyQualified);
}
