using System;
using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// Turns a derived query's name (read by the shared <see cref="DerivedQueryGrammar"/>) and its parameters into intent:
/// which columns, which filters against which arguments, which order and limit. Each argument must have its member's
/// type (NG2004), so a query that would compare a long column with a string never compiles.
/// </summary>
internal static class DerivedQueryParser
{
    private static readonly string[] LimitNames = { "limit", "take", "top", "maxResults", "count" };

    public static DerivedIntent? Parse(
        string methodName,
        ResultShape shape,
        RowModel? row,
        EquatableArray<ParameterModel> parameters,
        EntityModel? repositoryEntity,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics,
        out string? failure)
    {
        failure = null;
        var rowEntity = row?.Entity is { IsTable: true } tableRow ? tableRow : null;
        var entity = rowEntity ?? repositoryEntity;
        if (entity is null || !entity.IsTable)
        {
            return Fail(methodName, location, diagnostics, "its entity is unknown: return a [Table] type or extend ICrudRepository<T, TKey>/IReadRepository<T, TKey>", out failure);
        }

        var parsed = DerivedQueryGrammar.Parse(methodName, entity.DisplayName, entity.Members.Select(m => m.Name).ToList());
        if (parsed.UnknownMember is { } unknown)
        {
            var mapped = string.Join(", ", entity.Members.Select(m => m.Name));
            var hint = NeoGen.Sql.SqlNames.DidYouMean(unknown, entity.Members.Select(m => m.Name));
            diagnostics.Add(DiagnosticInfo.Create(Rules.UnknownDerivedProperty, location, methodName, unknown, entity.DisplayName, $"{hint} (mapped: {mapped})"));
            failure = $"NG0004: '{unknown}' is not a mapped property of {entity.DisplayName}";
            return null;
        }

        if (parsed.Query is not { } query)
        {
            return Fail(methodName, location, diagnostics, parsed.Error!, out failure);
        }

        // A Find whose row is another [Table] type than the repository's filters that type's table.
        if (query.Verb != DerivedVerb.Select && rowEntity is not null && repositoryEntity is not null)
        {
            entity = repositoryEntity;
        }

        var valueParameters = parameters.Where(p => !p.IsCancellationToken).ToList();
        var next = 0;
        var filters = new List<DerivedFilter>();
        foreach (var predicate in query.Predicates)
        {
            var member = entity.MemberNamed(predicate.Member)!;
            var count = DerivedQueryGrammar.Arguments(predicate.Operator);
            if (predicate.Operator is DerivedOperator.True or DerivedOperator.False && member.Type.Kind != ScalarKind.Boolean)
            {
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' tests a boolean, but {entity.DisplayName}.{member.Name} is {member.Type.DisplayName}", out failure);
            }

            if (DerivedQueryGrammar.IsPattern(predicate.Operator) && member.Type.Kind != ScalarKind.String)
            {
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' matches text, but {entity.DisplayName}.{member.Name} is {member.Type.DisplayName}", out failure);
            }

            if (next + count > valueParameters.Count)
            {
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' needs {count} more parameter(s) than the method declares", out failure);
            }

            var arguments = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var argument = valueParameters[next++];
                var takesCollection = DerivedQueryGrammar.TakesCollection(predicate.Operator);
                if (takesCollection && argument.CollectionElement is null)
                {
                    return Fail(methodName, location, diagnostics, $"'{predicate.Word}' needs a collection parameter, but '{argument.Name}' is not one", out failure);
                }

                if (!takesCollection && argument.Scalar is null)
                {
                    return Fail(methodName, location, diagnostics, argument.CollectionElement is not null
                        ? $"'{predicate.Word}' compares with one value, but '{argument.Name}' is a collection (use '{member.Name}In')"
                        : $"'{predicate.Word}' compares with one value, but '{argument.Name}' is not a column type", out failure);
                }

                var argumentType = takesCollection ? argument.CollectionElement! : argument.Scalar!;
                var expected = DerivedQueryGrammar.IsPattern(predicate.Operator) ? ScalarType.String : member.Type;
                if (!ColumnTypes.SameValueType(argumentType, expected))
                {
                    var wanted = takesCollection ? $"a collection of {expected.WithNullable(false).DisplayName}" : expected.WithNullable(false).DisplayName;
                    diagnostics.Add(DiagnosticInfo.Create(Rules.IncompatibleParameter, argument.Location ?? location, $"Parameter '{argument.Name}'", (takesCollection ? argument.TypeName.Replace("global::", string.Empty) : argumentType.DisplayName),
                        "compared with", $"{entity.Table}.{member.Column}", $"{member.Type.DisplayName} ({entity.DisplayName}.{member.Name})", $"; declare '{argument.Name}' as {wanted}"));
                    failure = $"NG2004: parameter '{argument.Name}' does not have the type of {entity.DisplayName}.{member.Name}";
                    return null;
                }

                arguments.Add(argument.Name);
            }

            filters.Add(new DerivedFilter(member.Column, predicate.Operator, predicate.OrWithPrevious, arguments.ToEquatableArray(), member.Type));
        }

        // A trailing integer parameter named like a limit caps the rows.
        string? limitParameter = null;
        if (next < valueParameters.Count && LimitNames.Contains(valueParameters[next].Name, StringComparer.OrdinalIgnoreCase)
            && valueParameters[next].Scalar?.Kind is ScalarKind.Int32 or ScalarKind.Int64 && query.Verb == DerivedVerb.Select)
        {
            limitParameter = valueParameters[next++].Name;
        }

        if (next < valueParameters.Count)
        {
            return Fail(methodName, location, diagnostics, $"parameter '{valueParameters[next].Name}' is used by no part of the name (a trailing int named 'limit' caps the rows)", out failure);
        }

        var order = query.Order.Select(o => new DerivedSort(entity.MemberNamed(o.Member)!.Column, o.Descending)).ToEquatableArray();
        var columns = EquatableArray<string>.Empty;
        switch (query.Verb)
        {
            case DerivedVerb.Count:
                if (shape is not ResultShape.Scalar || row?.Scalar?.Kind is not (ScalarKind.Int32 or ScalarKind.Int64))
                {
                    return Fail(methodName, location, diagnostics, "a Count query returns int or long", out failure);
                }

                break;
            case DerivedVerb.Exists:
                if (shape is not ResultShape.Scalar || row?.Scalar?.Kind != ScalarKind.Boolean)
                {
                    return Fail(methodName, location, diagnostics, "an Exists query returns bool", out failure);
                }

                break;
            case DerivedVerb.Delete:
                if (shape is not (ResultShape.Void or ResultShape.Scalar) || (row?.Scalar is { } deleteScalar && deleteScalar.Kind is not (ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Boolean)))
                {
                    return Fail(methodName, location, diagnostics, "a Delete query returns void, int, long or bool", out failure);
                }

                break;
            default:
                if (row is null || shape is ResultShape.Void)
                {
                    return Fail(methodName, location, diagnostics, "a Find/Get query returns rows", out failure);
                }

                if (row.Entity is null)
                {
                    return Fail(methodName, location, diagnostics, "a derived query returns the entity or a record/class of its columns; for scalars or tuples write [Query]", out failure);
                }

                columns = row.Entity.Members.Where(m => entity.MemberForColumn(m.Column) is not null).Select(m => m.Column).ToEquatableArray();
                if (columns.Count == 0)
                {
                    return Fail(methodName, location, diagnostics, $"{row.Entity.DisplayName} has no member that maps to a column of {entity.Table}", out failure);
                }

                break;
        }

        return new DerivedIntent(entity.Table!, entity.Schema, query.Verb, query.Distinct, columns, filters.ToEquatableArray(), order, query.Top, limitParameter);
    }

    private static DerivedIntent? Fail(string method, LocationInfo? location, List<DiagnosticInfo> diagnostics, string reason, out string failure)
    {
        diagnostics.Add(DiagnosticInfo.Create(Rules.NotDerivable, location, method, reason));
        failure = $"NG0003: {reason}";
        return null;
    }
}
