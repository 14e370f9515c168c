using System;
using System.ComponentModel;
using System.Data.Common;
using System.Linq;

namespace NeoGen.Internal;

/// <summary>Builds the typed exceptions thrown by generated code. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NeoGenErrors
{
    /// <summary>A NULL read into a non-nullable member.</summary>
    public static NeoGenMappingException NullColumn(string repository, string method, string? table, string column, string member, Exception? inner = null)
        => new($"{repository}.{method}: column '{column}'{On(table)} is NULL but member '{member}' is not nullable. Make the member nullable or filter out NULL rows.", repository, method, table, column, inner);

    /// <summary>A value that could not be converted to its member.</summary>
    public static NeoGenMappingException BadValue(string repository, string method, string? table, string column, string member, Exception inner)
        => new($"{repository}.{method}: column '{column}'{On(table)} could not be read into member '{member}': {inner.Message}", repository, method, table, column, inner);

    /// <summary>
    /// The exception for a read that failed at result ordinal <paramref name="ordinal"/> (the last ordinal the
    /// materializer asked for): a NULL into a required member, or a value the member cannot hold. When the ordinal is
    /// not one of <paramref name="columns"/> the original exception is returned as it is.
    /// </summary>
    /// <param name="reader">The reader, still on the row that failed.</param>
    /// <param name="ordinal">The last ordinal the materializer asked for, or -1.</param>
    /// <param name="columns">What the materializer reads.</param>
    /// <param name="ordinals">For a result matched by name, the map from <see cref="MaterializedColumn.Ordinal"/> to result ordinals.</param>
    /// <param name="exception">What the getter threw.</param>
    /// <param name="repository">The repository interface.</param>
    /// <param name="method">The repository method.</param>
    /// <param name="table">The statement's table, when it has one.</param>
    public static Exception ReadFailed(DbDataReader reader, int ordinal, MaterializedColumn[] columns, int[]? ordinals, Exception exception, string repository, string method, string? table)
    {
        foreach (var column in columns)
        {
            var resultOrdinal = ordinals is null ? column.Ordinal : ordinals[column.Ordinal];
            if (resultOrdinal != ordinal || ordinal < 0)
            {
                continue;
            }

            return column.Required && reader.IsDBNull(ordinal)
                ? NullColumn(repository, method, table, column.Column, column.Member, exception)
                : BadValue(repository, method, table, column.Column, column.Member, exception);
        }

        return exception;
    }

    /// <summary>An enum stored as text with a name the enum does not have.</summary>
    public static NeoGenMappingException UnknownEnumName(string repository, string method, string? table, string column, string enumType, string value)
        => new($"{repository}.{method}: column '{column}'{On(table)} holds '{value}', which is not a member of {enumType}.", repository, method, table, column);

    /// <summary>A single-row method found more than one row.</summary>
    public static NeoGenException MoreThanOneRow(string repository, string method, string? table)
        => new($"{repository}.{method}: expected at most one row but the query returned more.", repository, method, table);

    /// <summary>A non-nullable single-row result with no row.</summary>
    public static NeoGenException NoRow(string repository, string method, string? table)
        => new($"{repository}.{method}: expected one row but the query returned none. Declare the return type nullable to accept no row.", repository, method, table);

    /// <summary>An update or delete that matched no row.</summary>
    public static NeoGenConcurrencyException Concurrency(string repository, string method, string table)
        => new($"{repository}.{method}: no row in '{table}' matched the entity's key (and version, if it has one); it was changed or deleted by someone else.", repository, method, table);

    /// <summary>
    /// <paramref name="exception"/> with the index of the bulk row that failed: <paramref name="row"/> when NeoGen sent
    /// rows one by one, else the line PostgreSQL's COPY names in <paramref name="copyContext"/> ("COPY users, line 151").
    /// </summary>
    public static NeoGenException AtRow(NeoGenException exception, long row, string? copyContext = null)
    {
        if (row >= 0)
        {
            exception.RowIndex = row;
        }
        else if (copyContext is not null && copyContext.StartsWith("COPY ", StringComparison.Ordinal)
            && copyContext.LastIndexOf(", line ", StringComparison.Ordinal) is > 0 and var at)
        {
            var digits = copyContext.Substring(at + 7).TakeWhile(char.IsDigit).ToArray();
            if (long.TryParse(new string(digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) && line > 0)
            {
                exception.RowIndex = line - 1;
            }
        }

        return exception;
    }

    /// <summary>A null argument.</summary>
    public static ArgumentNullException NullArgument(string parameter) => new(parameter);

    /// <summary>Translates a SQLite error (codes from <c>SqliteException</c>).</summary>
    public static NeoGenException FromSqlite(DbException exception, int errorCode, int extendedErrorCode, string repository, string method, string? table)
    {
        const int SqliteConstraint = 19;
        if (errorCode != SqliteConstraint)
        {
            return new NeoGenCommandException($"{repository}.{method}{On(table)}: {exception.Message}", repository, method, table, exception);
        }

        // Extended codes: https://sqlite.org/rescode.html
        var kind = extendedErrorCode switch
        {
            1555 or 2067 => ConstraintKind.Unique,
            787 => ConstraintKind.ForeignKey,
            1299 => ConstraintKind.NotNull,
            275 => ConstraintKind.Check,
            _ => ConstraintKind.Unknown,
        };

        // SQLite names the columns in the message: "UNIQUE constraint failed: users.email".
        string? failedTable = table, column = null;
        var message = exception.Message;
        var marker = message.IndexOf("constraint failed: ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var detail = message.Substring(marker + "constraint failed: ".Length).Trim().TrimEnd('.', '\'');
            var comma = detail.IndexOf(',');
            var first = comma >= 0 ? detail.Substring(0, comma) : detail;
            var dot = first.IndexOf('.');
            if (dot > 0 && kind != ConstraintKind.Check)
            {
                failedTable = first.Substring(0, dot);
                column = detail.Replace(failedTable + ".", string.Empty);
            }
        }

        return Constraint(exception, kind, null, repository, method, failedTable, column);
    }

    /// <summary>Translates a PostgreSQL error (fields from <c>PostgresException</c>).</summary>
    public static NeoGenException FromPostgres(DbException exception, string sqlState, string? constraint, string? table, string? column, string repository, string method, string? statementTable)
    {
        var kind = sqlState switch
        {
            "23505" => ConstraintKind.Unique,
            "23503" => ConstraintKind.ForeignKey,
            "23502" => ConstraintKind.NotNull,
            "23514" => ConstraintKind.Check,
            _ => (ConstraintKind?)null,
        };
        if (kind is null)
        {
            return new NeoGenCommandException($"{repository}.{method}{On(table ?? statementTable)}: {exception.Message}", repository, method, table ?? statementTable, exception);
        }

        return Constraint(exception, kind.Value, constraint, repository, method, table ?? statementTable, column);
    }

    /// <summary>
    /// Translates a MySQL or MariaDB error (<c>MySqlException.Number</c>): duplicate keys, foreign keys, NULLs and checks
    /// become <see cref="NeoGenConstraintException"/>, with the key, constraint or column the server's message names.
    /// </summary>
    public static NeoGenException FromMySql(DbException exception, int number, string repository, string method, string? table)
        => FromMySql(number, exception.Message, exception, repository, method, table);

    /// <summary>
    /// A warning of MySqlBulkCopy (LOAD DATA LOCAL turns errors into warnings and skips or alters the row): the same
    /// exception as the error would have been, so that no row is silently dropped or changed.
    /// </summary>
    public static NeoGenException FromMySqlBulkWarning(int number, string message, long rowsRead, string repository, string method, string? table)
        => FromMySql(number, $"{message} (bulk load, by row {rowsRead}; nothing was kept)", null, repository, method, table);

    private static NeoGenException FromMySql(int number, string message, DbException? exception, string repository, string method, string? table)
    {
        ConstraintKind? kind = number switch
        {
            1062 or 1586 => ConstraintKind.Unique,
            1451 or 1452 or 1216 or 1217 => ConstraintKind.ForeignKey,
            // 1263: LOAD DATA's "NULL supplied to NOT NULL column", a warning where INSERT has error 1048.
            1048 or 1364 or 1263 => ConstraintKind.NotNull,
            3819 or 4025 => ConstraintKind.Check,
            _ => null,
        };
        if (kind is null)
        {
            return exception is null
                ? new NeoGenException($"{repository}.{method}{On(table)}: {message}", repository, method, table)
                : new NeoGenCommandException($"{repository}.{method}{On(table)}: {message}", repository, method, table, exception);
        }

        string? constraint = null, column = null;
        switch (kind)
        {
            case ConstraintKind.Unique:
                // "Duplicate entry 'a@b.c' for key 'email'" (MariaDB) or "... for key 'users.email'" (MySQL 8).
                constraint = Quoted(message, "for key '", '\'');
                if (constraint?.LastIndexOf('.') is > 0 and var dot)
                {
                    constraint = constraint.Substring(dot + 1);
                }

                break;
            case ConstraintKind.ForeignKey:
                // "... a foreign key constraint fails (`db`.`orders`, CONSTRAINT `fk` FOREIGN KEY (`product_id`) ...":
                // the column is the referencing table's, which a DELETE of the referenced row does not name.
                constraint = Quoted(message, "CONSTRAINT `", '`');
                column = Quoted(message, "FOREIGN KEY (`", '`');
                if (Quoted(message, "fails (`", ',') is { } qualified)
                {
                    table = qualified.Split('.')[^1].Trim('`');
                }

                break;
            case ConstraintKind.NotNull:
                column = Quoted(message, "Column '", '\'') ?? Quoted(message, "Field '", '\'');
                break;
            default:
                constraint = Quoted(message, "constraint '", '\'') ?? Quoted(message, "CONSTRAINT `", '`');
                break;
        }

        return Constraint(message, exception, kind.Value, constraint, repository, method, table, column);
    }

    /// <summary>
    /// Translates a SQL Server error (<c>SqlException.Number</c>): duplicate keys (2627, 2601), foreign keys and checks
    /// (547, told apart by the message), NULLs (515) become <see cref="NeoGenConstraintException"/>.
    /// </summary>
    public static NeoGenException FromSqlServer(DbException exception, int number, string repository, string method, string? table)
    {
        var message = exception.Message;
        ConstraintKind? kind = number switch
        {
            2627 or 2601 => ConstraintKind.Unique,
            547 when message.Contains("FOREIGN KEY", StringComparison.Ordinal) || message.Contains("REFERENCE", StringComparison.Ordinal) => ConstraintKind.ForeignKey,
            547 => ConstraintKind.Check,
            515 => ConstraintKind.NotNull,
            _ => null,
        };
        if (kind is null)
        {
            return new NeoGenCommandException($"{repository}.{method}{On(table)}: {message}", repository, method, table, exception);
        }

        string? constraint = null, column = null;
        switch (kind)
        {
            case ConstraintKind.Unique:
                // "Violation of UNIQUE KEY constraint 'uq'" (2627) or "... with unique index 'ix'" (2601).
                constraint = Quoted(message, "constraint '", '\'') ?? Quoted(message, "unique index '", '\'');
                break;
            case ConstraintKind.NotNull:
                column = Quoted(message, "into column '", '\'');
                break;
            default:
                constraint = Quoted(message, "constraint \"", '"');
                break;
        }

        return Constraint(exception, kind.Value, constraint, repository, method, table, column);
    }

    /// <summary>SqlBulkCopy's own check of a NULL for a NOT NULL column, as the constraint error it stands for.</summary>
    public static NeoGenConstraintException BulkNull(Exception exception, long rowsRead, string repository, string method, string? table)
        => Constraint($"{exception.Message} (bulk load, by row {rowsRead}; nothing was kept)", exception, ConstraintKind.NotNull, null, repository, method, table, null);

    /// <summary>A bulk load that inserted fewer rows than it was given, without an error: refused rather than kept.</summary>
    public static NeoGenException BulkShort(long rowsRead, long rowsInserted, string repository, string method, string? table)
        => new($"{repository}.{method}: the bulk load read {rowsRead} rows and inserted {rowsInserted}{On(table)}; nothing was kept.", repository, method, table);

    /// <summary>Whether a MySQL connection may use MySqlBulkCopy (LOAD DATA LOCAL): its connection string sets AllowLoadLocalInfile.</summary>
    public static bool AllowsLocalInfile(DbConnection connection)
    {
        var options = new DbConnectionStringBuilder { ConnectionString = connection.ConnectionString };
        foreach (var key in new[] { "AllowLoadLocalInfile", "Allow Load Local Infile" })
        {
            if (options.TryGetValue(key, out var value) && bool.TryParse(value?.ToString(), out var allowed))
            {
                return allowed;
            }
        }

        return false;
    }

    /// <summary>The text between <paramref name="opening"/> and the next <paramref name="closing"/>, if the message has them.</summary>
    private static string? Quoted(string message, string opening, char closing)
    {
        var start = message.IndexOf(opening, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += opening.Length;
        var end = message.IndexOf(closing, start);
        return end > start ? message.Substring(start, end - start) : null;
    }

    private static NeoGenConstraintException Constraint(DbException exception, ConstraintKind kind, string? constraint, string repository, string method, string? table, string? column)
        => Constraint(exception.Message, exception, kind, constraint, repository, method, table, column);

    private static NeoGenConstraintException Constraint(string message, Exception? inner, ConstraintKind kind, string? constraint, string repository, string method, string? table, string? column)
    {
        var what = kind switch
        {
            ConstraintKind.Unique => "duplicate key",
            ConstraintKind.ForeignKey => "foreign key violation",
            ConstraintKind.NotNull => "NULL into a NOT NULL column",
            ConstraintKind.Check => "check constraint violation",
            _ => "constraint violation",
        };
        var where = column is null ? On(table) : $" on '{table}.{column}'";
        var name = constraint is null ? string.Empty : $" (constraint '{constraint}')";
        return new NeoGenConstraintException($"{repository}.{method}: {what}{where}{name}: {message}", kind, constraint, repository, method, table, column, inner);
    }

    private static string On(string? table) => table is null ? string.Empty : $" of table '{table}'";
}
