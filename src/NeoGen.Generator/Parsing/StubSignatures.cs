using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Common;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// Explicit implementations of interface members NeoGen could not generate. An explicit implementation restates
/// neither constraints nor default values, and any member shape (generic, ref, property, event) can be written, so
/// the class always implements its interface and only NeoGen's own diagnostic is reported.
/// </summary>
internal static class StubSignatures
{
    public static FailedMember? For(ISymbol member, string reason)
    {
        var owner = ColumnTypes.Display(member.ContainingType);
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                var typeParameters = method.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
                var returns = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty) + ColumnTypes.Display(method.ReturnType);
                return new FailedMember($"{returns} {owner}.{method.Name}{typeParameters}({Parameters(method.Parameters)})", false, EquatableArray<string>.Empty, reason);
            case IPropertySymbol property:
                var accessors = new System.Collections.Generic.List<string>();
                if (property.GetMethod is not null)
                {
                    accessors.Add("get");
                }

                if (property.SetMethod is not null)
                {
                    accessors.Add(property.SetMethod.IsInitOnly ? "init" : "set");
                }

                var name = property.IsIndexer ? $"this[{Parameters(property.Parameters)}]" : property.Name;
                return new FailedMember($"{(property.ReturnsByRef ? "ref " : string.Empty)}{ColumnTypes.Display(property.Type)} {owner}.{name}", true, accessors.ToEquatableArray(), reason);
            case IEventSymbol @event:
                return new FailedMember($"event {ColumnTypes.Display(@event.Type)} {owner}.{@event.Name}", true, new[] { "add", "remove" }.ToEquatableArray(), reason);
            default:
                return null;
        }
    }

    private static string Parameters(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
        => string.Join(", ", parameters.Select(p =>
        {
            var modifier = p.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                _ => string.Empty,
            };
            return (p.IsParams ? "params " : string.Empty) + modifier + ColumnTypes.Display(p.Type) + " " + CSharpNames.Identifier(p.Name);
        }));
}
