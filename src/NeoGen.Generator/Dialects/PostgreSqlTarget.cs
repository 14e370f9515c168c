using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Emitting;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>PostgreSQL through Npgsql: positional typed parameters, arrays for lists, binary COPY for bulk inserts.</summary>
internal sealed class PostgreSqlTarget : TargetDialect
{
    public override SqlDialect Sql => SqlDialect.PostgreSql;

    public override string ProviderPackage => "Npgsql";

    public override string ProviderMarkerType => "Npgsql.NpgsqlConnection";

    public override string ConnectionType => "global::Npgsql.NpgsqlConnection";

    public override string CommandType => "global::Npgsql.NpgsqlCommand";

    public override string ReaderType => "global::Npgsql.NpgsqlDataReader";

    public override string TransactionType => "global::Npgsql.NpgsqlTransaction";

    public override bool PrepareOnCreate => false;

    public override (string Batch, string Command)? BatchTypes => ("global::Npgsql.NpgsqlBatch", "global::Npgsql.NpgsqlBatchCommand");

    public override string? FailedBatchCommandIndex => "exception.BatchCommand is null ? -1 : batch.BatchCommands.IndexOf(exception.BatchCommand)";

    public override bool HasArrays => true;

    public override BulkLoadKind BulkLoad => BulkLoadKind.Always;

    // One COPY is one statement: it loads every row or none.
    public override bool BulkLoadInTransaction => false;

    /// <summary>Binary COPY through Npgsql's importer, each value written with its PostgreSQL type.</summary>
    public override void WriteBulkLoad(CodeWriter w, BulkLoadContext bulk)
    {
        var isAsync = bulk.IsAsync;
        var ct = bulk.CancellationToken;
        var copy = $"COPY {bulk.Table} ({string.Join(", ", bulk.Columns.Select(m => Quote(m.Column)))}) FROM STDIN (FORMAT BINARY)";
        w.Line(isAsync
            ? $"var importer = await (({ConnectionType})lease.Connection).BeginBinaryImportAsync({CodeWriter.Literal(copy)}, {ct}).ConfigureAwait(false);"
            : $"var importer = (({ConnectionType})lease.Connection).BeginBinaryImport({CodeWriter.Literal(copy)});");
        w.Line(isAsync ? "await using (global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(importer, false))" : "using (importer)");
        w.Line("{");
        w.Indent();
        w.Open("foreach (var entity in entities)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(entity, nameof(entities));");
        w.Line(isAsync ? $"await importer.StartRowAsync({ct}).ConfigureAwait(false);" : "importer.StartRow();");
        foreach (var member in bulk.Columns)
        {
            var stored = BulkLoadContext.ValueOf(member, "entity");

            // Naming the PostgreSQL type lets Npgsql resolve the converter once per column instead of per value.
            // An enum's binary form is its label's text, so a database enum column takes text in a binary COPY.
            var type = CopyType(member.Type) is { } known ? ", global::NpgsqlTypes.NpgsqlDbType." + known : string.Empty;
            if (member.Type.IsNullable || !member.Type.IsValueType)
            {
                w.Line($"if ({stored} is {{ }} __{member.Name}) {{ {(isAsync ? $"await importer.WriteAsync(__{member.Name}{type}, {ct}).ConfigureAwait(false)" : $"importer.Write(__{member.Name}{type})")}; }} else {{ {(isAsync ? $"await importer.WriteNullAsync({ct}).ConfigureAwait(false)" : "importer.WriteNull()")}; }}");
            }
            else
            {
                w.Line(isAsync ? $"await importer.WriteAsync({stored}{type}, {ct}).ConfigureAwait(false);" : $"importer.Write({stored}{type});");
            }
        }

        w.Close();
        w.Line();
        w.Line(isAsync ? $"return (long)await importer.CompleteAsync({ct}).ConfigureAwait(false);" : "return (long)importer.Complete();");
        w.Outdent();
        w.Line("}");
    }

    // Positional $n: Npgsql sends them as they are, with no SQL rewriting at run time.
    public override string Placeholder(int index) => "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A list meeting a citext or enum column is cast as a single value would be (the array of that type).
    public override string InList(string placeholder, bool negated, ScalarType element)
    {
        var typed = element.NativeEnum is { } enumType ? placeholder + "::" + Quote(enumType) + "[]" : element.CaseInsensitive ? placeholder + "::citext[]" : placeholder;
        return negated ? "<> ALL(" + typed + ")" : "= ANY(" + typed + ")";
    }

    /// <summary>
    /// Typed, positional parameters: no boxing, no name lookup. A nullable struct cannot live in
    /// <c>NpgsqlParameter&lt;T&gt;</c> (its Value setter casts), so those use the untyped parameter and box.
    /// </summary>
    public static string? ParameterType(ScalarType type, bool isCollection)
    {
        if (isCollection)
        {
            return $"global::Npgsql.NpgsqlParameter<{ScalarTypes.StoredTypeName(type.WithNullable(false))}[]>";
        }

        if (type.Kind == ScalarKind.Array)
        {
            return $"global::Npgsql.NpgsqlParameter<{ScalarTypes.StoredTypeName(type.Element!.WithNullable(false))}{(type.Element!.IsNullable && type.Element.IsValueType ? "?" : string.Empty)}[]>";
        }

        return IsBoxed(type) ? null : $"global::Npgsql.NpgsqlParameter<{ScalarTypes.StoredTypeName(type)}>";
    }

    private static bool IsBoxed(ScalarType type) => type.IsNullable && type.IsValueType && !(type.Kind == ScalarKind.Enum && type.EnumAsString);

    // A [JsonColumn] value is text that PostgreSQL must take as jsonb, which it does not cast text to by itself.
    public override string NewParameter(string providerName, ScalarType type, bool isCollection)
        => $"new {ParameterType(type, isCollection) ?? "global::Npgsql.NpgsqlParameter"}(){(type.Conversion is { IsJson: true } && !isCollection ? " { NpgsqlDbType = global::NpgsqlTypes.NpgsqlDbType.Jsonb }" : string.Empty)}";

    // A database enum's value travels as text and is cast in the statement, where PostgreSQL finds the type by the
    // search path (Npgsql's lookup by name is ambiguous when several schemas have a type of that name).
    public override string TypedPlaceholder(string placeholder, ScalarType type)
        => type.NativeEnum is { } enumType && type.Kind != ScalarKind.Array ? placeholder + "::" + Quote(enumType)
            : type.CaseInsensitive ? placeholder + "::citext"
            : placeholder;

    // citext is a contrib extension (trusted since PostgreSQL 13: a database owner may create it). It goes in public,
    // which every default search path has, not in whichever schema the creating session happens to search first.
    public override string? CreateExtension(ScalarType type) => type.CaseInsensitive ? "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public" : null;

    public override string SetParameter(int index, ScalarType type, bool isCollection, string value)
    {
        var parameterType = ParameterType(type, isCollection);
        if (isCollection || type.Kind == ScalarKind.Array)
        {
            var element = (isCollection ? type : type.Element!).WithNullable(isCollection ? false : type.Element!.IsNullable);
            var stored = ScalarTypes.StoredTypeName(element.WithNullable(false)) + (element.IsNullable && element.IsValueType ? "?" : string.Empty);
            var array = element.Kind is ScalarKind.Enum or ScalarKind.DateTime or ScalarKind.DateTimeOffset || element.Conversion is not null
                ? $"global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({value}, static __v => {Stored(element, "__v")}))"
                : $"global::NeoGen.Internal.Arrays.Of<{stored}>({value})";
            if (!isCollection && type.IsNullable)
            {
                array = $"({value} is null ? null : {array})";
            }

            return $"(({parameterType})command.Parameters[{index}]).TypedValue = {array};";
        }

        if (parameterType is null)
        {
            return $"command.Parameters[{index}].Value = (object?){Stored(type, value)} ?? global::System.DBNull.Value;";
        }

        // A null reference in TypedValue is sent as NULL.
        return $"(({parameterType})command.Parameters[{index}]).TypedValue = {Stored(type, value)};";
    }

    public override ErrorTranslation Errors(string repository, string method, string? table)
        => new("global::Npgsql.PostgresException", $"global::NeoGen.Internal.NeoGenErrors.FromPostgres(exception, exception.SqlState, exception.ConstraintName, exception.TableName, exception.ColumnName, {repository}, {method}, {table})", "exception.Where");

    /// <summary>The PostgreSQL type a value is copied as, where the CLR type alone decides it.</summary>
    public static string? CopyType(ScalarType type) => type.Conversion is { IsJson: true } ? "Jsonb" : type.Kind switch
    {
        ScalarKind.Boolean => "Boolean",
        ScalarKind.Int16 => "Smallint",
        ScalarKind.Int32 => "Integer",
        ScalarKind.Int64 => "Bigint",
        ScalarKind.Single => "Real",
        ScalarKind.Double => "Double",
        ScalarKind.Decimal => "Numeric",
        ScalarKind.String => "Text",
        ScalarKind.Guid => "Uuid",
        ScalarKind.ByteArray => "Bytea",
        ScalarKind.DateOnly => "Date",
        ScalarKind.TimeOnly => "Time",
        ScalarKind.TimeSpan => "Interval",
        ScalarKind.DateTime => "TimestampTz",
        ScalarKind.DateTimeOffset => "TimestampTz",
        ScalarKind.Enum when type.EnumAsString => "Text",
        ScalarKind.Enum => type.EnumUnderlying switch
        {
            ScalarKind.Int16 => "Smallint",
            ScalarKind.Int64 => "Bigint",
            ScalarKind.Int32 => "Integer",
            _ => null,
        },
        _ => null,
    };

    // ---- schema ----
    public override string ColumnType(ScalarType type, ColumnFacets? facets, bool bounded) => type.Conversion is { IsJson: true } ? "jsonb" : type.Kind switch
    {
        ScalarKind.Boolean => "boolean",
        ScalarKind.Byte or ScalarKind.Int16 => "smallint",
        ScalarKind.Int32 => "integer",
        ScalarKind.Int64 => "bigint",
        ScalarKind.Single => "real",
        ScalarKind.Double => "double precision",
        ScalarKind.Decimal => facets is { Precision: > 0 } p ? $"numeric({p.Precision}, {p.Scale})" : "numeric",
        ScalarKind.String => type.CaseInsensitive ? "citext" : facets is { MaxLength: > 0 } l ? $"varchar({l.MaxLength})" : "text",
        ScalarKind.Char => "character(1)",
        ScalarKind.Guid => "uuid",
        ScalarKind.DateTime or ScalarKind.DateTimeOffset => "timestamptz",
        ScalarKind.DateOnly => "date",
        ScalarKind.TimeOnly => "time",
        ScalarKind.TimeSpan => "interval",
        ScalarKind.ByteArray => "bytea",
        ScalarKind.Enum => type.NativeEnum is { } native ? Quote(native) : type.EnumAsString ? "text" : ColumnType(Of(type.EnumUnderlying), null, bounded),
        ScalarKind.Array => ColumnType(type.Element!, null, bounded) + "[]",
        _ => "text",
    };

    public override string IdentityPrimaryKey(ScalarType type) => ColumnType(type, null, true) + " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";

    public override string? GeneratedDefault(ScalarType type) => type.Kind switch
    {
        ScalarKind.Guid => "gen_random_uuid()",
        ScalarKind.DateTime or ScalarKind.DateTimeOffset => "now()",
        _ => null,
    };

    public override string? CreateSchema(string schema) => "CREATE SCHEMA IF NOT EXISTS " + Quote(schema);

    // PostgreSQL has no CREATE TYPE IF NOT EXISTS: an existing type of that name is left as it is.
    public override string? CreateEnumType(string name, IReadOnlyList<string> labels)
        => $"DO $$ BEGIN CREATE TYPE {Quote(name)} AS ENUM ({string.Join(", ", labels.Select(l => "'" + l.Replace("'", "''") + "'"))}); EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    private static ScalarType Of(ScalarKind kind) => ScalarType.Of(string.Empty, kind, true);
}
