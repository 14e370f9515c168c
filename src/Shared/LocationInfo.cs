using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NeoGen.Shared;

/// <summary>A source location without the syntax tree it came from, so models stay free of Roslyn objects that pin compilations.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    /// <summary>
    /// A location <paramref name="offset"/> characters into the value of the string literal this location
    /// covers. Only plain and verbatim literals without escapes map one to one; otherwise the whole literal.
    /// </summary>
    public LocationInfo Inside(string literalText, int offset, int length)
    {
        int delta;
        if (literalText.StartsWith("@\"", StringComparison.Ordinal))
        {
            delta = 2;
            if (literalText.IndexOf("\"\"", 2, StringComparison.Ordinal) >= 0)
            {
                return this;
            }
        }
        else if (literalText.StartsWith("\"", StringComparison.Ordinal) && !literalText.StartsWith("\"\"\"", StringComparison.Ordinal) && literalText.IndexOf('\\') < 0)
        {
            delta = 1;
        }
        else
        {
            return this;
        }

        var valueLength = literalText.Length - delta - 1;
        if (offset < 0 || length < 0 || offset + length > valueLength)
        {
            return this;
        }

        var value = literalText.Substring(delta, valueLength);
        var span = new TextSpan(Span.Start + delta + offset, length);
        return new LocationInfo(FilePath, span, new LinePositionSpan(Position(value, offset, delta), Position(value, offset + length, delta)));
    }

    private LinePosition Position(string value, int offset, int delta)
    {
        var line = LineSpan.Start.Line;
        var lastBreak = -1;
        for (var i = 0; i < offset; i++)
        {
            if (value[i] == '\n')
            {
                line++;
                lastBreak = i;
            }
        }

        return lastBreak < 0
            ? new LinePosition(line, LineSpan.Start.Character + delta + offset)
            : new LinePosition(line, offset - lastBreak - 1);
    }
}
