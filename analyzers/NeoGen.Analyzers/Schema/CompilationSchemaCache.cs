using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NeoGen.Analyzers.Schema;

/// <summary>
/// Shares one <see cref="CompilationSchema"/> between compilations of the same code. The compiler hands analyzers a
/// new compilation object for each request of document-by-document analysis (an IDE's way of working), so a schema
/// built per compilation-start was built again for every open document; it depends only on the source trees, the
/// references and the schema files, which those compilations share by reference. The schema holds no symbols, so
/// sharing it keeps no compilation alive.
/// </summary>
internal static class CompilationSchemaCache
{
    // Keyed by the first syntax tree; the entry says which trees, references and files it was built from.
    private static readonly ConditionalWeakTable<SyntaxTree, Entry> Entries = new();

    public static CompilationSchema GetOrBuild(Compilation compilation, ImmutableArray<AdditionalText> files, string?[] declaredDialects, Func<CompilationSchema> build)
    {
        var trees = compilation.SyntaxTrees.ToArray();
        if (trees.Length == 0)
        {
            return build();
        }

        var references = compilation.References.ToArray();
        var entry = Entries.GetValue(trees[0], static _ => new Entry());
        lock (entry)
        {
            if (entry.Schema != null && Same(entry.Trees, trees) && Same(entry.References, references) && Same(entry.Files, files.ToArray()) && entry.DeclaredDialects.SequenceEqual(declaredDialects, StringComparer.Ordinal))
            {
                return entry.Schema;
            }

            var schema = build();
            entry.Trees = trees;
            entry.References = references;
            entry.Files = files.ToArray();
            entry.DeclaredDialects = declaredDialects;
            entry.Schema = schema;
            return schema;
        }
    }

    private static bool Same<T>(T[] left, T[] right)
        where T : class
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!ReferenceEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Entry
    {
        public SyntaxTree[] Trees = Array.Empty<SyntaxTree>();

        public MetadataReference[] References = Array.Empty<MetadataReference>();

        public AdditionalText[] Files = Array.Empty<AdditionalText>();

        public string?[] DeclaredDialects = Array.Empty<string?>();

        public CompilationSchema? Schema;
    }
}
