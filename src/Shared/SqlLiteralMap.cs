using System;
using System.Collections.Generic;

// Linked into the generator and the analyzers: where a position of the SQL value sits in the C# literal that wrote
// it, so that every diagnostic about the SQL is located on the offending token, whichever assembly reports it.
namespace NeoGen.Shared;

internal static class SqlLiteralMap
{
    /// <summary>
    /// Maps the span <paramref name="start"/>..+<paramref name="length"/> of the string's value to a span of the
    /// literal's source text: regular literals without escapes, verbatim literals without doubled quotes, and raw
    /// string literals (one line, or several with their indentation removed). False for anything else (escapes,
    /// constants, concatenations), where the caller reports the whole literal.
    /// </summary>
    public static bool TryMap(string literalText, int start, int length, out int literalStart, out int literalLength)
    {
        literalStart = 0;
        literalLength = 0;
        if (start < 0 || length < 0 || string.IsNullOrEmpty(literalText))
        {
            return false;
        }

        var offsets = ValueOffsets(literalText);
        if (offsets == null || start + length > offsets.Count - 1)
        {
            return false;
        }

        literalStart = offsets[start];
        literalLength = length == 0 ? 0 : offsets[start + length - 1] + 1 - literalStart;
        return true;
    }

    /// <summary>The source offset of each character of the value (plus one past the end), or null when it cannot be mapped.</summary>
    private static List<int>? ValueOffsets(string text)
    {
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            return RawOffsets(text, quotes);
        }

        int delta;
        if (text.StartsWith("@\"", StringComparison.Ordinal))
        {
            if (text.IndexOf("\"\"", 2, StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            delta = 2;
        }
        else if (quotes == 1 && text.IndexOf('\\') < 0)
        {
            delta = 1;
        }
        else
        {
            return null;
        }

        var valueLength = text.Length - delta - 1;
        if (valueLength < 0)
        {
            return null;
        }

        var offsets = new List<int>(valueLength + 1);
        for (var i = 0; i <= valueLength; i++)
        {
            offsets.Add(delta + i);
        }

        return offsets;
    }

    private static List<int>? RawOffsets(string text, int quotes)
    {
        var end = text.Length - quotes;
        if (end < quotes)
        {
            return null;
        }

        var offsets = new List<int>();
        var firstNewline = text.IndexOf('\n', quotes);
        if (firstNewline < 0 || firstNewline >= end)
        {
            // """SELECT ...""": the value is the text between the quotes.
            for (var i = quotes; i <= end; i++)
            {
                offsets.Add(i);
            }

            return offsets;
        }

        // Several lines: the content starts after the first line break and ends before the last one; every content
        // line loses the closing line's indentation.
        var lastNewline = text.LastIndexOf('\n', end - 1);
        var indentation = end - (lastNewline + 1);
        for (var k = lastNewline + 1; k < end; k++)
        {
            if (text[k] != ' ' && text[k] != '\t')
            {
                return null;
            }
        }

        var lineStart = firstNewline + 1;
        while (lineStart <= lastNewline)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var contentEnd = lineEnd > 0 && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var from = Math.Min(lineStart + indentation, contentEnd);
            for (var i = from; i < contentEnd; i++)
            {
                offsets.Add(i);
            }

            if (lineEnd >= lastNewline)
            {
                break;
            }

            // The line break between two content lines is part of the value ("\r\n" counts as the characters it is).
            for (var i = contentEnd; i <= lineEnd; i++)
            {
                offsets.Add(i);
            }

            lineStart = lineEnd + 1;
        }

        offsets.Add(offsets.Count > 0 ? offsets[offsets.Count - 1] + 1 : lastNewline);
        return offsets;
    }
}
