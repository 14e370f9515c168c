using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// Reads a <c>[SortOrders(typeof(T))]</c> enum: each member's name is an order of T's members in the derived-query
/// grammar (<c>EmailDesc</c>, <c>TeamIdThenCreatedAtDesc</c>), so a sort column that T does not have is a compile error
/// on the enum member, and the statements NeoGen writes order by T's columns only.
/// </summary>
internal static class SortOrders
{
    public static SortModel? Read(INamedTypeSymbol enumType, AttributeData attribute, string methodName, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(enumType.Locations.FirstOrDefault());
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not ITypeSymbol entityType || EntityReader.TableName(entityType) is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, methodName, $"[SortOrders] on {enumType.Name} names no [Table] type, whose columns its members would order by"));
            return null;
        }

        var entity = EntityReader.Read(entityType);
        var members = entity.Members.Select(m => m.Name).ToList();
        var options = new List<SortOption>();
        var ok = true;
        var values = new HashSet<object?>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            if (!values.Add(field.ConstantValue))
            {
                // Two names for one value cannot pick two orders.
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, LocationInfo.From(field.Locations.FirstOrDefault()) ?? location, methodName,
                    $"sort order {enumType.Name}.{field.Name} has the value of another member, so the two cannot pick different orders; give each member its own value"));
                ok = false;
                continue;
            }

            var fieldLocation = LocationInfo.From(field.Locations.FirstOrDefault()) ?? location;
            var parsed = DerivedQueryGrammar.Parse("FindAllOrderBy" + field.Name, entity.DisplayName, members);
            if (parsed.Query is not { Order.Count: > 0 } query)
            {
                var why = parsed.UnknownMember is { } unknown
                    ? $"'{unknown}', which is not a member of {entity.DisplayName}{NeoGen.Sql.SqlNames.DidYouMean(Stem(unknown), members)}"
                    : parsed.Error ?? "no order";
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, fieldLocation, methodName,
                    $"sort order {enumType.Name}.{field.Name} names {why}; a member of a [SortOrders] enum is an order of {entity.DisplayName}'s members (EmailAsc, CreatedAtDescThenEmail)"));
                ok = false;
                continue;
            }

            var encrypted = query.Order.Select(o => entity.MemberNamed(o.Member)!).FirstOrDefault(m => m.Type.IsEncrypted);
            if (encrypted is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, fieldLocation, methodName,
                    $"sort order {enumType.Name}.{field.Name} sorts by {entity.DisplayName}.{encrypted.Name}, which is encrypted: ciphertexts sort in no useful order"));
                ok = false;
                continue;
            }

            options.Add(new SortOption(field.Name, query.Order.Select(o => new DerivedSort(entity.MemberNamed(o.Member)!.Column, o.Descending)).ToEquatableArray()));
        }

        if (options.Count == 0 && ok)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, methodName, $"[SortOrders] enum {enumType.Name} has no members"));
            return null;
        }

        return ok ? new SortModel(ColumnTypes.Display(enumType), entity.Table!, options.ToEquatableArray()) : null;
    }

    /// <summary>The member a word names before its direction or the next key: 'Emial' of 'EmialDescThenName'.</summary>
    private static string Stem(string word)
    {
        var then = word.IndexOf("Then", System.StringComparison.Ordinal);
        var stem = then > 0 ? word.Substring(0, then) : word;
        foreach (var direction in new[] { "Desc", "Asc" })
        {
            if (stem.EndsWith(direction, System.StringComparison.Ordinal) && stem.Length > direction.Length)
            {
                return stem.Substring(0, stem.Length - direction.Length);
            }
        }

        return stem;
    }
}
