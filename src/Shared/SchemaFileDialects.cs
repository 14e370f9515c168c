using System;
using System.Collections.Generic;
using NeoGen.Sql;

// Linked into the generator and the analyzers: which database a .sql schema file describes, decided the same way by both.
namespace NeoGen.Shared;

/// <summary>
/// A schema file describes one database: it is applied to that dialect's schema only, so SQLite DDL (dates as TEXT)
/// never judges a PostgreSQL repository. The dialect comes from the file's <c>NeoGenDialect</c> item metadata, else
/// from its path (the folder it is in named after the dialect, or a second extension: <c>001_init.postgresql.sql</c>), else it is
/// the dialect most of the project's repositories use. Portable DDL can name several: <c>NeoGenDialect="Sqlite;PostgreSql"</c>.
/// </summary>
internal static class SchemaFileDialects
{
    /// <summary>The analyzer-config key under which the compiler passes the <c>NeoGenDialect</c> metadata of an AdditionalFiles item.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.NeoGenDialect";

    /// <summary>
    /// The dialects a file declares, as a set of bits (<c>1 &lt;&lt; dialect</c>), by metadata (one name, or several
    /// separated by ';' or ',' for DDL every one of them runs) or by path; 0 when it declares none.
    /// </summary>
    public static int Of(string path, string? metadata)
    {
        var declared = 0;
        foreach (var name in (metadata ?? string.Empty).Split(';', ','))
        {
            if (Parse(name) is { } dialect)
            {
                declared |= Bit(dialect);
            }
        }

        if (declared != 0)
        {
            return declared;
        }

        var segments = path.Replace('\\', '/').Split('/');
        var parts = segments[segments.Length - 1].Split('.');
        if (parts.Length >= 3 && Parse(parts[parts.Length - 2]) is { } byExtension)
        {
            return Bit(byExtension);
        }

        // Only the folder the file is in: a dialect's name further up the path (a checkout in ~/mysql/) says nothing.
        return segments.Length >= 2 && Parse(segments[segments.Length - 2]) is { } byFolder ? Bit(byFolder) : 0;
    }

    /// <summary>The names in <paramref name="metadata"/> that are no dialect (NG2011: a typo must not fall back silently).</summary>
    public static List<string> UnknownNames(string? metadata)
    {
        var unknown = new List<string>();
        foreach (var name in (metadata ?? string.Empty).Split(';', ','))
        {
            if (name.Trim().Length > 0 && Parse(name) is null)
            {
                unknown.Add(name.Trim());
            }
        }

        return unknown;
    }

    /// <summary>Whether a file of <paramref name="declared"/> dialects describes <paramref name="dialect"/>'s database.</summary>
    public static bool Describes(int declared, SqlDialect dialect, SqlDialect undeclaredFileDialect)
        => declared == 0 ? dialect == undeclaredFileDialect : (declared & Bit(dialect)) != 0;

    /// <summary>The dialects of <paramref name="declared"/>, with <paramref name="undeclaredFileDialect"/> for 0.</summary>
    public static IEnumerable<SqlDialect> Dialects(int declared, SqlDialect undeclaredFileDialect)
    {
        for (var d = SqlDialect.Sqlite; d <= SqlDialect.SqlServer; d++)
        {
            if (Describes(declared, d, undeclaredFileDialect))
            {
                yield return d;
            }
        }
    }

    /// <summary>The dialect of files that declare none: the one most repositories use (the first of a tie, SQLite when there are none).</summary>
    public static SqlDialect Majority(IEnumerable<SqlDialect> repositoryDialects)
    {
        var counts = new int[(int)SqlDialect.SqlServer + 1];
        foreach (var dialect in repositoryDialects)
        {
            counts[(int)dialect]++;
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return (SqlDialect)best;
    }

    private static int Bit(SqlDialect dialect) => 1 << (int)dialect;

    private static SqlDialect? Parse(string? name)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "sqlite":
                return SqlDialect.Sqlite;
            case "postgresql":
            case "postgres":
            case "pgsql":
                return SqlDialect.PostgreSql;
            case "mysql":
            case "mariadb":
                return SqlDialect.MySql;
            case "sqlserver":
            case "mssql":
                return SqlDialect.SqlServer;
            default:
                return null;
        }
    }
}
