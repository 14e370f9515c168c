using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Turns a [Repository] interface into a <see cref="RepositoryModel"/>. Reports problems as diagnostics, never throws.</summary>
internal static class RepositoryParser
{
    private static readonly string[] DialectNames = { "Sqlite", "PostgreSql", "MySql", "SqlServer" };

    public static RepositoryParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        using var entities = EntityParser.BeginScope();
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return new RepositoryParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var isPartialInterface = type.TypeKind == TypeKind.Interface && type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (!isPartialInterface || type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                type.IsGenericType && isPartialInterface ? DiagnosticDescriptors.UnsupportedSignature : DiagnosticDescriptors.RepositoryNotPartialInterface,
                LocationInfo.From(type.Locations.FirstOrDefault()),
                type.IsGenericType && isPartialInterface ? new[] { type.Name, "generic repository interfaces are not supported; declare a non-generic interface that extends the generic one" } : new[] { type.Name }));
            return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
        }

        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, $"a repository cannot be nested in the generic type {outer.Name}; move it out"));
                return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
            }

            if (!outer.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RepositoryNotPartialInterface, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name + " (its containing type " + outer.Name + " must be partial too)"));
                return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
            }

            var keyword = outer.TypeKind switch
            {
                TypeKind.Interface => "interface",
                TypeKind.Struct => outer.IsRecord ? "record struct" : "struct",
                _ => outer.IsRecord ? "record" : "class",
            };
            containing.Insert(0, $"{(outer.IsStatic ? "static " : string.Empty)}partial {keyword} {outer.Name}");
        }

        var baseName = type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? type.Name.Substring(1) : type.Name;
        var targets = new List<RepositoryTarget>();
        foreach (var attribute in context.Attributes)
        {
            var dialect = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : 0;
            var explicitName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "ImplementationName").Value.Value as string;
            var dialectName = dialect >= 0 && dialect < DialectNames.Length ? DialectNames[dialect] : "Dialect" + dialect;
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            if (targets.Any(t => t.Dialect == dialect))
            {
                continue;
            }

            targets.Add(new RepositoryTarget(dialect, string.IsNullOrEmpty(explicitName) ? dialectName + baseName : explicitName!, location));
        }

        // The entity and key come from the NeoGen base interface, when there is one.
        EntityModel? entity = null;
        string? keyTypeName = null;
        ITypeSymbol? keyType = null;
        var crudLevel = 0;
        var bulk = false;
        foreach (var baseInterface in type.AllInterfaces)
        {
            var definition = baseInterface.OriginalDefinition.ToDisplayString();
            if (definition is KnownNames.ReadRepository or KnownNames.CrudRepository)
            {
                entity ??= EntityParser.Parse(baseInterface.TypeArguments[0]);
                keyType = baseInterface.TypeArguments[1];
                keyTypeName = TypeMapper.Display(keyType);
                crudLevel = System.Math.Max(crudLevel, definition == KnownNames.CrudRepository ? 2 : 1);
            }
            else if (definition == KnownNames.BulkRepository)
            {
                entity ??= EntityParser.Parse(baseInterface.TypeArguments[0]);
                bulk = true;
            }
        }

        var methods = new List<MethodModel>();
        var interfaceLocation = LocationInfo.From(type.Locations.FirstOrDefault());
        if (entity is not null)
        {
            if (entity.MaterializationError is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotMaterializable, interfaceLocation, entity.DisplayName, entity.MaterializationError));
            }
            else if (!entity.IsTable)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotMaterializable, interfaceLocation, entity.DisplayName, "the entity of a CRUD repository needs [Table]"));
            }
            else
            {
                methods.AddRange(CrudMethods.Create(type, entity, keyType, crudLevel, bulk, interfaceLocation, diagnostics));
            }
        }

        // The interface's own methods, and those of user base interfaces (NeoGen's are implemented above).
        var interfaces = new[] { type }.Concat(type.AllInterfaces.Where(i => !i.OriginalDefinition.ToDisplayString().StartsWith("NeoGen.", System.StringComparison.Ordinal)));
        foreach (var declaringInterface in interfaces)
        {
            foreach (var method in declaringInterface.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || !method.IsAbstract)
                {
                    continue;
                }

                var parsed = MethodParser.Parse(method, entity, diagnostics, cancellationToken);
                if (parsed is not null)
                {
                    methods.Add(parsed);
                }
            }

            foreach (var member in declaringInterface.GetMembers())
            {
                if (member is IPropertySymbol { IsAbstract: true } or IEventSymbol { IsAbstract: true })
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, LocationInfo.From(member.Locations.FirstOrDefault()), member.Name, "a repository declares methods only; properties and events cannot be generated"));
                }
            }
        }

        var compilation = context.SemanticModel.Compilation;
        var model = new RepositoryModel(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            TypeMapper.Display(type),
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            containing.ToEquatableArray(),
            targets.ToEquatableArray(),
            entity,
            keyTypeName,
            methods.ToEquatableArray(),
            compilation.GetTypeByMetadataName(KnownNames.SqliteConnection) is not null,
            compilation.GetTypeByMetadataName(KnownNames.NpgsqlConnection) is not null);
        return new RepositoryParseResult(model, diagnostics.ToEquatableArray());
    }
}
