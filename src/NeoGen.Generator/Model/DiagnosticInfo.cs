using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Shared;

namespace NeoGen.Generator.Model;

/// <summary>A diagnostic to report later, kept as values so it can sit in a cached model.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor, location, arguments.ToEquatableArray());

    /// <summary>The diagnostic anchored in its syntax tree when the tree is known, so pragmas and suppressions apply.</summary>
    public Diagnostic ToDiagnostic(System.Collections.Generic.IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        var location = Location is null ? null
            : trees.TryGetValue(Location.FilePath, out var tree) && Location.Span.End <= tree.Length ? Microsoft.CodeAnalysis.Location.Create(tree, Location.Span)
            : Location.ToLocation();
        return Diagnostic.Create(Descriptor, location, Arguments.Cast<object>().ToArray());
    }
}
