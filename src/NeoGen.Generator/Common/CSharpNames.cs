using Microsoft.CodeAnalysis.CSharp;

namespace NeoGen.Generator.Common;

internal static class CSharpNames
{
    /// <summary>A name usable as a C# identifier: keywords get an '@' (a parameter called <c>@class</c>).</summary>
    public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
