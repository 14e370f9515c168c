using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Model;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator.Planning;

/// <summary>
/// The diagnostics of one repository. A statement is checked once per dialect; a finding that does not depend on the
/// dialect is reported once, and one that does names every dialect it holds for in a single message
/// ("does not parse for SQLite and PostgreSQL") instead of repeating itself per dialect.
/// </summary>
internal sealed class DiagnosticBag
{
    public const string DialectsPlaceholder = "{dialects}";

    private readonly List<DiagnosticInfo> _plain = new();
    private readonly List<(DiagnosticInfo Template, SqlDialect Dialect)> _perDialect = new();

    public void Add(DiagnosticInfo diagnostic)
    {
        if (!_plain.Contains(diagnostic))
        {
            _plain.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>A diagnostic whose arguments name the dialect where <see cref="DialectsPlaceholder"/> stands.</summary>
    public void AddForDialect(DiagnosticDescriptor descriptor, LocationInfo? location, SqlDialect dialect, params string[] arguments)
        => _perDialect.Add((DiagnosticInfo.Create(descriptor, location, arguments), dialect));

    public EquatableArray<DiagnosticInfo> ToArray()
    {
        var merged = _perDialect
            .GroupBy(d => d.Template)
            .Select(g =>
            {
                var dialects = DialectNames.Display(g.Select(d => d.Dialect).Distinct().ToList());
                return g.Key with { Arguments = g.Key.Arguments.Select(a => a.Replace(DialectsPlaceholder, dialects)).ToEquatableArray() };
            });
        return _plain.Concat(merged).Distinct().ToEquatableArray();
    }
}
