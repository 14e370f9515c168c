using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Emitting;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>
/// MySQL 8 and MariaDB 10.6+ through MySqlConnector: backtick quoting, named parameters, lists through
/// <c>JSON_TABLE</c>, no RETURNING (rows are read back by key in the same command), <c>ON DUPLICATE KEY UPDATE</c>.
/// </summary>
internal sealed class MySqlTarget : TargetDialect
{
    private static readonly HashSet<string> MySqlReserved = new(Reserved.Common, System.StringComparer.OrdinalIgnoreCase)
    {
        "accessible", "change", "condition", "database", "databases", "delayed", "div", "dual", "explain", "force", "groups",
        "ignore", "interval", "keys", "kill", "lines", "load", "lock", "long", "match", "mod", "range", "read", "regexp", "release",
        "rename", "repeat", "replace", "require", "rlike", "schema", "show", "signal", "status", "rank", "row", "rows", "usage",
        "write", "xor", "year_month", "zerofill",

        // The rest of MySQL 8's reserved words (a column named so must be quoted, in DDL and DML alike).
        "add", "analyze", "before", "bigint", "binary", "blob", "both", "call", "cascade", "char", "character", "continue",
        "convert", "cube", "cume_dist", "current_date", "current_time", "current_timestamp", "current_user", "cursor",
        "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare", "dense_rank", "describe",
        "deterministic", "distinctrow", "double", "each", "elseif", "empty", "enclosed", "escaped", "exit", "first_value",
        "float", "float4", "float8", "function", "generated", "get", "grant", "grouping", "high_priority", "hour_microsecond",
        "hour_minute", "hour_second", "if", "infile", "inout", "insensitive", "int", "int1", "int2", "int3", "int4", "int8",
        "integer", "iterate", "json_table", "lag", "last_value", "lateral", "lead", "leading", "leave", "linear", "localtime",
        "localtimestamp", "longblob", "longtext", "loop", "low_priority", "maxvalue", "mediumblob", "mediumint", "mediumtext",
        "middleint", "minute_microsecond", "minute_second", "modifies", "natural", "no_write_to_binlog", "nth_value", "ntile",
        "numeric", "of", "optimize", "option", "optionally", "out", "outfile", "over", "partition", "percent_rank", "precision",
        "procedure", "purge", "reads", "real", "recursive", "resignal", "restrict", "return", "revoke", "row_number", "schemas",
        "second_microsecond", "sensitive", "separator", "smallint", "spatial", "specific", "sql", "sqlexception", "sqlstate",
        "sqlwarning", "ssl", "starting", "stored", "straight_join", "system", "terminated", "tinyblob", "tinyint", "tinytext",
        "trailing", "trigger", "undo", "unlock", "unsigned", "use", "utc_date", "utc_time", "utc_timestamp", "varbinary",
        "varchar", "varcharacter", "varying", "virtual", "while",
    };

    public override SqlDialect Sql => SqlDialect.MySql;

    public override string ProviderPackage => "MySqlConnector";

    public override string ProviderMarkerType => "MySqlConnector.MySqlConnection";

    public override string ConnectionType => "global::MySqlConnector.MySqlConnection";

    public override string CommandType => "global::MySqlConnector.MySqlCommand";

    public override string ReaderType => "global::MySqlConnector.MySqlDataReader";

    public override string TransactionType => "global::MySqlConnector.MySqlTransaction";

    public override bool PrepareOnCreate => true;

    // MySQL prepares one statement at a time: a prepared script is one COM_STMT_EXECUTE, and one round trip, per
    // statement, where the text protocol sends the whole script in one COM_QUERY.
    public override bool PreparesScripts => false;

    // No batches for UpdateMany: MySqlBatchCommand.RecordsAffected did not report each statement's rows here (every
    // update of a batch read as 0), and the version check needs them; one prepared statement per row instead.

    // MySQL 8 has no INSERT ... RETURNING, MariaDB 10.5+ has: one statement instead of an INSERT and a SELECT.
    public override bool ReturningWhenTheServerHasIt => true;

    public override string ServerHasInsertReturning(string connection) => $"global::NeoGen.Internal.ServerFeatures.HasInsertReturning({connection})";

    protected override string QuoteAlways(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    protected override ISet<string> ReservedWords => MySqlReserved;

    // Backslash is LIKE's escape character by default, whatever NO_BACKSLASH_ESCAPES says about string literals, and the
    // pattern travels as a parameter; an explicit ESCAPE '\' would not parse without that mode.
    public override string LikeEscape => string.Empty;

    // MariaDB has INSERT ... RETURNING, MySQL has none: one statement shape for both.
    public override bool HasReturning => false;

    public override string InsertedKey => "LAST_INSERT_ID()";

    // MySqlConnector reports found (matched) rows, not changed ones, so an update to the same values still counts.
    public override string RowsChanged => "ROW_COUNT()";

    /// <summary>
    /// An UPDATE by key, then an INSERT that runs only when the UPDATE matched no row. Not ON DUPLICATE KEY UPDATE:
    /// that one also fires on a conflict in any other unique index and would then update that other row.
    /// </summary>
    public override string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, IReadOnlyList<string> keys, IReadOnlyList<string> generated, IReadOnlyList<(string Column, bool IsVersion)> updates, IReadOnlyList<string> returned, (string Column, string Value)? tenant)
        => null;

    /// <summary>The statements of <see cref="Upsert"/>, written by the statement writer from the update and the insert.</summary>
    public override bool UpsertsByUpdateThenInsert => true;

    // MySQL needs a table for a WHERE; DUAL is its table of one row.
    public override string SelectWhere(string values, string condition) => $"SELECT {values} FROM DUAL WHERE {condition}";

    public override string Placeholder(int index) => "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // One JSON array parameter read by JSON_TABLE (MySQL 8.0.4+, MariaDB 10.6+): one prepared statement for any count.
    public override string InList(string placeholder, bool negated, ScalarType element)
        => $"{(negated ? "NOT IN" : "IN")} (SELECT __list.v FROM JSON_TABLE({placeholder}, '$[*]' COLUMNS (v {JsonColumnType(element)} PATH '$')) AS __list)";

    // What JSON carries faithfully: numbers, strings, booleans, enums (by number or name).
    public override bool CanListValuesOf(ScalarType element) => element.Kind is ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Byte
        or ScalarKind.String or ScalarKind.Boolean or ScalarKind.Enum or ScalarKind.Double or ScalarKind.Single;

    private static string JsonColumnType(ScalarType element) => element.Kind switch
    {
        ScalarKind.String => "VARCHAR(4000)",
        ScalarKind.Enum when element.EnumAsString => "VARCHAR(4000)",
        ScalarKind.Double or ScalarKind.Single => "DOUBLE",
        ScalarKind.Boolean => "BOOLEAN",
        _ => "BIGINT",
    };

    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => $"new global::MySqlConnector.MySqlParameter {{ ParameterName = \"{providerName}\" }}";

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        // MySqlConnector has no typed parameters: values travel as object, as in hand-written MySqlConnector code.
        var stored = isCollection
            ? (type.Kind == ScalarKind.Enum || type.Conversion is not null
                ? $"global::NeoGen.Internal.JsonList.Array(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(type.WithNullable(false), "__v")}))"
                : $"global::NeoGen.Internal.JsonList.Array({value})")
            : Stored(type, value);
        var needsNullCheck = isCollection || type.IsNullable || !type.IsValueType;
        return needsNullCheck
            ? $"command.Parameters[{index}].Value = (object?){stored} ?? global::System.DBNull.Value;"
            : $"command.Parameters[{index}].Value = {stored};";
    }

    // LOAD DATA LOCAL needs AllowLoadLocalInfile=true on the connection (and local_infile on the server); without it,
    // one prepared INSERT per row in one transaction.
    public override BulkLoadKind BulkLoad => BulkLoadKind.WhenAllowed;

    /// <summary>
    /// MySqlBulkCopy over the entities as a data reader. LOAD DATA LOCAL reports duplicate keys, NULLs into NOT NULL
    /// columns and truncations as warnings and keeps going (skipping or altering the row), so any warning, or a row
    /// count short of the rows read, throws: the transaction then rolls back and nothing is kept.
    /// </summary>
    public override void WriteBulkLoad(CodeWriter w, BulkLoadContext bulk)
    {
        var isAsync = bulk.IsAsync;
        w.Open("if (global::NeoGen.Internal.NeoGenErrors.AllowsLocalInfile(lease.Connection))");
        w.Line($"var bulk = new global::MySqlConnector.MySqlBulkCopy(({ConnectionType})lease.Connection, ownTransaction ?? ({TransactionType}?)lease.Transaction)");
        w.Line("{");
        w.Indent();
        w.Line($"DestinationTableName = {CodeWriter.Literal(bulk.Table)},");
        w.Line("BulkCopyTimeout = 0,");
        w.Outdent();
        w.Line("};");
        for (var i = 0; i < bulk.Columns.Count; i++)
        {
            // MySqlBulkCopy quotes the destination columns itself.
            w.Line($"bulk.ColumnMappings.Add(new global::MySqlConnector.MySqlBulkCopyColumnMapping({i}, {CodeWriter.Literal(bulk.Columns[i].Column)}));");
        }

        bulk.WriteRowsReader(w);
        w.Line("global::MySqlConnector.MySqlBulkCopyResult result;");
        w.Open("try");
        w.Line(isAsync
            ? $"result = await bulk.WriteToServerAsync(rows, {bulk.CancellationToken}).ConfigureAwait(false);"
            : "result = bulk.WriteToServer(rows);");
        w.Close();
        w.Open("catch (global::MySqlConnector.MySqlException exception) when (exception.ErrorCode == global::MySqlConnector.MySqlErrorCode.BulkCopyFailed)");

        // MySqlConnector refuses a short load itself; the server's first warning says why (a duplicate key, a NULL).
        w.Line($"using var warnings = new global::MySqlConnector.MySqlCommand(\"SHOW WARNINGS\", ({ConnectionType})lease.Connection, ownTransaction ?? ({TransactionType}?)lease.Transaction);");
        w.Line("using var warning = warnings.ExecuteReader();");
        w.Open("while (warning.Read())");
        w.Open("if (!string.Equals(warning.GetString(0), \"Note\", global::System.StringComparison.OrdinalIgnoreCase))");
        w.Line($"throw global::NeoGen.Internal.NeoGenErrors.FromMySqlBulkWarning(warning.GetInt32(1), warning.GetString(2), rows.RowsRead, {bulk.RepositoryLiteral}, {bulk.MethodLiteral}, {bulk.TableLiteral});");
        w.Close();
        w.Close();
        w.Line();
        w.Line("throw;");
        w.Close();
        w.Line();
        // Notes are what an INSERT would note too (a decimal rounded to the column's scale); warnings are lost data.
        w.Open("foreach (var warning in result.Warnings)");
        w.Open("if (!string.Equals(warning.Level, \"Note\", global::System.StringComparison.OrdinalIgnoreCase))");
        w.Line($"throw global::NeoGen.Internal.NeoGenErrors.FromMySqlBulkWarning((int)warning.Code, warning.Message, rows.RowsRead, {bulk.RepositoryLiteral}, {bulk.MethodLiteral}, {bulk.TableLiteral});");
        w.Close();
        w.Close();
        w.Line();
        w.Open("if (result.RowsInserted != rows.RowsRead)");
        w.Line($"throw global::NeoGen.Internal.NeoGenErrors.BulkShort(rows.RowsRead, result.RowsInserted, {bulk.RepositoryLiteral}, {bulk.MethodLiteral}, {bulk.TableLiteral});");
        w.Close();
        w.Line();
        w.Line("ownTransaction?.Commit();");
        w.Line("return result.RowsInserted;");
        w.Close();
    }

    public override ErrorTranslation Errors(string repository, string method, string? table)
        => new("global::MySqlConnector.MySqlException", $"global::NeoGen.Internal.NeoGenErrors.FromMySql(exception, exception.Number, {repository}, {method}, {table})");

    // ---- schema ----
    // Text and binary columns in a key or an index must be bounded: VARCHAR(255) (1,020 bytes in utf8mb4, under
    // InnoDB's 3,072-byte key limit), VARBINARY(255).
    public override string ColumnType(ScalarType type, ColumnFacets? facets, bool bounded) => type.Conversion is { IsJson: true } ? "JSON" : type.Kind switch
    {
        ScalarKind.Boolean => "BOOLEAN",
        ScalarKind.Byte => "TINYINT UNSIGNED",
        ScalarKind.Int16 => "SMALLINT",
        ScalarKind.Int32 => "INT",
        ScalarKind.Int64 => "BIGINT",
        ScalarKind.Single => "FLOAT",
        ScalarKind.Double => "DOUBLE",

        // Every C# decimal (28 fractional digits, 29 digits in all) fits DECIMAL(65, 30).
        ScalarKind.Decimal => facets is { Precision: > 0 } p ? $"DECIMAL({p.Precision}, {p.Scale})" : "DECIMAL(65, 30)",
        ScalarKind.String => (facets is { MaxLength: > 0 } l ? $"VARCHAR({l.MaxLength})" : bounded ? "VARCHAR(255)" : "LONGTEXT") + (type.CaseInsensitive ? " COLLATE utf8mb4_unicode_ci" : string.Empty),
        ScalarKind.Char => "CHAR(1)",
        ScalarKind.Guid => "CHAR(36)",
        ScalarKind.DateTime or ScalarKind.DateTimeOffset => "DATETIME(6)",
        ScalarKind.DateOnly => "DATE",
        ScalarKind.TimeOnly or ScalarKind.TimeSpan => "TIME(6)",
        ScalarKind.ByteArray => facets is { MaxLength: > 0 } b ? $"VARBINARY({b.MaxLength})" : bounded ? "VARBINARY(255)" : "LONGBLOB",
        ScalarKind.Enum => type.NativeEnum is not null && type.EnumMembers.Count > 0 ? "ENUM(" + string.Join(", ", type.EnumMembers.Select(m => "'" + m.Replace("'", "''") + "'")) + ")"
            : type.EnumAsString ? "VARCHAR(255)" : ColumnType(ScalarType.Of(string.Empty, type.EnumUnderlying, true), null, bounded),
        _ => "LONGTEXT",
    };

    public override string IdentityPrimaryKey(ScalarType type) => ColumnType(type, null, true) + " NOT NULL AUTO_INCREMENT PRIMARY KEY";

    // MySQL gives TEXT and BLOB columns only expression defaults, which MariaDB takes too.
    // A backslash escapes in MySQL's string literals (unless NO_BACKSLASH_ESCAPES): doubled, it is itself.
    public override string DefaultLiteral(ScalarType type, ColumnFacets facets)
        => facets.DefaultIsText ? "('" + facets.Default!.Replace("\\", "\\\\").Replace("'", "''") + "')" : base.DefaultLiteral(type, facets);

    public override string? GeneratedDefault(ScalarType type) => type.Kind switch
    {
        ScalarKind.Guid => "(UUID())",
        ScalarKind.DateTime or ScalarKind.DateTimeOffset => "CURRENT_TIMESTAMP(6)",
        _ => null,
    };

    // MySQL's CREATE INDEX has no IF NOT EXISTS; inside CREATE TABLE IF NOT EXISTS the indexes come with the table.
    public override bool IndexesInCreateTable => true;

    // A schema is a database, which the connection string names.
    public override bool TransactionalDdl => false;
}
