using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

// Linked into the analyzers (and usable by the generator): what SQL may do with encrypted and tenant-scoped columns,
// read from one bound statement, so every NG4001-NG4004 finding comes from one reading.
namespace NeoGen.Shared;

/// <summary>One protection finding: the rule, where in the SQL, and the message arguments.</summary>
internal sealed record ProtectionFinding(DiagnosticDescriptor Rule, int Start, int Length, string[] Arguments);

internal static class ProtectionRules
{
    /// <summary>The parameter name that stands for the ambient tenant in written SQL.</summary>
    public const string TenantParameter = "tenant";

    /// <param name="bound">The statement.</param>
    /// <param name="sql">Its text, as bound.</param>
    public static List<ProtectionFinding> Check(BoundStatement bound, string sql)
    {
        var findings = new List<ProtectionFinding>();
        CheckEncrypted(bound, sql, findings);
        CheckTenants(bound, findings);
        return findings;
    }

    private static void CheckEncrypted(BoundStatement bound, string sql, List<ProtectionFinding> findings)
    {
        var reported = new HashSet<int>();
        foreach (var reference in bound.ColumnReferences)
        {
            var column = reference.Column;
            if (!column.IsEncrypted)
            {
                continue;
            }

            // NG4004: a function or operator over the column sees only ciphertext (COUNT only counts it).
            if (reference.Wrapper is { } wrapper && reference.WrapperName is not ("count" or "count_big"))
            {
                if (reported.Add(reference.Start))
                {
                    findings.Add(new ProtectionFinding(Rules.ExpressionOnEncryptedColumn, wrapper.Start, wrapper.Length, new[] { reference.WrapperName ?? "expression", reference.Table.Name, column.Name }));
                }

                continue;
            }

            // NG4001: nothing but reading and writing works on a randomized column.
            if (column.Encryption == SqlColumnEncryption.Randomized && reference.Clause is SqlClause.Where or SqlClause.Join or SqlClause.OrderBy or SqlClause.GroupBy or SqlClause.Having
                && !IsNullTest(sql, reference) && reported.Add(reference.Start))
            {
                findings.Add(new ProtectionFinding(Rules.RandomizedColumnInPredicate, reference.Start, reference.Length, new[]
                {
                    reference.Table.Name, column.Name, ClauseName(reference.Clause) + " compares or sorts ciphertexts that never repeat; "
                    + (reference.Clause is SqlClause.OrderBy or SqlClause.GroupBy
                        ? "sort or group the decrypted values in C#"
                        : "mark the member [Encrypted(Deterministic = true)] to look rows up by it (equality only), or filter on another column"),
                }));
            }
        }

        foreach (var use in bound.PredicateUses)
        {
            if (use.Column.Encryption != SqlColumnEncryption.Deterministic || use.IsWrapped || reported.Contains(use.Start))
            {
                continue;
            }

            string? problem = use.Kind switch
            {
                SqlPredicateKind.Range => "an order comparison (<, >, BETWEEN) compares ciphertexts, whose order is unrelated to the values",
                SqlPredicateKind.Like => "LIKE matches text patterns, which a ciphertext does not keep",
                SqlPredicateKind.OrderBy => "ORDER BY would sort by ciphertext; sort the decrypted values in C#",
                SqlPredicateKind.JoinKey => "each column's ciphertexts are bound to that column, so it equals no other column; join on a key",
                _ => null,
            };
            if (problem is not null && reported.Add(use.Start))
            {
                findings.Add(new ProtectionFinding(Rules.DeterministicColumnMisuse, use.Start, use.Length, new[] { use.Table.Name, use.Column.Name, problem }));
            }
        }

        // A literal is not encrypted: compared with the column it never matches, assigned to it it would be stored in clear.
        foreach (var literal in bound.Literals)
        {
            if (literal.Column.IsEncrypted)
            {
                var problem = literal.Role is SqlParameterRole.Assignment or SqlParameterRole.InsertValue
                    ? "a literal assigned to it would be stored in clear; pass the value as a parameter, which NeoGen encrypts"
                    : "a literal is not encrypted and never equals a ciphertext; pass the value as a parameter, which NeoGen encrypts";
                findings.Add(new ProtectionFinding(
                    literal.Column.Encryption == SqlColumnEncryption.Deterministic ? Rules.DeterministicColumnMisuse : Rules.RandomizedColumnInPredicate,
                    literal.Start,
                    literal.Length,
                    new[] { literal.Table.Name, literal.Column.Name, problem }));
            }
        }

        // What an encrypted column is given must be one value NeoGen encrypts: a bare parameter (or NULL, DEFAULT, or
        // the same column of an upsert's excluded/source row). A function of a parameter, a value of another column or a
        // query would be stored in clear, or as a ciphertext bound to another column that never decrypts here.
        foreach (var assignment in bound.Assignments)
        {
            if (!assignment.Column.IsEncrypted || IsEncryptableValue(assignment.Value, assignment.Column.Name) || reported.Contains(assignment.Start))
            {
                continue;
            }

            reported.Add(assignment.Start);
            var text = assignment.Start >= 0 && assignment.Start + assignment.Length <= sql.Length ? sql.Substring(assignment.Start, assignment.Length) : "the value";
            var what = text.Length > 40 ? text.Substring(0, 37) + "..." : text;
            findings.Add(new ProtectionFinding(Rules.ExpressionOnEncryptedColumn, assignment.Start, assignment.Length, new[]
            {
                what, assignment.Table.Name, assignment.Column.Name,
            }));
        }

        // A collection parameter is not encrypted element by element.
        foreach (var parameter in bound.Parameters)
        {
            if (parameter.Column is { IsEncrypted: true } column && parameter.Table is not null && parameter.Role == SqlParameterRole.InCollection)
            {
                findings.Add(new ProtectionFinding(Rules.DeterministicColumnMisuse, parameter.Start, parameter.Length, new[]
                {
                    parameter.Table.Name, column.Name, "a collection parameter is not encrypted element by element; compare with one parameter per value (IN (@a, @b))",
                }));
            }
        }
    }

    private static bool IsEncryptableValue(SqlExpression? value, string column)
    {
        while (value is ParenthesizedExpression parenthesized)
        {
            value = parenthesized.Inner;
        }

        return value switch
        {
            ParameterExpression => true,
            LiteralExpression { LiteralKind: SqlLiteralKind.Null or SqlLiteralKind.Default } => true,

            // Literals are reported on their own (NG4001 / NG4002).
            LiteralExpression => true,
            ColumnReferenceExpression reference => string.Equals(reference.Column, column, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>IS NULL / IS NOT NULL works on any encrypted column: NULL is stored as NULL.</summary>
    private static bool IsNullTest(string text, BoundColumnReference reference)
    {
        var end = reference.Start + reference.Length;
        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i + 2 <= text.Length && string.Compare(text, i, "IS", 0, 2, StringComparison.OrdinalIgnoreCase) == 0
            && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]));
    }

    private static string ClauseName(SqlClause clause) => clause switch
    {
        SqlClause.Where => "a WHERE condition",
        SqlClause.Join => "a JOIN condition",
        SqlClause.OrderBy => "ORDER BY",
        SqlClause.GroupBy => "GROUP BY",
        SqlClause.Having => "HAVING",
        _ => "this clause",
    };

    /// <summary>
    /// NG4003: each tenant table a statement reads or changes is filtered by <c>tenant_column = @tenant</c> (the ambient
    /// tenant, not under an OR), and an INSERT into one writes <c>@tenant</c> to its tenant column.
    /// </summary>
    private static void CheckTenants(BoundStatement bound, List<ProtectionFinding> findings)
    {
        var seen = new HashSet<SqlSchemaTable>();
        foreach (var table in bound.Tables)
        {
            if (table.Table is not { TenantColumn: { } tenantColumn } schemaTable || table.IsCte || !seen.Add(schemaTable))
            {
                continue;
            }

            var isInsertTarget = bound.Kind == SqlStatementKind.Insert && bound.TargetTable == schemaTable;
            if (isInsertTarget)
            {
                var written = bound.Parameters.Any(p => p.Table == schemaTable && p.Role == SqlParameterRole.InsertValue && IsTenant(p, tenantColumn));
                if (!written)
                {
                    findings.Add(new ProtectionFinding(Rules.MissingTenantPredicate, table.Start, table.Length, new[]
                    {
                        $"INSERT into tenant table '{schemaTable.Name}' must write @{TenantParameter} to its tenant column '{tenantColumn}', so the row is the current tenant's",
                    }));
                    continue;
                }

                // An upsert's update (ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE) reaches the row that conflicts,
                // whoever's it is: it must be guarded by the tenant (ON CONFLICT ... DO UPDATE ... WHERE tenant_id = @tenant).
                var updates = bound.Assignments.Any(a => a.Table == schemaTable && a.IsUpdate);
                var guarded = bound.Parameters.Any(p => p.Role != SqlParameterRole.InsertValue && IsTenant(p, tenantColumn));
                if (updates && !guarded)
                {
                    findings.Add(new ProtectionFinding(Rules.MissingTenantPredicate, table.Start, table.Length, new[]
                    {
                        $"The upsert into tenant table '{schemaTable.Name}' updates the row it conflicts with, which may be another tenant's; guard the update with '{tenantColumn} = @{TenantParameter}' (ON CONFLICT ... DO UPDATE ... WHERE), or use the generated Upsert",
                    }));
                }

                if (bound.Tables.Count(t => t.Table == schemaTable && !t.IsCte) == 1)
                {
                    continue;
                }
            }

            // Each reference to the table needs its own condition (a subquery or a self-join on it as well): as many
            // tenant conditions as references.
            var references = bound.Tables.Count(t => t.Table == schemaTable && !t.IsCte);
            var conditions = bound.Parameters.Count(p => p.Table == schemaTable && p.Role == SqlParameterRole.Comparison && IsTenant(p, tenantColumn));
            var filtered = bound.PredicateUses.Any(u => u.Table == schemaTable && u.Kind == SqlPredicateKind.Equality && !u.UnderOr && !u.IsWrapped
                    && string.Equals(u.Column.Name, tenantColumn, StringComparison.OrdinalIgnoreCase))
                && conditions >= Math.Max(1, references - (isInsertTarget ? 1 : 0));
            if (!filtered)
            {
                var verb = bound.Kind switch
                {
                    SqlStatementKind.Update => "UPDATE of",
                    SqlStatementKind.Delete => "DELETE from",
                    _ => "query of",
                };
                findings.Add(new ProtectionFinding(Rules.MissingTenantPredicate, table.Start, table.Length, new[]
                {
                    $"The {verb} tenant table '{schemaTable.Name}' has no condition '{tenantColumn} = @{TenantParameter}' (outside any OR), so it would reach every tenant's rows; add it, and NeoGen binds @{TenantParameter} to the ambient tenant",
                }));
            }

            // An UPDATE must not move a row to another tenant.
            if (bound.Kind == SqlStatementKind.Update && bound.TargetTable == schemaTable)
            {
                foreach (var assignment in bound.ColumnReferences.Where(r => r.Table == schemaTable && r.Clause == SqlClause.Set && string.Equals(r.Column.Name, tenantColumn, StringComparison.OrdinalIgnoreCase)))
                {
                    findings.Add(new ProtectionFinding(Rules.MissingTenantPredicate, assignment.Start, assignment.Length, new[]
                    {
                        $"The UPDATE assigns tenant column '{schemaTable.Name}.{tenantColumn}', which would move rows to another tenant; a row keeps its tenant",
                    }));
                }
            }
        }
    }

    private static bool IsTenant(BoundParameter parameter, string tenantColumn)
        => string.Equals(parameter.Name, TenantParameter, StringComparison.OrdinalIgnoreCase) && parameter.Column is { } column
        && string.Equals(column.Name, tenantColumn, StringComparison.OrdinalIgnoreCase);
}
