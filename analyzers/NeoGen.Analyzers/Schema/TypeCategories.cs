using Microsoft.CodeAnalysis;
using NeoGen.Shared;
using NeoGen.Sql.Schema;

namespace NeoGen.Analyzers.Schema;

/// <summary>What C# types become as columns, and which C# types can stand for which column types.</summary>
internal static class TypeCategories
{
    /// <summary>The column type of a member type; null when it is not a column type (navigation properties ...).</summary>
    public static SqlType? Column(ITypeSymbol type, out bool nullable)
    {
        nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper && wrapper.TypeArguments.Length == 1)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        return Category(type);
    }

    public static SqlType? Category(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return SqlType.Boolean;
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return SqlType.Integer;
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return SqlType.Float;
            case SpecialType.System_Decimal:
                return SqlType.Decimal;
            case SpecialType.System_String:
            case SpecialType.System_Char:
                return SqlType.Text;
            case SpecialType.System_DateTime:
                return SqlType.Timestamp;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return SqlType.Enum;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return SqlType.Binary;
        }

        if (type.ContainingNamespace.IsNamed("System"))
        {
            switch (type.MetadataName)
            {
                case "Guid": return SqlType.Uuid;
                case "DateTimeOffset": return SqlType.TimestampTz;
                case "DateOnly": return SqlType.Date;
                case "TimeOnly": return SqlType.Time;
                case "TimeSpan": return SqlType.Time;
            }
        }

        return null;
    }

    /// <summary>
    /// False only when a value of C# category <paramref name="parameter"/> clearly cannot stand for a value of column
    /// type <paramref name="column"/> (conservative: unknown, JSON, array and enum columns accept anything).
    /// </summary>
    public static bool Compatible(SqlType parameter, SqlType column)
    {
        switch (column)
        {
            case SqlType.Unknown:
            case SqlType.Json:
            case SqlType.Array:
            case SqlType.Enum:
                return true;
        }

        switch (parameter)
        {
            case SqlType.Text:
                return column is not (SqlType.Integer or SqlType.Decimal or SqlType.Float or SqlType.Boolean or SqlType.Binary);
            case SqlType.Boolean:
                return column is SqlType.Boolean or SqlType.Integer;
            case SqlType.Integer:
                return column is SqlType.Integer or SqlType.Decimal or SqlType.Float or SqlType.Boolean;
            case SqlType.Float:
            case SqlType.Decimal:
                return column is SqlType.Integer or SqlType.Decimal or SqlType.Float;
            case SqlType.Timestamp:
            case SqlType.TimestampTz:
            case SqlType.Date:
                return column is not (SqlType.Boolean or SqlType.Uuid or SqlType.Binary or SqlType.Float or SqlType.Decimal);
            case SqlType.Uuid:
                return column is SqlType.Uuid or SqlType.Text or SqlType.Binary;
            case SqlType.Binary:
                return column is SqlType.Binary or SqlType.Uuid or SqlType.Text;
            case SqlType.Enum:
                return column is SqlType.Integer or SqlType.Text;
            default:
                return true;
        }
    }
}
