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
    private static readonly string[] OffsetNames = { "offset", "skip" };

    /// <summary>The most arguments whose null selects another statement: 2^5 statements per method at most.</summary>
    public const int MaxSwitches = 5;

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
        for (var index = 0; index < query.Predicates.Count; index++)
        {
            var predicate = query.Predicates[index];
            var member = entity.MemberNamed(predicate.Member)!;
            if (member.Type.Protection is { } protection && EncryptedPredicateProblem(predicate, protection, query.AllIgnoreCase) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(protection.Deterministic ? Rules.DeterministicColumnMisuse : Rules.RandomizedColumnInPredicate, location,
                    protection.Deterministic ? new[] { protection.Table, protection.Column, problem } : new[] { protection.Table, protection.Column, $"'{predicate.Word}' compares ciphertexts that never repeat; {problem}" }));
                failure = $"{(protection.Deterministic ? "NG4002" : "NG4001")}: '{predicate.Word}' on encrypted column {protection.Table}.{protection.Column}";
                return null;
            }

            string? switchArgument = null;
            var optional = false;
            var count = DerivedQueryGrammar.Arguments(predicate.Operator);
            if (predicate.Operator is DerivedOperator.True or DerivedOperator.False && member.Type.Kind != ScalarKind.Boolean)
            {
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' tests a boolean, but {entity.DisplayName}.{member.Name} is {member.Type.DisplayName}", out failure);
            }

            if (DerivedQueryGrammar.IsPattern(predicate.Operator) && member.Type.Kind != ScalarKind.String)
            {
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' matches text, but {entity.DisplayName}.{member.Name} is {member.Type.DisplayName}", out failure);
            }

            // AllIgnoreCase applies to the text predicates that can ignore case, as in Spring Data.
            if (query.AllIgnoreCase && !predicate.IgnoreCase && member.Type.Kind == ScalarKind.String && !member.Type.EnumAsString && DerivedQueryGrammar.CanIgnoreCase(predicate.Operator))
            {
                predicate = predicate with { IgnoreCase = true };
            }

            if (predicate.IgnoreCase && (member.Type.Kind != ScalarKind.String || member.Type.EnumAsString || !DerivedQueryGrammar.CanIgnoreCase(predicate.Operator)))
            {
                return Fail(methodName, location, diagnostics, member.Type.Kind != ScalarKind.String
                    ? $"'{predicate.Word}' ignores case, but {entity.DisplayName}.{member.Name} is {member.Type.DisplayName}, not text"
                    : $"'{predicate.Word}' ignores case, which only equality, Not, Like, StartingWith, EndingWith and Containing can", out failure);
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

                if (argument.IsOptionalFilter || (!takesCollection && argument.Scalar!.IsNullable))
                {
                    if (switchArgument is not null && switchArgument != argument.Name)
                    {
                        return Fail(methodName, location, diagnostics, $"'{predicate.Word}' takes two nullable arguments, '{switchArgument}' and '{argument.Name}'; make them non-nullable, or split the range into 'GreaterThanEqual' and 'LessThanEqual' with one optional argument each", out failure);
                    }

                    switchArgument = argument.Name;
                    optional = argument.IsOptionalFilter;
                }

                arguments.Add(argument.Name);
            }

            if (optional && arguments.Count > 1 && valueParameters.Skip(next - arguments.Count).Take(arguments.Count).Any(a => !a.IsOptionalFilter))
            {
                // Leaving the range out when one bound is null would drop the other bound too.
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' has an optional and a required bound, and leaving it out would drop both; split it into 'GreaterThanEqual' and 'LessThanEqual', one argument each", out failure);
            }

            if (switchArgument is not null && !optional && predicate.Operator is not (DerivedOperator.Equal or DerivedOperator.NotEqual))
            {
                // Equality with null has one meaning (IS NULL); an order or a pattern against null has none.
                return Fail(methodName, location, diagnostics, $"'{predicate.Word}' cannot compare with null, but '{switchArgument}' is nullable; mark it [OptionalFilter] to leave the condition out when it is null, or make it non-nullable", out failure);
            }

            if (optional && query.Predicates.Count > 1 && (predicate.OrWithPrevious || (index + 1 < query.Predicates.Count && query.Predicates[index + 1].OrWithPrevious)))
            {
                return Fail(methodName, location, diagnostics, $"the optional filter '{predicate.Word}' is joined with Or; leaving it out would change what the other side of the Or matches, so join optional filters with And", out failure);
            }

            filters.Add(new DerivedFilter(member.Column, predicate.Operator, predicate.OrWithPrevious, arguments.ToEquatableArray(), member.Type, predicate.IgnoreCase, switchArgument, optional));
        }

        // A trailing integer parameter named like a limit caps the rows.
        string? limitParameter = null;
        if (next < valueParameters.Count && LimitNames.Contains(valueParameters[next].Name, StringComparer.OrdinalIgnoreCase)
            && valueParameters[next].Scalar?.Kind is ScalarKind.Int32 or ScalarKind.Int64 && query.Verb == DerivedVerb.Select)
        {
            limitParameter = valueParameters[next++].Name;
        }

        string? offsetParameter = null;
        if (next < valueParameters.Count && OffsetNames.Contains(valueParameters[next].Name, StringComparer.OrdinalIgnoreCase)
            && valueParameters[next].Scalar is { Kind: ScalarKind.Int32 or ScalarKind.Int64, IsNullable: false } && query.Verb == DerivedVerb.Select)
        {
            if (limitParameter is null && query.Top is null)
            {
                return Fail(methodName, location, diagnostics, $"'{valueParameters[next].Name}' skips rows, which needs a number of rows to read: put 'int limit' before it, or start the name with Top<n>", out failure);
            }

            offsetParameter = valueParameters[next++].Name;
        }

        // Page<T>: a PageRequest last, and a count and a page written from the same filters.
        string? pageParameter = null;
        if (next < valueParameters.Count && valueParameters[next].IsPageRequest)
        {
            pageParameter = valueParameters[next++].Name;
        }

        if (next < valueParameters.Count)
        {
            return Fail(methodName, location, diagnostics, valueParameters[next].IsPageRequest
                ? $"PageRequest '{valueParameters[next].Name}' reads a page of a Find query returning Page<T>, as its last parameter"
                : $"parameter '{valueParameters[next].Name}' is used by no part of the name (a trailing int named 'limit' caps the rows, one named 'offset' after it skips rows, a PageRequest reads a Page<T>)", out failure);
        }

        if ((shape == ResultShape.Page) != (pageParameter is not null))
        {
            return Fail(methodName, location, diagnostics, shape == ResultShape.Page
                ? "a Page<T> query takes a PageRequest as its last parameter"
                : $"PageRequest '{pageParameter}' reads a page of a query that returns Page<T>", out failure);
        }

        if (pageParameter is not null && (query.Verb != DerivedVerb.Select || limitParameter is not null || query.Top is not null))
        {
            return Fail(methodName, location, diagnostics, query.Verb != DerivedVerb.Select ? "Page<T> is read by a Find query" : "a Page<T> query takes its size from the PageRequest, not from Top<n>, First or a limit", out failure);
        }

        if (pageParameter is not null && query.Distinct)
        {
            return Fail(methodName, location, diagnostics, "a Page<T> query counts rows, not distinct rows: drop Distinct, or write the count and the page with [Query]", out failure);
        }

        foreach (var sort in query.Order)
        {
            if (entity.MemberNamed(sort.Member)!.Type.Protection is { } sorted)
            {
                diagnostics.Add(sorted.Deterministic
                    ? DiagnosticInfo.Create(Rules.DeterministicColumnMisuse, location, sorted.Table, sorted.Column, $"'OrderBy{sort.Member}' would sort by ciphertext, in an order unrelated to the values; sort the results in C#")
                    : DiagnosticInfo.Create(Rules.RandomizedColumnInPredicate, location, sorted.Table, sorted.Column, $"'OrderBy{sort.Member}' sorts ciphertexts that never repeat; sort the results in C#"));
                failure = $"NG4001/NG4002: OrderBy{sort.Member} on encrypted column {sorted.Table}.{sorted.Column}";
                return null;
            }
        }

        var order = query.Order.Select(o => new DerivedSort(entity.MemberNamed(o.Member)!.Column, o.Descending)).ToList();
        if (offsetParameter is not null || pageParameter is not null)
        {
            // Pages by offset need a total order, or rows that sort the same may repeat or go missing between pages:
            // the key ends the order (or is the order, when the name has none).
            var keys = entity.Members.Where(m => m.IsKey).ToList();
            if (keys.Count == 0 && order.Count == 0)
            {
                return Fail(methodName, location, diagnostics, $"pages by offset need an order, and {entity.DisplayName} has no key to order by: add OrderBy<member> to the name", out failure);
            }

            order.AddRange(keys.Where(k => !order.Any(o => o.Column == k.Column)).Select(k => new DerivedSort(k.Column, false)));
        }

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
                if (row is null || shape is ResultShape.Void or ResultShape.RowsAffected or ResultShape.RowsAffectedLong or ResultShape.AnyRowsAffected)
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

        if (valueParameters.FirstOrDefault(p => p.IsOptionalFilter && !filters.Any(f => f.Optional && f.Arguments.Contains(p.Name))) is { } stray)
        {
            return Fail(methodName, location, diagnostics, $"'{stray.Name}' is [OptionalFilter], but only the argument of a predicate can be left out", out failure);
        }

        if (query.Verb == DerivedVerb.Delete && filters.Count > 0 && filters.All(f => f.Optional))
        {
            // With every argument null the DELETE would have no WHERE.
            return Fail(methodName, location, diagnostics, $"every predicate of this Delete is optional, so with all of them null it would delete every row of {entity.Table}; keep at least one required predicate", out failure);
        }

        if (filters.Count(f => f.Switch is not null) > MaxSwitches)
        {
            return Fail(methodName, location, diagnostics, $"{filters.Count(f => f.Switch is not null)} arguments may be null, and each doubles the statements NeoGen writes and checks; at most {MaxSwitches} may (split the method, or make some non-nullable)", out failure);
        }

        return new DerivedIntent(entity.Table!, entity.Schema, query.Verb, query.Distinct, columns, filters.ToEquatableArray(), order.ToEquatableArray(), query.Top, limitParameter, offsetParameter)
        {
            PageParameter = pageParameter,
            Tenant = entity.TenantKey,
        };
    }

    /// <summary>Why a derived predicate cannot work on an encrypted column (NG4001 / NG4002), or null.</summary>
    private static string? EncryptedPredicateProblem(DerivedPredicate predicate, ColumnProtection protection, bool allIgnoreCase)
    {
        if (!protection.Deterministic)
        {
            return "mark the member [Encrypted(Deterministic = true)] to look rows up by it, or filter on another column";
        }

        if (predicate.IgnoreCase || (allIgnoreCase && DerivedQueryGrammar.CanIgnoreCase(predicate.Operator)))
        {
            return $"'{predicate.Word}' ignores case, which a ciphertext cannot; store the value in one case and look it up exactly";
        }

        return predicate.Operator switch
        {
            DerivedOperator.Equal or DerivedOperator.NotEqual or DerivedOperator.IsNull or DerivedOperator.IsNotNull => null,
            DerivedOperator.In or DerivedOperator.NotIn => $"'{predicate.Word}' takes a collection, which NeoGen does not encrypt element by element; look the values up one at a time, or with one parameter each in [Query] SQL (IN (@a, @b))",
            _ => $"'{predicate.Word}' compares order or text patterns, which a ciphertext does not keep",
        };
    }

    private static DerivedIntent? Fail(string method, LocationInfo? location, List<DiagnosticInfo> diagnostics, string reason, out string failure)
    {
        diagnostics.Add(DiagnosticInfo.Create(Rules.NotDerivable, location, method, reason));
        failure = $"NG0003: {reason}";
        return null;
    }
}
