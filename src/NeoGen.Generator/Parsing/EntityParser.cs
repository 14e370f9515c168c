using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Common;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>Reads a record, class or struct into an <see cref="EntityModel"/>: table, columns, keys, construction.</summary>
internal static class EntityParser
{
    // The same row type is read by most methods of a repository (and by its CRUD base); within one repository's
    // parse it is read once. Thread-static because a parse runs on one thread and parses may run in parallel.
    [System.ThreadStatic]
    private static Dictionary<ITypeSymbol, EntityModel>? t_parsed;

    /// <summary>Remembers parsed types until the returned scope is disposed.</summary>
    public static Scope BeginScope()
    {
        var outer = t_parsed;
        t_parsed = new Dictionary<ITypeSymbol, EntityModel>(SymbolEqualityComparer.Default);
        return new Scope(outer);
    }

    public static EntityModel Parse(ITypeSymbol type)
    {
        var cache = t_parsed;
        if (cache is null)
        {
            return ParseUncached(type);
        }

        if (!cache.TryGetValue(type, out var model))
        {
            model = ParseUncached(type);
            cache[type] = model;
        }

        return model;
    }

    internal readonly struct Scope : System.IDisposable
    {
        private readonly Dictionary<ITypeSymbol, EntityModel>? _outer;

        public Scope(Dictionary<ITypeSymbol, EntityModel>? outer) => _outer = outer;

        public void Dispose() => t_parsed = _outer;
    }

    private static EntityModel ParseUncached(ITypeSymbol type)
    {
        var typeName = TypeMapper.Display(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        string? table = null;
        object? schema = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsNamedAny(KnownNames.TableAttribute, KnownNames.DataAnnotationsTable))
            {
                table = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string explicitName && explicitName.Length > 0
                    ? explicitName
                    : Naming.ToSnakeCase(type.Name);
                schema = Named(attribute, "Schema");
            }
        }

        var constructor = ChooseConstructor(type as INamedTypeSymbol);
        var constructorParameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
        var members = new List<MemberModel>();
        var problems = new List<string>();
        var seen = new HashSet<string>();

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    || property.GetMethod is null || !seen.Add(property.Name))
                {
                    continue;
                }

                if (property.GetAttributes().Any(a => a.AttributeClass.IsNamedAny(KnownNames.IgnoreAttribute, KnownNames.DataAnnotationsNotMapped)))
                {
                    continue;
                }

                var parameterIndex = IndexOf(constructorParameters, property.Name);
                var setter = property.SetMethod;
                var settable = setter is not null && setter.DeclaredAccessibility == Accessibility.Public;
                var scalar = TypeMapper.Map(property.Type);
                if (scalar is null)
                {
                    // Navigation properties and other non-column members stay out of the mapping; they only
                    // matter when the type cannot be built without them.
                    if (parameterIndex >= 0 || property.IsRequired)
                    {
                        problems.Add($"member '{property.Name}' has type {property.Type.ToDisplayString()}, which is not a column type (mark it [Ignore] or make it optional)");
                    }

                    continue;
                }

                // Positional record parameters carry the attributes when written as [property: ...] or on the parameter.
                var allAttributes = property.GetAttributes().ToList();
                if (parameterIndex >= 0)
                {
                    allAttributes.AddRange(constructorParameters[parameterIndex].GetAttributes());
                }

                var mapping = MemberMapping.Read(allAttributes);
                var column = mapping.ColumnName ?? Naming.ToSnakeCase(property.Name);
                if (mapping.EnumAsString)
                {
                    scalar = scalar.WithEnumAsString(true);
                }

                members.Add(new MemberModel(property.Name, column, scalar, mapping.IsKey, mapping.IsGenerated, mapping.IsVersion, mapping.IsCreatedAt, mapping.IsUpdatedAt, property.IsRequired, settable, parameterIndex));
            }
        }

        // A constructor parameter that matches no mapped member cannot be supplied.
        foreach (var parameter in constructorParameters)
        {
            if (!members.Any(m => string.Equals(m.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)) && !parameter.HasExplicitDefaultValue
                && !problems.Any(p => p.Contains("'" + parameter.Name + "'")))
            {
                problems.Add($"constructor parameter '{parameter.Name}' matches no mapped member");
            }
        }

        var named = type as INamedTypeSymbol;
        var hasParameterless = named is not null && (named.IsValueType || named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public));
        if (type.IsAbstract && type.TypeKind != TypeKind.Interface)
        {
            problems.Add("it is abstract");
        }
        else if (type.TypeKind == TypeKind.Interface)
        {
            problems.Add("it is an interface");
        }
        else if (constructor is null && !hasParameterless)
        {
            problems.Add("it has no public constructor whose parameters all match mapped members, and no public parameterless constructor");
        }

        var setsRequired = constructor is not null && constructor.GetAttributes().Any(a => a.AttributeClass.IsNamed("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
        var indexes = new List<IndexModel>();
        foreach (var attribute in type.GetAttributes())
        {
            if (!attribute.AttributeClass.IsNamed(KnownNames.IndexAttribute) || attribute.ConstructorArguments.Length == 0)
            {
                continue;
            }

            var columns = attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? string.Empty)
                : attribute.ConstructorArguments.Select(v => v.Value as string ?? string.Empty);
            var mapped = columns.Select(c => members.FirstOrDefault(m => m.Name == c)?.Column ?? c).ToEquatableArray();
            indexes.Add(new IndexModel(Named(attribute, "Name") as string, mapped, Named(attribute, "Unique") is true));
        }

        return new EntityModel(
            typeName,
            type.Name,
            table,
            schema as string,
            type.IsValueType,
            members.ToEquatableArray(),
            constructor?.Parameters.Length ?? 0,
            hasParameterless,
            setsRequired,
            problems.Count == 0 ? null : string.Join("; ", problems),
            indexes.ToEquatableArray());
    }

    /// <summary>
    /// The constructor rows are built with: the one with the most parameters that all name mapped
    /// members (a positional record's primary constructor), else the parameterless one.
    /// </summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var properties = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        for (var current = (ITypeSymbol?)type; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                properties.Add(property.Name);
            }
        }

        return type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0)
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .Where(c => c.Parameters.All(p => properties.Contains(p.Name)))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
    }

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value.Value;
            }
        }

        return null;
    }
}
