using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

/// <summary>
/// The parser reads one grammar for all four databases, so that a statement parses however it is written; this pass
/// then refuses, per target, what that database would refuse: <c>ILIKE</c> on SQLite, <c>LIMIT</c> on SQL Server,
/// <c>x::int</c> outside PostgreSQL, <c>now()</c> on SQLite. Each error names the construct, whose it is, and what to
/// write instead. Never throws.
/// </summary>
public static class SqlConformance
{
    private const SqlDialect Sqlite = SqlDialect.Sqlite;
    private const SqlDialect Postgres = SqlDialect.PostgreSql;
    private const SqlDialect MySql = SqlDialect.MySql;
    private const SqlDialect SqlServer = SqlDialect.SqlServer;

    /// <summary>Built-in functions that exist in some of the four databases only, and what to use elsewhere.</summary>
    private static readonly Dictionary<string, (SqlDialect[] Dialects, string? Hint)> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["now"] = (new[] { Postgres, MySql }, "use CURRENT_TIMESTAMP"),
        ["datetime"] = (new[] { Sqlite }, "use CURRENT_TIMESTAMP or a cast"),
        ["strftime"] = (new[] { Sqlite }, null),
        ["julianday"] = (new[] { Sqlite }, null),
        ["unixepoch"] = (new[] { Sqlite }, null),
        ["date_trunc"] = (new[] { Postgres }, null),
        ["date_part"] = (new[] { Postgres }, "use EXTRACT"),
        ["to_char"] = (new[] { Postgres }, null),
        ["age"] = (new[] { Postgres }, null),
        ["getdate"] = (new[] { SqlServer }, "use CURRENT_TIMESTAMP"),
        ["getutcdate"] = (new[] { SqlServer }, null),
        ["sysdatetime"] = (new[] { SqlServer }, null),
        ["sysutcdatetime"] = (new[] { SqlServer }, null),
        ["sysdatetimeoffset"] = (new[] { SqlServer }, null),
        ["dateadd"] = (new[] { SqlServer }, null),
        ["datename"] = (new[] { SqlServer }, null),
        ["eomonth"] = (new[] { SqlServer }, null),
        ["len"] = (new[] { SqlServer }, "use LENGTH"),
        ["datalength"] = (new[] { SqlServer }, null),
        ["charindex"] = (new[] { SqlServer }, null),
        ["newid"] = (new[] { SqlServer }, null),
        ["newsequentialid"] = (new[] { SqlServer }, null),
        ["scope_identity"] = (new[] { SqlServer }, null),
        ["ifnull"] = (new[] { Sqlite, MySql }, "use COALESCE"),
        ["group_concat"] = (new[] { Sqlite, MySql }, "use string_agg"),
        ["string_agg"] = (new[] { Postgres, SqlServer }, "use group_concat"),
        ["array_agg"] = (new[] { Postgres }, null),
        ["array_length"] = (new[] { Postgres }, null),
        ["unnest"] = (new[] { Postgres }, null),
        ["array_to_string"] = (new[] { Postgres }, null),
        ["string_to_array"] = (new[] { Postgres }, null),
        ["gen_random_uuid"] = (new[] { Postgres }, null),
        ["uuid"] = (new[] { MySql }, "use NEWID() on SQL Server, gen_random_uuid() on PostgreSQL"),
        ["random"] = (new[] { Postgres, Sqlite }, "use RAND()"),
        ["rand"] = (new[] { MySql, SqlServer }, "use random()"),
        ["last_insert_rowid"] = (new[] { Sqlite }, null),
        ["last_insert_id"] = (new[] { MySql }, null),
        ["total"] = (new[] { Sqlite }, "use SUM"),
        ["substr"] = (new[] { Postgres, Sqlite, MySql }, "use SUBSTRING"),
        ["instr"] = (new[] { Sqlite, MySql }, null),
        ["json_table"] = (new[] { MySql }, null),
        ["openjson"] = (new[] { SqlServer }, null),
        ["greatest"] = (new[] { Postgres, MySql, SqlServer }, "use max(a, b)"),
        ["least"] = (new[] { Postgres, MySql, SqlServer }, "use min(a, b)"),
    };

    /// <summary>The constructs of <paramref name="script"/> that <paramref name="dialect"/> does not accept.</summary>
    /// <param name="script">The parsed statements.</param>
    /// <param name="dialect">The database they are for.</param>
    /// <param name="text">The SQL they were parsed from, for what only the text shows (how a name is quoted, a trailing clause).</param>
    public static IReadOnlyList<SqlError> Check(SqlScript script, SqlDialect dialect, string? text = null)
    {
        var errors = new List<SqlError>();
        if (script == null)
        {
            return errors;
        }

        try
        {
            foreach (var statement in script.Statements)
            {
                foreach (var node in statement.DescendantsAndSelf())
                {
                    Check(node, dialect, errors);
                    if (text != null)
                    {
                        CheckText(node, dialect, text, errors);
                    }
                }
            }
        }
        catch (Exception) when (!SqlDiagnosticsSwitch.Rethrow)
        {
            // A bug here must not reach the compiler; what was found so far stands.
        }

        errors.Sort((a, b) => a.Start.CompareTo(b.Start));
        return errors;
    }

    private static void Check(SqlNode node, SqlDialect d, List<SqlError> errors)
    {
        void Refuse(SqlSpan span, string construct, string whose, string? instead)
            => errors.Add(new SqlError(Message(construct, whose, "syntax", d, instead), span.Start, span.Length));
        void RefuseAs(SqlSpan span, string construct, string whose, string what, string? instead)
            => errors.Add(new SqlError(Message(construct, whose, what, d, instead), span.Start, span.Length));

        switch (node)
        {
            case LikeExpression like:
                switch (like.Operator)
                {
                    case "ILIKE" when d != Postgres:
                        Refuse(like.Span, "ILIKE", "PostgreSQL", d switch
                        {
                            Sqlite => "LIKE is case-insensitive for ASCII letters in SQLite",
                            MySql => "LIKE is case-insensitive under MySQL's default collations",
                            _ => "use LIKE with a case-insensitive collation, or LOWER(x) LIKE LOWER(@p)",
                        });
                        break;
                    case "SIMILAR TO" when d != Postgres:
                        Refuse(like.Span, "SIMILAR TO", "PostgreSQL", "use LIKE");
                        break;
                    case "GLOB" when d != Sqlite:
                        Refuse(like.Span, "GLOB", "SQLite", "use LIKE");
                        break;
                    case "REGEXP" or "RLIKE" when d is Postgres or SqlServer:
                        Refuse(like.Span, like.Operator, "MySQL", d == Postgres ? "use ~ for a regular expression" : null);
                        break;
                }

                break;
            case LiteralExpression { LiteralKind: SqlLiteralKind.Boolean } boolean when d == SqlServer:
                // T-SQL reads TRUE as a column name: "Invalid column name 'TRUE'".
                RefuseAs(boolean.Span, boolean.Value.ToUpperInvariant(), "a PostgreSQL, SQLite and MySQL", "literal", "compare a bit with 1 or 0");
                break;
            case CastExpression { Type.Name: var castType } when d != MySql && (castType.StartsWith("SIGNED", StringComparison.OrdinalIgnoreCase) || castType.StartsWith("UNSIGNED", StringComparison.OrdinalIgnoreCase)):
                Refuse(node.Span, "CAST(.. AS " + castType.ToUpperInvariant() + ")", "MySQL", "cast to an integer type: CAST(x AS bigint)");
                break;
            case CastExpression { Syntax: CastSyntax.DoubleColon } cast when d != Postgres:
                Refuse(cast.Span, "'::' cast", "PostgreSQL", "use CAST(x AS type)");
                break;
            case CastExpression { Syntax: CastSyntax.TryCast } tryCast when d != SqlServer:
                Refuse(tryCast.Span, "TRY_CAST", "SQL Server", "use CAST");
                break;
            case BinaryExpression binary:
                CheckOperator(binary, d, Refuse);
                break;
            case ArrayExpression array when d != Postgres:
                Refuse(array.Span, "An ARRAY constructor", "PostgreSQL", null);
                break;
            case SubscriptExpression subscript when d != Postgres:
                Refuse(subscript.Span, "An array subscript", "PostgreSQL", null);
                break;
            case QuantifiedExpression { Argument: not null } quantified when d != Postgres:
                Refuse(quantified.Span, quantified.Quantifier + "(array)", "PostgreSQL", "use IN @list for a list parameter");
                break;
            case QuantifiedExpression { Query: not null } quantifiedQuery when d == Sqlite:
                Refuse(quantifiedQuery.Span, quantifiedQuery.Quantifier + "(subquery)", "PostgreSQL, MySQL and SQL Server", "use IN (subquery) or EXISTS");
                break;
            case IntervalExpression interval when d is Sqlite or SqlServer:
                Refuse(interval.Span, "An INTERVAL literal", "PostgreSQL and MySQL", d == Sqlite ? "use datetime(x, '+1 day')" : "use DATEADD");
                break;
            case AtTimeZoneExpression zone when d is Sqlite or MySql:
                Refuse(zone.Span, "AT TIME ZONE", "PostgreSQL and SQL Server", null);
                break;
            case FunctionCallExpression function:
                CheckFunction(function, d, errors);
                break;
            case SelectQuery select:
                if (select.DistinctOn.Count > 0 && d != Postgres)
                {
                    Refuse(select.DistinctOn[0].Span, "DISTINCT ON", "PostgreSQL", "use ROW_NUMBER() OVER (PARTITION BY ..)");
                }

                if (select.Top != null && d != SqlServer)
                {
                    Refuse(select.Top.Span, "TOP", "SQL Server", "use LIMIT");
                }

                CheckTail(select, d, Refuse);
                break;
            case SqlQuery query:
                CheckTail(query, d, Refuse);
                break;
            case OrderByItem { NullsFirst: not null } nulls when d is MySql or SqlServer:
                Refuse(nulls.Span, "NULLS FIRST/LAST", "PostgreSQL and SQLite", "sort on (x IS NULL) first");
                break;
            case JoinedTableSource join:
                if (join.Kind is JoinKind.CrossApply or JoinKind.OuterApply && d != SqlServer)
                {
                    Refuse(join.Span, join.Kind == JoinKind.CrossApply ? "CROSS APPLY" : "OUTER APPLY", "SQL Server", d is Postgres or MySql ? "use JOIN LATERAL" : null);
                }
                else if (join.Kind == JoinKind.Full && d == MySql)
                {
                    Refuse(join.Span, "FULL JOIN", "PostgreSQL, SQLite and SQL Server", "use a LEFT JOIN UNION a RIGHT JOIN");
                }

                break;
            case DerivedTableSource { IsLateral: true } lateral when d is Sqlite or SqlServer:
                Refuse(lateral.Span, "LATERAL", "PostgreSQL and MySQL", d == SqlServer ? "use CROSS APPLY" : null);
                break;
            case FunctionTableSource { IsLateral: true } lateralFunction when d is Sqlite or SqlServer:
                Refuse(lateralFunction.Span, "LATERAL", "PostgreSQL and MySQL", null);
                break;
            case InsertStatement insert:
                if (insert.OnConflict.Count > 0 && d is MySql or SqlServer)
                {
                    Refuse(insert.OnConflict[0].Span, "ON CONFLICT", "PostgreSQL and SQLite", d == MySql ? "use ON DUPLICATE KEY UPDATE" : "use MERGE");
                }

                if (insert.OnDuplicateKeyUpdate.Count > 0 && d != MySql)
                {
                    Refuse(insert.OnDuplicateKeyUpdate[0].Span, "ON DUPLICATE KEY UPDATE", "MySQL", d == SqlServer ? "use MERGE" : "use ON CONFLICT (key) DO UPDATE");
                }

                if (insert.Returning.Count > 0 && d == SqlServer)
                {
                    Refuse(insert.Returning[0].Span, "RETURNING", "PostgreSQL, SQLite and MariaDB", "use OUTPUT INSERTED.column");
                }

                if (insert.Output != null && d != SqlServer)
                {
                    Refuse(insert.Output.Span, "OUTPUT", "SQL Server", "use RETURNING");
                }

                if (insert.ConflictResolution != null && d is Postgres or SqlServer)
                {
                    Refuse(insert.Target.Span, "INSERT " + insert.ConflictResolution, "SQLite and MySQL", d == Postgres ? "use ON CONFLICT DO NOTHING" : "use MERGE");
                }

                if (insert.IsReplace && d is Postgres or SqlServer)
                {
                    Refuse(insert.Span, "REPLACE INTO", "MySQL and SQLite", d == Postgres ? "use INSERT .. ON CONFLICT DO UPDATE" : "use MERGE");
                }

                if (insert.Top != null && d != SqlServer)
                {
                    Refuse(insert.Top.Span, "TOP", "SQL Server", null);
                }

                break;
            case UpdateStatement update:
                if (update.Returning.Count > 0 && d is MySql or SqlServer)
                {
                    Refuse(update.Returning[0].Span, "UPDATE .. RETURNING", "PostgreSQL and SQLite", d == SqlServer ? "use OUTPUT INSERTED.column" : "select the row again");
                }

                if (update.Output != null && d != SqlServer)
                {
                    Refuse(update.Output.Span, "OUTPUT", "SQL Server", "use RETURNING");
                }

                if (update.From != null && d == MySql)
                {
                    Refuse(update.From.Span, "UPDATE .. FROM", "PostgreSQL, SQLite and SQL Server", "use UPDATE t JOIN u ON .. SET ..");
                }

                if ((update.OrderBy.Count > 0 || update.Limit != null) && d != MySql)
                {
                    Refuse(update.Limit?.Span ?? update.OrderBy[0].Span, "UPDATE .. ORDER BY/LIMIT", "MySQL", "filter the rows in WHERE");
                }

                if (update.Top != null && d != SqlServer)
                {
                    Refuse(update.Top.Span, "TOP", "SQL Server", null);
                }

                break;
            case DeleteStatement delete:
                if (delete.Returning.Count > 0 && d == SqlServer)
                {
                    Refuse(delete.Returning[0].Span, "RETURNING", "PostgreSQL, SQLite and MariaDB", "use OUTPUT DELETED.column");
                }

                if (delete.Output != null && d != SqlServer)
                {
                    Refuse(delete.Output.Span, "OUTPUT", "SQL Server", "use RETURNING");
                }

                if (delete.Using != null && d is Sqlite or SqlServer)
                {
                    Refuse(delete.Using.Span, "DELETE .. USING", "PostgreSQL and MySQL", "use WHERE .. IN (SELECT ..)");
                }

                if ((delete.OrderBy.Count > 0 || delete.Limit != null) && d != MySql)
                {
                    Refuse(delete.Limit?.Span ?? delete.OrderBy[0].Span, "DELETE .. ORDER BY/LIMIT", "MySQL", "filter the rows in WHERE");
                }

                if (delete.Top != null && d != SqlServer)
                {
                    Refuse(delete.Top.Span, "TOP", "SQL Server", null);
                }

                break;
            case MergeStatement merge when d is Sqlite or MySql:
                Refuse(new SqlSpan(merge.Span.Start, Math.Min(5, merge.Span.Length)), "MERGE", "SQL Server and PostgreSQL", d == Sqlite ? "use INSERT .. ON CONFLICT" : "use INSERT .. ON DUPLICATE KEY UPDATE");
                break;
        }
    }

    /// <summary>What the tree alone does not show: a MySQL name in double quotes (a string there), a locking clause.</summary>
    private static void CheckText(SqlNode node, SqlDialect d, string text, List<SqlError> errors)
    {
        switch (node)
        {
            case SqlIdentifier { IsQuoted: true } name when d == MySql && name.Span.Start < text.Length && text[name.Span.Start] == '"':
                // Under MySQL's default sql_mode (no ANSI_QUOTES), "name" is the string 'name': every row would get it.
                errors.Add(new SqlError($"\"{name.Value}\" is a string in MySQL (unless ANSI_QUOTES is set), not a name: every row would read the text '{name.Value}'; quote names with backticks: `{name.Value}`", name.Span.Start, name.Span.Length));
                break;
            case SqlQuery { TrailingClause: { } clause } when clause.Start >= 0 && clause.Start + clause.Length <= text.Length:
                var tail = text.Substring(clause.Start, clause.Length).TrimStart().ToUpperInvariant();
                if ((tail.StartsWith("FOR UPDATE", StringComparison.Ordinal) || tail.StartsWith("FOR SHARE", StringComparison.Ordinal)) && d is SqlServer or Sqlite)
                {
                    errors.Add(new SqlError(Message(tail.StartsWith("FOR UPDATE", StringComparison.Ordinal) ? "FOR UPDATE" : "FOR SHARE", "PostgreSQL and MySQL", "syntax", d,
                        d == SqlServer ? "lock with a table hint: FROM t WITH (UPDLOCK, ROWLOCK)" : "SQLite locks the whole database in a write transaction"), clause.Start, clause.Length));
                }
                else if ((tail.StartsWith("FOR JSON", StringComparison.Ordinal) || tail.StartsWith("FOR XML", StringComparison.Ordinal) || tail.StartsWith("OPTION", StringComparison.Ordinal)) && d != SqlServer)
                {
                    errors.Add(new SqlError(Message(tail.Split(' ', '(')[0] + (tail.StartsWith("FOR", StringComparison.Ordinal) ? " " + tail.Split(' ')[1] : string.Empty), "SQL Server", "syntax", d, null), clause.Start, clause.Length));
                }

                break;
        }
    }

    private static void CheckTail(SqlQuery query, SqlDialect d, Action<SqlSpan, string, string, string?> refuse)
    {
        if (query.LimitSyntax == SqlLimitSyntax.Limit && d == SqlServer && (query.Limit ?? query.Offset) is { } limit)
        {
            refuse(limit.Span, "LIMIT", "PostgreSQL, SQLite and MySQL", "use OFFSET n ROWS FETCH NEXT m ROWS ONLY, or TOP (m)");
        }

        if (query.LimitSyntax == SqlLimitSyntax.Fetch && d is Sqlite or MySql && (query.Limit ?? query.Offset) is { } fetch)
        {
            refuse(fetch.Span, "OFFSET .. FETCH", "PostgreSQL and SQL Server", "use LIMIT n OFFSET m");
        }
    }

    private static void CheckOperator(BinaryExpression binary, SqlDialect d, Action<SqlSpan, string, string, string?> refuse)
    {
        switch (binary.Operator)
        {
            case "||" when d == MySql:
                refuse(binary.Span, "'||' as concatenation", "PostgreSQL and SQLite", "in MySQL it means OR: write OR, or CONCAT(a, b) to join text");
                break;
            case "+" when d == MySql && (binary.Left is LiteralExpression { LiteralKind: SqlLiteralKind.String } || binary.Right is LiteralExpression { LiteralKind: SqlLiteralKind.String }):
                // MySQL converts both sides to numbers: 'a' + 'b' is 0, name + '!' is a number.
                refuse(binary.Span, "'+' on text", "SQL Server", "in MySQL it adds numbers: use CONCAT(a, b) to join text");
                break;
            case "||" when d == SqlServer:
                refuse(binary.Span, "'||'", "PostgreSQL and SQLite", "use + or CONCAT(a, b)");
                break;
            case "@>" or "<@" or "?|" or "?&" or "#>" or "#>>" or "~" or "~*" or "!~" or "!~*" or "@@" when d != Postgres:
                refuse(binary.Span, "The '" + binary.Operator + "' operator", "PostgreSQL", null);
                break;
            case "&&" when d is Sqlite or SqlServer:
                refuse(binary.Span, "The '&&' operator", "PostgreSQL", "use AND");
                break;
            case "->" or "->>" when d == SqlServer:
                refuse(binary.Span, "The '" + binary.Operator + "' operator", "PostgreSQL, SQLite and MySQL", "use JSON_VALUE");
                break;
            case "<=>" when d != MySql:
                refuse(binary.Span, "'<=>'", "MySQL", "use IS NOT DISTINCT FROM");
                break;
            case "==" when d != Sqlite:
                refuse(binary.Span, "'=='", "SQLite", "use =");
                break;
            case "!<" or "!>" when d != SqlServer:
                refuse(binary.Span, "'" + binary.Operator + "'", "SQL Server", binary.Operator == "!<" ? "use >=" : "use <=");
                break;
            case "IS DISTINCT FROM" or "IS NOT DISTINCT FROM" when d == MySql:
                refuse(binary.Span, binary.Operator, "PostgreSQL, SQLite and SQL Server", binary.Operator == "IS NOT DISTINCT FROM" ? "use <=>" : "use NOT (a <=> b)");
                break;
        }
    }

    private static void CheckFunction(FunctionCallExpression function, SqlDialect d, List<SqlError> errors)
    {
        if (function.Name.Parts.Count == 1 && function.HasParentheses)
        {
            switch (function.Name.Name.ToLowerInvariant())
            {
                case "top" when d != SqlServer:
                    // Only SQL Server has TOP; elsewhere "TOP (n) id" reads as a call of a function TOP aliased id.
                    errors.Add(new SqlError(Message("TOP", "SQL Server", "syntax", d, "use LIMIT n"), function.Name.Span.Start, function.Name.Span.Length));
                    return;
                case "isnull" when function.Arguments.Count == 2 && d != SqlServer:
                    errors.Add(new SqlError(Message("ISNULL(a, b)", "SQL Server", "function", d, d == MySql ? "MySQL's ISNULL(x) takes one argument and tests it: use COALESCE(a, b)" : "use COALESCE(a, b)"), function.Name.Span.Start, function.Name.Span.Length));
                    return;
            }
        }

        if (function.Name.Parts.Count != 1 || !function.HasParentheses || !Functions.TryGetValue(function.Name.Name, out var known) || Array.IndexOf(known.Dialects, d) >= 0)
        {
            return;
        }

        var owners = new List<string>();
        foreach (var owner in known.Dialects)
        {
            owners.Add(Name(owner));
        }

        var whose = owners.Count == 1 ? owners[0] : string.Join(", ", owners.GetRange(0, owners.Count - 1)) + " and " + owners[owners.Count - 1];
        errors.Add(new SqlError(Message(function.Name.Name + "()", whose, "function", d, known.Hint), function.Name.Span.Start, function.Name.Span.Length));
    }

    private static string Message(string construct, string whose, string what, SqlDialect dialect, string? instead)
        => $"{construct} is {(what == "syntax" || whose.StartsWith("a ", StringComparison.Ordinal) ? string.Empty : "a ")}{whose} {what} that {Name(dialect)} does not have{(instead == null ? string.Empty : "; " + instead)}";

    private static string Name(SqlDialect dialect) => dialect switch
    {
        Sqlite => "SQLite",
        Postgres => "PostgreSQL",
        MySql => "MySQL",
        _ => "SQL Server",
    };
}
