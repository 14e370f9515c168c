using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Emitting;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>
/// SQL Server through Microsoft.Data.SqlClient: bracket quoting, TOP, OUTPUT INSERTED for written rows, MERGE for upserts,
/// lists through OPENJSON, parameters typed where SQL Server would otherwise guess (datetime2, nvarchar(max)).
/// </summary>
internal sealed class SqlServerTarget : TargetDialect
{
    private static readonly HashSet<string> SqlServerReserved = new(Reserved.Common, System.StringComparer.OrdinalIgnoreCase)
    {
        "backup", "browse", "bulk", "cascade", "clustered", "compute", "contains", "current", "cursor", "database", "dbcc",
        "deny", "disk", "distributed", "dump", "errlvl", "escape", "exec", "execute", "exit", "file", "fillfactor", "freetext",
        "function", "goto", "grant", "holdlock", "identity", "if", "kill", "lineno", "load", "merge", "national", "nocheck",
        "nonclustered", "of", "off", "open", "option", "over", "percent", "pivot", "plan", "precision", "print", "proc",
        "procedure", "public", "raiserror", "read", "reconfigure", "replication", "restore", "restrict", "return", "revert",
        "revoke", "rowcount", "rule", "save", "schema", "session_user", "setuser", "shutdown", "some", "statistics",
        "system_user", "tablesample", "textsize", "top", "tran", "transaction", "trigger", "truncate", "tsequal", "unpivot",
        "updatetext", "use", "varying", "view", "waitfor", "while", "writetext", "name", "status", "date", "time",

        // The rest of T-SQL's reserved keywords.
        "add", "alter", "authorization", "begin", "break", "checkpoint", "close", "coalesce", "collate", "commit",
        "containstable", "continue", "convert", "current_date", "current_time", "current_timestamp", "current_user",
        "deallocate", "declare", "double", "external", "freetexttable", "identity_insert", "identitycol", "nullif", "offsets",
        "opendatasource", "openquery", "openrowset", "openxml", "readtext", "rollback", "rowguidcol", "securityaudit",
        "semantickeyphrasetable", "semanticsimilaritydetailstable", "semanticsimilaritytable", "try_convert", "within",
    };

    public override SqlDialect Sql => SqlDialect.SqlServer;

    public override string ProviderPackage => "Microsoft.Data.SqlClient";

    public override string ProviderMarkerType => "Microsoft.Data.SqlClient.SqlConnection";

    public override string ConnectionType => "global::Microsoft.Data.SqlClient.SqlConnection";

    public override string CommandType => "global::Microsoft.Data.SqlClient.SqlCommand";

    public override string ReaderType => "global::Microsoft.Data.SqlClient.SqlDataReader";

    public override string TransactionType => "global::Microsoft.Data.SqlClient.SqlTransaction";

    public override bool PrepareOnCreate => false;

    // sp_executesql caches the plan of a parameterized statement; SqlCommand.Prepare would add a round trip.
    public override bool PreparesCommands => false;

    protected override string QuoteAlways(string identifier) => "[" + identifier.Replace("]", "]]") + "]";

    protected override ISet<string> ReservedWords => SqlServerReserved;

    // T-SQL has no boolean literals: a bit column compares with 1 and 0.
    public override string Boolean(bool value) => value ? "1" : "0";

    public override string Limit(string select, string count)
    {
        var distinct = select.StartsWith("SELECT DISTINCT ", System.StringComparison.Ordinal);
        var head = distinct ? "SELECT DISTINCT " : "SELECT ";
        return head + "TOP (" + count + ") " + select.Substring(head.Length);
    }

    public override string LimitOffset(string orderedSelect, string count, string offset) => orderedSelect + " OFFSET " + offset + " ROWS FETCH NEXT " + count + " ROWS ONLY";

    // COUNT(*) is an int on SQL Server: past 2^31 rows it overflows.
    public override string CountAll => "COUNT_BIG(*)";

    public override string Exists(string subquery) => $"SELECT CASE WHEN EXISTS ({subquery}) THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END";

    protected override string Returning(IReadOnlyList<string> returned) => string.Empty;

    private static string Output(IReadOnlyList<string> returned, string row = "INSERTED")
        => returned.Count == 0 ? string.Empty : " OUTPUT " + string.Join(", ", returned.Select(c => row + "." + c));

    public override string InsertInto(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, IReadOnlyList<string> returned)
        => columns.Count == 0
            ? $"INSERT INTO {table}{Output(returned)} DEFAULT VALUES"
            : $"INSERT INTO {table} ({string.Join(", ", columns)}){Output(returned)} VALUES ({string.Join(", ", values)})";

    public override string UpdateSet(string table, IReadOnlyList<string> set, string where, IReadOnlyList<string> returned)
        => $"UPDATE {table} SET {string.Join(", ", set)}{Output(returned)} WHERE {where}";

    /// <summary>
    /// MERGE by the key, under HOLDLOCK so that two upserts of the same new key cannot both insert. The identity key is
    /// not inserted (SQL Server refuses explicit identity values): a new row gets the key SQL Server generates.
    /// </summary>
    public override string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, IReadOnlyList<string> keys, IReadOnlyList<string> generated, IReadOnlyList<(string Column, bool IsVersion)> updates, IReadOnlyList<string> returned, (string Column, string Value)? tenant)
    {
        var source = string.Join(", ", columns.Select((c, i) => values[i] + " AS " + c));
        var on = string.Join(" AND ", keys.Select(k => "__target." + k + " = __source." + k));
        var set = updates.Select(u => u.IsVersion ? $"{u.Column} = __target.{u.Column} + 1" : $"{u.Column} = __source.{u.Column}").ToList();
        var inserted = columns.Where(c => !generated.Contains(c)).ToList();
        var owner = tenant is { } t ? $" AND __target.{t.Column} = {t.Value}" : string.Empty;
        var matched = set.Count == 0 ? string.Empty : $" WHEN MATCHED{owner} THEN UPDATE SET " + string.Join(", ", set);
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS __target USING (SELECT {source}) AS __source ON {on}{matched}"
            + $" WHEN NOT MATCHED THEN INSERT ({string.Join(", ", inserted)}) VALUES ({string.Join(", ", inserted.Select(c => "__source." + c))}){Output(returned)};";
    }

    public override string Placeholder(int index) => "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // One JSON array parameter read by OPENJSON (SQL Server 2016+), typed by its WITH clause: one statement for any count.
    public override string InList(string placeholder, bool negated, ScalarType element)
        => $"{(negated ? "NOT IN" : "IN")} (SELECT __list.v FROM OPENJSON({placeholder}) WITH (v {JsonColumnType(element)} '$') AS __list)";

    public override bool CanListValuesOf(ScalarType element) => element.Kind is ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Byte
        or ScalarKind.String or ScalarKind.Boolean or ScalarKind.Enum or ScalarKind.Double or ScalarKind.Single;

    private static string JsonColumnType(ScalarType element) => element.Kind switch
    {
        ScalarKind.String => "nvarchar(4000)",
        ScalarKind.Enum when element.EnumAsString => "nvarchar(4000)",
        ScalarKind.Double or ScalarKind.Single => "float",
        ScalarKind.Boolean => "bit",
        _ => "bigint",
    };

    /// <summary>
    /// The SqlDbType where SqlClient's guess from the value would lose data or bloat the plan cache: DateTime would be
    /// <c>datetime</c> (3 ms), a string <c>nvarchar(n)</c> with n its length (a plan per length).
    /// </summary>
    private static string? DbType(ScalarType type, bool isCollection)
    {
        if (isCollection)
        {
            return "SqlDbType = global::System.Data.SqlDbType.NVarChar, Size = -1";
        }

        return type.Kind switch
        {
            ScalarKind.String or ScalarKind.Char => "SqlDbType = global::System.Data.SqlDbType.NVarChar, Size = -1",
            ScalarKind.Enum when type.EnumAsString => "SqlDbType = global::System.Data.SqlDbType.NVarChar, Size = -1",
            ScalarKind.ByteArray => "SqlDbType = global::System.Data.SqlDbType.VarBinary, Size = -1",
            ScalarKind.DateTime => "SqlDbType = global::System.Data.SqlDbType.DateTime2",
            ScalarKind.DateTimeOffset => "SqlDbType = global::System.Data.SqlDbType.DateTimeOffset",
            ScalarKind.DateOnly => "SqlDbType = global::System.Data.SqlDbType.Date",
            ScalarKind.TimeOnly or ScalarKind.TimeSpan => "SqlDbType = global::System.Data.SqlDbType.Time",
            ScalarKind.Guid => "SqlDbType = global::System.Data.SqlDbType.UniqueIdentifier",
            _ => null,
        };
    }

    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => DbType(type, isCollection) is { } dbType
            ? $"new global::Microsoft.Data.SqlClient.SqlParameter {{ ParameterName = \"{providerName}\", {dbType} }}"
            : $"new global::Microsoft.Data.SqlClient.SqlParameter {{ ParameterName = \"{providerName}\" }}";

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        var stored = isCollection
            ? (type.Kind == ScalarKind.Enum || type.Conversion is not null
                ? $"global::NeoGen.Internal.JsonList.Array(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(type.WithNullable(false), "__v")}))"
                : $"global::NeoGen.Internal.JsonList.Array({value})")
            : type.Kind == ScalarKind.Char ? (type.IsNullable ? $"{value}?.ToString()" : $"{value}.ToString()") : Stored(type, value);
        var needsNullCheck = isCollection || type.IsNullable || !type.IsValueType || type.Kind == ScalarKind.Char;
        return needsNullCheck
            ? $"command.Parameters[{index}].Value = (object?){stored} ?? global::System.DBNull.Value;"
            : $"command.Parameters[{index}].Value = {stored};";
    }

    /// <summary>
    /// SqlDataReader's numeric getters take only the exact column type, and the schema does not always know the width
    /// (<c>COUNT(*)</c> is <c>int</c>, a <c>long</c> member may read it): numbers go through <c>Numbers</c>. It has no GetChar.
    /// </summary>
    public override string? Getter(ScalarType type, string ordinal)
    {
        string Number(ScalarKind kind) => kind switch
        {
            ScalarKind.Byte => $"global::NeoGen.Internal.Numbers.Byte(reader, {ordinal})",
            ScalarKind.Int16 => $"global::NeoGen.Internal.Numbers.Int16(reader, {ordinal})",
            ScalarKind.Int64 => $"global::NeoGen.Internal.Numbers.Int64(reader, {ordinal})",
            _ => $"global::NeoGen.Internal.Numbers.Int32(reader, {ordinal})",
        };

        return type.Kind switch
        {
            ScalarKind.Char => $"reader.GetString({ordinal})[0]",
            ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 => Number(type.Kind),
            ScalarKind.Single => $"global::NeoGen.Internal.Numbers.Single(reader, {ordinal})",
            ScalarKind.Double => $"global::NeoGen.Internal.Numbers.Double(reader, {ordinal})",
            ScalarKind.Decimal => $"global::NeoGen.Internal.Numbers.Decimal(reader, {ordinal})",
            ScalarKind.Enum when !type.EnumAsString => $"({type.TypeName}){Number(type.EnumUnderlying)}",
            _ => null,
        };
    }

    public override BulkLoadKind BulkLoad => BulkLoadKind.Always;

    /// <summary>
    /// SqlBulkCopy over the entities as a data reader, checking constraints (it skips them by default) and firing
    /// triggers as an INSERT would, in the transaction of the call.
    /// </summary>
    public override void WriteBulkLoad(CodeWriter w, BulkLoadContext bulk)
    {
        w.Line($"using var bulk = new global::Microsoft.Data.SqlClient.SqlBulkCopy(({ConnectionType})lease.Connection, global::Microsoft.Data.SqlClient.SqlBulkCopyOptions.CheckConstraints | global::Microsoft.Data.SqlClient.SqlBulkCopyOptions.FireTriggers, ownTransaction ?? ({TransactionType}?)lease.Transaction)");
        w.Line("{");
        w.Indent();
        w.Line($"DestinationTableName = {CodeWriter.Literal(bulk.Table)},");
        w.Line("BulkCopyTimeout = 0,");
        w.Line("EnableStreaming = true,");
        w.Outdent();
        w.Line("};");
        for (var i = 0; i < bulk.Columns.Count; i++)
        {
            w.Line($"bulk.ColumnMappings.Add({i}, {CodeWriter.Literal(bulk.Columns[i].Column)});");
        }

        bulk.WriteRowsReader(w);
        w.Open("try");
        w.Line(bulk.IsAsync
            ? $"await bulk.WriteToServerAsync(rows, {bulk.CancellationToken}).ConfigureAwait(false);"
            : "bulk.WriteToServer(rows);");
        w.Close();
        w.Open("catch (global::System.InvalidOperationException exception) when (exception.InnerException is null && exception.Message.Contains(\"DBNull\", global::System.StringComparison.Ordinal))");

        // SqlBulkCopy checks NULLs against NOT NULL columns itself, before the server does.
        w.Line($"throw global::NeoGen.Internal.NeoGenErrors.BulkNull(exception, rows.RowsRead, {bulk.RepositoryLiteral}, {bulk.MethodLiteral}, {bulk.TableLiteral});");
        w.Close();
        w.Line();
        w.Line("ownTransaction?.Commit();");
        w.Line("return rows.RowsRead;");
    }

    public override ErrorTranslation Errors(string repository, string method, string? table)
        => new("global::Microsoft.Data.SqlClient.SqlException", $"global::NeoGen.Internal.NeoGenErrors.FromSqlServer(exception, exception.Number, {repository}, {method}, {table})");

    // ---- schema ----
    // nvarchar(450) and varbinary(900) in keys and indexes: SQL Server's 900-byte index key limit.
    public override string ColumnType(ScalarType type, ColumnFacets? facets, bool bounded) => type.Conversion is { IsJson: true } ? "nvarchar(max)" : type.Kind switch
    {
        ScalarKind.Boolean => "bit",
        ScalarKind.Byte => "tinyint",
        ScalarKind.Int16 => "smallint",
        ScalarKind.Int32 => "int",
        ScalarKind.Int64 => "bigint",
        ScalarKind.Single => "real",
        ScalarKind.Double => "float",

        // No SQL Server type holds every C# decimal; (38, 18) keeps 20 digits before the point and 18 after.
        ScalarKind.Decimal => facets is { Precision: > 0 } p ? $"decimal({p.Precision}, {p.Scale})" : "decimal(38, 18)",
        ScalarKind.String => (facets is { MaxLength: > 0 and <= 4000 } l ? $"nvarchar({l.MaxLength})" : bounded ? "nvarchar(450)" : "nvarchar(max)") + (type.CaseInsensitive ? " COLLATE Latin1_General_100_CI_AS" : string.Empty),
        ScalarKind.Char => "nchar(1)",
        ScalarKind.Guid => "uniqueidentifier",
        ScalarKind.DateTime => "datetime2",
        ScalarKind.DateTimeOffset => "datetimeoffset",
        ScalarKind.DateOnly => "date",
        ScalarKind.TimeOnly or ScalarKind.TimeSpan => "time",
        ScalarKind.ByteArray => facets is { MaxLength: > 0 and <= 8000 } b ? $"varbinary({b.MaxLength})" : bounded ? "varbinary(900)" : "varbinary(max)",
        ScalarKind.Enum => type.EnumAsString ? "nvarchar(255)" : ColumnType(ScalarType.Of(string.Empty, type.EnumUnderlying, true), null, bounded),
        _ => "nvarchar(max)",
    };

    public override string IdentityPrimaryKey(ScalarType type) => ColumnType(type, null, true) + " IDENTITY(1, 1) PRIMARY KEY";

    public override string? GeneratedDefault(ScalarType type) => type.Kind switch
    {
        ScalarKind.Guid => "NEWID()",
        ScalarKind.DateTime => "SYSUTCDATETIME()",
        ScalarKind.DateTimeOffset => "SYSDATETIMEOFFSET()",
        _ => null,
    };

    public override string CreateTable(string table, string qualifiedName, IReadOnlyList<string> definitions)
        => $"IF OBJECT_ID(N'{qualifiedName.Replace("'", "''")}', N'U') IS NULL\nCREATE TABLE {qualifiedName} (\n    {string.Join(",\n    ", definitions)}\n)";

    public override bool IndexesInCreateTable => true;

    // N'...': a literal without N is in the database's code page, which loses what it cannot hold.
    public override string DefaultLiteral(ScalarType type, ColumnFacets facets) => facets.DefaultIsText ? "N" + base.DefaultLiteral(type, facets) : base.DefaultLiteral(type, facets);

    // CREATE SCHEMA must be alone in its batch, hence EXEC.
    public override string? CreateSchema(string schema)
        => $"IF SCHEMA_ID(N'{schema.Replace("'", "''")}') IS NULL EXEC(N'CREATE SCHEMA {Quote(schema).Replace("'", "''")}')";
}
