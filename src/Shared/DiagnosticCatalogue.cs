using Microsoft.CodeAnalysis;

// Linked into the generator and the analyzers: every NeoGen diagnostic, once. An id has one title and one severity,
// whichever assembly reports it; each rule has a page in docs/rules.
//   NG0xxx  declarations: repository, method and type shapes (generator)
//   NG1xxx  SQL text: injection, syntax, statements, parameters
//   NG2xxx  schema: tables, columns, types and nullability
//   NG3xxx  performance: indexes and sargability (analyzers)
//   NG4xxx  data protection: encrypted, masked and tenant columns (generator and analyzers)
namespace NeoGen.Shared;

internal static class Rules
{
    private const string Usage = "NeoGen.Usage";
    private const string Sql = "NeoGen.Sql";
    private const string Schema = "NeoGen.Schema";
    private const string Performance = "NeoGen.Performance";
    private const string Protection = "NeoGen.Protection";

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
        "Method '{0}' names '{1}', which is not a mapped property of {2}{3}");

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

    public static readonly DiagnosticDescriptor KeyTypeMismatch = Rule(
        "NG0010", Usage, DiagnosticSeverity.Error,
        "Key type argument does not match the entity's key",
        "'{0}' declares {1} with key type {2}, but the key of {3} is {4}; declare {5}");

    public static readonly DiagnosticDescriptor UnmappedMember = Rule(
        "NG0011", Usage, DiagnosticSeverity.Error,
        "Member is not a column type",
        "Member '{0}.{1}' of type {2} would never be read or written: {3}; mark it [Ignore] or give it a column type");

    public static readonly DiagnosticDescriptor SchemaScriptIncomplete = Rule(
        "NG0012", Usage, DiagnosticSeverity.Warning,
        "The schema NeoGen writes leaves part of a table out",
        "NeoGenSchema: {0}; create it with a migration");

    public static readonly DiagnosticDescriptor SqlNotConstant = Rule(
        "NG1001", Sql, DiagnosticSeverity.Error,
        "SQL is not a compile-time constant",
        "{0}");

    public static readonly DiagnosticDescriptor SqlSyntax = Rule(
        "NG1002", Sql, DiagnosticSeverity.Error,
        "SQL does not parse",
        "{0}");

    public static readonly DiagnosticDescriptor UpdateWithoutWhere = Rule(
        "NG1003", Sql, DiagnosticSeverity.Warning,
        "UPDATE or DELETE without WHERE",
        "{0} on '{1}' has no WHERE clause and changes every row");

    public static readonly DiagnosticDescriptor MultipleStatements = Rule(
        "NG1004", Sql, DiagnosticSeverity.Warning,
        "More than one statement in one query",
        "The SQL of '{0}' has {1} statements; they run as one command and only the first statement's results are read");

    public static readonly DiagnosticDescriptor SelectStar = Rule(
        "NG1005", Sql, DiagnosticSeverity.Info,
        "SELECT *",
        "'{0}' selects every column; list the columns the result type needs");

    public static readonly DiagnosticDescriptor UnknownSqlParameter = Rule(
        "NG1006", Sql, DiagnosticSeverity.Error,
        "SQL parameter has no matching method parameter",
        "SQL parameter '@{0}' of '{1}' matches no parameter of the method (nor a member of one){2}");

    public static readonly DiagnosticDescriptor UnusedMethodParameter = Rule(
        "NG1007", Sql, DiagnosticSeverity.Warning,
        "Method parameter not used by the SQL",
        "Parameter '{0}' of '{1}' is not used by its SQL");

    public static readonly DiagnosticDescriptor ForeignPlaceholder = Rule(
        "NG1008", Sql, DiagnosticSeverity.Error,
        "Placeholder is not an @name parameter",
        "'{0}' in the SQL of '{1}' is {2}; NeoGen parameters are written @name in every dialect ({3})");

    public static readonly DiagnosticDescriptor ParameterAsIdentifier = Rule(
        "NG1009", Sql, DiagnosticSeverity.Error,
        "Parameter where SQL needs an identifier or a sort key",
        "'@{0}' in the SQL of '{1}' {2}");

    public static readonly DiagnosticDescriptor UnknownTable = Rule(
        "NG2001", Schema, DiagnosticSeverity.Error,
        "Unknown table",
        "{0}");

    public static readonly DiagnosticDescriptor UnknownColumn = Rule(
        "NG2002", Schema, DiagnosticSeverity.Error,
        "Unknown column",
        "{0}");

    public static readonly DiagnosticDescriptor AmbiguousColumn = Rule(
        "NG2003", Schema, DiagnosticSeverity.Error,
        "Ambiguous column reference",
        "{0}");

    public static readonly DiagnosticDescriptor IncompatibleParameter = Rule(
        "NG2004", Schema, DiagnosticSeverity.Error,
        "Value incompatible with its column",
        "{0} of type {1} is {2} column '{3}' of type {4}{5}");

    public static readonly DiagnosticDescriptor UnusedResultColumn = Rule(
        "NG2005", Schema, DiagnosticSeverity.Warning,
        "Result column not used by the result type",
        "Column '{0}' returned by '{1}' maps to no member of {2}");

    public static readonly DiagnosticDescriptor MissingResultMember = Rule(
        "NG2006", Schema, DiagnosticSeverity.Error,
        "Required member of the result type not returned",
        "Member '{0}' of {1} is required but the query of '{2}' returns no column '{3}'");

    public static readonly DiagnosticDescriptor NullableIntoNonNullable = Rule(
        "NG2007", Schema, DiagnosticSeverity.Warning,
        "Nullable column read into a non-nullable member",
        "Column '{0}' can be NULL{1} but is read into {2}, which is not nullable");

    public static readonly DiagnosticDescriptor InsertMissingColumn = Rule(
        "NG2008", Schema, DiagnosticSeverity.Error,
        "INSERT omits a NOT NULL column",
        "INSERT into '{0}' gives no value for NOT NULL column '{1}', which has no default");

    public static readonly DiagnosticDescriptor UnreadableColumn = Rule(
        "NG2009", Schema, DiagnosticSeverity.Error,
        "Result column type cannot be read into its member",
        "Column '{0}' returned by '{1}' is {2} on {3} and cannot be read into {4} of type {5}{6}");

    public static readonly DiagnosticDescriptor SchemaDrift = Rule(
        "NG2010", Schema, DiagnosticSeverity.Warning,
        "Schema file and [Table] type disagree",
        "{0}");

    public static readonly DiagnosticDescriptor SchemaFileDialect = Rule(
        "NG2011", Schema, DiagnosticSeverity.Warning,
        "Schema file does not say which database it describes",
        "{0}");

    public static readonly DiagnosticDescriptor MissingIndex = Rule(
        "NG3001", Performance, DiagnosticSeverity.Warning,
        "Filter, join or sort on columns no index covers",
        "No index of table '{0}' covers {1}; add an index on ({2})");

    public static readonly DiagnosticDescriptor ForeignKeyWithoutIndex = Rule(
        "NG3002", Performance, DiagnosticSeverity.Warning,
        "Foreign key column not covered by an index",
        "Foreign key column '{0}.{1}' (member '{2}') is not the leading column of any index");

    public static readonly DiagnosticDescriptor LeadingWildcard = Rule(
        "NG3003", Performance, DiagnosticSeverity.Warning,
        "LIKE pattern starts with a wildcard",
        "LIKE pattern on '{0}.{1}' starts with a wildcard, so no index on it can be used");

    public static readonly DiagnosticDescriptor NotSargable = Rule(
        "NG3004", Performance, DiagnosticSeverity.Warning,
        "Function or cast applied to an indexed column in a filter",
        "'{0}' applied to indexed column '{1}.{2}' keeps the index from being used");

    public static readonly DiagnosticDescriptor RandomizedColumnInPredicate = Rule(
        "NG4001", Protection, DiagnosticSeverity.Error,
        "Randomized-encrypted column used in WHERE, JOIN, ORDER BY or GROUP BY",
        "Column '{0}.{1}' is encrypted with a random nonce: {2}");

    public static readonly DiagnosticDescriptor DeterministicColumnMisuse = Rule(
        "NG4002", Protection, DiagnosticSeverity.Error,
        "Deterministic-encrypted column used with anything but equality",
        "Column '{0}.{1}' is encrypted deterministically, which keeps only equality: {2}");

    public static readonly DiagnosticDescriptor MissingTenantPredicate = Rule(
        "NG4003", Protection, DiagnosticSeverity.Error,
        "Tenant table queried or changed without the tenant predicate",
        "{0}");

    public static readonly DiagnosticDescriptor ExpressionOnEncryptedColumn = Rule(
        "NG4004", Protection, DiagnosticSeverity.Error,
        "SQL function or expression applied to an encrypted column",
        "'{0}' applied to encrypted column '{1}.{2}' would run on the ciphertext; compare or read the column as it is and work on the decrypted value in C#");

    public static readonly DiagnosticDescriptor ProtectionMisuse = Rule(
        "NG4005", Protection, DiagnosticSeverity.Error,
        "Protection attribute that cannot apply",
        "{0}.{1}: {2}");

    public static readonly DiagnosticDescriptor ProtectedValueInClear = Rule(
        "NG4006", Protection, DiagnosticSeverity.Warning,
        "Protected value logged or formatted in clear",
        "{0}");

    public static string HelpLink(string id) => $"https://github.com/neogen-dotnet/neogen/blob/main/docs/rules/{id}.md";

    private static DiagnosticDescriptor Rule(string id, string category, DiagnosticSeverity severity, string title, string message)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
