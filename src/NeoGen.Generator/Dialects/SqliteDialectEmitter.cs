using NeoGen.Generator.Model;

namespace NeoGen.Generator.Dialects;

internal sealed class SqliteDialectEmitter : DialectEmitter
{
    public override int Dialect => 0;

    public override string Name => "Sqlite";

    public override string ConnectionType => "global::Microsoft.Data.Sqlite.SqliteConnection";

    public override string CommandType => "global::Microsoft.Data.Sqlite.SqliteCommand";

    public override string ReaderType => "global::Microsoft.Data.Sqlite.SqliteDataReader";

    public override string TransactionType => "global::Microsoft.Data.Sqlite.SqliteTransaction";

    public override string ExceptionType => "global::Microsoft.Data.Sqlite.SqliteException";

    public override bool PrepareOnCreate => true;

    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => $"new global::Microsoft.Data.Sqlite.SqliteParameter {{ ParameterName = \"{providerName}\" }}";

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        // Microsoft.Data.Sqlite has no typed parameters: values travel as object.
        string stored;
        if (isCollection)
        {
            stored = type.Kind == ScalarKind.Enum
                ? $"global::NeoGen.Internal.SqliteJson.Array(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(type.WithNullable(false), "__v")}))"
                : $"global::NeoGen.Internal.SqliteJson.Array({value})";
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

    public override string Translate(string repository, string method, string? table)
        => $"global::NeoGen.Internal.NeoGenErrors.FromSqlite(exception, exception.SqliteErrorCode, exception.SqliteExtendedErrorCode, {repository}, {method}, {table})";
}
