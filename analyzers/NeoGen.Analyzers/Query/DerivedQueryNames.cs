using System;
using System.Collections.Generic;

namespace NeoGen.Analyzers.Query;

/// <summary>
/// The filtered and sorted properties of a derived query method name
/// (<c>FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync</c> → TeamId, CreatedAt; order CreatedAt).
/// Only what index analysis needs; the generator validates the name (NG0003/NG0004).
/// </summary>
internal static class DerivedQueryNames
{
    private static readonly string[] Prefixes = { "Find", "Get", "Query", "Read", "List", "Search", "Stream", "Count", "Exists", "Delete" };

    private static readonly string[] Operators =
    {
        "GreaterThanOrEqual", "LessThanOrEqual", "GreaterThan", "LessThan", "StartingWith", "StartsWith", "EndingWith", "EndsWith",
        "Containing", "Contains", "IsNotNull", "NotNull", "IsNull", "Null", "NotLike", "Like", "Between", "Before", "After",
        "NotIn", "In", "True", "False", "Not", "Equals", "Is",
    };

    /// <summary>Null when the name is not a derived query or names something no member matches.</summary>
    public static (List<string> Filtered, List<string> Ordered)? Parse(string name, IReadOnlyList<string> members)
    {
        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 5);
        }

        var prefixFound = false;
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                prefixFound = true;
                break;
            }
        }

        var by = name.IndexOf("By", StringComparison.Ordinal);
        if (!prefixFound || by < 0)
        {
            return null;
        }

        var filtered = new List<string>();
        var ordered = new List<string>();
        var i = by + 2;
        var orderBy = name.IndexOf("OrderBy", StringComparison.Ordinal);
        if (orderBy >= 0 && orderBy < by)
        {
            return null;
        }

        if (orderBy >= 0 && orderBy == by - 5)
        {
            // FindAllOrderByX: no filter.
            i = by + 2;
            orderBy = by - 5;
        }
        else
        {
            while (i < name.Length && !(orderBy >= 0 && i == orderBy))
            {
                var member = LongestMember(name, i, members);
                if (member == null)
                {
                    return null;
                }

                i += member.Length;
                var op = Match(name, i, Operators);
                if (op != null)
                {
                    i += op.Length;
                }

                if (op is not ("StartingWith" or "StartsWith" or "EndingWith" or "EndsWith" or "Containing" or "Contains" or "NotLike" or "Not" or "NotIn" or "IsNotNull" or "NotNull"))
                {
                    if (op is not ("EndingWith" or "EndsWith"))
                    {
                        filtered.Add(member);
                    }
                }

                if (orderBy >= 0 && i == orderBy)
                {
                    break;
                }

                if (Starts(name, i, "And"))
                {
                    i += 3;
                }
                else if (Starts(name, i, "Or"))
                {
                    i += 2;
                }
                else if (i < name.Length)
                {
                    return null;
                }
            }

            if (orderBy < 0 || i != orderBy)
            {
                return (filtered, ordered);
            }

            i = orderBy + 7;
        }

        if (orderBy >= 0)
        {
            i = orderBy + 7;
            while (i < name.Length)
            {
                var member = LongestMember(name, i, members);
                if (member == null)
                {
                    return null;
                }

                ordered.Add(member);
                i += member.Length;
                if (Starts(name, i, "Asc"))
                {
                    i += 3;
                }
                else if (Starts(name, i, "Desc"))
                {
                    i += 4;
                }

                if (Starts(name, i, "Then"))
                {
                    i += 4;
                }
                else if (i < name.Length && !Starts(name, i, "And"))
                {
                    return null;
                }
                else if (Starts(name, i, "And"))
                {
                    i += 3;
                }
            }
        }

        return (filtered, ordered);
    }

    private static bool Starts(string text, int at, string value)
        => at + value.Length <= text.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static string? Match(string text, int at, string[] values)
    {
        foreach (var v in values)
        {
            if (Starts(text, at, v))
            {
                return v;
            }
        }

        return null;
    }

    private static string? LongestMember(string text, int at, IReadOnlyList<string> members)
    {
        string? best = null;
        foreach (var m in members)
        {
            if (m.Length > 0 && Starts(text, at, m) && (best == null || m.Length > best.Length))
            {
                best = m;
            }
        }

        return best;
    }
}
