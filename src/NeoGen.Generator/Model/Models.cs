using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Model;

// The parse model: records of strings, enums and EquatableArray only, so the incremental pipeline can compare runs by
// value. No Roslyn symbol or syntax node may appear here. Statements are kept as intent (a CRUD operation, a derived
// query's filters) until the planner writes them for each dialect.

/// <summary>How the method returns.</summary>
internal enum AsyncKind
{
    Sync = 0,
    Task,
    ValueTask,
    AsyncEnumerable,
}

/// <summary>What the method returns, ignoring Task/ValueTask.</summary>
internal enum ResultShape
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

    /// <summary><c>Page&lt;T&gt;</c>: a count and a page of rows, read by two generated statements.</summary>
    Page,

    /// <summary>
    /// A tuple of results (<c>(Customer?, List&lt;Order&gt;)</c>), one per statement of the SQL, read in one round trip:
    /// see <see cref="RowModel.Batch"/>.
    /// </summary>
    Batch,
}

/// <summary>One result of a batch: the shape and the row of one statement's result, and the tuple element's name.</summary>
internal sealed record BatchElement(ResultShape Shape, RowModel Row, string? Name, string TypeName);

/// <summary>The element read per row: a scalar, an entity/record/class, or a tuple.</summary>
internal sealed record RowModel(ScalarType? Scalar, EntityModel? Entity, EquatableArray<TupleElementModel> TupleElements, bool IsNullable)
{
    public bool IsTuple => TupleElements.Count > 0;

    /// <summary>
    /// For a list or array of scalars (<c>string[]</c>, <c>List&lt;long&gt;</c>): the same type read as one array value,
    /// taken instead when the statement returns exactly one column and it is an array.
    /// </summary>
    public ScalarType? WholeValue { get; init; }

    /// <summary>For <see cref="ResultShape.Batch"/>: the results, in the order of the statements.</summary>
    public EquatableArray<BatchElement> Batch { get; init; } = EquatableArray<BatchElement>.Empty;
}

/// <summary>One element of a value tuple result.</summary>
internal sealed record TupleElementModel(string? Name, ScalarType Type);

/// <summary>A method parameter.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="TypeName">Fully qualified type as declared (with annotation).</param>
/// <param name="Scalar">Set for a parameter of a column type (an array too).</param>
/// <param name="CollectionElement">Set for a collection of a column type (a list parameter).</param>
/// <param name="Complex">Set for a record/class whose members bind parameters.</param>
/// <param name="IsCancellationToken">A CancellationToken.</param>
/// <param name="Location">The declaration, for diagnostics about it.</param>
/// <param name="IsOptionalFilter">[OptionalFilter]: a null value leaves its condition out.</param>
/// <param name="IsPageRequest">A <c>PageRequest</c>: the page a <c>Page&lt;T&gt;</c> query reads.</param>
internal sealed record ParameterModel(
    string Name,
    string TypeName,
    ScalarType? Scalar,
    ScalarType? CollectionElement,
    EntityModel? Complex,
    bool IsCancellationToken,
    LocationInfo? Location = null,
    bool IsOptionalFilter = false,
    bool IsPageRequest = false,
    SortModel? Sort = null);

/// <summary>
/// A parameter of a <c>[SortOrders]</c> enum: each member is an order of the entity's columns, and the method gets one
/// statement per member. <see cref="Options"/> is in the enum's declaration order.
/// </summary>
internal sealed record SortModel(string EnumTypeName, string EntityTable, EquatableArray<SortOption> Options);

/// <summary>One member of a sort enum and the columns it orders by.</summary>
internal sealed record SortOption(string Member, EquatableArray<DerivedSort> Keys);

/// <summary>Where a method's SQL comes from.</summary>
internal enum MethodSource
{
    Query = 0,
    Derived,
    Crud,
}

/// <summary>The built-in operations of the base repository interfaces.</summary>
internal enum CrudOperation
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
    UpdateMany,
    DeleteMany,
}

/// <summary>One predicate of a derived query, by column, with the C# arguments it compares against.</summary>
/// <param name="IgnoreCase">Compared as lower case on both sides.</param>
/// <param name="Switch">
/// The argument whose null selects another statement: left out for an optional filter, <c>IS [NOT] NULL</c> for an
/// equality with a nullable argument; null when the statement does not depend on it.
/// </param>
/// <param name="Optional">The switch leaves the predicate out (an [OptionalFilter]) rather than testing for NULL.</param>
internal sealed record DerivedFilter(string Column, DerivedOperator Operator, bool OrWithPrevious, EquatableArray<string> Arguments, ScalarType MemberType, bool IgnoreCase = false, string? Switch = null, bool Optional = false);

/// <summary>One sort key of a derived query.</summary>
internal sealed record DerivedSort(string Column, bool Descending);

/// <summary>A derived query as intent: what to select, filter, sort and limit; the statement writer spells it per dialect.</summary>
internal sealed record DerivedIntent(
    string Table,
    string? Schema,
    DerivedVerb Verb,
    bool Distinct,
    EquatableArray<string> Columns,
    EquatableArray<DerivedFilter> Filters,
    EquatableArray<DerivedSort> Order,
    int? FixedLimit,
    string? LimitParameter,
    string? OffsetParameter = null)
{
    /// <summary>The PageRequest parameter of a <c>Page&lt;T&gt;</c> query.</summary>
    public string? PageParameter { get; init; }

    /// <summary>The <c>[TenantKey]</c> of the table: the query is also by the ambient tenant.</summary>
    public MemberModel? Tenant { get; init; }

    /// <summary>
    /// The <c>[SortOrders]</c> parameter that picks the order; <see cref="Order"/> then holds only what ends every order
    /// (the key, for pages and offsets), and each statement puts one member's columns before it.
    /// </summary>
    public string? SortParameter { get; init; }

    /// <summary>An Update's columns and the parameters they are set to, in order.</summary>
    public EquatableArray<DerivedAssignment> Assignments { get; init; } = EquatableArray<DerivedAssignment>.Empty;

    /// <summary>An Update also stamps these <c>[UpdatedAt]</c> columns and bumps these <c>[Version]</c> columns.</summary>
    public EquatableArray<MemberModel> Stamped { get; init; } = EquatableArray<MemberModel>.Empty;
}

/// <summary>One <c>SET column = @parameter</c> of a derived Update.</summary>
internal sealed record DerivedAssignment(string Column, string Parameter);

/// <summary>A repository method to implement.</summary>
internal sealed record MethodModel(
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
    DerivedIntent? Derived)
{
    /// <summary>
    /// The parameters whose null selects another statement, in bit order: [OptionalFilter] parameters, and the
    /// nullable arguments of a derived equality (null tests IS NULL). One statement is written per combination.
    /// </summary>
    public EquatableArray<string> Switches { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>[SortOrders]</c> parameter that picks the statement's order, if any (see <see cref="SortModel"/>).</summary>
    public string? SortParameter { get; init; }

    /// <summary>For a statement planned for one sort option: its index in the parameter's <see cref="SortModel.Options"/>.</summary>
    public int SortIndex { get; init; } = -1;

    /// <summary>For one statement of a batch sent as one command: the provider placeholder its first parameter takes.</summary>
    public int PlaceholderOffset { get; init; }

    /// <summary>One statement of a batch (<see cref="ResultShape.Batch"/>), planned as a method of its own.</summary>
    public bool IsBatchPart { get; init; }

    /// <summary>For an <c>UpsertBy…</c> method: the columns of the unique index a row is matched by (empty: the key).</summary>
    public EquatableArray<string> ConflictColumns { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// For a private helper of another method (the rows and the count of a <c>Page&lt;T&gt;</c> query): what its C# name
    /// adds to <see cref="Name"/>, which stays the user's method's name for diagnostics and runtime errors.
    /// </summary>
    public string? HelperSuffix { get; init; }

    /// <summary>A private helper, not an interface member.</summary>
    public bool IsHidden => HelperSuffix is not null;
}

/// <summary>
/// A SQL parameter whose value is a C# expression rather than a method parameter of the same name
/// (entity members in CRUD statements, LIKE patterns built from a derived query's argument).
/// </summary>
/// <param name="SqlName">The name in the written SQL, without <c>@</c>.</param>
/// <param name="Expression">The C# value.</param>
/// <param name="Type">Its type (for a collection, the element's).</param>
/// <param name="IsCollection">A list parameter.</param>
/// <param name="Uses">The method parameter the value comes from, if any, so it counts as used.</param>
internal sealed record ExplicitBinding(string SqlName, string Expression, ScalarType Type, bool IsCollection, string? Uses = null);

/// <summary>
/// An interface member NeoGen reported an error on: emitted anyway, as an explicit implementation whose body throws,
/// so the user sees that error and no CS0535, and the compiler still runs the analyzers.
/// </summary>
/// <param name="Declaration">The explicit implementation's declaration, up to the body.</param>
/// <param name="IsProperty">A property or event: the declaration takes accessor bodies.</param>
/// <param name="Accessors">For a property or event, its accessors (<c>get</c>, <c>set</c>, <c>add</c>, <c>remove</c>).</param>
/// <param name="Reason">What the body's exception says.</param>
internal sealed record FailedMember(string Declaration, bool IsProperty, EquatableArray<string> Accessors, string Reason);

/// <summary>One dialect the repository is generated for.</summary>
internal sealed record RepositoryTarget(SqlDialect Dialect, string ImplementationName, LocationInfo? Location);

/// <summary>A [Repository] interface.</summary>
internal sealed record RepositoryModel(
    string Namespace,
    string InterfaceName,
    string InterfaceFullName,
    string Accessibility,
    EquatableArray<string> ContainingTypes,
    EquatableArray<RepositoryTarget> Targets,
    EntityModel? Entity,
    string? KeyTypeName,
    EquatableArray<MethodModel> Methods,
    EquatableArray<FailedMember> Failed,
    EquatableArray<string> ReferencedProviders);

/// <summary>A parse result: a model (when usable) and the diagnostics found on the way.</summary>
internal sealed record RepositoryParseResult(RepositoryModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
