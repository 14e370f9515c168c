using Microsoft.CodeAnalysis;

namespace NeoGen.Analyzers.Diagnostics;

/// <summary>Diagnostics reported by the NeoGen analyzers (the generator reports its own, see NeoGen.Generator).</summary>
public static class AnalyzerDescriptors
{
    private const string Sql = "NeoGen.Sql";

    /// <summary>
    /// NG1001 on raw ADO.NET and Dapper. Same id as the generator's NG1001 for <c>[Query]</c> (an error there),
    /// but a warning here: hand-written data access is the user's code and may have reasons.
    /// </summary>
    public static readonly DiagnosticDescriptor SqlBuiltAtRunTime = new(
        "NG1001",
        "SQL is not a compile-time constant",
        "SQL passed to '{0}' is built from '{1}' by {2}; pass it as a parameter",
        Sql,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "SQL text built from run-time values (interpolation, concatenation, string.Format, string.Concat, string.Join, StringBuilder) can be injected into. Keep the SQL constant and pass every value as a command parameter.",
        helpLinkUri: HelpLink("NG1001"),
        customTags: WellKnownDiagnosticTags.Telemetry);

    public static string HelpLink(string id) => $"https://github.com/neogen-dotnet/neogen/blob/main/docs/rules/{id}.md";
}
