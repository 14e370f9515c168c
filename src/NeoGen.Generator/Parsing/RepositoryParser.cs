using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// Turns a [Repository] interface into a <see cref="RepositoryModel"/>. Reports problems as diagnostics, never throws;
/// every interface member it cannot generate becomes a <see cref="FailedMember"/>, so the class still compiles.
/// </summary>
internal static class RepositoryParser
{
    public static RepositoryParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        using var entities = EntityReader.BeginScope();
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return new RepositoryParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // The attribute provider runs once per part that carries [Repository]; a repository is parsed once, for the
        // first such part, with the attributes of every part, so two parts never write the same files.
        var repositoryAttributes = type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.RepositoryAttribute).ToList();
        var firstPart = repositoryAttributes.Select(a => a.ApplicationSyntaxReference).Where(r => r is not null).OrderBy(r => r!.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(r => r!.Span.Start).FirstOrDefault();
        if (firstPart is not null && (firstPart.SyntaxTree != context.TargetNode.SyntaxTree || !context.TargetNode.Span.Contains(firstPart.Span)))
        {
            return new RepositoryParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var typeLocation = LocationInfo.From(type.Locations.FirstOrDefault());
        var isPartialInterface = type.TypeKind == TypeKind.Interface && type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (!isPartialInterface)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.RepositoryNotPartialInterface, typeLocation, type.Name));
            return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
        }

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, typeLocation, type.Name, "generic repository interfaces are not supported; declare a non-generic interface that extends the generic one"));
            return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
        }

        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, typeLocation, type.Name, $"a repository cannot be nested in the generic type {outer.Name}; move it out"));
                return new RepositoryParseResult(null, diagnostics.ToEquatableArray());
            }

            if (!outer.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.RepositoryNotPartialInterface, typeLocation, type.Name + " (its containing type " + outer.Name + " must be partial too)"));
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
        foreach (var attribute in repositoryAttributes)
        {
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            if (DialectNames.FromAttribute(attribute) is not { } dialect)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.DialectNotSupported, location, "Generating a repository", attribute.ConstructorArguments.FirstOrDefault().Value?.ToString() ?? "?", "the dialect is not one of Dialect.Sqlite, PostgreSql, MySql, SqlServer"));
                continue;
            }

            if (targets.Any(t => t.Dialect == dialect))
            {
                continue;
            }

            var explicitName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "ImplementationName").Value.Value as string;
            targets.Add(new RepositoryTarget(dialect, string.IsNullOrEmpty(explicitName) ? DialectNames.Member(dialect) + baseName : explicitName!, location));
        }

        // The entity and key come from the NeoGen base interfaces, when there are some.
        EntityModel? entity = null;
        string? keyTypeName = null;
        ITypeSymbol? keyType = null;
        INamedTypeSymbol? keyedInterface = null;
        var crudLevel = 0;
        var bulk = false;
        var neoGenInterfaces = new List<INamedTypeSymbol>();
        foreach (var baseInterface in type.AllInterfaces)
        {
            var definition = baseInterface.OriginalDefinition.ToDisplayString();
            if (definition is KnownNames.ReadRepository or KnownNames.CrudRepository)
            {
                neoGenInterfaces.Add(baseInterface);
                entity ??= EntityReader.Read(baseInterface.TypeArguments[0]);
                if (definition == KnownNames.CrudRepository || keyedInterface is null)
                {
                    keyType = baseInterface.TypeArguments[1];
                    keyTypeName = ColumnTypes.Display(keyType);
                    keyedInterface = baseInterface;
                }

                crudLevel = System.Math.Max(crudLevel, definition == KnownNames.CrudRepository ? 2 : 1);
            }
            else if (definition == KnownNames.BulkRepository)
            {
                neoGenInterfaces.Add(baseInterface);
                entity ??= EntityReader.Read(baseInterface.TypeArguments[0]);
                bulk = true;
            }
        }

        var methods = new List<MethodModel>();
        var failed = new List<FailedMember>();
        if (entity is not null)
        {
            string? crudFailure = null;
            if (entity.MaterializationError is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.NotMaterializable, typeLocation, entity.DisplayName, entity.MaterializationError));
                crudFailure = $"NG0006: {entity.DisplayName} cannot be materialized";
            }
            else if (!entity.IsTable)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.NotMaterializable, typeLocation, entity.DisplayName, "the entity of a CRUD repository needs [Table]"));
                crudFailure = $"NG0006: {entity.DisplayName} has no [Table]";
            }
            else if (CrudMethods.Create(type, keyedInterface ?? neoGenInterfaces[0], entity, keyType, crudLevel, bulk, typeLocation, diagnostics, out crudFailure) is { } crud)
            {
                methods.AddRange(crud);
            }

            if (crudFailure is not null)
            {
                var seen = new HashSet<string>();
                foreach (var member in neoGenInterfaces.SelectMany(i => i.GetMembers()))
                {
                    if (StubSignatures.For(member, crudFailure) is { } stub && seen.Add(stub.Declaration))
                    {
                        failed.Add(stub);
                    }
                }
            }
        }

        // The interface's own methods, and those of user base interfaces (NeoGen's are implemented above).
        var interfaces = new[] { type }.Concat(type.AllInterfaces.Where(i => !i.OriginalDefinition.ToDisplayString().StartsWith("NeoGen.", System.StringComparison.Ordinal)));
        foreach (var declaringInterface in interfaces)
        {
            foreach (var member in declaringInterface.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is IMethodSymbol method)
                {
                    if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || !method.IsAbstract)
                    {
                        continue;
                    }

                    var parsed = MethodParser.Parse(method, entity, diagnostics, cancellationToken, out var failure);
                    if (parsed is not null)
                    {
                        methods.Add(parsed);
                    }
                    else if (StubSignatures.For(method, failure ?? "it could not be generated") is { } stub)
                    {
                        failed.Add(stub);
                    }
                }
                else if (member is IPropertySymbol { IsAbstract: true, IsStatic: false } or IEventSymbol { IsAbstract: true, IsStatic: false })
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, LocationInfo.From(member.Locations.FirstOrDefault()), member.Name, "a repository declares methods only; properties and events cannot be generated"));
                    if (StubSignatures.For(member, "NG0002: a repository declares methods only") is { } stub)
                    {
                        failed.Add(stub);
                    }
                }
            }
        }

        var compilation = context.SemanticModel.Compilation;
        var providers = targets
            .Where(t => TargetDialects.For(t.Dialect) is { } target && compilation.GetTypeByMetadataName(target.ProviderMarkerType) is not null)
            .Select(t => t.Dialect.ToString())
            .ToEquatableArray();
        var model = new RepositoryModel(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            ColumnTypes.Display(type),
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            containing.ToEquatableArray(),
            targets.ToEquatableArray(),
            entity,
            keyTypeName,
            methods.ToEquatableArray(),
            failed.ToEquatableArray(),
            providers);
        return new RepositoryParseResult(model, diagnostics.ToEquatableArray());
    }
}
