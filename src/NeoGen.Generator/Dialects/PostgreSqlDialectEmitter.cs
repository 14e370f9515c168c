using NeoGen.Generator.Model;

namespace NeoGen.Generator.Dialects;

internal sealed class PostgreSqlDialectEmitter : DialectEmitter
{
    public override int Dialect => 1;

    public override string Name => "PostgreSql";

    public override string ConnectionType => "global::Npgsql.NpgsqlConnection";

    public override string CommandType => "global::Npgsql.NpgsqlCommand";

    public override string ReaderType => "global::Npgsql.NpgsqlDataReader";

    public override string TransactionType => "global::Npgsql.NpgsqlTransaction";

    public override string ExceptionType => "global::Npgsql.PostgresException";

    public override bool PrepareOnCreate => false;

    /// <summary>
    /// Typed, positional parameters: no boxing, no name lookup, no SQL rewriting by Npgsql. A nullable
    /// struct cannot live in <c>NpgsqlParameter&lt;T&gt;</c> (its Value setter casts), so those use the
    /// untyped parameter and box; everything else is typed.
    /// </summary>
    public static string? ParameterType(ScalarType type, bool isCollection)
    {
        var stored = ScalarTypes.StoredTypeName(type);
        if (isCollection)
        {
            return $"global::Npgsql.NpgsqlParameter<{stored}[]>";
        }

        return IsBoxed(type) ? null : $"global::Npgsql.NpgsqlParameter<{stored}>";
    }

    private static bool IsBoxed(ScalarType type) => type.IsNullable && type.IsValueType && !(type.Kind == ScalarKind.Enum && type.EnumAsString);

    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => $"new {ParameterType(type, isCollection) ?? "global::Npgsql.NpgsqlParameter"}()";

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        var parameterType = ParameterType(type, isCollection);
        if (isCollection)
        {
            var stored = ScalarTypes.StoredTypeName(type);
            var array = type.Kind == ScalarKind.Enum
                ? $"global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(type.WithNullable(false), "__v")}))"
                : $"({value} as {stored}[] ?? global::System.Linq.Enumerable.ToArray({value}))";
            return $"(({parameterType})command.Parameters[{index}]).TypedValue = {array};";
        }

        if (parameterType is null)
        {
            return $"command.Parameters[{index}].Value = (object?){Stored(type, value)} ?? global::System.DBNull.Value;";
        }

        // A null reference in TypedValue is sent as NULL.
        return $"(({parameterType})command.Parameters[{index}]).TypedValue = {Stored(type, value)};";
    }

    public override string Translate(string repository, string method, string? table)
        => $"global::NeoGen.Internal.NeoGenErrors.FromPostgres(exception, exception.SqlState, exception.ConstraintName, exception.TableName, exception.ColumnName, {repository}, {method}, {table})";
}
