using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;

namespace NeoGen.Generator.Model;

// The parse model: records of strings, enums and EquatableArray only, so the incremental pipeline can
// compare runs by value. No Roslyn symbol or syntax node may appear here.

/// <summary>The CLR kinds a column value can have.</summary>
public enum ScalarKind
{
    Unsupported = 0,
    Boolean,
    Byte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    String,
    Char,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    ByteArray,
    Enum,
}

/// <summary>A value type as the emitter writes it.</summary>
/// <param name="TypeName">Fully qualified, without nullable annotation (<c>global::System.Guid</c>, <c>string</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="IsNullable">Declared nullable (<c>T?</c>).</param>
/// <param name="IsValueType">A struct (so nullable means <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="EnumUnderlying">For enums, the underlying kind.</param>
/// <param name="EnumMembers">For enums, the member names.</param>
/// <param name="EnumAsString">For enums, stored as the member name.</param>
public sealed record ScalarType(
    string TypeName,
    ScalarKind Kind,
    bool IsNullable,
    bool IsValueType,
    ScalarKind EnumUnderlying,
    EquatableArray<string> EnumMembers,
    bool EnumAsString)
{
    public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;

    public ScalarType WithNullable(bool nullable) => this with { IsNullable = nullable };

    public ScalarType WithEnumAsString(bool asString) => this with { EnumAsString = asString };
}

/// <summary>A mapped member of an entity or result type.</summary>
public sealed record MemberModel(
    string Name,
    string Column,
    ScalarType Type,
    bool IsKey,
    bool IsGenerated,
    bool IsVersion,
    bool IsCreatedAt,
    bool IsUpdatedAt,
    bool IsRequired,
    bool IsSettable,
    int ConstructorParameterIndex);

/// <summary>A declared index.</summary>
public sealed record IndexModel(string? Name, EquatableArray<string> Columns, bool Unique);

/// <summary>A record or class rows are read into; a table when <see cref="Table"/> is set.</summary>
public sealed record EntityModel(
    string TypeName,
    string DisplayName,
    string? Table,
    string? Schema,
    bool IsValueType,
    EquatableArray<MemberModel> Members,
    int ConstructorParameterCount,
    bool HasParameterlessConstructor,
    bool ConstructorSetsRequiredMembers,
    string? MaterializationError,
    EquatableArray<IndexModel> Indexes)
{
    public bool IsTable => Table is not null;
}

/// <summary>How the method returns.</summary>
public enum AsyncKind
{
    Sync = 0,
    Task,
    ValueTask,
    AsyncEnumerable,
}

/// <summary>What the method returns, ignoring Task/ValueTask.</summary>
public enum ResultShape
{
    Void = 0,
    RowsAffected,
    RowsAffectedLong,
    AnyRowsAffected,
    Scalar,
    Single,
    List,
    ReadOnlyList,
    Array,
    Stream,
}

/// <summary>The element read per row: a scalar, an entity/record/class, or a tuple.</summary>
public sealed record RowModel(ScalarType? Scalar, EntityModel? Entity, EquatableArray<TupleElementModel> TupleElements, bool IsNullable)
{
    public bool IsTuple => TupleElements.Count > 0;
}

/// <summary>One element of a value tuple result.</summary>
public sealed record TupleElementModel(string? Name, ScalarType Type);

/// <summary>A method parameter.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="TypeName">Fully qualified type as declared (with annotation).</param>
/// <param name="Scalar">Set for a scalar parameter.</param>
/// <param name="CollectionElement">Set for a collection of scalars.</param>
/// <param name="Complex">Set for a record/class whose members bind parameters.</param>
/// <param name="IsCancellationToken">A CancellationToken.</param>
/// <param name="HasDefault">Declared with a default value.</param>
public sealed record ParameterModel(
    string Name,
    string TypeName,
    ScalarType? Scalar,
    ScalarType? CollectionElement,
    EntityModel? Complex,
    bool IsCancellationToken,
    bool HasDefault);

/// <summary>Where a method's SQL comes from.</summary>
public enum MethodSource
{
    Query = 0,
    Derived,
    Crud,
}

/// <summary>The built-in operations of the base repository interfaces.</summary>
public enum CrudOperation
{
    None = 0,
    Get,
    GetMany,
    Exists,
    Count,
    Insert,
    Update,
    Delete,
    Upsert,
    BulkInsert,
}

/// <summary>A repository method to implement.</summary>
public sealed record MethodModel(
    string Name,
    string ReturnTypeName,
    AsyncKind Async,
    ResultShape Shape,
    RowModel? Row,
    EquatableArray<ParameterModel> Parameters,
    MethodSource Source,
    string? Sql,
    string? SqlLiteralText,
    LocationInfo? SqlLocation,
    LocationInfo? Location,
    CrudOperation Crud,
    string? CancellationTokenName,
    EquatableArray<ExplicitBinding> Bindings);

/// <summary>
/// A SQL parameter whose value is a C# expression rather than a method parameter of the same name
/// (entity members in CRUD statements, LIKE patterns built from a derived query's argument).
/// </summary>
public sealed record ExplicitBinding(string SqlName, string Expression, ScalarType Type, bool IsCollection);

/// <summary>One dialect the repository is generated for.</summary>
public sealed record RepositoryTarget(int Dialect, string ImplementationName, LocationInfo? Location);

/// <summary>A [Repository] interface.</summary>
public sealed record RepositoryModel(
    string Namespace,
    string InterfaceName,
    string InterfaceFullName,
    string Accessibility,
    EquatableArray<string> ContainingTypes,
    EquatableArray<RepositoryTarget> Targets,
    EntityModel? Entity,
    string? KeyTypeName,
    EquatableArray<MethodModel> Methods,
    bool HasSqliteProvider,
    bool HasNpgsqlProvider);

/// <summary>A parse result: a model (when usable) and the diagnostics found on the way.</summary>
public sealed record RepositoryParseResult(RepositoryModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
