using System.Collections.Generic;
using NeoGen.Generator.Emitting;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>How a collection parameter is written in the provider's SQL.</summary>
internal enum ListForm
{
    /// <summary><c>col IN @p</c> / <c>col NOT IN @p</c>.</summary>
    In,

    /// <summary><c>col = ANY(@p)</c>, already in the statement.</summary>
    Any,
}

/// <summary>How a provider error is translated: the generated expression and the exception type caught.</summary>
/// <param name="ExceptionType">The provider's exception type.</param>
/// <param name="Expression">The NeoGen exception it becomes, from <c>exception</c>.</param>
/// <param name="BulkRowContext">Where the provider's exception names the bulk row that failed (PostgreSQL's COPY context), or null.</param>
internal sealed record ErrorTranslation(string ExceptionType, string Expression, string? BulkRowContext = null);

/// <summary>
/// Everything that differs between databases in what the generator writes, for one database: SQL spelling
/// (quoting, paging, LIKE escaping, INSERT/UPDATE/UPSERT shapes, identity read-back), parameters (naming, lists,
/// provider types, typed setters), the ADO.NET types, error translation, bulk loading, and the provider package.
/// A new database is a new subclass and a line in <see cref="TargetDialects"/>.
/// </summary>
internal abstract class TargetDialect
{
    /// <summary>The dialect NeoGen.Sql parses and binds for.</summary>
    public abstract SqlDialect Sql { get; }

    /// <summary>The member of <c>NeoGen.Dialect</c> and the class-name prefix: <c>Sqlite</c>, <c>PostgreSql</c>.</summary>
    public string Name => DialectNames.Member(Sql);

    /// <summary>The name in messages: SQLite, PostgreSQL.</summary>
    public string DisplayName => DialectNames.Display(Sql);

    /// <summary>The NuGet package the application references for this database (NG0008 names it).</summary>
    public abstract string ProviderPackage { get; }

    /// <summary>A type of the provider, looked up to know the package is referenced.</summary>
    public abstract string ProviderMarkerType { get; }

    // ---- SQL ----------------------------------------------------------------------------------------------------

    /// <summary>An identifier as written in generated SQL: bare when the database would read it unchanged, quoted otherwise.</summary>
    public string Quote(string identifier)
    {
        var plain = identifier.Length > 0 && (identifier[0] == '_' || (identifier[0] >= 'a' && identifier[0] <= 'z'));
        for (var i = 1; plain && i < identifier.Length; i++)
        {
            var c = identifier[i];
            plain = c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }

        return plain && !ReservedWords.Contains(identifier) ? identifier : QuoteAlways(identifier);
    }

    /// <summary>The database's quoting: <c>"x"</c>, <c>`x`</c>, <c>[x]</c>.</summary>
    protected virtual string QuoteAlways(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Words generated SQL quotes when a column or table is named so.</summary>
    protected virtual ISet<string> ReservedWords => Reserved.Common;

    /// <summary>A boolean literal.</summary>
    public virtual string Boolean(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>Wraps a SELECT so that it returns at most <paramref name="count"/> rows (a number or a parameter).</summary>
    public virtual string Limit(string select, string count) => select + " LIMIT " + count;

    /// <summary><paramref name="count"/> rows of an ordered SELECT after skipping <paramref name="offset"/>.</summary>
    public virtual string LimitOffset(string orderedSelect, string count, string offset) => orderedSelect + " LIMIT " + count + " OFFSET " + offset;

    /// <summary>The count of all rows, of a type that holds any count.</summary>
    public virtual string CountAll => "COUNT(*)";

    /// <summary>A query that returns one boolean: whether <paramref name="subquery"/> has a row.</summary>
    public virtual string Exists(string subquery) => $"SELECT EXISTS ({subquery})";

    /// <summary>The ESCAPE clause that goes with <see cref="LikePatternHelper"/>'s escaping.</summary>
    public virtual string LikeEscape => " ESCAPE '\\'";

    /// <summary>The runtime helper that turns a derived query's argument into an escaped LIKE pattern.</summary>
    public virtual string LikePatternHelper(string operation, string argument) => $"global::NeoGen.Internal.LikePattern.{operation}({argument})";

    /// <summary>
    /// Whether INSERT, UPDATE and DELETE can return columns in the same statement (RETURNING). When not, the statement
    /// writer reads the row back with a SELECT in the same command (<see cref="InsertedKey"/>, <see cref="RowsChanged"/>).
    /// </summary>
    public virtual bool HasReturning => true;

    /// <summary>The SQL value of the key the last INSERT generated, for dialects without RETURNING.</summary>
    public virtual string InsertedKey => throw new System.NotSupportedException(DisplayName + " returns inserted rows itself");

    /// <summary>The SQL value of the number of rows the previous statement changed, for dialects without RETURNING.</summary>
    public virtual string RowsChanged => throw new System.NotSupportedException(DisplayName + " returns updated rows itself");

    /// <summary>The clause after an INSERT/UPDATE that returns <paramref name="returned"/> (quoted columns); empty for none.</summary>
    protected virtual string Returning(IReadOnlyList<string> returned) => returned.Count == 0 ? string.Empty : " RETURNING " + string.Join(", ", returned);

    /// <summary>An INSERT of <paramref name="values"/> into <paramref name="columns"/> (none: the defaults), returning <paramref name="returned"/>.</summary>
    public virtual string InsertInto(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, IReadOnlyList<string> returned)
        => columns.Count == 0
            ? $"INSERT INTO {table} DEFAULT VALUES{Returning(returned)}"
            : $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}){Returning(returned)}";

    /// <summary>An UPDATE of <paramref name="set"/> (assignments) where <paramref name="where"/> holds, returning <paramref name="returned"/>.</summary>
    public virtual string UpdateSet(string table, IReadOnlyList<string> set, string where, IReadOnlyList<string> returned)
        => $"UPDATE {table} SET {string.Join(", ", set)} WHERE {where}{Returning(returned)}";

    /// <summary>
    /// An INSERT that writes <paramref name="columns"/> or, when the key <paramref name="keys"/> exists, updates
    /// <paramref name="updates"/>, returning <paramref name="returned"/>; null when the database has no single statement
    /// for it that goes by the key alone.
    /// </summary>
    /// <param name="table">The quoted table.</param>
    /// <param name="columns">The quoted columns written, keys included.</param>
    /// <param name="values">Their values (<c>@name</c> parameters).</param>
    /// <param name="keys">The quoted key columns the row is found by.</param>
    /// <param name="generated">The columns of <paramref name="columns"/> the database generates (an identity key).</param>
    /// <param name="updates">The columns an existing row gets, and whether each is the version.</param>
    /// <param name="returned">The quoted columns to return.</param>
    /// <param name="tenant">The quoted tenant column and its value: an existing row is updated only when it is the tenant's.</param>
    public virtual string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, IReadOnlyList<string> keys, IReadOnlyList<string> generated, IReadOnlyList<(string Column, bool IsVersion)> updates, IReadOnlyList<string> returned, (string Column, string Value)? tenant = null)
    {
        var set = new List<string>();
        foreach (var (column, isVersion) in updates)
        {
            set.Add(isVersion ? $"{column} = {table}.{column} + 1" : $"{column} = excluded.{column}");
        }

        var action = set.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", set)
            + (tenant is { } owner ? $" WHERE {table}.{owner.Column} = {owner.Value}" : string.Empty);
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) ON CONFLICT ({string.Join(", ", keys)}) {action}{Returning(returned)}";
    }

    /// <summary>
    /// Whether an upsert is an UPDATE by key followed by an INSERT guarded by <see cref="RowsChanged"/> = 0, in one
    /// command, instead of <see cref="Upsert"/>'s single statement.
    /// </summary>
    public virtual bool UpsertsByUpdateThenInsert => false;

    /// <summary>A SELECT of values that returns its row only when <paramref name="condition"/> holds (no table).</summary>
    public virtual string SelectWhere(string values, string condition) => $"SELECT {values} WHERE {condition}";

    // ---- parameters ---------------------------------------------------------------------------------------------

    /// <summary>The provider's placeholder for parameter number <paramref name="index"/> (0-based).</summary>
    public abstract string Placeholder(int index);

    /// <summary>The placeholder as it stands in the statement for a value of <paramref name="type"/> (PostgreSQL casts a database enum's text).</summary>
    public virtual string TypedPlaceholder(string placeholder, ScalarType type) => placeholder;

    /// <summary>The SQL that replaces <c>[NOT] IN @p</c> so that the list of <paramref name="element"/> values travels as one parameter.</summary>
    public abstract string InList(string placeholder, bool negated, ScalarType element);

    /// <summary>Whether a list parameter can carry values of this type (SQLite's JSON lists carry no blobs).</summary>
    public virtual bool CanListValuesOf(ScalarType element) => true;

    /// <summary>Whether one parameter can carry an array value (a PostgreSQL array column).</summary>
    public virtual bool HasArrays => false;

    // ---- provider types -----------------------------------------------------------------------------------------

    public abstract string ConnectionType { get; }

    public abstract string CommandType { get; }

    public abstract string ReaderType { get; }

    public abstract string TransactionType { get; }

    /// <summary>Whether commands are prepared when first made (SQLite), or after their first binding (Npgsql: types come from values).</summary>
    public abstract bool PrepareOnCreate { get; }

    /// <summary>Whether commands are prepared at all (not on SQL Server, whose parameterized statements are cached anyway).</summary>
    public virtual bool PreparesCommands => true;

    /// <summary>
    /// Without <see cref="HasReturning"/>: whether some servers of the dialect have INSERT ... RETURNING all the same
    /// (MariaDB 10.5+), so an insert is also written that way and chosen by <see cref="ServerHasInsertReturning"/>.
    /// </summary>
    public virtual bool ReturningWhenTheServerHasIt => false;

    /// <summary>An expression: whether the server behind <paramref name="connection"/> has INSERT ... RETURNING.</summary>
    public virtual string ServerHasInsertReturning(string connection) => "false";

    /// <summary>
    /// The provider's <c>DbBatch</c> and <c>DbBatchCommand</c> types, or null: UpdateMany and DeleteMany send their
    /// statements in batches (one round trip per batch) where the provider has them and the database is remote.
    /// </summary>
    public virtual (string Batch, string Command)? BatchTypes => null;

    /// <summary>
    /// A catch clause's filter and the expression of the failed command's index in <c>batch</c>, where the provider's
    /// exception names the command of a batch that failed (Npgsql's <c>BatchCommand</c>); null otherwise.
    /// </summary>
    public virtual string? FailedBatchCommandIndex => null;

    /// <summary>Whether a command of several statements (a write and its read-back) is prepared too.</summary>
    public virtual bool PreparesScripts => true;

    /// <summary>An expression that makes an empty parameter for <c>command.Parameters</c>.</summary>
    public abstract string NewParameter(string providerName, ScalarType type, bool isCollection);

    /// <summary>A statement that sets parameter <paramref name="index"/> of <c>command</c> to <paramref name="value"/>.</summary>
    public abstract string SetParameter(int index, ScalarType type, bool isCollection, string value);

    /// <summary>The typed getter call that reads <paramref name="ordinal"/> as <paramref name="type"/> (not null).</summary>
    public virtual string? Getter(ScalarType type, string ordinal) => null;

    /// <summary>The error translation of this provider.</summary>
    public abstract ErrorTranslation Errors(string repository, string method, string? table);

    /// <summary>How bulk inserts load rows: a prepared INSERT per row, or the provider's bulk API (written by <see cref="WriteBulkLoad"/>).</summary>
    public virtual BulkLoadKind BulkLoad => BulkLoadKind.PreparedInserts;

    /// <summary>Whether the bulk load runs in a transaction of its own when the caller has none (so a failure writes nothing).</summary>
    public virtual bool BulkLoadInTransaction => true;

    /// <summary>
    /// Writes the provider's bulk load of <c>entities</c>, ending in <c>return</c> the row count (inside an <c>if</c> for
    /// <see cref="BulkLoadKind.WhenAllowed"/>). Only called when <see cref="BulkLoad"/> is not <see cref="BulkLoadKind.PreparedInserts"/>.
    /// </summary>
    public virtual void WriteBulkLoad(CodeWriter w, BulkLoadContext bulk)
    {
    }

    // ---- schema (the DDL of NeoGenSchema) --------------------------------------------------------------------------

    /// <summary>
    /// The column type a member is created with: the type NeoGen writes and reads it as (docs/schema.md lists them).
    /// <paramref name="bounded"/>: the column is in a key, an index or a foreign key, where MySQL and SQL Server refuse
    /// unbounded text and binary types.
    /// </summary>
    public abstract string ColumnType(ScalarType type, ColumnFacets? facets, bool bounded);

    /// <summary>The definition after the name of a generated integer primary key: identity, AUTOINCREMENT, AUTO_INCREMENT.</summary>
    public abstract string IdentityPrimaryKey(ScalarType type);

    /// <summary>The default a <c>[Generated]</c> column other than an integer key gets from the database, or null when this database has none for its type.</summary>
    public abstract string? GeneratedDefault(ScalarType type);

    /// <summary>A column default as this database spells the literal.</summary>
    public virtual string DefaultLiteral(ScalarType type, ColumnFacets facets)
    {
        if (facets.DefaultIsText)
        {
            return "'" + facets.Default!.Replace("'", "''") + "'";
        }

        return type.Kind == ScalarKind.Boolean ? Boolean(facets.Default == "true") : facets.Default!;
    }

    /// <summary>A table created only when it does not exist yet.</summary>
    public virtual string CreateTable(string table, string qualifiedName, IReadOnlyList<string> definitions)
        => "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (\n    " + string.Join(",\n    ", definitions) + "\n)";

    /// <summary>Indexes are definitions inside CREATE TABLE (MySQL, whose CREATE INDEX has no IF NOT EXISTS; SQL Server) rather than statements of their own.</summary>
    public virtual bool IndexesInCreateTable => false;

    /// <summary>An index created only when it does not exist yet (when not <see cref="IndexesInCreateTable"/>).</summary>
    public virtual string CreateIndex(string name, string qualifiedTable, IReadOnlyList<string> columns, bool unique)
        => $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {Quote(name)} ON {qualifiedTable} ({string.Join(", ", columns)})";

    /// <summary>An index as a definition inside CREATE TABLE (when <see cref="IndexesInCreateTable"/>).</summary>
    public virtual string IndexDefinition(string name, IReadOnlyList<string> columns, bool unique)
        => (unique ? "CONSTRAINT " + Quote(name) + " UNIQUE" : "INDEX " + Quote(name)) + " (" + string.Join(", ", columns) + ")";

    /// <summary>The statement that makes the column type of <paramref name="type"/> available (an extension), or null.</summary>
    public virtual string? CreateExtension(ScalarType type) => null;

    /// <summary>The statement that creates a database enum type of <paramref name="labels"/> when it is missing, or null where enums are column types or text.</summary>
    public virtual string? CreateEnumType(string name, IReadOnlyList<string> labels) => null;

    /// <summary>The statement that creates <paramref name="schema"/> when it is missing, or null where a schema is not created by NeoGen (SQLite, MySQL).</summary>
    public virtual string? CreateSchema(string schema) => null;

    /// <summary>A table name qualified by its schema.</summary>
    public virtual string QualifiedName(string table, string? schema) => schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);

    /// <summary>Whether DDL runs inside a transaction (MySQL commits each statement itself).</summary>
    public virtual bool TransactionalDdl => true;

    /// <summary>The value as the provider stores it: enums as their number or name, dates in UTC.</summary>
    public static string Stored(ScalarType type, string value)
    {
        if (type.Protection is not null)
        {
            return EncryptionCode.Encrypt(type, value);
        }

        if (type.Conversion is { } conversion)
        {
            // The member's value converted to the stored one, which is then stored as any value of that type. The
            // value is a member or a parameter, read twice rather than bound to a pattern variable that would clash.
            if (!type.IsNullable)
            {
                return Stored(conversion.Stored, conversion.Store(value));
            }

            var storedName = ScalarTypes.StoredTypeName(conversion.Stored) + "?";
            return type.IsValueType
                ? $"({value}.HasValue ? ({storedName}){Stored(conversion.Stored, conversion.Store(value + ".GetValueOrDefault()"))} : null)"
                : $"({value} is null ? null : ({storedName}){Stored(conversion.Stored, conversion.Store(value))})";
        }

        switch (type.Kind)
        {
            case ScalarKind.Enum when type.EnumAsString:
                return type.IsNullable
                    ? $"({value} is {{ }} __e ? global::NeoGen.Internal.EnumText.Name(__e) : null)"
                    : $"global::NeoGen.Internal.EnumText.Name({value})";
            case ScalarKind.Enum:
                var underlying = ScalarTypes.Keyword(type.EnumUnderlying);
                return type.IsNullable ? $"({underlying}?){value}" : $"({underlying}){value}";
            case ScalarKind.DateTime or ScalarKind.DateTimeOffset when !value.EndsWith(".UtcNow", System.StringComparison.Ordinal):
                return $"global::NeoGen.Internal.Dates.Utc({value})";
            default:
                return value;
        }
    }
}

internal static class ScalarTypes
{
    public static string Keyword(ScalarKind kind) => kind switch
    {
        ScalarKind.Byte => "byte",
        ScalarKind.Int16 => "short",
        ScalarKind.Int64 => "long",
        _ => "int",
    };

    /// <summary>The type the provider receives for <paramref name="type"/> (enums as number or text).</summary>
    public static string StoredTypeName(ScalarType type)
    {
        if (type.Conversion is { } conversion)
        {
            return StoredTypeName(conversion.Stored);
        }

        if (type.Kind != ScalarKind.Enum)
        {
            return type.TypeName;
        }

        return type.EnumAsString ? "string" : Keyword(type.EnumUnderlying);
    }
}

internal static class Reserved
{
    public static readonly HashSet<string> Common = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "as", "asc", "between", "by", "case", "check", "column", "constraint", "create", "cross", "default",
        "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full",
        "group", "having", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key", "left", "like", "limit",
        "not", "null", "offset", "on", "or", "order", "outer", "primary", "references", "right", "select", "set", "table", "then",
        "to", "true", "union", "unique", "update", "user", "using", "values", "when", "where", "with", "window", "value", "type",
    };
}
