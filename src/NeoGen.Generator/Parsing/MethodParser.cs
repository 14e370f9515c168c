using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Reads one repository method: its return shape, parameters, and SQL (written, or derived from the name as intent).</summary>
internal static class MethodParser
{
    /// <summary>[Column(EnumStorage = EnumStorage.String)] on a parameter: the enum is compared with a text column.</summary>
    private static bool StoresEnumAsText(IParameterSymbol parameter) => MemberMapping.Read(parameter.GetAttributes()).EnumAsString;

    /// <summary>The method's model, or null with the reason its generated body throws (a diagnostic was reported).</summary>
    public static MethodModel? Parse(IMethodSymbol method, EntityModel? repositoryEntity, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out string? failure)
    {
        failure = null;
        var location = LocationInfo.From(method.Locations.FirstOrDefault());
        if (method.IsGenericMethod)
        {
            return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, "generic methods are not supported"), diagnostics, out failure);
        }

        var returnShape = ReturnShapes.Read(method.ReturnType, out var error);
        if (returnShape is null)
        {
            return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, error!), diagnostics, out failure);
        }

        var (asyncKind, shape, row) = returnShape.Value;
        if (row?.Entity?.MaterializationError is { } materializationError)
        {
            return Fail(DiagnosticInfo.Create(Rules.NotMaterializable, location, row.Entity.DisplayName, materializationError), diagnostics, out failure);
        }

        foreach (var element in row?.Batch ?? EquatableArray<BatchElement>.Empty)
        {
            if (element.Row.Entity?.MaterializationError is { } elementError)
            {
                return Fail(DiagnosticInfo.Create(Rules.NotMaterializable, location, element.Row.Entity.DisplayName, elementError), diagnostics, out failure);
            }

            foreach (var member in element.Row.Entity is { IsTable: false } elementRow ? elementRow.Unmapped : EquatableArray<UnmappedMember>.Empty)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnmappedMember, location, element.Row.Entity!.DisplayName, member.Name, member.TypeDisplay, member.Reason));
            }
        }

        if (row?.Entity is { IsTable: false } result)
        {
            // A [Table] type reports its own members once; a result type, at each method that reads it.
            foreach (var member in result.Unmapped)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnmappedMember, location, result.DisplayName, member.Name, member.TypeDisplay, member.Reason));
            }

            foreach (var member in result.ProtectionProblems)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.ProtectionMisuse, location, result.DisplayName, member.Name, member.Reason));
            }

            if (result.Members.FirstOrDefault(m => m.Mask is not null) is { } masked)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.ProtectedValueInClear, location,
                    $"{result.DisplayName}.{masked.Name} is [Masked], but ToMasked() and a masked ToString() are generated for [Table] types only, so {result.DisplayName} prints it in clear; read the [Table] type, or mask the value yourself (Masking.{masked.Mask!.Kind})"));
            }
        }

        var parameters = new List<ParameterModel>();
        string? cancellationTokenName = null;
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? location;
            if (parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, parameterLocation, method.Name, $"parameter '{parameter.Name}' is ref/out; only by-value parameters are supported"), diagnostics, out failure);
            }

            var typeName = ColumnTypes.Display(parameter.Type);
            if (parameter.Type.IsNamed("System.Threading.CancellationToken"))
            {
                cancellationTokenName = parameter.Name;
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, null, true, parameterLocation));
                continue;
            }

            if (parameter.Type.IsNamed(KnownNames.PageRequest))
            {
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, null, false, parameterLocation, IsPageRequest: true));
                continue;
            }

            if (parameter.Type.TypeKind == TypeKind.Enum && parameter.Type.GetAttributes().FirstOrDefault(a => a.AttributeClass.IsNamed(KnownNames.SortOrdersAttribute)) is { } sortOrders)
            {
                var sort = SortOrders.Read((INamedTypeSymbol)parameter.Type, sortOrders, method.Name, diagnostics);
                if (sort is null)
                {
                    failure = $"NG0002: the sort orders of {parameter.Type.Name} name members its entity does not have";
                    return null;
                }

                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, null, false, parameterLocation, Sort: sort));
                continue;
            }

            var asText = StoresEnumAsText(parameter);
            var optional = parameter.GetAttributes().Any(a => a.AttributeClass.IsNamed(KnownNames.OptionalFilterAttribute));
            var scalar = ColumnTypes.Map(parameter.Type, out var reason);
            var elementType = scalar is null ? ColumnTypes.CollectionElement(parameter.Type) : null;
            // A reference type can be null unless it is annotated not to be (nullable annotations off count as nullable).
            if (optional && !(parameter.Type.IsReferenceType ? parameter.NullableAnnotation != NullableAnnotation.NotAnnotated : parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                // A value that cannot be null could never leave its condition out.
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, parameterLocation, method.Name, $"[OptionalFilter] parameter '{parameter.Name}' is {parameter.Type.ToDisplayString()}, which cannot be null; declare it {parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString()}?"), diagnostics, out failure);
            }

            if (scalar is not null)
            {
                scalar = asText ? scalar.WithEnumAsString(true) : scalar;
                parameters.Add(new ParameterModel(parameter.Name, typeName, scalar, scalar.Kind == ScalarKind.Array ? scalar.Element : null, null, false, parameterLocation, optional));
                continue;
            }

            string? elementReason = null;
            if (elementType is not null && ColumnTypes.Map(elementType, out elementReason) is { Kind: not ScalarKind.Array } element)
            {
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, asText ? element.WithEnumAsString(true) : element, null, false, parameterLocation, optional));
                continue;
            }

            if (optional)
            {
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, parameterLocation, method.Name, $"[OptionalFilter] parameter '{parameter.Name}' is not a column type or a collection of one"), diagnostics, out failure);
            }

            if (elementType is null && parameter.Type.TypeKind is TypeKind.Class or TypeKind.Struct && !parameter.Type.IsAbstract && !ReturnShapes.IsFrameworkType(parameter.Type))
            {
                var complex = EntityReader.Read(parameter.Type);
                parameters.Add(new ParameterModel(parameter.Name, typeName, null, null, complex with { MaterializationError = null }, false, parameterLocation));
                continue;
            }

            var why = elementType is not null ? $"a collection of {elementType.ToDisplayString()}: {elementReason ?? "not a column type"}" : reason;
            return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, parameterLocation, method.Name,
                $"parameter '{parameter.Name}' has type {parameter.Type.ToDisplayString()}: {why}; parameters are column types, collections of them, records/classes whose members are parameters, and CancellationToken"), diagnostics, out failure);
        }

        var query = method.GetAttributes().FirstOrDefault(a => a.AttributeClass.IsNamed(KnownNames.QueryAttribute));
        var returnTypeName = ColumnTypes.Display(method.ReturnType);
        var parameterArray = parameters.ToEquatableArray();
        if (query is not null)
        {
            var sql = query.ConstructorArguments.Length > 0 ? query.ConstructorArguments[0].Value as string : null;
            var argument = (query.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
            var sqlLocation = LocationInfo.From(argument) ?? location;
            if (sql is null)
            {
                return Fail(DiagnosticInfo.Create(Rules.SqlNotConstant, sqlLocation, $"The SQL of '{method.Name}' is not a compile-time constant; build it from literals and pass values as @parameters"), diagnostics, out failure);
            }

            var literal = argument is LiteralExpressionSyntax l ? l.Token.Text : null;
            if (shape == ResultShape.Page || parameters.Any(p => p.IsPageRequest))
            {
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, "Page<T> and PageRequest are for derived queries, which write the count and the page themselves; with [Query], take 'int limit, int offset' and return a list"), diagnostics, out failure);
            }

            if (shape == ResultShape.Batch && parameters.Any(p => p.IsOptionalFilter || p.Sort is not null))
            {
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, "a batch's statements are written once: [OptionalFilter] and [SortOrders] parameters pick among statements, so split the batch or drop them"), diagnostics, out failure);
            }

            if (parameters.Count(p => p.Sort is not null) > 1)
            {
                return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, "it takes two [SortOrders] parameters; one picks the order, so give the enum a member per combination"), diagnostics, out failure);
            }

            return new MethodModel(method.Name, returnTypeName, asyncKind, shape, row, parameterArray, MethodSource.Query, sql, literal, sqlLocation, location, CrudOperation.None, cancellationTokenName, null)
            {
                Switches = parameters.Where(p => p.IsOptionalFilter).Select(p => p.Name).ToEquatableArray(),
                SortParameter = parameters.FirstOrDefault(p => p.Sort is not null)?.Name,
            };
        }

        if (shape == ResultShape.Batch)
        {
            return Fail(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, "a tuple of results is read from [Query] SQL with one statement per element (SELECT ...; SELECT ...)"), diagnostics, out failure);
        }

        if (method.Name.StartsWith("UpsertBy", System.StringComparison.Ordinal))
        {
            return UpsertByIndex(method.Name, returnTypeName, asyncKind, shape, row, parameterArray, repositoryEntity, location, cancellationTokenName, diagnostics, out failure);
        }

        var derived = DerivedQueryParser.Parse(method.Name, shape, row, parameterArray, repositoryEntity, location, diagnostics, out failure);
        if (derived is null)
        {
            return null;
        }

        return new MethodModel(method.Name, returnTypeName, asyncKind, shape, row, parameterArray, MethodSource.Derived, null, null, location, location, CrudOperation.None, cancellationTokenName, derived)
        {
            Switches = derived.Filters.Where(f => f.Switch is not null).Select(f => f.Switch!).Distinct().ToEquatableArray(),
            SortParameter = derived.SortParameter,
        };
    }

    /// <summary>
    /// <c>UpsertByEmail(User user)</c>: insert the entity, or update the row whose unique index columns it matches. The
    /// index must be declared unique, since ON CONFLICT and MERGE match on it; the key is generated on insert and kept
    /// on update.
    /// </summary>
    private static MethodModel? UpsertByIndex(string name, string returnTypeName, AsyncKind asyncKind, ResultShape shape, RowModel? row, EquatableArray<ParameterModel> parameters,
        EntityModel? entity, LocationInfo? location, string? cancellationTokenName, List<DiagnosticInfo> diagnostics, out string? failure)
    {
        MethodModel? Refuse(string reason, out string? why)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.NotDerivable, location, name, reason));
            why = $"NG0003: {reason}";
            return null;
        }

        if (entity is null || !entity.IsTable)
        {
            return Refuse("an upsert needs the repository's entity: extend ICrudRepository<T, TKey>", out failure);
        }

        var values = parameters.Where(p => !p.IsCancellationToken).ToList();
        if (values.Count != 1 || values[0].Complex?.TypeName != entity.TypeName)
        {
            return Refuse($"an upsert takes one {entity.DisplayName} (and a CancellationToken)", out failure);
        }

        if (shape != ResultShape.Single || row?.Entity?.TypeName != entity.TypeName || row.IsNullable)
        {
            return Refuse($"an upsert returns the {entity.DisplayName} as stored", out failure);
        }

        var parsed = DerivedQueryGrammar.Parse("Find" + name.Substring("Upsert".Length), entity.DisplayName, entity.Members.Select(m => m.Name).ToList());
        if (parsed.UnknownMember is { } unknown)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.UnknownDerivedProperty, location, name, unknown, entity.DisplayName, NeoGen.Sql.SqlNames.DidYouMean(unknown, entity.Members.Select(m => m.Name))));
            failure = $"NG0004: '{unknown}' is not a mapped property of {entity.DisplayName}";
            return null;
        }

        if (parsed.Query is not { Predicates.Count: > 0, Order.Count: 0, Top: null, Distinct: false } query
            || query.Predicates.Any(p => p.Operator != DerivedOperator.Equal || p.OrWithPrevious || p.IgnoreCase || p.Word != p.Member) || query.AllIgnoreCase)
        {
            return Refuse("'UpsertBy' is followed by the members of a unique index joined with And (UpsertByEmail, UpsertByTeamIdAndName)", out failure);
        }

        var columns = query.Predicates.Select(p => entity.MemberNamed(p.Member)!.Column).ToList();
        var keyColumns = entity.Members.Where(m => m.IsKey).Select(m => m.Column).ToList();
        bool Same(IEnumerable<string> index) => new HashSet<string>(index, System.StringComparer.OrdinalIgnoreCase).SetEquals(columns);
        if (Same(keyColumns))
        {
            return Refuse($"({string.Join(", ", columns)}) is the key of {entity.DisplayName}: an upsert by the key is Upsert, from ICrudRepository<{entity.DisplayName}, TKey>", out failure);
        }

        if (!entity.Indexes.Any(i => i.Unique && Same(i.Columns)))
        {
            var members = string.Join(", ", query.Predicates.Select(p => $"nameof({p.Member})"));
            return Refuse($"{entity.DisplayName} has no unique index on ({string.Join(", ", columns)}), which the upsert matches rows by: declare [Index({members}, Unique = true)]", out failure);
        }

        failure = null;
        return new MethodModel(name, returnTypeName, asyncKind, shape, row, parameters, MethodSource.Crud, null, null, location, location, CrudOperation.Upsert, cancellationTokenName, null)
        {
            ConflictColumns = columns.ToEquatableArray(),
        };
    }

    private static MethodModel? Fail(DiagnosticInfo diagnostic, List<DiagnosticInfo> diagnostics, out string failure)
    {
        diagnostics.Add(diagnostic);
        failure = diagnostic.Descriptor.Id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Arguments.Cast<object>().ToArray());
        return null;
    }
}
