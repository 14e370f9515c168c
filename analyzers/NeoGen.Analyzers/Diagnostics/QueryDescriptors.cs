using Microsoft.CodeAnalysis;

namespace NeoGen.Analyzers.Diagnostics;

/// <summary>Diagnostics of the query analyzer: the SQL of <c>[Query]</c> methods checked against the compilation's schema.</summary>
public static class QueryDescriptors
{
    private const string Sql = "NeoGen.Sql";
    private const string Schema = "NeoGen.Schema";
    private const string Performance = "NeoGen.Performance";

    /// <summary>Errors in a schema file (an AdditionalFiles <c>.sql</c>); same id as the generator's NG1002 for <c>[Query]</c>.</summary>
    public static readonly DiagnosticDescriptor SchemaFileError = new(
        "NG1002", "SQL does not parse", "Schema file '{0}': {1}", Sql, DiagnosticSeverity.Error, true,
        description: "A .sql schema file passed as AdditionalFiles has a statement that does not parse or does not apply (ALTER of a table that does not exist, ...).",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG1002"));

    public static readonly DiagnosticDescriptor UpdateWithoutWhere = new(
        "NG1003", "UPDATE or DELETE without WHERE", "{0} on '{1}' has no WHERE clause and changes every row", Sql, DiagnosticSeverity.Warning, true,
        description: "An UPDATE or DELETE without a WHERE clause changes or removes every row of the table.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG1003"));

    public static readonly DiagnosticDescriptor SelectStar = new(
        "NG1005", "SELECT *", "'{0}' selects every column; list the columns the result type needs", Sql, DiagnosticSeverity.Info, true,
        description: "SELECT * reads columns the result may not need and changes meaning when the table changes.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG1005"));

    public static readonly DiagnosticDescriptor UnknownTable = new(
        "NG2001", "Unknown table", "{0}", Schema, DiagnosticSeverity.Error, true,
        description: "The SQL names a table that no [Table] type and no schema file declares.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2001"));

    public static readonly DiagnosticDescriptor UnknownColumn = new(
        "NG2002", "Unknown column", "{0}", Schema, DiagnosticSeverity.Error, true,
        description: "The SQL names a column that the tables in scope do not have.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2002"));

    public static readonly DiagnosticDescriptor AmbiguousColumn = new(
        "NG2003", "Ambiguous column reference", "{0}", Schema, DiagnosticSeverity.Error, true,
        description: "An unqualified column name that more than one table in scope has.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2003"));

    public static readonly DiagnosticDescriptor IncompatibleParameter = new(
        "NG2004", "Parameter type incompatible with its column", "Parameter '@{0}' of type '{1}' is {2} column '{3}.{4}' of type {5}", Schema, DiagnosticSeverity.Error, true,
        description: "A method parameter whose C# type cannot hold the values of the column it is compared with or assigned to.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2004"));

    public static readonly DiagnosticDescriptor NullableIntoNonNullable = new(
        "NG2007", "Nullable column read into a non-nullable member", "Column '{0}' can be NULL{1} but is read into non-nullable member '{2}.{3}'", Schema, DiagnosticSeverity.Warning, true,
        description: "A result column that can be NULL (a nullable column, or a column of the optional side of an outer join) is read into a member whose type does not allow null.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2007"));

    public static readonly DiagnosticDescriptor InsertMissingColumn = new(
        "NG2008", "INSERT omits a NOT NULL column", "INSERT into '{0}' gives no value for NOT NULL column '{1}', which has no default", Schema, DiagnosticSeverity.Error, true,
        description: "An INSERT that leaves out a NOT NULL column without a default fails at run time.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG2008"));

    public static readonly DiagnosticDescriptor MissingIndex = new(
        "NG3001", "Filter, join or sort on columns no index covers", "No index of table '{0}' covers {1}; add an index on ({2})", Performance, DiagnosticSeverity.Warning, true,
        description: "A query filters, joins or sorts a table on columns that no index (primary key, unique constraint or [Index]) leads with: the database scans the whole table.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG3001"));

    public static readonly DiagnosticDescriptor ForeignKeyWithoutIndex = new(
        "NG3002", "Foreign key column not covered by an index", "Foreign key column '{0}.{1}' (member '{2}') is not the leading column of any index", Performance, DiagnosticSeverity.Warning, true,
        description: "Joins on a foreign key, and deletes or key updates of the referenced row, scan the referencing table when no index leads with the foreign key column.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG3002"));

    public static readonly DiagnosticDescriptor LeadingWildcard = new(
        "NG3003", "LIKE pattern starts with a wildcard", "LIKE pattern on '{0}.{1}' starts with a wildcard, so no index on it can be used", Performance, DiagnosticSeverity.Warning, true,
        description: "A LIKE pattern that begins with % or _ cannot seek an index: every row is read.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG3003"));

    public static readonly DiagnosticDescriptor NotSargable = new(
        "NG3004", "Function or cast applied to an indexed column in a filter", "'{0}' applied to indexed column '{1}.{2}' keeps the index from being used", Performance, DiagnosticSeverity.Warning, true,
        description: "A function call, cast or arithmetic around an indexed column in a filter makes the predicate non-sargable: the index on the column cannot be used.",
        helpLinkUri: AnalyzerDescriptors.HelpLink("NG3004"));
}
