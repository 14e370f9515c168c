using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Schema;

/// <summary>A normalized type category, the same for every dialect's spelling of it.</summary>
public enum SqlType
{
    Unknown = 0,
    Integer,
    Decimal,
    Float,
    Text,
    Boolean,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
    Binary,
    Json,
    Array,
    Enum,

    /// <summary>A duration: PostgreSQL <c>interval</c>.</summary>
    Interval,
}

/// <summary>Maps a declared type name to a <see cref="SqlType"/>.</summary>
public static class SqlTypes
{
    private static readonly Dictionary<string, SqlType> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = SqlType.Integer,
        ["integer"] = SqlType.Integer,
        ["smallint"] = SqlType.Integer,
        ["bigint"] = SqlType.Integer,
        ["tinyint"] = SqlType.Integer,
        ["mediumint"] = SqlType.Integer,
        ["int2"] = SqlType.Integer,
        ["int4"] = SqlType.Integer,
        ["int8"] = SqlType.Integer,
        ["serial"] = SqlType.Integer,
        ["bigserial"] = SqlType.Integer,
        ["smallserial"] = SqlType.Integer,
        ["serial2"] = SqlType.Integer,
        ["serial4"] = SqlType.Integer,
        ["serial8"] = SqlType.Integer,
        ["year"] = SqlType.Integer,
        ["oid"] = SqlType.Integer,
        ["decimal"] = SqlType.Decimal,
        ["numeric"] = SqlType.Decimal,
        ["dec"] = SqlType.Decimal,
        ["fixed"] = SqlType.Decimal,
        ["money"] = SqlType.Decimal,
        ["smallmoney"] = SqlType.Decimal,
        ["number"] = SqlType.Decimal,
        ["real"] = SqlType.Float,
        ["float"] = SqlType.Float,
        ["double"] = SqlType.Float,
        ["float4"] = SqlType.Float,
        ["float8"] = SqlType.Float,
        ["binary_float"] = SqlType.Float,
        ["binary_double"] = SqlType.Float,
        ["text"] = SqlType.Text,
        ["varchar"] = SqlType.Text,
        ["char"] = SqlType.Text,
        ["character"] = SqlType.Text,
        ["nvarchar"] = SqlType.Text,
        ["nchar"] = SqlType.Text,
        ["ntext"] = SqlType.Text,
        ["tinytext"] = SqlType.Text,
        ["mediumtext"] = SqlType.Text,
        ["longtext"] = SqlType.Text,
        ["clob"] = SqlType.Text,
        ["citext"] = SqlType.Text,
        ["bpchar"] = SqlType.Text,
        ["varchar2"] = SqlType.Text,
        ["nvarchar2"] = SqlType.Text,
        ["string"] = SqlType.Text,
        ["name"] = SqlType.Text,
        ["xml"] = SqlType.Text,
        ["set"] = SqlType.Text,
        ["sysname"] = SqlType.Text,
        ["nclob"] = SqlType.Text,
        ["native"] = SqlType.Text,
        ["varying"] = SqlType.Text,
        ["inet"] = SqlType.Text,
        ["cidr"] = SqlType.Text,
        ["macaddr"] = SqlType.Text,
        ["interval"] = SqlType.Interval,
        ["bool"] = SqlType.Boolean,
        ["boolean"] = SqlType.Boolean,
        ["bit"] = SqlType.Boolean,
        ["date"] = SqlType.Date,
        ["time"] = SqlType.Time,
        ["timetz"] = SqlType.Time,
        ["timestamp"] = SqlType.Timestamp,
        ["datetime"] = SqlType.Timestamp,
        ["datetime2"] = SqlType.Timestamp,
        ["smalldatetime"] = SqlType.Timestamp,
        ["timestamptz"] = SqlType.TimestampTz,
        ["datetimeoffset"] = SqlType.TimestampTz,
        ["uuid"] = SqlType.Uuid,
        ["uniqueidentifier"] = SqlType.Uuid,
        ["blob"] = SqlType.Binary,
        ["bytea"] = SqlType.Binary,
        ["binary"] = SqlType.Binary,
        ["varbinary"] = SqlType.Binary,
        ["image"] = SqlType.Binary,
        ["tinyblob"] = SqlType.Binary,
        ["mediumblob"] = SqlType.Binary,
        ["longblob"] = SqlType.Binary,
        ["rowversion"] = SqlType.Binary,
        ["json"] = SqlType.Json,
        ["jsonb"] = SqlType.Json,
        ["enum"] = SqlType.Enum,
    };

    /// <summary>
    /// The category of a declared type: <paramref name="typeName"/> as written without arguments (<c>varchar</c>,
    /// <c>double precision</c>, <c>timestamp with time zone</c>, <c>pg_catalog.int4</c>), its arguments' count and array rank.
    /// Names in <paramref name="enumTypes"/> are <see cref="SqlType.Enum"/>.
    /// </summary>
    public static SqlType Categorize(string? typeName, SqlDialect dialect, int arrayRank = 0, IReadOnlyList<string>? arguments = null, Func<string, bool>? isEnumType = null)
    {
        if (arrayRank > 0)
        {
            return SqlType.Array;
        }

        if (string.IsNullOrWhiteSpace(typeName))
        {
            return SqlType.Unknown;
        }

        var name = typeName!.Trim();
        if (isEnumType != null && isEnumType(name))
        {
            return SqlType.Enum;
        }

        var lower = name.ToLowerInvariant();
        var dot = lower.LastIndexOf('.');
        if (dot >= 0 && dot + 1 < lower.Length)
        {
            lower = lower.Substring(dot + 1);
        }

        if (lower.EndsWith("[]", StringComparison.Ordinal))
        {
            return SqlType.Array;
        }

        if (lower.Contains("with time zone") && !lower.Contains("without"))
        {
            return lower.StartsWith("time ", StringComparison.Ordinal) ? SqlType.Time : SqlType.TimestampTz;
        }

        var space = lower.IndexOf(' ');
        var first = space < 0 ? lower : lower.Substring(0, space);
        if (first == "timestamp" && dialect == SqlDialect.SqlServer)
        {
            return SqlType.Binary; // T-SQL timestamp is rowversion.
        }

        if (first == "tinyint" && dialect == SqlDialect.MySql && arguments != null && arguments.Count == 1 && arguments[0] == "1")
        {
            return SqlType.Boolean;
        }

        if (first == "bit" && dialect != SqlDialect.SqlServer && arguments != null && arguments.Count == 1 && arguments[0] != "1")
        {
            return SqlType.Binary;
        }

        if ((first == "signed" || first == "unsigned") && dialect == SqlDialect.MySql)
        {
            return SqlType.Integer; // CAST(x AS UNSIGNED), CONVERT(x, SIGNED INTEGER).
        }

        if (first == "enum")
        {
            return dialect == SqlDialect.MySql ? SqlType.Enum : SqlType.Unknown;
        }

        if (Names.TryGetValue(first, out var category))
        {
            return category;
        }

        if (dialect == SqlDialect.Sqlite)
        {
            // SQLite type affinity (https://sqlite.org/datatype3.html, 3.1).
            if (lower.Contains("int"))
            {
                return SqlType.Integer;
            }

            if (lower.Contains("char") || lower.Contains("clob") || lower.Contains("text"))
            {
                return SqlType.Text;
            }

            if (lower.Contains("blob"))
            {
                return SqlType.Binary;
            }

            if (lower.Contains("real") || lower.Contains("floa") || lower.Contains("doub"))
            {
                return SqlType.Float;
            }
        }

        return SqlType.Unknown;
    }

    /// <summary>PostgreSQL serial types: integer columns with a sequence default.</summary>
    public static bool IsSerial(string? typeName)
    {
        if (typeName == null)
        {
            return false;
        }

        var lower = typeName.ToLowerInvariant();
        return lower == "serial" || lower == "bigserial" || lower == "smallserial" || lower == "serial2" || lower == "serial4" || lower == "serial8";
    }
}
