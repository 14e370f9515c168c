using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NeoGen.Generator.Model;
using NeoGen.Shared;
using NeoGen.Sql.Binding;

namespace NeoGen.Generator.Planning;

/// <summary>
/// A deterministic ciphertext depends on the key, and while a rotation is under way a column holds values under the
/// old key and the new one. So a lookup compares with the value under each readable key, in the one statement:
/// <c>col = @v</c> becomes <c>col IN (@v__k0, @v__k1, @v__k2)</c>, <c>col &lt;&gt; @v</c> becomes <c>col NOT IN (...)</c>,
/// and an item of <c>IN (@a, @b)</c> becomes its three copies. Every other part of the statement (OR, a second
/// encrypted column, ORDER BY, LIMIT, aggregates) keeps its meaning, and the statement stays one prepared statement.
/// </summary>
internal static class LookupExpansion
{
    /// <summary>The statement with each lookup expanded and the bindings of the copies, or an error saying why not.</summary>
    public static (string? Sql, List<ExplicitBinding> Bindings, string? Error) Expand(string sql, IReadOnlyList<BoundParameter> uses, IReadOnlyList<PlannedParameter> parameters)
    {
        var lookups = parameters.Where(p => p.Type.Protection is { IsLookup: true, Deterministic: true, Slot: < 0 })
            .ToDictionary(p => p.SqlName, StringComparer.OrdinalIgnoreCase);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var use in uses)
        {
            if (!lookups.TryGetValue(use.Name, out _))
            {
                continue;
            }

            var token = sql.Substring(use.Start, use.Length);
            var copies = string.Join(", ", Enumerable.Range(0, ColumnProtection.LookupSlots).Select(i => token + Suffix(i)));
            var end = use.Start + use.Length;
            if (use.Role == SqlParameterRole.InListItem)
            {
                edits.Add((use.Start, end, copies));
            }
            else if (use.Role == SqlParameterRole.Comparison && OperatorBefore(sql, use.Start) is { } before)
            {
                edits.Add((before.Start, end, (before.Negated ? "NOT IN (" : "IN (") + copies + ")"));
            }
            else if (use.Role == SqlParameterRole.Comparison && OperandAfter(sql, end) is { } after)
            {
                edits.Add((use.Start, after.End, after.Column + (after.Negated ? " NOT IN (" : " IN (") + copies + ")"));
            }
            else
            {
                return (null, new List<ExplicitBinding>(), $"'{token}' meets a deterministic-encrypted column other than as 'column = {token}', 'column <> {token}' or an item of 'IN (...)', the forms a lookup can compare under every readable key");
            }
        }

        var text = new StringBuilder(sql);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
        {
            text.Remove(start, end - start).Insert(start, replacement);
        }

        var bindings = new List<ExplicitBinding>();
        foreach (var lookup in lookups.Values)
        {
            var root = lookup.DisplayName.Split('.')[0];
            for (var slot = 0; slot < ColumnProtection.LookupSlots; slot++)
            {
                bindings.Add(new ExplicitBinding(lookup.SqlName + Suffix(slot), lookup.Expression, lookup.Type.AsLookupSlot(slot), false, root));
            }
        }

        return (text.ToString(), bindings, null);
    }

    private static string Suffix(int slot) => "__k" + slot.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>=</c>, <c>&lt;&gt;</c> or <c>!=</c> right before a parameter (<c>col = @v</c>).</summary>
    private static (int Start, bool Negated)? OperatorBefore(string sql, int parameterStart)
    {
        var i = parameterStart - 1;
        while (i >= 0 && char.IsWhiteSpace(sql[i]))
        {
            i--;
        }

        if (i >= 1 && ((sql[i - 1] == '<' && sql[i] == '>') || (sql[i - 1] == '!' && sql[i] == '=')))
        {
            return (i - 1, true);
        }

        if (i >= 0 && sql[i] == '=' && (i == 0 || sql[i - 1] is not ('<' or '>' or '!' or ':' or '=')))
        {
            return (i, false);
        }

        return null;
    }

    /// <summary>The operator and column right after a parameter (<c>@v = col</c>, <c>@v = t.col</c>).</summary>
    private static (int End, string Column, bool Negated)? OperandAfter(string sql, int parameterEnd)
    {
        var i = parameterEnd;
        while (i < sql.Length && char.IsWhiteSpace(sql[i]))
        {
            i++;
        }

        bool negated;
        if (i + 1 < sql.Length && ((sql[i] == '<' && sql[i + 1] == '>') || (sql[i] == '!' && sql[i + 1] == '=')))
        {
            negated = true;
            i += 2;
        }
        else if (i < sql.Length && sql[i] == '=' && (i + 1 >= sql.Length || sql[i + 1] != '='))
        {
            negated = false;
            i++;
        }
        else
        {
            return null;
        }

        while (i < sql.Length && char.IsWhiteSpace(sql[i]))
        {
            i++;
        }

        var start = i;
        while (true)
        {
            if (i >= sql.Length)
            {
                return null;
            }

            var close = sql[i] switch
            {
                '"' => '"',
                '`' => '`',
                '[' => ']',
                _ => '\0',
            };
            if (close != '\0')
            {
                var end = sql.IndexOf(close, i + 1);
                if (end < 0)
                {
                    return null;
                }

                i = end + 1;
            }
            else if (char.IsLetter(sql[i]) || sql[i] == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }
            }
            else
            {
                return null;
            }

            if (i < sql.Length && sql[i] == '.')
            {
                i++;
                continue;
            }

            return (i, sql.Substring(start, i - start), negated);
        }
    }
}
