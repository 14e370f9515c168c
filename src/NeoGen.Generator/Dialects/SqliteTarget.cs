using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>SQLite through Microsoft.Data.Sqlite: named parameters, JSON lists through <c>json_each</c>, RETURNING (3.35+).</summary>
internal sealed class SqliteTarget : TargetDialect
{
    public override SqlDialect Sql => SqlDialect.Sqlite;

    public override string ProviderPackage => "Microsoft.Data.Sqlite";

    public override string ProviderMarkerType => "Microsoft.Data.Sqlite.SqliteConnection";

    public override string ConnectionType => "global::Microsoft.Data.Sqlite.SqliteConnection";

    public override string CommandType => "global::Microsoft.Data.Sqlite.SqliteCommand";

    public override string ReaderType => "global::Microsoft.Data.Sqlite.SqliteDataReader";

    public override string TransactionType => "global::Microsoft.Data.Sqlite.SqliteTransaction";

    public override bool PrepareOnCreate => true;

    // SQLite reads TRUE/FALSE as 1/0 since 3.23; the numbers work on every version.
    public override string Boolean(bool value) => value ? "1" : "0";

    public override string Placeholder(int index) => "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The values travel as one JSON array, so the statement stays prepared whatever the count.
    public override string InList(string placeholder, bool negated, ScalarType element) => (negated ? "NOT IN" : "IN") + " (SELECT value FROM json_each(" + placeholder + "))";

    // JSON carries numbers, strings and booleans; Guid keys are stored as blobs, which it cannot.
    public override bool CanListValuesOf(ScalarType element) => element.Kind is ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Byte
        or ScalarKind.String or ScalarKind.Boolean or ScalarKind.Enum or ScalarKind.Double or ScalarKind.Single;

    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => $"new global::Microsoft.Data.Sqlite.SqliteParameter {{ ParameterName = \"{providerName}\" }}";

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        // Microsoft.Data.Sqlite has no typed parameters: values travel as object.
        string stored;
        if (isCollection)
        {
            stored = type.Kind == ScalarKind.Enum || type.Conversion is not null
                ? $"global::NeoGen.Internal.JsonList.Array(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(type.WithNullable(false), "__v")}))"
                : $"global::NeoGen.Internal.JsonList.Array({value})";
        }
        else
        {
            stored = Stored(type, value);
        }

        var needsNullCheck = isCollection || type.IsNullable || !type.IsValueType;
        return needsNullCheck
            ? $"command.Parameters[{index}].Value = (object?){stored} ?? global::System.DBNull.Value;"
            : $"command.Parameters[{index}].Value = {stored};";
    }

    public override ErrorTranslation Errors(string repository, string method, string? table)
        => new("global::Microsoft.Data.Sqlite.SqliteException", $"global::NeoGen.Internal.NeoGenErrors.FromSqlite(exception, exception.SqliteErrorCode, exception.SqliteExtendedErrorCode, {repository}, {method}, {table})");

    // ---- schema ----
    // SQLite has five storage classes: what Microsoft.Data.Sqlite writes decides the column (dates and decimals as
    // text, Guids as 16-byte blobs). A decimal is TEXT, as in EF Core: NUMERIC affinity keeps only 15 digits.
    public override string ColumnType(ScalarType type, ColumnFacets? facets, bool bounded) => type.Conversion is { IsJson: true } ? "TEXT" : type.Kind switch
    {
        ScalarKind.Boolean or ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.Int32 or ScalarKind.Int64 => "INTEGER",
        ScalarKind.Enum => type.EnumAsString ? "TEXT" : "INTEGER",
        ScalarKind.String when type.CaseInsensitive => "TEXT COLLATE NOCASE",
        ScalarKind.Single or ScalarKind.Double => "REAL",
        ScalarKind.Guid or ScalarKind.ByteArray => "BLOB",
        _ => "TEXT",
    };

    // AUTOINCREMENT: a deleted row's id is never handed out again, as identity columns elsewhere.
    public override string IdentityPrimaryKey(ScalarType type) => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string? GeneratedDefault(ScalarType type) => type.Kind switch
    {
        ScalarKind.Guid => "(randomblob(16))",
        ScalarKind.DateTime => "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
        _ => null,
    };
}
