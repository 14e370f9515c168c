using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NeoGen.Sql.Parsing;

/// <summary>The conditions of a statement that use an optional parameter, or why one cannot be left out.</summary>
public sealed class OptionalConditions
{
    internal OptionalConditions(IReadOnlyDictionary<string, IReadOnlyList<SqlSpan>> byParameter, string? error, SqlSpan? errorSpan, IReadOnlyList<IReadOnlyList<SqlSpan>> chains, IReadOnlyList<IReadOnlyList<SqlSpan>> writeChains)
    {
        ByParameter = byParameter;
        Error = error;
        ErrorSpan = errorSpan;
        Chains = chains;
        WriteChains = writeChains;
    }

    /// <summary>For each optional parameter (without its sigil), the AND-joined conditions that use it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SqlSpan>> ByParameter { get; }

    /// <summary>Why a parameter cannot be optional here, or null.</summary>
    public string? Error { get; }

    /// <summary>Where the problem is.</summary>
    public SqlSpan? ErrorSpan { get; }

    /// <summary>Every WHERE/HAVING of the statement as its AND-joined conditions, in source order.</summary>
    internal IReadOnlyList<IReadOnlyList<SqlSpan>> Chains { get; }

    /// <summary>The WHERE clauses of UPDATE and DELETE statements, as their conditions.</summary>
    internal IReadOnlyList<IReadOnlyList<SqlSpan>> WriteChains { get; }

    /// <summary>Whether leaving out <paramref name="omitted"/> leaves an UPDATE or a DELETE with no condition at all.</summary>
    public bool LeavesAWriteUnfiltered(IReadOnlyCollection<SqlSpan> omitted) => WriteChains.Any(chain => chain.All(omitted.Contains));
}

/// <summary>
/// Leaves conditions out of a WHERE or HAVING clause: the optional filters of a statement. A condition is one operand
/// of the clause's chain of ANDs (a parenthesized OR group is one condition), so leaving it out only ever widens that
/// clause's filter by exactly that condition.
/// </summary>
public static class SqlOptionalConditions
{
    /// <summary>Finds, for each name in <paramref name="parameters"/>, the conditions that use it.</summary>
    public static OptionalConditions Find(SqlScript script, IReadOnlyCollection<string> parameters)
    {
        var optional = new HashSet<string>(parameters, StringComparer.OrdinalIgnoreCase);
        var chains = new List<IReadOnlyList<SqlSpan>>();
        var writeChains = new List<IReadOnlyList<SqlSpan>>();
        var conditions = new Dictionary<SqlSpan, SqlExpression>();
        foreach (var statement in script.Statements)
        {
            foreach (var node in statement.DescendantsAndSelf())
            {
                var clause = node switch
                {
                    SelectQuery select => new[] { select.Where, select.Having },
                    UpdateStatement update => new[] { update.Where },
                    DeleteStatement delete => new[] { delete.Where },
                    _ => Array.Empty<SqlExpression?>(),
                };
                foreach (var expression in clause)
                {
                    if (expression is not null)
                    {
                        var chain = Conjuncts(expression);
                        chains.Add(chain.Select(c => c.Span).ToList());
                        foreach (var condition in chain)
                        {
                            conditions[condition.Span] = condition;
                        }

                        if (node is UpdateStatement or DeleteStatement)
                        {
                            writeChains.Add(chain.Select(c => c.Span).ToList());
                        }
                    }
                }
            }
        }

        var byParameter = new Dictionary<string, IReadOnlyList<SqlSpan>>(StringComparer.OrdinalIgnoreCase);
        var uses = script.Statements.SelectMany(s => s.DescendantsAndSelf()).OfType<ParameterExpression>().ToList();
        foreach (var use in uses.Where(u => optional.Contains(u.Name)))
        {
            // The innermost condition around the use: a subquery's own WHERE before the outer one.
            var condition = chains.SelectMany(c => c).Where(c => c.Start <= use.Span.Start && use.Span.End <= c.End)
                .OrderBy(c => c.Length).Cast<SqlSpan?>().FirstOrDefault();
            if (condition is not { } found)
            {
                return new OptionalConditions(byParameter, $"'@{use.Name}' is optional, so it must be used only in conditions of a WHERE or HAVING clause joined to the rest with AND", use.Span, chains, writeChains);
            }

            var required = uses.FirstOrDefault(u => !optional.Contains(u.Name) && found.Start <= u.Span.Start && u.Span.End <= found.End);
            if (required is not null)
            {
                return new OptionalConditions(byParameter, $"the condition that uses the optional '@{use.Name}' also uses '@{required.Name}', which is not optional and would be left out with it; join the two with AND", required.Span, chains, writeChains);
            }

            // An OR group goes as a whole: each of its alternatives must be one the null parameter makes moot.
            var alternatives = Disjuncts(conditions[found]);
            var fixedAlternative = alternatives.FirstOrDefault(a => !uses.Any(u => optional.Contains(u.Name) && a.Span.Start <= u.Span.Start && u.Span.End <= a.Span.End));
            if (alternatives.Count > 1 && fixedAlternative is not null)
            {
                return new OptionalConditions(byParameter, $"the condition that uses the optional '@{use.Name}' is joined with OR to a condition without an optional parameter, which would be left out with it; put the optional condition in a group of its own joined with AND", fixedAlternative.Span, chains, writeChains);
            }

            var list = byParameter.TryGetValue(use.Name, out var known) ? known.ToList() : new List<SqlSpan>();
            if (!list.Contains(found))
            {
                list.Add(found);
            }

            byParameter[use.Name] = list;
        }

        return new OptionalConditions(byParameter, null, null, chains, writeChains);
    }

    /// <summary>
    /// <paramref name="sql"/> without the conditions in <paramref name="omitted"/>. With <paramref name="keepPositions"/>
    /// each is overwritten by <c>1=1</c> padded to its length, so positions in the result are positions in
    /// <paramref name="sql"/> (for diagnostics); otherwise each is removed with its AND, and a clause left with none
    /// becomes <c>1 = 1</c>.
    /// </summary>
    public static string Omit(string sql, OptionalConditions conditions, IReadOnlyCollection<SqlSpan> omitted, bool keepPositions)
    {
        var edits = new List<(int Start, int End, string Text)>();
        if (keepPositions)
        {
            foreach (var span in omitted)
            {
                edits.Add((span.Start, span.End, span.Length >= 3 ? "1=1".PadRight(span.Length) : "1=1"));
            }
        }
        else
        {
            foreach (var chain in conditions.Chains)
            {
                var n = chain.Count;
                for (var i = 0; i < n; i++)
                {
                    if (!omitted.Contains(chain[i]))
                    {
                        continue;
                    }

                    var j = i;
                    while (j + 1 < n && omitted.Contains(chain[j + 1]))
                    {
                        j++;
                    }

                    if (i > 0)
                    {
                        edits.Add((chain[i - 1].End, chain[j].End, string.Empty));
                    }
                    else if (j < n - 1)
                    {
                        edits.Add((chain[0].Start, chain[j + 1].Start, string.Empty));
                    }
                    else
                    {
                        edits.Add((chain[0].Start, chain[n - 1].End, "1 = 1"));
                    }

                    i = j;
                }
            }
        }

        // An edit inside another (a subquery's condition inside an omitted outer one) is moot.
        var outer = edits.Where(e => !edits.Any(o => !o.Equals(e) && o.Start <= e.Start && e.End <= o.End && (o.Start, o.End) != (e.Start, e.End)))
            .Distinct().OrderByDescending(e => e.Start).ToList();
        var text = new StringBuilder(sql);
        foreach (var (start, end, replacement) in outer)
        {
            text.Remove(start, end - start).Insert(start, replacement);
        }

        return text.ToString();
    }

    /// <summary>The operands of a chain of ANDs, looking through parentheses, so a group of ANDs is split too.</summary>
    private static List<SqlExpression> Conjuncts(SqlExpression expression) => Operands(expression, "AND");

    /// <summary>The operands of a chain of ORs, looking through parentheses.</summary>
    private static List<SqlExpression> Disjuncts(SqlExpression expression) => Operands(expression, "OR");

    private static List<SqlExpression> Operands(SqlExpression expression, string op)
    {
        var result = new List<SqlExpression>();
        var stack = new Stack<SqlExpression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var inner = node;
            while (inner is ParenthesizedExpression parenthesized)
            {
                inner = parenthesized.Inner;
            }

            if (inner is BinaryExpression binary && binary.Operator == op)
            {
                stack.Push(binary.Right);
                stack.Push(binary.Left);
                continue;
            }

            result.Add(node);
        }

        return result;
    }
}
