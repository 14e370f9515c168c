using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

// Linked into the generator and the analyzers: the one reading of a record or class as a table or a row (Dapper.AOT's
// "one inspection"), so the generator writes and the analyzers check the same columns.
namespace NeoGen.Shared;

internal static class EntityReader
{
    // The same row type is read by most methods of a repository (and by its CRUD base); within one repository's
    // parse it is read once. Thread-static because a parse runs on one thread and parses may run in parallel.
    [System.ThreadStatic]
    private static Dictionary<ITypeSymbol, EntityModel>? t_parsed;

    /// <summary>Remembers read types until the returned scope is disposed.</summary>
    public static Scope BeginScope()
    {
        var outer = t_parsed;
        t_parsed = new Dictionary<ITypeSymbol, EntityModel>(SymbolEqualityComparer.Default);
        return new Scope(outer);
    }

    internal readonly struct Scope : System.IDisposable
    {
        private readonly Dictionary<ITypeSymbol, EntityModel>? _outer;

        public Scope(Dictionary<ITypeSymbol, EntityModel>? outer) => _outer = outer;

        public void Dispose() => t_parsed = _outer;
    }

    /// <summary>The table a type maps to (<c>[Table]</c>, or EF's), or null when it is not a table.</summary>
    public static string? TableName(ITypeSymbol type)
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

    public static EntityModel Read(ITypeSymbol type)
    {
        var cache = t_parsed;
        if (cache is null)
        {
            return ReadUncached(type);
        }

        if (!cache.TryGetValue(type, out var model))
        {
            model = ReadUncached(type);
            cache[type] = model;
        }

        return model;
    }

    /// <summary>The public instance properties that could be columns, nearest declaration first (a <c>new</c> member hides its base's).</summary>
    public static IEnumerable<IPropertySymbol> CandidateProperties(ITypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && property.GetMethod is not null && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>The attributes of a member: the property's, and for a positional record its parameter's.</summary>
    public static List<AttributeData> MemberAttributes(IPropertySymbol property, ImmutableArray<IParameterSymbol> constructorParameters)
    {
        var attributes = property.GetAttributes().ToList();
        var index = IndexOf(constructorParameters, property.Name);
        if (index >= 0)
        {
            attributes.AddRange(constructorParameters[index].GetAttributes());
        }

        return attributes;
    }

    public static bool IsIgnored(IEnumerable<AttributeData> attributes)
        => attributes.Any(a => a.AttributeClass.IsNamedAny(KnownNames.IgnoreAttribute, KnownNames.DataAnnotationsNotMapped));

    private static EntityModel ReadUncached(ITypeSymbol type)
    {
        var typeName = ColumnTypes.Display(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        string? table = null;
        string? schema = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsNamedAny(KnownNames.TableAttribute, KnownNames.DataAnnotationsTable))
            {
                table = TableName(type);
                schema = Named(attribute, "Schema") as string;
            }
        }

        var constructor = ChooseConstructor(type as INamedTypeSymbol);
        var constructorParameters = constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        var members = new List<MemberModel>();
        var unmapped = new List<UnmappedMember>();
        var foreignKeys = new List<ForeignKeyModel>();
        var problems = new List<string>();
        var protectionProblems = new List<UnmappedMember>();
        var nested = new List<NestedModel>();
        var auditedAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass.IsNamed(KnownNames.AuditedAttribute));
        var audited = auditedAttribute is not null;

        foreach (var property in CandidateProperties(type))
        {
            var attributes = MemberAttributes(property, constructorParameters);
            if (IsIgnored(attributes))
            {
                continue;
            }

            var parameterIndex = IndexOf(constructorParameters, property.Name);
            var setter = property.SetMethod;
            var settable = setter is not null && setter.DeclaredAccessibility == Accessibility.Public;
            var mapping = MemberMapping.Read(attributes);
            var scalar = mapping.IsJson ? Json(property.Type, mapping.JsonContext, out var reason)
                : mapping.Converter is { } converter ? Converted(property.Type, converter, out reason)
                : ColumnTypes.Map(property.Type, out reason);
            string? nestedProblem = null;
            if (scalar is null && table is null && mapping.Converter is null && !mapping.IsJson)
            {
                // A result type's member holding a row of its own, or a list of them: filled from a join (see NestedModel).
                if (ChildRows(property.Type) is { } childType && NestedRow(childType, out var childReason) is { } child)
                {
                    nested.Add(new NestedModel(property.Name, Naming.ToSnakeCase(property.Name) + "_", child, false, parameterIndex, property.IsRequired, settable, IsCollection: true,
                        CollectionTypeName: ColumnTypes.Display(childType.WithNullableAnnotation(NullableAnnotation.NotAnnotated))));
                    continue;
                }

                var row = NestedRow(property.Type, out var nestedReason);
                if (row is not null)
                {
                    var nullable = property.NullableAnnotation == NullableAnnotation.Annotated || property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
                    nested.Add(new NestedModel(property.Name, Naming.ToSnakeCase(property.Name) + "_", row, nullable, parameterIndex, property.IsRequired, settable));
                    continue;
                }

                nestedProblem = nestedReason;
                reason = nestedReason ?? reason;
            }

            if (scalar is null)
            {
                // A get-only computed property holds nothing of its own; a member that can be set would silently stay
                // empty (a row) or unwritten (a table): NG0011.
                if (settable || parameterIndex >= 0 || property.IsRequired)
                {
                    unmapped.Add(new UnmappedMember(property.Name, property.Type.ToDisplayString(), reason ?? "it is not a column type"));
                }

                if (parameterIndex >= 0 || property.IsRequired)
                {
                    problems.Add(nestedProblem is null
                        ? $"member '{property.Name}' has type {property.Type.ToDisplayString()}, which is not a column type (mark it [Ignore] or make it optional)"
                        : $"member '{property.Name}' cannot hold a nested row: {nestedProblem}");
                }

                continue;
            }

            var column = mapping.ColumnName ?? Naming.ToSnakeCase(property.Name);
            if (mapping.EnumAsString)
            {
                scalar = scalar.WithEnumAsString(true);
            }

            if (mapping.CaseInsensitive)
            {
                if (scalar.Kind != ScalarKind.String || scalar.IsEncrypted || scalar.Conversion is not null)
                {
                    unmapped.Add(new UnmappedMember(property.Name, property.Type.ToDisplayString(), "[Column(CaseInsensitive = true)] applies to text members stored as text"));
                    continue;
                }

                scalar = scalar with { CaseInsensitive = true };
            }

            if (mapping.NativeEnum && scalar.Kind == ScalarKind.Enum)
            {
                // Named after the C# enum, as NeoGenSchema creates it.
                scalar = scalar with { NativeEnum = Naming.ToSnakeCase(scalar.DisplayName.TrimEnd('?')) };
            }

            var protectionProblem = ProtectionProblem(mapping, scalar, table);
            if (protectionProblem is not null)
            {
                protectionProblems.Add(new UnmappedMember(property.Name, property.Type.ToDisplayString(), protectionProblem));
            }
            else if (mapping.IsEncrypted)
            {
                scalar = ScalarType.Encrypted(scalar, mapping.Deterministic, mapping.StoreAsText, table!, column);
            }

            var initial = Initializer(property, parameterIndex >= 0 ? constructorParameters[parameterIndex] : null, scalar);
            var facets = ColumnFacets.Of(mapping.MaxLength, mapping.Precision, mapping.Scale, initial?.Value, initial?.IsText ?? false);
            members.Add(new MemberModel(property.Name, column, scalar, mapping.IsKey, mapping.IsGenerated, mapping.IsVersion, mapping.IsCreatedAt, mapping.IsUpdatedAt, property.IsRequired, settable, parameterIndex,
                protectionProblem is null ? mapping.Mask : null, protectionProblem is null && mapping.IsTenantKey, facets));
            if (mapping.Principal is INamedTypeSymbol principal && TableName(principal) is { } referenced)
            {
                foreignKeys.Add(new ForeignKeyModel(column, referenced));
            }
        }

        // A constructor parameter that matches no mapped member cannot be supplied.
        foreach (var parameter in constructorParameters)
        {
            if (!members.Any(m => string.Equals(m.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase))
                && !nested.Any(n => string.Equals(n.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)) && !parameter.HasExplicitDefaultValue
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

        // A unique index compares stored values: under a random nonce no two are ever equal, so it would enforce nothing.
        foreach (var index in Indexes(type, members).Where(i => i.Unique))
        {
            foreach (var member in members.Where(m => m.Type.Protection is { Deterministic: false } && index.Columns.Contains(m.Column)))
            {
                protectionProblems.Add(new UnmappedMember(member.Name, member.Type.DisplayName,
                    "a unique index on a randomized-encrypted column enforces nothing (equal values never have equal ciphertexts); make it [Encrypted(Deterministic = true)] or drop the index"));
            }
        }

        var setsRequired = constructor is not null && constructor.GetAttributes().Any(a => a.AttributeClass.IsNamed("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
        return new EntityModel(
            typeName,
            type.Name,
            table,
            schema,
            type.IsValueType,
            members.ToEquatableArray(),
            constructor?.Parameters.Length ?? 0,
            hasParameterless,
            setsRequired,
            problems.Count == 0 ? null : string.Join("; ", problems),
            Indexes(type, members).ToEquatableArray(),
            foreignKeys.ToEquatableArray(),
            unmapped.ToEquatableArray(),
            audited && table is not null,
            protectionProblems.ToEquatableArray(),
            auditedAttribute is null ? null : Named(auditedAttribute, "Table") as string ?? "neogen_audit",
            nested.ToEquatableArray());
    }

    /// <summary>The element of <c>List&lt;T&gt;</c> or <c>IReadOnlyList&lt;T&gt;</c> when T is not a column type (a one-to-many member), else null.</summary>
    private static ITypeSymbol? ChildRows(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
            && list.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.List<T>" or "System.Collections.Generic.IReadOnlyList<T>"
            && ColumnTypes.Map(list.TypeArguments[0]) is null
            ? list.TypeArguments[0]
            : null;

    /// <summary>
    /// The row a result type's member holds, when its type is a record or class of mapped members (not a column type,
    /// not a collection); null with <paramref name="reason"/> when it looks like one but cannot be.
    /// </summary>
    // The result types being read on this thread: a type that holds itself (a parent of the same type) is not a nested row.
    [System.ThreadStatic]
    private static HashSet<ITypeSymbol>? t_reading;

    private static EntityModel? NestedRow(ITypeSymbol type, out string? reason)
    {
        reason = null;
        var bare = Bare(type, out _);
        if (bare is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } named || named.SpecialType != SpecialType.None
            || named.ContainingNamespace.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) || ColumnTypes.CollectionElement(named) is not null)
        {
            return null;
        }

        var reading = t_reading ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (!reading.Add(named))
        {
            reason = $"{named.Name} holds a row of its own type; a nested member's type maps columns only, one level deep";
            return null;
        }

        EntityModel row;
        try
        {
            row = Read(named.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        }
        finally
        {
            reading.Remove(named);
        }

        if (row.Members.Count == 0)
        {
            return null;
        }

        if (row.Nested.Count > 0)
        {
            reason = $"{row.DisplayName} holds rows of its own ({row.Nested[0].Name}); a nested member's type maps columns only, one level deep";
            return null;
        }

        if (row.MaterializationError is not null)
        {
            reason = $"{row.DisplayName} cannot be built: {row.MaterializationError}";
            return null;
        }

        return row;
    }

    /// <summary>A <c>[JsonColumn]</c> member: its JSON text in a JSON column, through the context's metadata when one is given.</summary>
    private static ScalarType? Json(ITypeSymbol memberType, ITypeSymbol? context, out string? reason)
    {
        reason = null;
        var bare = Bare(memberType, out var nullable);
        if (context is not null && !InheritsFrom(context, "System.Text.Json.Serialization.JsonSerializerContext"))
        {
            reason = $"[JsonColumn(typeof({context.Name}))] names a type that is not a JsonSerializerContext";
            return null;
        }

        var name = ColumnTypes.Display(bare);
        var contextArgument = context is null ? string.Empty : ", " + ColumnTypes.Display(context) + ".Default";
        return ColumnTypes.Conversion(name, bare.IsValueType, nullable, ScalarType.String,
            "global::NeoGen.Internal.JsonColumn.Write<" + name + ">({0}" + contextArgument + ")",
            "global::NeoGen.Internal.JsonColumn.Read<" + name + ">({0}" + contextArgument + ")",
            isJson: true);
    }

    /// <summary>The type without <c>Nullable&lt;T&gt;</c> or a nullable annotation, and whether it had one.</summary>
    internal static ITypeSymbol Bare(ITypeSymbol type, out bool nullable)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            return wrapper.TypeArguments[0];
        }

        nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
    }

    private static bool InheritsFrom(ITypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsNamed(baseName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A member with <c>[Column(Converter = typeof(X))]</c>: stored as X's <c>TStore</c>, converted by X's static
    /// methods; null with <paramref name="reason"/> when X does not convert the member's type to a column type.
    /// </summary>
    private static ScalarType? Converted(ITypeSymbol memberType, ITypeSymbol converter, out string? reason)
    {
        reason = null;
        var bare = Bare(memberType, out var nullable);
        var contracts = converter.AllInterfaces.Where(i => i.OriginalDefinition.ToDisplayString() == "NeoGen.IValueConverter<TModel, TStore>").ToList();
        var contract = contracts.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated), bare)) ?? contracts.FirstOrDefault();
        if (contract is null)
        {
            reason = $"its converter {converter.Name} does not implement IValueConverter<{bare.Name}, TStore>";
            return null;
        }

        if (!SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated), bare))
        {
            reason = $"its converter {converter.Name} converts {contract.TypeArguments[0].ToDisplayString()}, not {bare.ToDisplayString()}";
            return null;
        }

        if (ColumnTypes.Map(contract.TypeArguments[1], out var storedReason) is not { Kind: not ScalarKind.Array, Conversion: null } stored)
        {
            reason = $"its converter {converter.Name} stores {contract.TypeArguments[1].ToDisplayString()}, which is not a column type ({storedReason ?? "a collection or a converted type"})";
            return null;
        }

        var name = ColumnTypes.Display(converter);
        return ColumnTypes.Conversion(ColumnTypes.Display(bare), bare.IsValueType, nullable, stored.WithNullable(false), name + ".ToStore({0})", name + ".FromStore({0})");
    }

    /// <summary>Why <c>[Encrypted]</c>, <c>[Masked]</c> or <c>[TenantKey]</c> cannot apply to this member (NG4005), or null.</summary>
    private static string? ProtectionProblem(MemberMapping mapping, ScalarType scalar, string? table)
    {
        if (mapping.IsEncrypted)
        {
            if (table is null)
            {
                return "[Encrypted] belongs on the member of the [Table] type that stores the column; a result type reads it decrypted through that type";
            }

            if (!ColumnProtection.CanEncrypt(scalar.Kind) || scalar.Conversion is not null)
            {
                return $"[Encrypted] cannot store {scalar.DisplayName}: encrypted columns hold string, byte[], bool, byte, short, int, long, decimal, double, Guid, DateTime, DateTimeOffset, DateOnly or TimeOnly";
            }

            if (mapping.IsKey || mapping.IsGenerated || mapping.IsVersion || mapping.IsCreatedAt || mapping.IsUpdatedAt || mapping.IsTenantKey)
            {
                return "a key, generated, version, timestamp or tenant column cannot be [Encrypted]: NeoGen and the database compare and assign it themselves";
            }

            if (mapping.Principal is not null)
            {
                return "a foreign key cannot be [Encrypted]: the database compares it with the key of the table it references";
            }
        }

        if (mapping.Mask is not null && scalar.Kind != ScalarKind.String)
        {
            return $"[Masked] applies to text members; {scalar.DisplayName} is not (mark it [Encrypted], or keep it out of ToString with [Ignore] on a result type)";
        }

        if (mapping.Mask is { Kind: "Partial" } partial && (partial.KeepStart < 0 || partial.KeepEnd < 0))
        {
            return "[Masked(MaskKind.Partial)] keeps a number of characters at each end, which cannot be negative";
        }

        if (mapping.IsTenantKey)
        {
            if (table is null)
            {
                return "[TenantKey] belongs on the member of the [Table] type that stores the tenant";
            }

            if (scalar.IsNullable || scalar.Kind is not (ScalarKind.String or ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Guid))
            {
                return $"a [TenantKey] is a non-nullable string, int, long or Guid; {scalar.DisplayName} is not";
            }
        }

        return null;
    }

    /// <summary>
    /// The constant a member starts with, as the column's default in the schema NeoGen writes: a positional record's
    /// parameter default, or a property initializer that is a literal, a negated number, <c>string.Empty</c> or an enum
    /// member. Anything else (a call, <c>new</c>, another member) has no column default.
    /// </summary>
    private static (string Value, bool IsText)? Initializer(IPropertySymbol property, IParameterSymbol? parameter, ScalarType scalar)
    {
        if (scalar.IsEncrypted || scalar.Kind == ScalarKind.Array || scalar.Conversion is not null)
        {
            return null;
        }

        if (parameter is { HasExplicitDefaultValue: true })
        {
            return Constant(parameter.ExplicitDefaultValue, property.Type, scalar);
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer.Value: { } value })
            {
                continue;
            }

            switch (value)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal:
                    return Constant(literal.Token.Value, property.Type, scalar);
                case Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax { OperatorToken.Text: "-", Operand: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax number }
                    when number.Token.Value is { } magnitude && !(magnitude is string or bool or char):
                    return Constant(magnitude, property.Type, scalar) is { } positive ? ("-" + positive.Value, false) : null;
                case Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access:
                    var name = access.Name.Identifier.ValueText;
                    if (name == "Empty" && scalar.Kind == ScalarKind.String && access.Expression.ToString() is "string" or "String" or "System.String")
                    {
                        return (string.Empty, true);
                    }

                    var enumType = Bare(property.Type, out _);
                    if (scalar.Kind == ScalarKind.Enum && enumType.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } field)
                    {
                        return scalar.EnumAsString ? (name, true) : (System.Convert.ToString(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)!, false);
                    }

                    return null;
            }
        }

        return null;
    }

    private static (string Value, bool IsText)? Constant(object? value, ITypeSymbol type, ScalarType scalar)
    {
        switch (value)
        {
            case null:
                return null;
            case string text when scalar.Kind == ScalarKind.String:
                return (text, true);
            case char character when scalar.Kind is ScalarKind.String or ScalarKind.Char:
                return (character.ToString(), true);
            case bool flag when scalar.Kind == ScalarKind.Boolean:
                return (flag ? "true" : "false", false);
            case string or bool or char:
                return null;
        }

        if (scalar.Kind == ScalarKind.Enum)
        {
            // A parameter default of an enum type arrives as its number.
            var enumType = Bare(type, out _);
            if (!scalar.EnumAsString)
            {
                return (System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, false);
            }

            var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture), System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
            return member is null ? null : (member.Name, true);
        }

        return ColumnTypes.IsInteger(scalar.Kind) || scalar.Kind is ScalarKind.Single or ScalarKind.Double or ScalarKind.Decimal
            ? (System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, false)
            : null;
    }

    private static IEnumerable<IndexModel> Indexes(ITypeSymbol type, List<MemberModel> members)
    {
        foreach (var attribute in type.GetAttributes())
        {
            // NeoGen's [Index] (Unique, or EF's spelling IsUnique), and EF Core's own [Index] on the same types.
            if (!attribute.AttributeClass.IsNamedAny(KnownNames.IndexAttribute, KnownNames.EntityFrameworkIndex) || attribute.ConstructorArguments.Length == 0)
            {
                continue;
            }

            var names = attribute.ConstructorArguments.SelectMany(argument => argument.Kind == TypedConstantKind.Array
                ? argument.Values.Select(v => v.Value as string ?? string.Empty)
                : new[] { argument.Value as string ?? string.Empty });
            var columns = names.Select(c => members.FirstOrDefault(m => m.Name == c)?.Column ?? c).Where(c => c.Length > 0).ToEquatableArray();
            if (columns.Count > 0)
            {
                yield return new IndexModel(Named(attribute, "Name") as string, columns, Named(attribute, "Unique") is true || Named(attribute, "IsUnique") is true);
            }
        }
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

    private static int IndexOf(ImmutableArray<IParameterSymbol> parameters, string name)
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
