using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>A member as <c>ToMasked()</c> and <c>ToString()</c> show it.</summary>
/// <param name="Name">The member.</param>
/// <param name="Mask">Its <c>[Masked]</c>, if any.</param>
/// <param name="IsEncrypted">Stored encrypted: never shown in clear, masked fully when it has no mask of its own.</param>
/// <param name="IsText">A string (masks apply to text; other protected values are replaced by their default).</param>
/// <param name="CanBeSet">A copy can get another value: a record's member (with), or a public setter.</param>
internal sealed record MaskedMemberModel(string Name, MaskModel? Mask, bool IsEncrypted, bool IsText, bool CanBeSet);

/// <summary>
/// A type with <c>[Masked]</c> or <c>[Encrypted]</c> members, for which <c>ToMasked()</c> and a <c>ToString()</c> that
/// never shows a protected value in clear are generated in a partial declaration. Strings only, so it caches.
/// </summary>
internal sealed record MaskedTypeModel(
    string HintName,
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string Declaration,
    string TypeName,
    string DisplayName,
    bool IsRecord,
    bool IsSealedOrStruct,
    bool WritesToString,
    EquatableArray<MaskedMemberModel> Members);

internal static class MaskedTypeReader
{
    /// <summary>The model, or null with <paramref name="problem"/> saying why nothing can be generated (NG4006).</summary>
    public static MaskedTypeModel? Read(INamedTypeSymbol type, EntityModel entity, out string? problem)
    {
        problem = null;
        if (!entity.Members.Any(m => m.IsProtected))
        {
            return null;
        }

        string? Partial(INamedTypeSymbol t)
            => t.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword)) ? null : t.Name;
        if (Partial(type) is not null || type.IsGenericType)
        {
            problem = $"{type.Name} is not a partial, non-generic type, so its ToString() shows [Masked] and [Encrypted] members in clear and it has no ToMasked(); declare it partial";
            return null;
        }

        var containing = new System.Collections.Generic.List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (Partial(outer) is not null || outer.IsGenericType)
            {
                problem = $"{type.Name} is nested in {outer.Name}, which is not a partial, non-generic type, so NeoGen cannot add ToMasked() and a masked ToString(); make {outer.Name} partial";
                return null;
            }

            containing.Insert(0, "partial " + Keyword(outer) + " " + outer.Name);
        }

        var isRecord = type.IsRecord;
        var hasRecordBase = isRecord && type.BaseType is { IsRecord: true };
        var declaresToString = type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 0 && !m.IsImplicitlyDeclared);
        var declaresPrintMembers = type.GetMembers("PrintMembers").OfType<IMethodSymbol>().Any(m => !m.IsImplicitlyDeclared);
        if (hasRecordBase || declaresToString || declaresPrintMembers)
        {
            problem = hasRecordBase
                ? $"{type.Name} derives from another record, whose members NeoGen does not print; its ToString() may show protected members in clear"
                : $"{type.Name} declares its own ToString() or PrintMembers, which NeoGen leaves as written: make sure it does not print [Masked] or [Encrypted] members";
        }

        var members = entity.Members.Select(m =>
        {
            var property = EntityReader.CandidateProperties(type).FirstOrDefault(p => p.Name == m.Name);
            var settable = isRecord ? property?.SetMethod is not null || m.ConstructorParameterIndex >= 0 : property?.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false };
            var clear = m.Type.Protection?.Clear ?? m.Type;
            return new MaskedMemberModel(m.Name, m.Mask, m.Type.IsEncrypted, clear.Kind == ScalarKind.String, settable);
        }).ToEquatableArray();

        var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
        return new MaskedTypeModel(
            (ns.Length == 0 ? string.Empty : ns + ".") + string.Join(".", containing.Select(c => c.Split(' ').Last())) + (containing.Count > 0 ? "." : string.Empty) + type.Name + ".Masking.g.cs",
            ns,
            containing.ToEquatableArray(),
            "partial " + Keyword(type) + " " + type.Name,
            entity.TypeName,
            type.Name,
            isRecord,
            type.IsSealed || type.IsValueType,
            !hasRecordBase && !declaresToString && !declaresPrintMembers,
            members);
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, IsValueType: true } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
