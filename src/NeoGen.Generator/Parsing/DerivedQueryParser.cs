using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Model;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// Derives SQL from a method name, the way Spring Data and Room users expect:
/// <c>FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync(long teamId, DateTime after, int limit)</c>.
/// The entity's members are matched longest first, so names that contain "And" or "Or" still work.
/// </summary>
internal static class DerivedQueryParser
{
    private enum Verb
    {
        Select,
        Count,
        Exists,
        Delete,
    }

    private sealed record Operator(string Word, string Sql, int Arguments, string? PatternHelper = null, bool IsCollection = false);

    // Longest first, so "LessThanEqual" wins over "LessThan" and "IsNotNull" over "IsNot".
    private static readonly Operator[] Operators = new[]
    {
        new Operator("GreaterThanOrEqual", ">=", 1), new Operator("GreaterThanEqual", ">=", 1),
        new Operator("LessThanOrEqual", "<=", 1), new Operator("LessThanEqual", "<=", 1),
        new Operator("GreaterThan", ">", 1), new Operator("LessThan", "<", 1),
        new Operator("IsNotNull", "IS NOT NULL", 0), new Operator("NotNull", "IS NOT NULL", 0),
        new Operator("IsNull", "IS NULL", 0), new Operator("Null", "IS NULL", 0),
        new Operator("StartingWith", "LIKE", 1, "StartsWith"), new Operator("StartsWith", "LIKE", 1, "StartsWith"),
        new Operator("EndingWith", "LIKE", 1, "EndsWith"), new Operator("EndsWith", "LIKE", 1, "EndsWith"),
        new Operator("Containing", "LIKE", 1, "Contains"), new Operator("Contains", "LIKE", 1, "Contains"),
        new Operator("NotLike", "NOT LIKE", 1), new Operator("Like", "LIKE", 1),
        new Operator("NotIn", "NOT IN", 1, IsCollection: true), new Operator("In", "IN", 1, IsCollection: true),
        new Operator("Between", "BETWEEN", 2),
        new Operator("IsTrue", "= TRUE", 0), new Operator("True", "= TRUE", 0),
        new Operator("IsFalse", "= FALSE", 0), new Operator("False", "= FALSE", 0),
        new Operator("IsNot", "<>", 1), new Operator("Not", "<>", 1),
        new Operator("Before", "<", 1), new Operator("After", ">", 1),
        new Operator("Equals", "=", 1), new Operator("Is", "=", 1),
    }.OrderByDescending(o => o.Word.Length).ToArray();

    private static readonly (string Prefix, Verb Verb)[] Prefixes =
    {
        ("Find", Verb.Select), ("Get", Verb.Select), ("Query", Verb.Select), ("Read", Verb.Select),
        ("List", Verb.Select), ("Search", Verb.Select), ("Stream", Verb.Select), ("Count", Verb.Count),
        ("Exists", Verb.Exists), ("Delete", Verb.Delete), ("Remove", Verb.Delete),
    };

    private static readonly string[] LimitNames = { "limit", "take", "top", "maxResults", "count" };

    public static (string Sql, EquatableArray<ExplicitBinding> Bindings)? Parse(
        string methodName,
        ResultShape shape,
        RowModel? row,
        EquatableArray<ParameterModel> parameters,
        EntityModel? repositoryEntity,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics)
    {
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - 5) : methodName;
        var prefix = Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal));
        if (prefix.Prefix is null)
        {
            return Fail(methodName, location, diagnostics, "it starts with none of Find, Get, Query, Read, List, Search, Stream, Count, Exists, Delete, Remove; add [Query(\"...\")]");
        }

        var entity = prefix.Verb == Verb.Select && row?.Entity is { IsTable: true } rowEntity ? rowEntity : repositoryEntity;
        if (entity is null || !entity.IsTable)
        {
            return Fail(methodName, location, diagnostics, "its entity is unknown: return a [Table] type or extend ICrudRepository<T, TKey>/IReadRepository<T, TKey>");
        }

        var rest = name.Substring(prefix.Prefix.Length);
        int? fixedLimit = null;
        var distinct = false;
        if (rest.StartsWith("Distinct", StringComparison.Ordinal))
        {
            distinct = true;
            rest = rest.Substring("Distinct".Length);
        }

        if (rest.StartsWith("First", StringComparison.Ordinal))
        {
            fixedLimit = 1;
            rest = rest.Substring("First".Length);
        }
        else if (rest.StartsWith("Top", StringComparison.Ordinal))
        {
            var digits = new string(rest.Skip(3).TakeWhile(char.IsDigit).ToArray());
            if (digits.Length > 0 && int.TryParse(digits, out var top) && top > 0)
            {
                fixedLimit = top;
                rest = rest.Substring(3 + digits.Length);
            }
        }

        // What is left: "All[OrderBy...]" or "By<criteria>[OrderBy...]" (or empty for CountAsync()).
        string criteria, order = string.Empty;
        var orderAt = IndexOfWord(rest, "OrderBy");
        var head = orderAt >= 0 ? rest.Substring(0, orderAt) : rest;
        if (orderAt >= 0)
        {
            order = rest.Substring(orderAt + "OrderBy".Length);
        }

        var entityName = entity.DisplayName;
        if (head.StartsWith("By", StringComparison.Ordinal))
        {
            criteria = head.Substring(2);
        }
        else if (head is "" or "All" || head == entityName || head == entityName + "s" || head == "All" + entityName + "s")
        {
            criteria = string.Empty;
        }
        else
        {
            return Fail(methodName, location, diagnostics, $"expected 'By', 'All' or 'OrderBy' after '{prefix.Prefix}', found '{head}'");
        }

        var valueParameters = parameters.Where(p => !p.IsCancellationToken).ToList();
        var next = 0;
        var where = new StringBuilder();
        var bindings = new List<ExplicitBinding>();
        var position = 0;
        while (position < criteria.Length)
        {
            if (where.Length > 0)
            {
                if (criteria.Substring(position).StartsWith("And", StringComparison.Ordinal))
                {
                    where.Append(" AND ");
                    position += 3;
                }
                else if (criteria.Substring(position).StartsWith("Or", StringComparison.Ordinal))
                {
                    where.Append(" OR ");
                    position += 2;
                }
                else
                {
                    return Fail(methodName, location, diagnostics, $"expected 'And' or 'Or' at '{criteria.Substring(position)}'");
                }
            }

            var member = LongestMember(entity, criteria, position);
            if (member is null)
            {
                var word = Word(criteria, position);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDerivedProperty, location, methodName, word, entity.DisplayName, string.Join(", ", entity.Members.Select(m => m.Name))));
                return null;
            }

            position += member.Name.Length;
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(criteria, position, o.Word, 0, o.Word.Length) == 0
                && (position + o.Word.Length == criteria.Length || IsBoundary(criteria, position + o.Word.Length)));
            op ??= new Operator(string.Empty, "=", 1);
            position += op.Word.Length;

            var column = SqlText.Quote(member.Column);
            if (op.Arguments == 0)
            {
                where.Append(column).Append(' ').Append(op.Sql);
                continue;
            }

            if (next + op.Arguments > valueParameters.Count)
            {
                return Fail(methodName, location, diagnostics, $"'{member.Name}{op.Word}' needs {op.Arguments} more parameter(s) than the method declares");
            }

            var argument = valueParameters[next++];
            if (op.IsCollection != (argument.CollectionElement is not null))
            {
                return Fail(methodName, location, diagnostics, op.IsCollection
                    ? $"'{member.Name}{op.Word}' needs a collection parameter, but '{argument.Name}' is not one"
                    : $"'{member.Name}{op.Word}' compares with one value, but '{argument.Name}' is a collection (use '{member.Name}In')");
            }

            if (op.PatternHelper is not null)
            {
                var sqlName = argument.Name + "__" + op.PatternHelper.ToLowerInvariant();
                bindings.Add(new ExplicitBinding(sqlName, $"global::NeoGen.Internal.LikePattern.{op.PatternHelper}({argument.Name})", member.Type.WithNullable(false) with { TypeName = "string", Kind = ScalarKind.String, IsValueType = false }, false));
                where.Append(column).Append(' ').Append(op.Sql).Append(" @").Append(sqlName).Append(" ESCAPE '\\'");
            }
            else if (op.Arguments == 2)
            {
                var upper = valueParameters[next++];
                where.Append(column).Append(" BETWEEN @").Append(argument.Name).Append(" AND @").Append(upper.Name);
            }
            else
            {
                where.Append(column).Append(' ').Append(op.Sql).Append(" @").Append(argument.Name);
            }

            // An enum argument travels the way its column stores it (number or name).
            var argumentType = argument.Scalar ?? argument.CollectionElement;
            if (argumentType is { Kind: ScalarKind.Enum } && member.Type.EnumAsString && !argumentType.EnumAsString && !bindings.Any(b => b.SqlName == argument.Name))
            {
                bindings.Add(new ExplicitBinding(argument.Name, argument.Name, argumentType.WithEnumAsString(true), argument.CollectionElement is not null));
            }
        }

        var orderBy = new StringBuilder();
        position = 0;
        while (position < order.Length)
        {
            var member = LongestMember(entity, order, position);
            if (member is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDerivedProperty, location, methodName, Word(order, position), entity.DisplayName, string.Join(", ", entity.Members.Select(m => m.Name))));
                return null;
            }

            position += member.Name.Length;
            var direction = string.Empty;
            if (string.CompareOrdinal(order, position, "Desc", 0, 4) == 0)
            {
                direction = " DESC";
                position += 4;
            }
            else if (string.CompareOrdinal(order, position, "Asc", 0, 3) == 0)
            {
                direction = " ASC";
                position += 3;
            }

            if (string.CompareOrdinal(order, position, "Then", 0, 4) == 0)
            {
                position += 4;
            }

            orderBy.Append(orderBy.Length > 0 ? ", " : " ORDER BY ").Append(SqlText.Quote(member.Column)).Append(direction);
        }

        // A trailing integer parameter named like a limit caps the rows.
        string? limitParameter = null;
        if (next < valueParameters.Count && LimitNames.Contains(valueParameters[next].Name, StringComparer.OrdinalIgnoreCase)
            && valueParameters[next].Scalar?.Kind is ScalarKind.Int32 or ScalarKind.Int64 && prefix.Verb == Verb.Select)
        {
            limitParameter = valueParameters[next++].Name;
        }

        if (next < valueParameters.Count)
        {
            return Fail(methodName, location, diagnostics, $"parameter '{valueParameters[next].Name}' is used by no part of the name (a trailing int named 'limit' caps the rows)");
        }

        var table = SqlText.Quote(entity.Table!);
        var whereClause = where.Length > 0 ? " WHERE " + where : string.Empty;
        string sql;
        switch (prefix.Verb)
        {
            case Verb.Count:
                if (shape is not (ResultShape.Scalar) || row?.Scalar?.Kind is not (ScalarKind.Int32 or ScalarKind.Int64))
                {
                    return Fail(methodName, location, diagnostics, "a Count query returns int or long");
                }

                sql = $"SELECT COUNT(*) FROM {table}{whereClause}";
                break;
            case Verb.Exists:
                if (shape is not ResultShape.Scalar || row?.Scalar?.Kind != ScalarKind.Boolean)
                {
                    return Fail(methodName, location, diagnostics, "an Exists query returns bool");
                }

                sql = $"SELECT EXISTS (SELECT 1 FROM {table}{whereClause})";
                break;
            case Verb.Delete:
                if (shape is not (ResultShape.Void or ResultShape.Scalar) || (row?.Scalar is { } deleteScalar && deleteScalar.Kind is not (ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Boolean)))
                {
                    return Fail(methodName, location, diagnostics, "a Delete query returns void, int, long or bool");
                }

                sql = $"DELETE FROM {table}{whereClause}";
                break;
            default:
                if (row is null || shape is ResultShape.Void)
                {
                    return Fail(methodName, location, diagnostics, "a Find/Get query returns rows");
                }

                var columns = row.Entity is not null
                    ? string.Join(", ", row.Entity.Members.Where(m => entity.Members.Any(e => e.Column == m.Column)).Select(m => SqlText.Quote(m.Column)))
                    : row.Scalar is not null || row.IsTuple ? null : string.Empty;
                if (columns is null)
                {
                    return Fail(methodName, location, diagnostics, "a derived query returns the entity or a record/class of its columns; for scalars or tuples write [Query]");
                }

                if (columns.Length == 0)
                {
                    return Fail(methodName, location, diagnostics, $"{row.Entity!.DisplayName} has no member that maps to a column of {entity.Table}");
                }

                var limit = limitParameter is not null ? " LIMIT @" + limitParameter
                    : fixedLimit is not null ? " LIMIT " + fixedLimit.Value
                    : string.Empty;
                sql = $"SELECT {(distinct ? "DISTINCT " : string.Empty)}{columns} FROM {table}{whereClause}{orderBy}{limit}";
                break;
        }

        return (sql, bindings.ToEquatableArray());
    }

    private static MemberModel? LongestMember(EntityModel entity, string text, int position)
    {
        MemberModel? best = null;
        foreach (var member in entity.Members)
        {
            if (string.CompareOrdinal(text, position, member.Name, 0, member.Name.Length) == 0
                && (best is null || member.Name.Length > best.Name.Length))
            {
                best = member;
            }
        }

        return best;
    }

    private static bool IsBoundary(string text, int position) => position >= text.Length || char.IsUpper(text[position]);

    private static string Word(string text, int position)
    {
        var end = position + 1;
        while (end < text.Length && !char.IsUpper(text[end]))
        {
            end++;
        }

        // Keep going over further capitalised words until an And/Or/OrderBy or an operator starts.
        while (end < text.Length && !IsConnector(text, end) && !Operators.Any(o => o.Word.Length > 0 && string.CompareOrdinal(text, end, o.Word, 0, o.Word.Length) == 0))
        {
            end++;
            while (end < text.Length && !char.IsUpper(text[end]))
            {
                end++;
            }
        }

        return text.Substring(position, Math.Min(end, text.Length) - position);
    }

    private static bool IsConnector(string text, int position)
        => string.CompareOrdinal(text, position, "And", 0, 3) == 0 || string.CompareOrdinal(text, position, "Or", 0, 2) == 0;

    private static int IndexOfWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            if (IsBoundary(text, i + word.Length))
            {
                return i;
            }
        }

        return -1;
    }

    private static (string, EquatableArray<ExplicitBinding>)? Fail(string method, LocationInfo? location, List<DiagnosticInfo> diagnostics, string reason)
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotDerivable, location, method, reason));
        return null;
    }
}
