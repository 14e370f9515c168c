using System;
using System.Collections.Generic;

namespace NeoGen.Sql;

/// <summary>"Did you mean ...?" for names that did not resolve.</summary>
public static class SqlNames
{
    /// <summary>
    /// The candidate closest to <paramref name="name"/> (case-insensitive edit distance counting a swap of neighbours as one edit, with underscores and case
    /// ignored first so <c>createdAt</c> finds <c>created_at</c>, and a name that extends the other, as a rename to
    /// <c>phone_number</c> extends <c>phone</c>), or null when none is close enough to be a typo.
    /// </summary>
    public static string? Closest(string? name, IEnumerable<string?> candidates)
    {
        if (string.IsNullOrEmpty(name) || candidates == null)
        {
            return null;
        }

        var plain = Plain(name!);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate) || string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var other = Plain(candidate!);
            var distance = other == plain ? 0
                : (plain.Length >= 3 && other.Length >= 3 && (other.StartsWith(plain, StringComparison.Ordinal) || plain.StartsWith(other, StringComparison.Ordinal))) ? 1
                : Distance(name!.ToLowerInvariant(), candidate!.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // One edit in four characters, at least one and at most three: a typo, not another name.
        var allowed = Math.Min(3, Math.Max(1, name!.Length / 4));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" (did you mean 'x'?)", or nothing.</summary>
    public static string DidYouMean(string? name, IEnumerable<string?> candidates, string prefix = "")
    {
        var closest = Closest(name, candidates);
        return closest == null ? string.Empty : $"; did you mean '{prefix}{closest}'?";
    }

    private static string Plain(string name) => name.Replace("_", string.Empty).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        // Optimal string alignment: Levenshtein plus the swap of two neighbours as one edit ("emial" is one from "email").
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            var oldest = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}
