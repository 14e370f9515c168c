using System;
using System.Collections.Generic;
using System.Linq;

// Linked into the generator and the analyzers: the one grammar of derived query names, so the generator's SQL and the
// analyzers' index checks read a name the same way.
namespace NeoGen.Shared;

/// <summary>What a derived query does.</summary>
internal enum DerivedVerb
{
    Select,
    Count,
    Exists,
    Delete,

    /// <summary><c>Update{Member}[And{Member}...]By{criteria}</c>: sets the named members of the rows the criteria match.</summary>
    Update,
}

/// <summary>A predicate's comparison. <c>After</c>/<c>Before</c> are spellings of greater/less than.</summary>
internal enum DerivedOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Between,
    In,
    NotIn,
    Like,
    NotLike,
    StartingWith,
    EndingWith,
    Containing,
    IsNull,
    IsNotNull,
    True,
    False,
}

/// <summary>One predicate: a member, how it is compared, whether it joins the previous one with OR, and whether case is ignored.</summary>
internal sealed record DerivedPredicate(string Member, DerivedOperator Operator, bool OrWithPrevious, string Word, bool IgnoreCase = false);

/// <summary>One sort key.</summary>
internal sealed record DerivedOrder(string Member, bool Descending);

/// <summary>A parsed derived query name, free of symbols.</summary>
internal sealed record DerivedQuery(
    string Prefix,
    DerivedVerb Verb,
    bool Distinct,
    int? Top,
    EquatableArray<DerivedPredicate> Predicates,
    EquatableArray<DerivedOrder> Order,
    bool AllIgnoreCase = false,
    EquatableArray<string> Assigned = default);

/// <summary>The outcome of parsing a name: a query, or the reason and the word that is wrong.</summary>
internal sealed record DerivedParse(DerivedQuery? Query, string? Error, string? UnknownMember)
{
    public bool Succeeded => Query is not null;
}

/// <summary>
/// Reads a method name the way Spring Data and Room users expect:
/// <c>FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync</c>. Members are matched longest first, so names that
/// contain "And" or "Or" still work.
/// </summary>
internal static class DerivedQueryGrammar
{
    private sealed record OperatorWord(string Word, DerivedOperator Operator);

    // Longest first, so "LessThanEqual" wins over "LessThan" and "IsNotNull" over "IsNot".
    private static readonly OperatorWord[] Operators = new[]
    {
        new OperatorWord("GreaterThanOrEqual", DerivedOperator.GreaterThanOrEqual), new OperatorWord("GreaterThanEqual", DerivedOperator.GreaterThanOrEqual),
        new OperatorWord("LessThanOrEqual", DerivedOperator.LessThanOrEqual), new OperatorWord("LessThanEqual", DerivedOperator.LessThanOrEqual),
        new OperatorWord("GreaterThan", DerivedOperator.GreaterThan), new OperatorWord("LessThan", DerivedOperator.LessThan),
        new OperatorWord("IsNotNull", DerivedOperator.IsNotNull), new OperatorWord("NotNull", DerivedOperator.IsNotNull),
        new OperatorWord("IsNull", DerivedOperator.IsNull), new OperatorWord("Null", DerivedOperator.IsNull),
        new OperatorWord("StartingWith", DerivedOperator.StartingWith), new OperatorWord("StartsWith", DerivedOperator.StartingWith),
        new OperatorWord("EndingWith", DerivedOperator.EndingWith), new OperatorWord("EndsWith", DerivedOperator.EndingWith),
        new OperatorWord("Containing", DerivedOperator.Containing), new OperatorWord("Contains", DerivedOperator.Containing),
        new OperatorWord("NotLike", DerivedOperator.NotLike), new OperatorWord("Like", DerivedOperator.Like),
        new OperatorWord("NotIn", DerivedOperator.NotIn), new OperatorWord("In", DerivedOperator.In),
        new OperatorWord("Between", DerivedOperator.Between),
        new OperatorWord("IsTrue", DerivedOperator.True), new OperatorWord("True", DerivedOperator.True),
        new OperatorWord("IsFalse", DerivedOperator.False), new OperatorWord("False", DerivedOperator.False),
        new OperatorWord("IsNot", DerivedOperator.NotEqual), new OperatorWord("Not", DerivedOperator.NotEqual),
        new OperatorWord("Before", DerivedOperator.LessThan), new OperatorWord("After", DerivedOperator.GreaterThan),
        new OperatorWord("Equals", DerivedOperator.Equal), new OperatorWord("Is", DerivedOperator.Equal),
    }.OrderByDescending(o => o.Word.Length).ToArray();

    private static readonly (string Prefix, DerivedVerb Verb)[] Prefixes =
    {
        ("Find", DerivedVerb.Select), ("Get", DerivedVerb.Select), ("Query", DerivedVerb.Select), ("Read", DerivedVerb.Select),
        ("List", DerivedVerb.Select), ("Search", DerivedVerb.Select), ("Stream", DerivedVerb.Select), ("Count", DerivedVerb.Count),
        ("Exists", DerivedVerb.Exists), ("Delete", DerivedVerb.Delete), ("Remove", DerivedVerb.Delete), ("Update", DerivedVerb.Update),
    };

    public const string PrefixList = "Find, Get, Query, Read, List, Search, Stream, Count, Exists, Delete, Remove, Update";

    /// <summary>How many method arguments an operator takes.</summary>
    public static int Arguments(DerivedOperator op) => op switch
    {
        DerivedOperator.IsNull or DerivedOperator.IsNotNull or DerivedOperator.True or DerivedOperator.False => 0,
        DerivedOperator.Between => 2,
        _ => 1,
    };

    /// <summary>The operator takes a collection (IN / NOT IN).</summary>
    public static bool TakesCollection(DerivedOperator op) => op is DerivedOperator.In or DerivedOperator.NotIn;

    /// <summary>The operator matches text against a pattern built from the argument.</summary>
    public static bool IsPattern(DerivedOperator op) => op is DerivedOperator.Like or DerivedOperator.NotLike or DerivedOperator.StartingWith or DerivedOperator.EndingWith or DerivedOperator.Containing;

    /// <summary>The operator can ignore case: equality and the pattern matches.</summary>
    public static bool CanIgnoreCase(DerivedOperator op) => op is DerivedOperator.Equal or DerivedOperator.NotEqual || IsPattern(op);

    /// <summary>
    /// Whether an index on the member can serve the predicate (for NG3001): not for a negation, a pattern that starts
    /// with a wildcard, or a test that most rows pass.
    /// </summary>
    public static bool CanUseIndex(DerivedOperator op) => op is not (DerivedOperator.NotEqual or DerivedOperator.NotIn or DerivedOperator.NotLike
        or DerivedOperator.EndingWith or DerivedOperator.Containing or DerivedOperator.IsNotNull);

    /// <summary>Parses <paramref name="methodName"/> against the entity's member names.</summary>
    public static DerivedParse Parse(string methodName, string entityName, IReadOnlyList<string> members)
    {
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - 5) : methodName;
        var prefix = Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal) && (name.Length == p.Prefix.Length || !char.IsLower(name[p.Prefix.Length])));
        if (prefix.Prefix is null)
        {
            return Fail($"it starts with none of {PrefixList}; add [Query(\"...\")]");
        }

        var rest = name.Substring(prefix.Prefix.Length);

        // Update: the members to set come first (UpdateNameAndEmailById), and an update needs criteria.
        var assigned = new List<string>();
        if (prefix.Verb == DerivedVerb.Update)
        {
            var at = 0;
            while (true)
            {
                var member = LongestMember(members, rest, at);
                if (member is null)
                {
                    return rest.Length == at || Starts(rest, at, "By")
                        ? Fail($"'Update' must be followed by the members to set, then 'By' and the rows to set them in (UpdateNameAndEmailById)")
                        : new DerivedParse(null, null, AssignedWord(rest, at));
                }

                assigned.Add(member);
                at += member.Length;
                if (Starts(rest, at, "And") && LongestMember(members, rest, at + 3) is not null)
                {
                    at += 3;
                    continue;
                }

                break;
            }

            rest = rest.Substring(at);
            if (!rest.StartsWith("By", StringComparison.Ordinal) || rest.Length == 2)
            {
                return Fail($"an Update names the rows it changes: add 'By' and criteria after the members to set ({prefix.Prefix}{string.Join("And", assigned)}ById); to change every row, write [Query]");
            }

            if (IndexOfWord(rest, "OrderBy") >= 0)
            {
                return Fail("an Update has no order");
            }
        }

        int? top = null;
        var distinct = false;
        if (rest.StartsWith("Distinct", StringComparison.Ordinal))
        {
            distinct = true;
            rest = rest.Substring("Distinct".Length);
        }

        if (rest.StartsWith("First", StringComparison.Ordinal))
        {
            top = 1;
            rest = rest.Substring("First".Length);
        }
        else if (rest.StartsWith("Top", StringComparison.Ordinal))
        {
            var digits = new string(rest.Skip(3).TakeWhile(char.IsDigit).ToArray());
            if (digits.Length == 0 || !int.TryParse(digits, out var count) || count <= 0)
            {
                return Fail($"'Top' must be followed by a positive number of rows (Top10), found '{rest}'");
            }

            top = count;
            rest = rest.Substring(3 + digits.Length);
        }

        // What is left: "All[OrderBy...]" or "By<criteria>[OrderBy...]" (or empty for CountAsync()).
        var orderAt = IndexOfWord(rest, "OrderBy");
        var head = orderAt >= 0 ? rest.Substring(0, orderAt) : rest;
        var order = orderAt >= 0 ? rest.Substring(orderAt + "OrderBy".Length) : string.Empty;
        string criteria;
        if (head.StartsWith("By", StringComparison.Ordinal))
        {
            criteria = head.Substring(2);
            if (criteria.Length == 0)
            {
                return Fail($"'By' must be followed by a member of {entityName}");
            }
        }
        else if (head is "" or "All" || head == entityName || head == entityName + "s" || head == "All" + entityName + "s")
        {
            criteria = string.Empty;
        }
        else
        {
            return Fail($"expected 'By', 'All' or 'OrderBy' after '{prefix.Prefix}', found '{Word(head, 0)}'");
        }

        // Spring Data's "...AllIgnoreCase": every text predicate ignores case.
        var allIgnoreCase = false;
        foreach (var suffix in new[] { "AllIgnoreCase", "AllIgnoringCase" })
        {
            if (criteria.EndsWith(suffix, StringComparison.Ordinal) && criteria.Length > suffix.Length)
            {
                allIgnoreCase = true;
                criteria = criteria.Substring(0, criteria.Length - suffix.Length);
                break;
            }
        }

        var predicates = new List<DerivedPredicate>();
        var position = 0;
        var or = false;
        while (position < criteria.Length)
        {
            if (predicates.Count > 0)
            {
                if (Starts(criteria, position, "And"))
                {
                    or = false;
                    position += 3;
                }
                else if (Starts(criteria, position, "Or"))
                {
                    or = true;
                    position += 2;
                }
                else
                {
                    return Fail($"expected 'And' or 'Or' before '{Word(criteria, position)}'");
                }
            }

            var member = LongestMember(members, criteria, position);
            if (member is null)
            {
                return new DerivedParse(null, null, Word(criteria, position));
            }

            var start = position;
            position += member.Length;
            var op = Operators.FirstOrDefault(o => Starts(criteria, position, o.Word) && IsBoundary(criteria, position + o.Word.Length));
            position += op?.Word.Length ?? 0;
            var ignoreCase = false;
            foreach (var word in new[] { "IgnoreCase", "IgnoringCase" })
            {
                if (Starts(criteria, position, word) && IsBoundary(criteria, position + word.Length))
                {
                    ignoreCase = true;
                    position += word.Length;
                    break;
                }
            }

            predicates.Add(new DerivedPredicate(member, op?.Operator ?? DerivedOperator.Equal, or, criteria.Substring(start, position - start), ignoreCase));
        }

        var orderKeys = new List<DerivedOrder>();
        position = 0;
        if (orderAt >= 0 && order.Length == 0)
        {
            return Fail($"'OrderBy' must be followed by a member of {entityName}");
        }

        while (position < order.Length)
        {
            var member = LongestMember(members, order, position);
            if (member is null)
            {
                return new DerivedParse(null, null, Word(order, position));
            }

            position += member.Length;
            var descending = false;
            if (Starts(order, position, "Desc"))
            {
                descending = true;
                position += 4;
            }
            else if (Starts(order, position, "Asc"))
            {
                position += 3;
            }

            orderKeys.Add(new DerivedOrder(member, descending));
            if (position >= order.Length)
            {
                break;
            }

            // The next key follows directly (OrderByLastNameAscFirstNameDesc) or after Then/And.
            if (Starts(order, position, "Then"))
            {
                position += 4;
            }
            else if (Starts(order, position, "And"))
            {
                position += 3;
            }
            else if (LongestMember(members, order, position) is null)
            {
                return Fail($"expected 'Asc', 'Desc', 'Then' or another member after '{member}', found '{Word(order, position)}'");
            }
        }

        return new DerivedParse(new DerivedQuery(prefix.Prefix, prefix.Verb, distinct, top, predicates.ToEquatableArray(), orderKeys.ToEquatableArray(), allIgnoreCase, assigned.ToEquatableArray()), null, null);
    }

    private static DerivedParse Fail(string reason) => new(null, reason, null);

    /// <summary>The member word of an Update at <paramref name="position"/>: up to the next 'And' or 'By'.</summary>
    private static string AssignedWord(string text, int position)
    {
        var end = position + 1;
        while (end < text.Length && !((Starts(text, end, "And") && IsBoundary(text, end + 3)) || (Starts(text, end, "By") && IsBoundary(text, end + 2))))
        {
            end++;
        }

        return text.Substring(position, end - position);
    }

    private static string? LongestMember(IReadOnlyList<string> members, string text, int position)
    {
        string? best = null;
        foreach (var member in members)
        {
            if (member.Length > 0 && Starts(text, position, member) && (best is null || member.Length > best.Length))
            {
                best = member;
            }
        }

        return best;
    }

    private static bool Starts(string text, int at, string value)
        => at + value.Length <= text.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static bool IsBoundary(string text, int position) => position >= text.Length || char.IsUpper(text[position]);

    /// <summary>The word at <paramref name="position"/>: capitalised words up to the next And/Or or operator.</summary>
    private static string Word(string text, int position)
    {
        if (position >= text.Length)
        {
            return string.Empty;
        }

        var end = position + 1;
        while (end < text.Length && !char.IsUpper(text[end]))
        {
            end++;
        }

        while (end < text.Length && !Starts(text, end, "And") && !Starts(text, end, "Or") && !Operators.Any(o => Starts(text, end, o.Word)))
        {
            end++;
            while (end < text.Length && !char.IsUpper(text[end]))
            {
                end++;
            }
        }

        return text.Substring(position, Math.Min(end, text.Length) - position);
    }

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
}
