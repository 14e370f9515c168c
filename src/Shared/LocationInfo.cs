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
    /// A location <paramref name="offset"/> characters into the value of the string literal this location covers
    /// (see <see cref="SqlLiteralMap"/>); the whole literal when the value does not map one to one.
    /// </summary>
    public LocationInfo Inside(string literalText, int offset, int length)
    {
        if (!SqlLiteralMap.TryMap(literalText, offset, length, out var start, out var mappedLength))
        {
            return this;
        }

        var span = new TextSpan(Span.Start + start, mappedLength);
        return new LocationInfo(FilePath, span, new LinePositionSpan(Position(literalText, start), Position(literalText, start + mappedLength)));
    }

    private LinePosition Position(string literalText, int offset)
    {
        var line = LineSpan.Start.Line;
        var lastBreak = -1;
        for (var i = 0; i < offset && i < literalText.Length; i++)
        {
            if (literalText[i] == '\n')
            {
                line++;
                lastBreak = i;
            }
        }

        return lastBreak < 0
            ? new LinePosition(line, LineSpan.Start.Character + offset)
            : new LinePosition(line, offset - lastBreak - 1);
    }
}
