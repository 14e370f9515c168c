using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NeoGen.Analyzers.Schema;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Analyzers.Query;

/// <summary>
/// Checks the SQL of <c>[Query]</c> methods (and the filters of derived query methods) against the compilation's schema:
/// NG1003, NG1005, NG2001–NG2003, NG2008, NG3001–NG3004; schema files' errors as NG1002 and their disagreements with the
/// <c>[Table]</c> types as NG2010. How a method maps its parameters and results (NG2004–NG2007, NG2009) is the
/// generator's, which binds the same SQL over the same schema.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlQueryAnalyzer : DiagnosticAnalyzer
{
    public const string MembersProperty = "Members";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.SqlSyntax,
        Rules.UpdateWithoutWhere,
        Rules.SelectStar,
        Rules.UnknownTable,
        Rules.UnknownColumn,
        Rules.AmbiguousColumn,
        Rules.InsertMissingColumn,
        Rules.SchemaDrift,
        Rules.SchemaFileDialect,
        Rules.MissingIndex,
        Rules.ForeignKeyWithoutIndex,
        Rules.LeadingWildcard,
        Rules.NotSargable,
        Rules.RandomizedColumnInPredicate,
        Rules.DeterministicColumnMisuse,
        Rules.MissingTenantPredicate,
        Rules.ExpressionOnEncryptedColumn);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var repository = start.Compilation.GetTypeByMetadataName(KnownNames.RepositoryAttribute);
            var table = start.Compilation.GetTypeByMetadataName(KnownNames.TableAttribute)
                        ?? start.Compilation.GetTypeByMetadataName(KnownNames.DataAnnotationsTable);
            if (repository == null && table == null)
            {
                return;
            }

            var compilation = start.Compilation;
            var files = start.Options.AdditionalFiles;
            var hasSqlFiles = files.Any(f => f.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));
            var options = start.Options.AnalyzerConfigOptionsProvider;
            var repositoryDialects = new Lazy<List<SqlDialect>>(() => hasSqlFiles ? RepositoryDialects(compilation) : new List<SqlDialect>(), LazyThreadSafetyMode.ExecutionAndPublication);
            var lazy = new Lazy<CompilationSchema>(
                () => Safe(
                    () =>
                    {
                        var declared = CompilationSchema.DeclaredDialects(files, options);
                        return CompilationSchemaCache.GetOrBuild(compilation, files, declared, () => CompilationSchema.Build(compilation, files, declared, SchemaFileDialects.Majority(repositoryDialects.Value), CancellationToken.None));
                    },
                    CompilationSchema.Empty),
                LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterSymbolAction(c => Safe(() => AnalyzeType(c, lazy)), SymbolKind.NamedType);
            start.RegisterSymbolAction(c => Safe(() => AnalyzeForeignKey(c, lazy)), SymbolKind.Property);
            start.RegisterAdditionalFileAction(c => Safe(() => AnalyzeFile(c, lazy)));
            start.RegisterAdditionalFileAction(c => Safe(() => AnalyzeFileDialect(c, repositoryDialects)));
        });
    }

    private static void Safe(Action action)
    {
        try
        {
            action();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Never let a bug reach the compiler as AD0001.
        }
    }

    private static T Safe<T>(Func<T> func, T fallback)
    {
        try
        {
            return func();
        }
        catch (Exception)
        {
            return fallback;
        }
    }

    /// <summary>
    /// The dialect of every <c>[Repository]</c> attribute, whose majority is the dialect of schema files that declare
    /// none. Read from syntax (binding every attribute of the compilation would cost more than the rest of the
    /// analysis); the generator counts the same attributes from its parsed repositories.
    /// </summary>
    private static List<SqlDialect> RepositoryDialects(Compilation compilation)
    {
        var dialects = new List<SqlDialect>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            foreach (var attribute in root.DescendantNodes(n => n is not (MethodDeclarationSyntax or BlockSyntax)).OfType<AttributeSyntax>())
            {
                var name = attribute.Name.ToString();
                if (!name.EndsWith("Repository", StringComparison.Ordinal) && !name.EndsWith("RepositoryAttribute", StringComparison.Ordinal))
                {
                    continue;
                }

                var text = attribute.ArgumentList?.Arguments.FirstOrDefault()?.ToString() ?? string.Empty;
                dialects.Add(text.Contains("PostgreSql") ? SqlDialect.PostgreSql : text.Contains("MySql") ? SqlDialect.MySql : text.Contains("SqlServer") ? SqlDialect.SqlServer : SqlDialect.Sqlite);
            }
        }

        return dialects;
    }

    /// <summary>
    /// NG2011: a schema file whose <c>NeoGenDialect</c> names no database, or that declares none in a project whose
    /// repositories use several (it is then read for the majority, which one more repository can change).
    /// </summary>
    private static void AnalyzeFileDialect(AdditionalFileAnalysisContext context, Lazy<List<SqlDialect>> repositoryDialects)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile).TryGetValue(SchemaFileDialects.MetadataKey, out var metadata);
        var fileName = System.IO.Path.GetFileName(path);
        var used = repositoryDialects.Value.Distinct().OrderBy(d => d).ToList();
        var majority = SchemaFileDialects.Majority(repositoryDialects.Value);
        string? message = null;
        var unknown = SchemaFileDialects.UnknownNames(metadata);
        if (unknown.Count > 0)
        {
            var fallback = SchemaFileDialects.Of(path, metadata) == 0 ? $"; it is read as {DialectNames.Display(majority)}'s" : string.Empty;
            message = $"Schema file '{fileName}' has NeoGenDialect=\"{metadata}\": '{string.Join("', '", unknown)}' is not one of Sqlite, PostgreSql, MySql, SqlServer{fallback}";
        }
        else if (used.Count > 1 && SchemaFileDialects.Of(path, metadata) == 0)
        {
            message = $"Schema file '{fileName}' does not say which database it describes, and the repositories use {DialectNames.Display(used)}: it is read as {DialectNames.Display(majority)}'s, the dialect most of them use, which another repository can change. "
                + $"Declare it: NeoGenDialect=\"{DialectNames.Member(majority)}\" on its AdditionalFiles item, or put it in a folder named {DialectNames.Member(majority).ToLowerInvariant()}";
        }

        if (message != null)
        {
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            var location = Location.Create(path, new TextSpan(0, 0), text?.Lines.GetLinePositionSpan(new TextSpan(0, 0)) ?? default);
            context.ReportDiagnostic(Diagnostic.Create(Rules.SchemaFileDialect, location, message));
        }
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, Lazy<CompilationSchema> lazy)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // A file of several dialects is parsed in each; an error one of them finds is reported once, naming it.
        var schema = lazy.Value;
        var dialects = schema.DialectsOfFile(path).ToList();
        var errors = new List<(SqlError Error, List<SqlDialect> Dialects)>();
        foreach (var dialect in dialects)
        {
            if (!schema.For(dialect).FileErrors.TryGetValue(path, out var found))
            {
                continue;
            }

            foreach (var error in found)
            {
                var same = errors.FirstOrDefault(e => e.Error.Start == error.Start && e.Error.Length == error.Length && e.Error.Message == error.Message);
                if (same.Dialects != null)
                {
                    same.Dialects.Add(dialect);
                }
                else
                {
                    errors.Add((error, new List<SqlDialect> { dialect }));
                }
            }
        }

        if (errors.Count == 0)
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text == null)
        {
            return;
        }

        foreach (var (error, those) in errors)
        {
            var s = Math.Max(0, Math.Min(error.Start, text.Length));
            var span = new TextSpan(s, Math.Max(0, Math.Min(error.Length, text.Length - s)));
            var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            var which = those.Count < dialects.Count ? $" (for {DialectNames.Display(those)})" : string.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rules.SqlSyntax, location, $"Schema file '{System.IO.Path.GetFileName(path)}'{which}: {error.Message}"));
        }
    }

    private static void AnalyzeForeignKey(SymbolAnalysisContext context, Lazy<CompilationSchema> lazy)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (!property.GetAttributes().Any(a => a.AttributeClass.IsNamed(KnownNames.ForeignKeyAttribute)))
        {
            return;
        }

        var schema = lazy.Value;
        var entity = schema.EntityFor(property.ContainingType);
        var member = entity?.MemberByName(property.Name);
        var table = entity == null ? null : schema.Primary.Schema.FindTable(entity.Table);
        if (member == null || table == null || table.HasIndexLeadingWith(member.Column))
        {
            return;
        }

        var location = property.Locations.FirstOrDefault(l => l.IsInSource);
        if (location == null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.ForeignKeyWithoutIndex,
            location,
            entity!.TypeLocations,
            ImmutableDictionary<string, string?>.Empty.Add(MembersProperty, property.Name),
            table.Name,
            member.Column,
            property.Name));
    }

    private static void AnalyzeType(SymbolAnalysisContext context, Lazy<CompilationSchema> lazy)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        if (type.TypeKind != TypeKind.Interface)
        {
            AnalyzeDrift(context, type, lazy);
            return;
        }

        var dialects = DialectNames.OfRepository(type);
        if (dialects.Count == 0)
        {
            return;
        }

        var schema = lazy.Value;
        var entityType = EntityType(type);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (method.MethodKind != MethodKind.Ordinary)
            {
                continue;
            }

            var query = method.GetAttributes().FirstOrDefault(a => a.AttributeClass.IsNamed(KnownNames.QueryAttribute));
            if (query != null)
            {
                Safe(() => AnalyzeQuery(context, schema, method, query, dialects));
            }
            else if (entityType != null && !method.IsStatic && method.IsAbstract)
            {
                Safe(() => AnalyzeDerived(context, schema, method, entityType, dialects[0]));
            }
        }
    }

    /// <summary>NG2010: what the schema files say about a <c>[Table]</c> type's table, where the type disagrees.</summary>
    private static void AnalyzeDrift(SymbolAnalysisContext context, INamedTypeSymbol type, Lazy<CompilationSchema> lazy)
    {
        if (!type.GetAttributes().Any(a => a.AttributeClass.IsNamedAny(KnownNames.TableAttribute, KnownNames.DataAnnotationsTable)))
        {
            return;
        }

        var schema = lazy.Value;
        if (!schema.HasFiles || schema.EntityFor(type) is not { } entity)
        {
            return;
        }

        var drifts = schema.FileDialects.SelectMany(d => schema.For(d).Drifts)
            .Where(d => string.Equals(d.Table, entity.Table, StringComparison.OrdinalIgnoreCase))
            .Distinct();
        foreach (var drift in drifts)
        {
            var location = drift.Member != null && entity.MemberLocations.TryGetValue(drift.Member, out var memberLocation) ? memberLocation : entity.TypeLocation;
            if (location != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.SchemaDrift, location, drift.Message));
            }
        }
    }

    private static INamedTypeSymbol? EntityType(INamedTypeSymbol type)
    {
        foreach (var i in type.AllInterfaces)
        {
            if (i.ContainingNamespace.IsNamed("NeoGen") && i.TypeArguments.Length > 0
                && i.Name is "IReadRepository" or "ICrudRepository" or "IBulkRepository")
            {
                return i.TypeArguments[0] as INamedTypeSymbol;
            }
        }

        return null;
    }

    private static void AnalyzeDerived(SymbolAnalysisContext context, CompilationSchema schema, IMethodSymbol method, INamedTypeSymbol entityType, SqlDialect dialect)
    {
        var entity = schema.EntityFor(entityType);
        if (entity == null)
        {
            return;
        }

        var table = schema.For(dialect).Schema.FindTable(entity.Table);
        if (table == null || table.IsView)
        {
            return;
        }

        var parsed = DerivedQueryGrammar.Parse(method.Name, entity.Model.DisplayName, entity.Model.Members.Select(m => m.Name).ToList());
        if (parsed.Query is not { } query)
        {
            return;
        }

        // Each predicate takes its arguments in order; one with an [OptionalFilter] argument is left out when it is
        // null, so every combination of present and absent optional filters is its own statement to check.
        var arguments = method.Parameters.Where(p => !p.Type.IsNamed("System.Threading.CancellationToken")).ToList();
        var optional = new List<int>();
        var optionalNames = new List<string>();
        var next = query.Assigned.Count; // an Update's values come first
        for (var i = 0; i < query.Predicates.Count; i++)
        {
            var count = DerivedQueryGrammar.Arguments(query.Predicates[i].Operator);
            var taken = arguments.Skip(next).Take(count).ToList();
            next += count;
            var name = taken.FirstOrDefault(p => p.GetAttributes().Any(a => a.AttributeClass.IsNamed(KnownNames.OptionalFilterAttribute)))?.Name;
            if (name != null)
            {
                optional.Add(i);
                optionalNames.Add(name);
            }
        }

        if (optional.Count > 5)
        {
            return;
        }

        for (var mask = 0; mask < 1 << optional.Count; mask++)
        {
            var absent = optional.Where((_, bit) => (mask & (1 << bit)) != 0).ToList();
            var present = query.Predicates.Where((_, i) => !absent.Contains(i)).ToList();
            if (entity.Model.TenantKey is { } tenant)
            {
                // The generated statement is also by the ambient tenant: an index may lead with the tenant column.
                present.Add(new DerivedPredicate(tenant.Name, DerivedOperator.Equal, false, tenant.Name));
            }

            var when = absent.Count == 0 ? string.Empty
                : " when " + string.Join(" and ", optionalNames.Where((_, bit) => (mask & (1 << bit)) != 0).Select(n => "'" + n + "'")) + (absent.Count == 1 ? " is null" : " are null");
            if (ReportDerivedIndex(context, method, entity, table, present, query.AllIgnoreCase, when))
            {
                // One finding per method: the first combination that lacks an index.
                return;
            }
        }
    }

    /// <summary>NG3001 for one combination of a derived query's predicates; true when reported.</summary>
    private static bool ReportDerivedIndex(SymbolAnalysisContext context, IMethodSymbol method, EntityTable entity, SqlSchemaTable table, List<DerivedPredicate> predicates, bool allIgnoreCase, string when)
    {
        // The filters an index could serve, in the order an index would take them: equalities, then one range.
        // A comparison that ignores case is on LOWER(column), which an index on the column does not serve.
        var filters = predicates.Where(p => DerivedQueryGrammar.CanUseIndex(p.Operator) && !IgnoresCase(p, allIgnoreCase, entity))
            .Select(p => (Member: entity.MemberByName(p.Member)!, p.Operator, Or: p.OrWithPrevious || predicates.Any(q => q.OrWithPrevious)))
            .ToList();
        // A column the schema files renamed away is the generator's NG2002; an index on it would not exist either.
        if (filters.Count == 0 || filters.Any(f => table.HasIndexLeadingWith(f.Member.Column)) || filters.Any(f => table.FindColumn(f.Member.Column) == null))
        {
            return false;
        }

        var equalities = filters.Where(f => f.Operator is DerivedOperator.Equal or DerivedOperator.In or DerivedOperator.True or DerivedOperator.False or DerivedOperator.IsNull).ToList();
        var suggested = (filters.All(f => f.Or) ? filters.Take(1) : equalities.Where(f => !f.Or).Concat(filters.Where(f => !f.Or && !equalities.Contains(f)).Take(1)))
            .Select(f => f.Member).Distinct().ToList();
        if (suggested.Count == 0)
        {
            return false;
        }

        var location = method.Locations.FirstOrDefault(l => l.IsInSource);
        if (location == null)
        {
            return false;
        }

        var columns = suggested.Select(m => m.Column).ToList();
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.MissingIndex,
            location,
            entity.TypeLocations,
            ImmutableDictionary<string, string?>.Empty.Add(MembersProperty, string.Join(",", suggested.Select(m => m.Name))),
            table.Name,
            Describe(filters.Select(f => f.Member.Column).Distinct().ToList()) + when,
            string.Join(", ", columns)));
        return true;
    }

    private static bool IgnoresCase(DerivedPredicate predicate, bool allIgnoreCase, EntityTable entity)
        => predicate.IgnoreCase || (allIgnoreCase && DerivedQueryGrammar.CanIgnoreCase(predicate.Operator) && entity.MemberByName(predicate.Member)?.Type.Kind == ScalarKind.String);

    private static string Describe(List<string> columns)
        => columns.Count == 1 ? $"the filter on '{columns[0]}'" : "the filter on " + string.Join(", ", columns.Select(c => "'" + c + "'"));

    private static void AnalyzeQuery(SymbolAnalysisContext context, CompilationSchema schema, IMethodSymbol method, AttributeData query, List<SqlDialect> dialects)
    {
        if (query.ConstructorArguments.Length == 0 || query.ConstructorArguments[0].Value is not string sql)
        {
            return;
        }

        var syntax = query.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        if (argument == null)
        {
            return;
        }

        var literal = new LiteralLocator(argument, sql);
        var found = new Dictionary<(string, int, int, string), (Diagnostic Diagnostic, List<SqlDialect> Dialects)>();
        var order = new List<(string, int, int, string)>();
        var checkedDialects = new List<SqlDialect>();
        foreach (var dialect in dialects)
        {
            var composed = schema.For(dialect);
            var bound = SqlBinder.Bind(sql, dialect, composed.Schema);

            // SQL the dialect does not accept is the generator's NG1002; checking it against the schema would only add noise.
            if (bound.Errors.Count > 0 || bound.Statement == null || SqlConformance.Check(bound.Script, dialect, sql).Count > 0)
            {
                continue;
            }

            checkedDialects.Add(dialect);
            foreach (var diagnostic in Check(bound, schema, composed, literal).Concat(CheckOptionalCombinations(sql, bound, method, dialect, schema, composed, literal)))
            {
                var key = (diagnostic.Id, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length, diagnostic.GetMessage());
                if (found.TryGetValue(key, out var seen))
                {
                    seen.Dialects.Add(dialect);
                }
                else
                {
                    found[key] = (diagnostic, new List<SqlDialect> { dialect });
                    order.Add(key);
                }
            }
        }

        // What holds for only some dialects of the interface (their schema files differ) says which.
        foreach (var key in order)
        {
            var (diagnostic, those) = found[key];
            var partial = those.Count < checkedDialects.Count && diagnostic.Descriptor.MessageFormat.ToString() == "{0}";
            context.ReportDiagnostic(partial
                ? Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.AdditionalLocations, diagnostic.Properties, diagnostic.GetMessage() + $" (for {DialectNames.Display(those)})")
                : diagnostic);
        }
    }

    /// <summary>
    /// NG3001 for the statements of a method with [OptionalFilter] parameters: each combination of absent filters is
    /// its own statement, and one that keeps only an unindexed filter scans the table. The combination is checked with
    /// its conditions overwritten in place, so positions stay those of the written SQL; the first finding is reported.
    /// </summary>
    private static IEnumerable<Diagnostic> CheckOptionalCombinations(string sql, BoundStatement full, IMethodSymbol method, SqlDialect dialect, CompilationSchema schema, ComposedSchema composed, LiteralLocator literal)
    {
        var optional = method.Parameters.Where(p => p.GetAttributes().Any(a => a.AttributeClass.IsNamed(KnownNames.OptionalFilterAttribute))).Select(p => p.Name).ToList();
        if (optional.Count == 0 || optional.Count > 5)
        {
            yield break;
        }

        var fullFindings = new List<Diagnostic>();
        CheckIndexes(full, schema, literal, fullFindings);
        if (fullFindings.Any(d => d.Id == Rules.MissingIndex.Id))
        {
            yield break;
        }

        var conditions = SqlOptionalConditions.Find(full.Script, optional);
        if (conditions.Error != null)
        {
            yield break;
        }

        for (var mask = 1; mask < 1 << optional.Count; mask++)
        {
            var absent = optional.Where((_, bit) => (mask & (1 << bit)) != 0).ToList();
            var spans = absent.SelectMany(a => conditions.ByParameter.TryGetValue(a, out var found) ? found : Array.Empty<SqlSpan>()).ToList();
            var variant = SqlBinder.Bind(SqlOptionalConditions.Omit(sql, conditions, spans, keepPositions: true), dialect, composed.Schema);
            var findings = new List<Diagnostic>();
            var when = " when " + string.Join(" and ", absent.Select(a => "'@" + a + "'")) + (absent.Count == 1 ? " is null" : " are null");
            CheckIndexes(variant, schema, literal, findings, when);
            if (findings.FirstOrDefault(d => d.Id == Rules.MissingIndex.Id) is { } missing)
            {
                yield return missing;
                yield break;
            }
        }
    }

    private static IEnumerable<Diagnostic> Check(BoundStatement bound, CompilationSchema schema, ComposedSchema composed, LiteralLocator literal)
    {
        var list = new List<Diagnostic>();

        // NG1003
        if (bound.IsUpdateOrDeleteWithoutWhere)
        {
            var keyword = bound.StatementKeyword;
            var loc = keyword.HasValue ? literal.Inside(keyword.Value.Start, keyword.Value.Length) : literal.Whole;
            var verb = bound.Kind.ToString().ToUpperInvariant().Contains("DELETE") ? "DELETE" : "UPDATE";
            list.Add(Diagnostic.Create(Rules.UpdateWithoutWhere, loc, verb, bound.TargetTable?.Name ?? bound.Tables.FirstOrDefault()?.Name ?? "?"));
        }

        // NG1005
        foreach (var star in bound.StarSpans)
        {
            list.Add(Diagnostic.Create(Rules.SelectStar, literal.Inside(star.Start, star.Length), literal.Text(star.Start, star.Length)));
        }

        // NG2001 / NG2002 / NG2003
        var knowsTables = composed.Schema.Tables.Count > 0;
        foreach (var problem in bound.Problems)
        {
            DiagnosticDescriptor? descriptor = problem.Kind switch
            {
                SqlBindingProblemKind.UnknownTable => knowsTables ? Rules.UnknownTable : null,
                SqlBindingProblemKind.UnknownColumn => Rules.UnknownColumn,
                SqlBindingProblemKind.AmbiguousColumn => Rules.AmbiguousColumn,
                _ => null,
            };
            if (descriptor == null)
            {
                continue;
            }

            var message = problem.Message;
            if (problem.Kind == SqlBindingProblemKind.UnknownTable && !schema.HasFiles && !message.Contains("did you mean"))
            {
                message += "; declare it with a [Table] type, or pass its DDL to the compiler: <AdditionalFiles Include=\"Migrations/*.sql\" />";
            }

            list.Add(Diagnostic.Create(descriptor, literal.Inside(problem.Start, problem.Length), message));
        }

        // NG2008
        if (bound.TargetTable != null && bound.MissingInsertColumns.Count > 0)
        {
            var span = bound.InsertColumnsSpan;
            var loc = span.HasValue ? literal.Inside(span.Value.Start, span.Value.Length) : literal.Whole;
            foreach (var column in bound.MissingInsertColumns)
            {
                list.Add(Diagnostic.Create(Rules.InsertMissingColumn, loc, bound.TargetTable.Name, column.Name));
            }
        }

        CheckIndexes(bound, schema, literal, list);

        // NG4001 - NG4004
        foreach (var finding in ProtectionRules.Check(bound, literal.Value))
        {
            list.Add(Diagnostic.Create(finding.Rule, literal.Inside(finding.Start, finding.Length), finding.Arguments));
        }

        return list;
    }

    private static void CheckIndexes(BoundStatement bound, CompilationSchema schema, LiteralLocator literal, List<Diagnostic> list, string when = "")
    {
        var byTable = new Dictionary<SqlSchemaTable, List<SqlPredicateUse>>();
        foreach (var use in bound.PredicateUses)
        {
            // NG3003
            if (use.Kind == SqlPredicateKind.Like && use.HasLeadingWildcard)
            {
                var pattern = use.Pattern ?? new SqlSpan(use.Start, use.Length);
                list.Add(Diagnostic.Create(Rules.LeadingWildcard, literal.Inside(pattern.Start, pattern.Length), use.Table.Name, use.Column.Name));
                continue;
            }

            // NG3004
            if (use.IsWrapped)
            {
                if (use.Kind != SqlPredicateKind.OrderBy && use.Kind != SqlPredicateKind.GroupBy
                    && use.Table.HasIndexLeadingWith(use.Column.Name) && !use.Table.Indexes.Any(i => i.IsExpression))
                {
                    var wrapper = use.Wrapper!.Value;
                    list.Add(Diagnostic.Create(Rules.NotSargable, literal.Inside(wrapper.Start, wrapper.Length), use.WrapperName ?? "expression", use.Table.Name, use.Column.Name));
                }

                continue;
            }

            // A sort or a grouping alone is not a filter, and an index it uses does not make a filter cheap.
            if (use.Kind is SqlPredicateKind.GroupBy or SqlPredicateKind.OrderBy)
            {
                continue;
            }

            if (!byTable.TryGetValue(use.Table, out var uses))
            {
                byTable[use.Table] = uses = new List<SqlPredicateUse>();
            }

            uses.Add(use);
        }

        // NG3001
        foreach (var pair in byTable)
        {
            var table = pair.Key;
            var uses = pair.Value;
            if (table.IsView || table.HasUnknownColumns)
            {
                continue;
            }

            var suggestion = MissingIndex(table, uses, bound);
            if (suggestion == null)
            {
                continue;
            }

            var (columns, first) = suggestion.Value;
            var entity = schema.Entities.TryGetValue(table.Name, out var e) ? e : null;
            var properties = ImmutableDictionary<string, string?>.Empty;
            var additional = Enumerable.Empty<Location>();
            if (entity != null)
            {
                var members = columns.Select(c => entity.MemberForColumn(c)?.Name).ToList();
                if (members.All(m => m != null))
                {
                    properties = properties.Add(MembersProperty, string.Join(",", members));
                    additional = entity.TypeLocations;
                }
            }

            var filtered = uses.Where(u => u.Kind != SqlPredicateKind.JoinKey).OrderBy(u => u.Kind == SqlPredicateKind.Equality ? 0 : 1).ThenBy(u => u.Start)
                .Select(u => u.Column.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var what = filtered.Count > 0 ? Describe(filtered) : $"the join on '{string.Join("', '", columns)}'";
            list.Add(Diagnostic.Create(Rules.MissingIndex, literal.Inside(first.Start, first.Length), additional, properties, table.Name, what + when, string.Join(", ", columns)));
        }
    }

    /// <summary>
    /// The index a table's predicates need and lack, or null. A table is served when one of its filters leads an
    /// index; a table with no filter of its own needs an index on its join key only when it is looked up from a
    /// filtered table (when neither is filtered both are read whole). The suggestion is an index the planner would
    /// use: equality filters first, then one range, leaving out filters under an OR.
    /// </summary>
    private static (List<string> Columns, SqlPredicateUse First)? MissingIndex(SqlSchemaTable table, List<SqlPredicateUse> uses, BoundStatement bound)
    {
        var filters = uses.Where(u => u.Kind != SqlPredicateKind.JoinKey).ToList();
        var joins = uses.Where(u => u.Kind == SqlPredicateKind.JoinKey).ToList();
        if (filters.Count > 0)
        {
            var plain = filters.Where(u => !u.UnderOr).ToList();
            var covered = plain.Any(u => table.HasIndexLeadingWith(u.Column.Name))
                || (plain.Count == 0 && filters.All(u => table.HasIndexLeadingWith(u.Column.Name)));
            if (covered)
            {
                return null;
            }

            var equalities = plain.Where(u => u.Kind is SqlPredicateKind.Equality or SqlPredicateKind.InList).OrderBy(u => u.Start).Select(u => u.Column.Name);
            var range = plain.Where(u => u.Kind is SqlPredicateKind.Range or SqlPredicateKind.Like).OrderBy(u => u.Start).Select(u => u.Column.Name).Take(1);
            var columns = equalities.Concat(range).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (columns.Count == 0)
            {
                columns.Add(filters.First(u => !table.HasIndexLeadingWith(u.Column.Name)).Column.Name);
            }

            return (columns, filters.OrderBy(u => u.Start).First());
        }

        foreach (var join in joins)
        {
            if (table.HasIndexLeadingWith(join.Column.Name))
            {
                continue;
            }

            var partner = join.Partner ?? bound.PredicateUses.FirstOrDefault(u => u.Kind == SqlPredicateKind.JoinKey && u != join && u.Table != table && string.Equals(u.Column.Name, join.Column.Name, StringComparison.OrdinalIgnoreCase));
            if (partner == null || partner.Table.IsView || partner.Table.HasUnknownColumns)
            {
                continue;
            }

            // A filtered partner is where the planner starts: this table is then looked up by the join key.
            // When neither table is filtered both are read whole, and a hash join needs no index.
            var partnerFiltered = bound.PredicateUses.Any(u => u.Table == partner.Table && !u.IsWrapped && u.Kind is not (SqlPredicateKind.JoinKey or SqlPredicateKind.OrderBy or SqlPredicateKind.GroupBy));
            if (partnerFiltered)
            {
                return (new List<string> { join.Column.Name }, join);
            }
        }

        return null;
    }

    /// <summary>Maps offsets in the SQL value to source locations inside the literal (see <see cref="SqlLiteralMap"/>).</summary>
    private sealed class LiteralLocator
    {
        private readonly ExpressionSyntax _expression;
        private readonly string? _literal;
        private readonly string _value;

        public LiteralLocator(ExpressionSyntax expression, string value)
        {
            _expression = expression;
            _value = value;
            Whole = expression.GetLocation();
            if (expression is LiteralExpressionSyntax literal && literal.Token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken)
            {
                _literal = literal.Token.Text;
            }
        }

        public Location Whole { get; }

        /// <summary>The SQL.</summary>
        public string Value => _value;

        public string Text(int start, int length)
            => start >= 0 && length >= 0 && start + length <= _value.Length ? _value.Substring(start, length) : "*";

        public Location Inside(int start, int length)
        {
            if (_literal == null || !SqlLiteralMap.TryMap(_literal, start, length, out var literalStart, out var literalLength))
            {
                return Whole;
            }

            return Location.Create(_expression.SyntaxTree, new TextSpan(_expression.SpanStart + literalStart, literalLength));
        }
    }
}
