using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NeoGen.Sql;

// Linked into the generator and the analyzers. The runtime's public NeoGen.Dialect maps to SqlDialect here and nowhere
// else: the enum values are the same numbers, and an attribute argument is read through FromAttribute.
namespace NeoGen.Shared;

internal static class DialectNames
{
    /// <summary>The dialect a <c>[Repository(Dialect.X)]</c> argument names; null for a value NeoGen does not know.</summary>
    public static SqlDialect? FromAttribute(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 0)
        {
            return SqlDialect.Sqlite;
        }

        return attribute.ConstructorArguments[0].Value is int value && value >= (int)SqlDialect.Sqlite && value <= (int)SqlDialect.SqlServer ? (SqlDialect)value : null;
    }

    /// <summary>The dialects of a repository interface's <c>[Repository]</c> attributes, each once, in declaration order.</summary>
    public static List<SqlDialect> OfRepository(INamedTypeSymbol type)
    {
        var dialects = new List<SqlDialect>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsNamed(KnownNames.RepositoryAttribute) && FromAttribute(attribute) is { } dialect && !dialects.Contains(dialect))
            {
                dialects.Add(dialect);
            }
        }

        return dialects;
    }

    /// <summary>The name in messages: SQLite, PostgreSQL, MySQL, SQL Server.</summary>
    public static string Display(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Sqlite => "SQLite",
        SqlDialect.PostgreSql => "PostgreSQL",
        SqlDialect.MySql => "MySQL",
        SqlDialect.SqlServer => "SQL Server",
        _ => dialect.ToString(),
    };

    /// <summary>The member of <c>NeoGen.Dialect</c>: Sqlite, PostgreSql, MySql, SqlServer.</summary>
    public static string Member(SqlDialect dialect) => dialect.ToString();

    /// <summary>Several dialects in messages: "SQLite and PostgreSQL".</summary>
    public static string Display(IReadOnlyList<SqlDialect> dialects)
    {
        var names = new List<string>();
        foreach (var d in dialects)
        {
            names.Add(Display(d));
        }

        return names.Count <= 1 ? string.Join(string.Empty, names) : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
