using System;
using Microsoft.CodeAnalysis;

namespace NeoGen.Shared;

/// <summary>
/// Compares a symbol with a dotted full name without formatting it: <c>ToDisplayString()</c> allocates on every
/// call, and the analyzers ask it of every attribute of every member.
/// </summary>
internal static class SymbolNames
{
    /// <summary>Whether <paramref name="symbol"/> is <paramref name="fullName"/> (namespaces and containing types joined by dots).</summary>
    public static bool IsNamed(this ISymbol? symbol, string fullName)
    {
        var end = fullName.Length;
        for (var current = symbol; current != null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return end == 0;
            }

            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingSymbol is null or INamespaceSymbol { IsGlobalNamespace: true };
            }

            if (fullName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> is one of <paramref name="fullNames"/>.</summary>
    public static bool IsNamedAny(this ISymbol? symbol, params string[] fullNames)
    {
        foreach (var fullName in fullNames)
        {
            if (symbol.IsNamed(fullName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="fullNames"/> that <paramref name="symbol"/> is, or null.</summary>
    public static string? NameAmong(this ISymbol? symbol, params string[] fullNames)
    {
        foreach (var fullName in fullNames)
        {
            if (symbol.IsNamed(fullName))
            {
                return fullName;
            }
        }

        return null;
    }
}
