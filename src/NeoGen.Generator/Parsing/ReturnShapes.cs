using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Reads a method's return type into an async kind, a result shape and a row model.</summary>
internal static class ReturnShapes
{
    private const string Supported = "supported returns are void, int/long/bool (rows affected) or a scalar, an entity, record, class or tuple (nullable for 'maybe one row'), a tuple of those results (one per statement, [Query] only), List<T>, IReadOnlyList<T>, T[], IEnumerable<T>, IAsyncEnumerable<T>, Page<T> (derived queries), each also as Task<...> or ValueTask<...>";

    public static (AsyncKind Async, ResultShape Shape, RowModel? Row)? Read(ITypeSymbol returnType, out string? error)
    {
        error = null;
        var asyncKind = AsyncKind.Sync;
        var inner = returnType;
        if (returnType is INamedTypeSymbol named)
        {
            var definition = named.OriginalDefinition.ToDisplayString();
            switch (definition)
            {
                case "System.Threading.Tasks.Task":
                    return (AsyncKind.Task, ResultShape.Void, null);
                case "System.Threading.Tasks.ValueTask":
                    return (AsyncKind.ValueTask, ResultShape.Void, null);
                case "System.Threading.Tasks.Task<TResult>":
                    asyncKind = AsyncKind.Task;
                    inner = named.TypeArguments[0];
                    break;
                case "System.Threading.Tasks.ValueTask<TResult>":
                    asyncKind = AsyncKind.ValueTask;
                    inner = named.TypeArguments[0];
                    break;
                case KnownNames.Page:
                    var paged = Row(named.TypeArguments[0], out error);
                    return paged is null ? null : (AsyncKind.Sync, ResultShape.Page, paged);
                case "System.Collections.Generic.IAsyncEnumerable<T>":
                    var streamed = Row(named.TypeArguments[0], out error);
                    return streamed is null ? null : (AsyncKind.AsyncEnumerable, ResultShape.Stream, streamed);
            }
        }

        if (asyncKind != AsyncKind.Sync && inner is INamedTypeSymbol { IsGenericType: true } page && page.OriginalDefinition.ToDisplayString() == KnownNames.Page)
        {
            var pagedRow = Row(page.TypeArguments[0], out error);
            return pagedRow is null ? null : (asyncKind, ResultShape.Page, pagedRow);
        }

        if (inner.SpecialType == SpecialType.System_Void)
        {
            return (asyncKind, ResultShape.Void, null);
        }

        // A tuple of results, not of columns: (Customer?, List<Order>) reads one statement's result each.
        if (inner is INamedTypeSymbol { IsTupleType: true } results && results.TupleElements.Any(e => ColumnTypes.Map(e.Type) is null))
        {
            var elements = new System.Collections.Generic.List<BatchElement>();
            foreach (var field in results.TupleElements)
            {
                if (Read(field.Type, out var elementError) is not { } part || part.Async != AsyncKind.Sync
                    || part.Shape is ResultShape.Void or ResultShape.Page or ResultShape.Stream or ResultShape.Batch || part.Row is null)
                {
                    error = $"tuple element '{field.Name}' has type {field.Type.ToDisplayString()}, which is not a result of one statement ({elementError ?? "a row, a list or array of rows, or a scalar"})";
                    return null;
                }

                elements.Add(new BatchElement(part.Shape, part.Row, field.IsExplicitlyNamedTupleElement ? field.Name : null, ColumnTypes.Display(field.Type)));
            }

            return (asyncKind, ResultShape.Batch, new RowModel(null, null, EquatableArray<TupleElementModel>.Empty, false) { Batch = elements.ToEquatableArray() });
        }

        // Lists and arrays of rows (byte[] is a scalar).
        ResultShape? listShape = null;
        ITypeSymbol? element = null;
        if (inner is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.SpecialType != SpecialType.System_Byte)
        {
            listShape = ResultShape.Array;
            element = array.ElementType;
        }
        else if (inner is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1)
        {
            switch (generic.OriginalDefinition.ToDisplayString())
            {
                case "System.Collections.Generic.List<T>":
                case "System.Collections.Generic.IList<T>":
                case "System.Collections.Generic.ICollection<T>":
                case "System.Collections.Generic.IEnumerable<T>":
                    listShape = ResultShape.List;
                    element = generic.TypeArguments[0];
                    break;
                case "System.Collections.Generic.IReadOnlyList<T>":
                case "System.Collections.Generic.IReadOnlyCollection<T>":
                    listShape = ResultShape.ReadOnlyList;
                    element = generic.TypeArguments[0];
                    break;
            }
        }

        if (listShape is not null)
        {
            var listRow = Row(element!, out error);
            if (listRow?.Scalar is not null && ColumnTypes.Map(inner) is { Kind: ScalarKind.Array } wholeValue)
            {
                listRow = listRow with { WholeValue = wholeValue };
            }

            return listRow is null ? null : (asyncKind, listShape.Value, listRow);
        }

        var single = Row(inner, out error);
        if (single is null)
        {
            return null;
        }

        return (asyncKind, single.Scalar is not null ? ResultShape.Scalar : ResultShape.Single, single);
    }

    /// <summary>Types of the framework (System.*, Microsoft.*) are never rows or parameter objects.</summary>
    public static bool IsFrameworkType(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A tuple of rows read from one join (<c>List&lt;(Order Order, Customer Customer)&gt;</c>): a row whose members are all
    /// nested rows, one per element, which take their columns as nested members do (by the element's name as a prefix
    /// or an alias, or by the table each element's type maps to).
    /// </summary>
    private static RowModel? TupleOfRows(INamedTypeSymbol tuple, bool nullable, out string? error)
    {
        error = null;
        if (tuple.TupleElements.Length > 7)
        {
            error = "a tuple of rows has at most 7 elements; read into a record with nested members instead";
            return null;
        }

        var nested = new System.Collections.Generic.List<NestedModel>();
        for (var i = 0; i < tuple.TupleElements.Length; i++)
        {
            var field = tuple.TupleElements[i];
            var elementType = EntityReader.Bare(field.Type, out var isNullable);
            if (ColumnTypes.Map(field.Type) is not null || elementType.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsFrameworkType(elementType))
            {
                error = $"tuple element '{field.Name}' has type {field.Type.ToDisplayString()}: a tuple read from one row holds either columns or rows of a join, not both (put the column in one of the rows)";
                return null;
            }

            var row = EntityReader.Read(elementType);
            if (row.MaterializationError is not null || row.Nested.Count > 0)
            {
                error = $"tuple element '{field.Name}' has type {row.DisplayName}, which cannot be built from a join's columns ({row.MaterializationError ?? "it holds rows of its own"})";
                return null;
            }

            var name = field.IsExplicitlyNamedTupleElement ? field.Name : "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            nested.Add(new NestedModel(name, Naming.ToSnakeCase(name) + "_", row, isNullable, i, false, false));
        }

        var typeName = "global::System.ValueTuple<" + string.Join(", ", tuple.TupleElements.Select(e => ColumnTypes.Display(e.Type))) + ">";
        var display = "(" + string.Join(", ", nested.Select(n => n.Type.DisplayName + (n.IsNullable ? "?" : string.Empty))) + ")";
        var entity = new EntityModel(typeName, display, null, null, true, EquatableArray<MemberModel>.Empty, nested.Count, false, false, null,
            EquatableArray<IndexModel>.Empty, EquatableArray<ForeignKeyModel>.Empty, EquatableArray<UnmappedMember>.Empty, Nested: nested.ToEquatableArray());
        return new RowModel(null, entity, EquatableArray<TupleElementModel>.Empty, nullable);
    }

    private static RowModel? Row(ITypeSymbol type, out string? error)
    {
        error = null;
        var scalar = ColumnTypes.Map(type);
        if (scalar is not null && scalar.Kind != ScalarKind.Array)
        {
            return new RowModel(scalar, null, EquatableArray<TupleElementModel>.Empty, scalar.IsNullable);
        }

        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }

        if (type is INamedTypeSymbol { IsTupleType: true } rows && rows.TupleElements.Any(e => ColumnTypes.Map(e.Type) is null))
        {
            return TupleOfRows(rows, nullable, out error);
        }

        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            var elements = new System.Collections.Generic.List<TupleElementModel>();
            foreach (var field in tuple.TupleElements)
            {
                var elementType = ColumnTypes.Map(field.Type, out var reason);
                if (elementType is null)
                {
                    error = $"tuple element '{field.Name}' has type {field.Type.ToDisplayString()}: {reason}";
                    return null;
                }

                elements.Add(new TupleElementModel(field.IsExplicitlyNamedTupleElement ? field.Name : null, elementType));
            }

            return new RowModel(null, null, elements.ToEquatableArray(), nullable);
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None && !IsFrameworkType(type))
        {
            return new RowModel(null, EntityReader.Read(type), EquatableArray<TupleElementModel>.Empty, nullable);
        }

        error = $"'{type.ToDisplayString()}' cannot be returned; " + Supported;
        return null;
    }
}
