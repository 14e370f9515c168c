using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Lexing;

/// <summary>
/// Words the lexer classifies as <see cref="SqlTokenKind.Keyword"/>. The classification is informational: the parser
/// decides per position whether a word is usable as a name (see <see cref="IsReserved"/>).
/// </summary>
public static class SqlKeywords
{
    private static readonly HashSet<string> All = new(StringComparer.OrdinalIgnoreCase)
    {
        "ABORT", "ACTION", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "APPLY", "ARRAY", "AS", "ASC", "BEGIN",
        "BETWEEN", "BOTH", "BY", "CALL", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT",
        "CONSTRAINT", "CONVERT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
        "CURRENT_USER", "DATABASE", "DECLARE", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DISTINCTROW", "DO", "DROP",
        "DUPLICATE", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXEC", "EXECUTE", "EXISTS", "EXPLAIN", "EXTRACT",
        "FALSE", "FETCH", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GLOB", "GRANT", "GROUP",
        "GROUPS", "HAVING", "IF", "IGNORE", "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO",
        "IS", "ISNULL", "JOIN", "KEY", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "LOCK",
        "MATCH", "MATERIALIZED", "MERGE", "NATURAL", "NEXT", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS",
        "OF", "OFFSET", "ON", "ONLY", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT", "OVER", "PARTITION", "PERCENT",
        "PRAGMA", "PRECEDING", "PRIMARY", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME",
        "REPLACE", "RETURNING", "REVOKE", "RIGHT", "RLIKE", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET",
        "SHOW", "SIMILAR", "SOME", "STRAIGHT_JOIN", "TABLE", "THEN", "TIES", "TO", "TOP", "TRAILING", "TRIGGER",
        "TRUE", "TRUNCATE", "TRY_CAST", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USE", "USING", "VACUUM", "VALUES",
        "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "WITHOUT", "XOR", "LEADING",
    };

    // Words that end an expression or a table reference, so they can never be an implicit alias or a bare column name.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CROSS", "DEFAULT", "DESC", "DISTINCT", "DO",
        "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FROM", "FULL", "GLOB", "GROUP",
        "HAVING", "ILIKE", "IN", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LEFT", "LIKE", "LIMIT",
        "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "REGEXP", "RETURNING", "RIGHT",
        "RLIKE", "SELECT", "SET", "SOME", "STRAIGHT_JOIN", "THEN", "TRUE", "UNION", "USING", "VALUES", "WHEN",
        "WHERE", "WINDOW", "WITH", "XOR", "SIMILAR", "COLLATE", "OPTION", "LATERAL",
        "TABLESAMPLE", "MINUS", "QUALIFY",
    };

    static SqlKeywords()
    {
        // Every reserved word is a keyword, so the parser never takes one for a plain name.
        All.UnionWith(Reserved);
    }

    public static bool IsKeyword(string word) => All.Contains(word);

    /// <summary>True when the word cannot stand as an unquoted alias or column name in <paramref name="dialect"/>.</summary>
    public static bool IsReserved(string word, SqlDialect dialect)
    {
        if (Reserved.Contains(word))
        {
            return true;
        }

        // OUTPUT follows a table name in T-SQL DML (DELETE FROM t OUTPUT deleted.id), so it can't be read as an alias there.
        return dialect == SqlDialect.SqlServer && string.Equals(word, "OUTPUT", StringComparison.OrdinalIgnoreCase);
    }
}
