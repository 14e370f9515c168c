using Microsoft.CodeAnalysis;

namespace NeoGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. The catalogue and its meaning live in DESIGN.md §4 and docs/rules.</summary>
public static class DiagnosticDescriptors
{
    private const string Usage = "NeoGen.Usage";
    private const string Sql = "NeoGen.Sql";
    private const string Schema = "NeoGen.Schema";

    public static readonly DiagnosticDescriptor RepositoryNotPartialInterface = Rule(
        "NG0001", Usage, DiagnosticSeverity.Error,
        "Repository must be a partial interface",
        "'{0}' has [Repository] but is not a partial interface; declare it 'public partial interface {0}'");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Rule(
        "NG0002", Usage, DiagnosticSeverity.Error,
        "Unsupported repository method signature",
        "Method '{0}': {1}");

    public static readonly DiagnosticDescriptor NotDerivable = Rule(
        "NG0003", Usage, DiagnosticSeverity.Error,
        "Method has no [Query] and its name is not a derivable query",
        "Method '{0}' has no [Query] and its name is not a derivable query: {1}");

    public static readonly DiagnosticDescriptor UnknownDerivedProperty = Rule(
        "NG0004", Usage, DiagnosticSeverity.Error,
        "Derived query names an unknown property",
        "Method '{0}' names '{1}', which is not a mapped property of {2} (mapped: {3})");

    public static readonly DiagnosticDescriptor NoKey = Rule(
        "NG0005", Usage, DiagnosticSeverity.Error,
        "Key operation on an entity without [Key]",
        "'{0}' needs a key for '{1}' but {2} has no [Key] member");

    public static readonly DiagnosticDescriptor NotMaterializable = Rule(
        "NG0006", Usage, DiagnosticSeverity.Error,
        "Type cannot be materialized",
        "'{0}' cannot be materialized: {1}");

    public static readonly DiagnosticDescriptor DialectNotSupported = Rule(
        "NG0007", Usage, DiagnosticSeverity.Error,
        "Operation not supported by the target dialect",
        "{0} is not supported for dialect {1}: {2}");

    public static readonly DiagnosticDescriptor ProviderNotReferenced = Rule(
        "NG0008", Usage, DiagnosticSeverity.Error,
        "Database provider package is not referenced",
        "[Repository(Dialect.{0})] needs the provider package '{1}'; add a PackageReference to it");

    public static readonly DiagnosticDescriptor InternalError = Rule(
        "NG0009", Usage, DiagnosticSeverity.Error,
        "NeoGen could not process a declaration",
        "NeoGen could not process '{0}' ({1}); please report this with the declaration");

    public static readonly DiagnosticDescriptor SqlNotConstant = Rule(
        "NG1001", Sql, DiagnosticSeverity.Error,
        "SQL is not a compile-time constant",
        "The SQL of '{0}' is not a compile-time constant; build it from literals and pass values as @parameters");

    public static readonly DiagnosticDescriptor SqlSyntax = Rule(
        "NG1002", Sql, DiagnosticSeverity.Error,
        "SQL does not parse",
        "SQL of '{0}' does not parse for {1}: {2}");

    public static readonly DiagnosticDescriptor MultipleStatements = Rule(
        "NG1004", Sql, DiagnosticSeverity.Warning,
        "More than one statement in one query",
        "The SQL of '{0}' has {1} statements; they run as one command and only the first statement's results are read");

    public static readonly DiagnosticDescriptor UnknownSqlParameter = Rule(
        "NG1006", Sql, DiagnosticSeverity.Error,
        "SQL parameter has no matching method parameter",
        "SQL parameter '@{0}' of '{1}' matches no parameter of the method (nor a member of one)");

    public static readonly DiagnosticDescriptor UnusedMethodParameter = Rule(
        "NG1007", Sql, DiagnosticSeverity.Warning,
        "Method parameter not used by the SQL",
        "Parameter '{0}' of '{1}' is not used by its SQL");

    public static readonly DiagnosticDescriptor UnusedResultColumn = Rule(
        "NG2005", Schema, DiagnosticSeverity.Warning,
        "Result column not used by the result type",
        "Column '{0}' returned by '{1}' maps to no member of {2}");

    public static readonly DiagnosticDescriptor MissingResultMember = Rule(
        "NG2006", Schema, DiagnosticSeverity.Error,
        "Required member of the result type not returned",
        "Member '{0}' of {1} is required but the query of '{2}' returns no column '{3}'");

    private static DiagnosticDescriptor Rule(string id, string category, DiagnosticSeverity severity, string title, string message)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    public static string HelpLink(string id) => $"https://github.com/neogen-dotnet/neogen/blob/main/docs/rules/{id}.md";
}
