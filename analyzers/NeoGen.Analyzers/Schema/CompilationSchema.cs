using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Schema;

namespace NeoGen.Analyzers.Schema;

/// <summary>A <c>[Table]</c> type and the table it maps to, by name and source location (no symbols).</summary>
internal sealed class EntityTable
{
    public EntityTable(string metadataName, Location? typeLocation, EntityModel model, Dictionary<string, Location> memberLocations)
    {
        MetadataName = metadataName;
        TypeLocation = typeLocation;
        Model = model;
        MemberLocations = memberLocations;
    }

    /// <summary>The type's full metadata name (<c>Namespace.Outer+Inner`1</c>).</summary>
    public string MetadataName { get; }

    /// <summary>Where the type is declared, for code fixes that add attributes to it.</summary>
    public Location? TypeLocation { get; }

    /// <summary>The same model the generator reads the type into.</summary>
    public EntityModel Model { get; }

    /// <summary>Where each mapped member is declared, by member name.</summary>
    public Dictionary<string, Location> MemberLocations { get; }

    public IEnumerable<Location> TypeLocations => TypeLocation == null ? Enumerable.Empty<Location>() : new[] { TypeLocation };

    public string Table => Model.Table!;

    public MemberModel? MemberForColumn(string column) => Model.MemberForColumn(column);

    public MemberModel? MemberByName(string name) => Model.Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The schema of one compilation, composed by <see cref="SchemaComposer"/> exactly as the generator composes it:
/// every <c>[Table]</c> type (read by <see cref="EntityReader"/>) and the <c>.sql</c> AdditionalFiles applied in
/// file-name order. One composition per dialect, made on first use; never throws.
/// </summary>
internal sealed class CompilationSchema
{
    private readonly IReadOnlyList<EntityModel> _models;
    private readonly IReadOnlyList<SchemaFile> _files;
    private readonly ConcurrentDictionary<SqlDialect, ComposedSchema> _composed = new();

    private CompilationSchema(IReadOnlyList<EntityModel> models, IReadOnlyList<SchemaFile> files, Dictionary<string, EntityTable> entities, SqlDialect fileDialect)
    {
        _models = models;
        _files = files;
        Entities = entities;
        FileDialect = fileDialect;
    }

    public static CompilationSchema Empty { get; } = new(Array.Empty<EntityModel>(), Array.Empty<SchemaFile>(), new(StringComparer.OrdinalIgnoreCase), SqlDialect.Sqlite);

    /// <summary>By table name (case-insensitive).</summary>
    public Dictionary<string, EntityTable> Entities { get; }

    /// <summary>The dialect of schema files that declare none: the one most repositories use.</summary>
    public SqlDialect FileDialect { get; }

    public bool HasFiles => _files.Count > 0;

    /// <summary>The dialects the schema files describe, each once.</summary>
    public IEnumerable<SqlDialect> FileDialects => _files.SelectMany(f => SchemaFileDialects.Dialects(f.Dialects, FileDialect)).Distinct();

    /// <summary>The dialects <paramref name="path"/> describes; none when it is not one of the schema files.</summary>
    public IEnumerable<SqlDialect> DialectsOfFile(string path) => _files.Where(f => string.Equals(f.Path, path, StringComparison.Ordinal)).SelectMany(f => SchemaFileDialects.Dialects(f.Dialects, FileDialect));

    /// <summary>The composed schema for <paramref name="dialect"/>.</summary>
    public ComposedSchema For(SqlDialect dialect) => _composed.GetOrAdd(dialect, d =>
    {
        try
        {
            return SchemaComposer.Compose(_models, _files, d, FileDialect);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ComposedSchema.Empty;
        }
    });

    /// <summary>The schema in the dialect of files that declare none, the one most repositories use.</summary>
    public ComposedSchema Primary => For(FileDialect);

    public EntityTable? EntityFor(ITypeSymbol? type)
    {
        if (type == null)
        {
            return null;
        }

        var name = FullMetadataName(type.OriginalDefinition);
        foreach (var e in Entities.Values)
        {
            if (e.MetadataName == name)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The <c>NeoGenDialect</c> metadata of each of <paramref name="additionalFiles"/> (null where it has none), in order.</summary>
    public static string?[] DeclaredDialects(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider? options)
        => additionalFiles.Select(f => options != null && options.GetOptions(f).TryGetValue(SchemaFileDialects.MetadataKey, out var declared) ? declared : null).ToArray();

    /// <param name="compilation">The compilation whose <c>[Table]</c> types are read.</param>
    /// <param name="additionalFiles">The AdditionalFiles; the <c>.sql</c> ones are schema files.</param>
    /// <param name="declaredDialects">Their <c>NeoGenDialect</c> metadata, from <see cref="DeclaredDialects"/>.</param>
    /// <param name="fileDialect">The dialect of files that declare none.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static CompilationSchema Build(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, string?[] declaredDialects, SqlDialect fileDialect, CancellationToken cancellationToken)
    {
        try
        {
            var files = additionalFiles.Select((file, index) => (File: file, Declared: index < declaredDialects.Length ? declaredDialects[index] : null))
                .Where(f => f.File.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
                .Select(f => new SchemaFile(f.File.Path, f.File.GetText(cancellationToken)?.ToString() ?? string.Empty, SchemaFileDialects.Of(f.File.Path, f.Declared)))
                .ToList();
            var models = new List<EntityModel>();
            var entities = new Dictionary<string, EntityTable>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in SourceTypes(compilation, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (EntityReader.TableName(type) == null)
                {
                    continue;
                }

                var model = EntityReader.Read(type);
                models.Add(model);
                var locations = new Dictionary<string, Location>(StringComparer.Ordinal);
                foreach (var property in EntityReader.CandidateProperties(type))
                {
                    if (property.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
                    {
                        locations[property.Name] = location;
                    }
                }

                entities[model.Table!] = new EntityTable(FullMetadataName(type), type.Locations.FirstOrDefault(l => l.IsInSource), model, locations);
            }

            return new CompilationSchema(models, files, entities, fileDialect);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            return Empty;
        }
    }

    /// <summary>
    /// The source types that may carry <c>[Table]</c>, found from syntax first: asking every type in the compilation
    /// for its attributes would bind the attributes (and build the members) of every generated repository class,
    /// which is most of the analyzer's time on a large project. A type qualifies when one of its attributes is
    /// spelled <c>Table</c>/<c>TableAttribute</c> or an alias of one; the symbol then decides.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> SourceTypes(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "Table", "TableAttribute" };
        var trees = compilation.SyntaxTrees.Where(t => t.FilePath.IndexOf(GeneratorOutputMarker, StringComparison.Ordinal) < 0).ToList();
        foreach (var tree in trees)
        {
            foreach (var alias in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (alias.Alias != null && alias.Name != null && RightmostName(alias.Name) is "Table" or "TableAttribute")
                {
                    names.Add(alias.Alias.Name.Identifier.ValueText);
                }
            }
        }

        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in trees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            foreach (var declaration in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<TypeDeclarationSyntax>())
            {
                if (!declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => names.Contains(RightmostName(a.Name))))
                {
                    continue;
                }

                if (compilation.Assembly.GetTypeByMetadataName(MetadataName(declaration)) is { } type && seen.Add(type))
                {
                    yield return type;
                }
            }
        }
    }

    /// <summary>
    /// Part of the path the compiler gives every file the NeoGen generator writes: the bulk of a large project's
    /// code, and never a <c>[Table]</c> type, so the search skips those files.
    /// </summary>
    private const string GeneratorOutputMarker = "NeoGen.Generator.RepositoryGenerator";

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>Namespace.Outer+Inner`1, as <see cref="IAssemblySymbol.GetTypeByMetadataName"/> wants it.</summary>
    private static string MetadataName(TypeDeclarationSyntax declaration)
    {
        var types = new List<string>();
        var namespaces = new List<string>();
        for (SyntaxNode? node = declaration; node != null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax type)
            {
                var arity = type.TypeParameterList?.Parameters.Count ?? 0;
                types.Add(arity > 0 ? type.Identifier.ValueText + "`" + arity : type.Identifier.ValueText);
            }
            else if (node is BaseNamespaceDeclarationSyntax ns)
            {
                namespaces.Add(ns.Name.ToString());
            }
        }

        types.Reverse();
        namespaces.Reverse();
        var typePart = string.Join("+", types);
        return namespaces.Count == 0 ? typePart : string.Join(".", namespaces) + "." + typePart;
    }

    /// <summary><c>Namespace.Outer+Inner`1</c>: the same string for the same type in every compilation of the same code.</summary>
    public static string FullMetadataName(ITypeSymbol type)
    {
        var builder = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
        {
            builder.Insert(0, outer.MetadataName + "+");
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            builder.Insert(0, ns.Name + ".");
        }

        return builder.ToString();
    }
}
