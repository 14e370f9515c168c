using System;
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

/// <summary>A mapped member of a <c>[Table]</c> type. Holds no symbol, so a schema can outlive its compilation.</summary>
internal sealed class EntityMember
{
    public EntityMember(string propertyName, string column)
    {
        PropertyName = propertyName;
        Column = column;
    }

    public string PropertyName { get; }

    public string Column { get; }
}

/// <summary>A <c>[Table]</c> type and the table it maps to, by name and source location (no symbols).</summary>
internal sealed class EntityTable
{
    public EntityTable(string metadataName, Location? typeLocation, string table, List<EntityMember> members)
    {
        MetadataName = metadataName;
        TypeLocation = typeLocation;
        Table = table;
        Members = members;
    }

    /// <summary>The type's full metadata name (<c>Namespace.Outer+Inner`1</c>).</summary>
    public string MetadataName { get; }

    /// <summary>Where the type is declared, for code fixes that add attributes to it.</summary>
    public Location? TypeLocation { get; }

    public IEnumerable<Location> TypeLocations => TypeLocation == null ? Enumerable.Empty<Location>() : new[] { TypeLocation };

    public string Table { get; }

    public List<EntityMember> Members { get; }

    public EntityMember? MemberForColumn(string column)
    {
        foreach (var m in Members)
        {
            if (string.Equals(m.Column, column, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        return null;
    }

    public EntityMember? MemberByName(string name)
    {
        foreach (var m in Members)
        {
            if (string.Equals(m.PropertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        return null;
    }
}

/// <summary>
/// The schema of one compilation: every <c>[Table]</c> type, plus the <c>.sql</c> AdditionalFiles applied in file-name
/// order. Built once per compilation (lazily, on first use) and never throws.
/// </summary>
internal sealed class CompilationSchema
{
    private CompilationSchema(SqlSchema schema, Dictionary<string, EntityTable> entities, Dictionary<string, List<(string Message, int Start, int Length)>> fileErrors, Dictionary<string, SqlDialect> fileDialects)
    {
        Schema = schema;
        Entities = entities;
        FileErrors = fileErrors;
        FileDialects = fileDialects;
    }

    public static CompilationSchema Empty { get; } = new(SqlSchema.Empty, new(StringComparer.OrdinalIgnoreCase), new(), new());

    public SqlSchema Schema { get; }

    /// <summary>By table name (case-insensitive).</summary>
    public Dictionary<string, EntityTable> Entities { get; }

    /// <summary>Errors of each schema file, by path.</summary>
    public Dictionary<string, List<(string Message, int Start, int Length)>> FileErrors { get; }

    public Dictionary<string, SqlDialect> FileDialects { get; }

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

    public static CompilationSchema Build(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, SqlDialect fileDialect, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new SqlSchemaBuilder();
            var fileErrors = new Dictionary<string, List<(string, int, int)>>();
            var fileDialects = new Dictionary<string, SqlDialect>();
            foreach (var file in additionalFiles.Where(f => f.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
                         .OrderBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                var errors = builder.Apply(text, fileDialect);
                fileDialects[file.Path] = fileDialect;
                if (errors.Count > 0)
                {
                    fileErrors[file.Path] = errors.Select(e => (e.Message, e.Start, e.Length)).ToList();
                }
            }

            var fromFiles = builder.Build();
            var entities = new Dictionary<string, EntityTable>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in SourceTypes(compilation, cancellationToken))
            {
                var table = TableName(type);
                if (table == null)
                {
                    continue;
                }

                var entity = ReadEntity(type, table, out var columns, out var indexes, out var foreignKeys);
                var existing = fromFiles.FindTable(table);
                if (existing != null)
                {
                    foreach (var index in existing.Indexes)
                    {
                        if (index.Columns.Count > 0 && !index.IsPartial && index.Columns.All(c => c.Column != null))
                        {
                            indexes.Add(new SqlIndexSpec(index.Columns.Select(c => c.Column!).ToList(), index.IsUnique, index.Name));
                        }
                    }
                }

                builder.AddTable(table, columns, indexes, foreignKeys);
                entities[table] = entity;
            }

            return new CompilationSchema(builder.Build(), entities, fileErrors, fileDialects);
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

    public static string? TableName(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsNamedAny(KnownNames.TableAttribute, KnownNames.DataAnnotationsTable))
            {
                return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string explicitName && explicitName.Length > 0
                    ? explicitName
                    : Naming.ToSnakeCase(type.Name);
            }
        }

        return null;
    }

    private static EntityTable ReadEntity(INamedTypeSymbol type, string table, out List<SqlColumnSpec> columns, out List<SqlIndexSpec> indexes, out List<SqlForeignKeySpec> foreignKeys)
    {
        columns = new List<SqlColumnSpec>();
        indexes = new List<SqlIndexSpec>();
        foreignKeys = new List<SqlForeignKeySpec>();
        var members = new List<EntityMember>();
        var seen = new HashSet<string>();
        var constructorParameters = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length).FirstOrDefault()?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        for (ITypeSymbol? current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    || property.GetMethod == null || !seen.Add(property.Name))
                {
                    continue;
                }

                var attributes = property.GetAttributes().ToList();
                foreach (var p in constructorParameters)
                {
                    if (string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        attributes.AddRange(p.GetAttributes());
                    }
                }

                if (attributes.Any(a => a.AttributeClass.IsNamedAny(KnownNames.IgnoreAttribute, KnownNames.DataAnnotationsNotMapped)))
                {
                    continue;
                }

                var sqlType = TypeCategories.Column(property.Type, out var nullable);
                if (sqlType == null)
                {
                    continue;
                }

                var mapping = MemberMapping.Read(attributes);
                var column = mapping.ColumnName ?? Naming.ToSnakeCase(property.Name);
                columns.Add(new SqlColumnSpec(column, sqlType.Value, nullable, mapping.IsKey, mapping.IsGenerated));
                members.Add(new EntityMember(property.Name, column));
                if (mapping.Principal is INamedTypeSymbol principalType && TableName(principalType) is { } referenced)
                {
                    foreignKeys.Add(new SqlForeignKeySpec(new[] { column }, referenced));
                }
            }
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (!attribute.AttributeClass.IsNamed(KnownNames.IndexAttribute) || attribute.ConstructorArguments.Length == 0)
            {
                continue;
            }

            var values = attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? string.Empty)
                : attribute.ConstructorArguments.Select(v => v.Value as string ?? string.Empty);
            var mapped = values.Select(c => members.FirstOrDefault(m => m.PropertyName == c)?.Column ?? c).Where(c => c.Length > 0).ToList();
            if (mapped.Count == 0)
            {
                continue;
            }

            string? name = null;
            var unique = false;
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == "Name")
                {
                    name = pair.Value.Value as string;
                }
                else if (pair.Key == "Unique")
                {
                    unique = pair.Value.Value is true;
                }
            }

            indexes.Add(new SqlIndexSpec(mapped, unique, name));
        }

        return new EntityTable(FullMetadataName(type), type.Locations.FirstOrDefault(l => l.IsInSource), table, members);
    }
}
