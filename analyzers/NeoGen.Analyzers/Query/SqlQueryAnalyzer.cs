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
using NeoGen.Analyzers.Diagnostics;
using NeoGen.Analyzers.Schema;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Analyzers.Query;

/// <summary>
/// Checks the SQL of <c>[Query]</c> methods (and the filters of derived query methods) against the compilation's schema:
/// NG1003, NG1005, NG2001–NG2004, NG2007, NG2008, NG3001–NG3004; schema file errors as NG1002.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlQueryAnalyzer : DiagnosticAnalyzer
{
    public const string MembersProperty = "Members";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        QueryDescriptors.SchemaFileError,
        QueryDescriptors.UpdateWithoutWhere,
        QueryDescriptors.SelectStar,
        QueryDescriptors.UnknownTable,
        QueryDescriptors.UnknownColumn,
        QueryDescriptors.AmbiguousColumn,
        QueryDescriptors.IncompatibleParameter,
        QueryDescriptors.NullableIntoNonNullable,
        QueryDescriptors.InsertMissingColumn,
        QueryDescriptors.MissingIndex,
        QueryDescriptors.ForeignKeyWithoutIndex,
        QueryDescriptors.LeadingWildcard,
        QueryDescriptors.NotSargable);

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
            var lazy = new Lazy<CompilationSchema>(
                () => Safe(() => CompilationSchemaCache.GetOrBuild(compilation, files, () => CompilationSchema.Build(compilation, files, hasSqlFiles ? FileDialect(compilation) : SqlDialect.Sqlite, CancellationToken.None)), CompilationSchema.Empty),
                LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterSymbolAction(c => Safe(() => AnalyzeType(c, lazy)), SymbolKind.NamedType);
            start.RegisterSymbolAction(c => Safe(() => AnalyzeForeignKey(c, lazy)), SymbolKind.Property);
            start.RegisterAdditionalFileAction(c => Safe(() => AnalyzeFile(c, lazy)));
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

    /// <summary>Schema files are read in the dialect most repositories use (SQLite when none says).</summary>
    private static SqlDialect FileDialect(Compilation compilation)
    {
        var counts = new int[4];
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
                var d = text.Contains("PostgreSql") ? 1 : text.Contains("MySql") ? 2 : text.Contains("SqlServer") ? 3 : 0;
                counts[d]++;
            }
        }

        var best = 0;
        for (var i = 1; i < 4; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return (SqlDialect)best;
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, Lazy<CompilationSchema> lazy)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || !lazy.Value.FileErrors.TryGetValue(path, out var errors))
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text == null)
        {
            return;
        }

        foreach (var (message, start, length) in errors)
        {
            var s = Math.Max(0, Math.Min(start, text.Length));
            var span = new TextSpan(s, Math.Max(0, Math.Min(length, text.Length - s)));
            var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(QueryDescriptors.SchemaFileError, location, System.IO.Path.GetFileName(path), message));
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
        var table = entity == null ? null : schema.Schema.FindTable(entity.Table);
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
            QueryDescriptors.ForeignKeyWithoutIndex,
            location,
            entity!.TypeLocations,
            ImmutableDictionary<string, string?>.Empty.Add(MembersProperty, property.Name),
            table.Name,
            member.Column,
            property.Name));
    }

    private static void AnalyzeType(SymbolAnalysisContext context, Lazy<CompilationSchema> lazy)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type)
        {
            return;
        }

        var dialects = new List<SqlDialect>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsNamed(KnownNames.RepositoryAttribute))
            {
                var d = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int i && i >= 0 && i <= 3 ? (SqlDialect)i : SqlDialect.Sqlite;
                if (!dialects.Contains(d))
                {
                    dialects.Add(d);
                }
            }
        }

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
                Safe(() => AnalyzeDerived(context, schema, method, entityType));
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

    private static void AnalyzeDerived(SymbolAnalysisContext context, CompilationSchema schema, IMethodSymbol method, INamedTypeSymbol entityType)
    {
        var entity = schema.EntityFor(entityType);
        if (entity == null)
        {
            return;
        }

        var table = schema.Schema.FindTable(entity.Table);
        if (table == null || table.IsView)
        {
            return;
        }

        var parsed = DerivedQueryNames.Parse(method.Name, entity.Members.Select(m => m.PropertyName).ToList());
        if (parsed == null || parsed.Value.Filtered.Count == 0)
        {
            return;
        }

        var columns = new List<string>();
        var members = new List<string>();
        foreach (var name in parsed.Value.Filtered)
        {
            var member = entity.MemberByName(name);
            if (member != null && !columns.Contains(member.Column))
            {
                columns.Add(member.Column);
                members.Add(member.PropertyName);
            }
        }

        if (columns.Count == 0 || columns.Any(c => table.HasIndexLeadingWith(c)))
        {
            return;
        }

        var location = method.Locations.FirstOrDefault(l => l.IsInSource);
        if (location == null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            QueryDescriptors.MissingIndex,
            location,
            entity.TypeLocations,
            ImmutableDictionary<string, string?>.Empty.Add(MembersProperty, string.Join(",", members)),
            table.Name,
            Describe(columns),
            string.Join(", ", columns)));
    }

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

        var literal = new LiteralLocator(argument, sql.Length);
        var reported = new HashSet<(string, int, int, string)>();
        foreach (var dialect in dialects)
        {
            var bound = SqlBinder.Bind(sql, dialect, schema.Schema);
            if (bound.Errors.Count > 0 || bound.Statement == null)
            {
                continue;
            }

            foreach (var diagnostic in Check(bound, schema, method, literal))
            {
                var key = (diagnostic.Id, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length, diagnostic.GetMessage());
                if (reported.Add(key))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> Check(BoundStatement bound, CompilationSchema schema, IMethodSymbol method, LiteralLocator literal)
    {
        var list = new List<Diagnostic>();

        // NG1003
        if (bound.IsUpdateOrDeleteWithoutWhere)
        {
            var keyword = bound.StatementKeyword;
            var loc = keyword.HasValue ? literal.Inside(keyword.Value.Start, keyword.Value.Length) : literal.Whole;
            var verb = bound.Kind.ToString().ToUpperInvariant().Contains("DELETE") ? "DELETE" : "UPDATE";
            list.Add(Diagnostic.Create(QueryDescriptors.UpdateWithoutWhere, loc, verb, bound.TargetTable?.Name ?? bound.Tables.FirstOrDefault()?.Name ?? "?"));
        }

        // NG1005
        foreach (var star in bound.StarSpans)
        {
            list.Add(Diagnostic.Create(QueryDescriptors.SelectStar, literal.Inside(star.Start, star.Length), literal.Text(star.Start, star.Length)));
        }

        // NG2001 / NG2002 / NG2003
        var knowsTables = schema.Schema.Tables.Count > 0;
        foreach (var problem in bound.Problems)
        {
            DiagnosticDescriptor? descriptor = problem.Kind switch
            {
                SqlBindingProblemKind.UnknownTable => knowsTables ? QueryDescriptors.UnknownTable : null,
                SqlBindingProblemKind.UnknownColumn => QueryDescriptors.UnknownColumn,
                SqlBindingProblemKind.AmbiguousColumn => QueryDescriptors.AmbiguousColumn,
                _ => null,
            };
            if (descriptor != null)
            {
                list.Add(Diagnostic.Create(descriptor, literal.Inside(problem.Start, problem.Length), problem.Message));
            }
        }

        // NG2008
        if (bound.TargetTable != null && bound.MissingInsertColumns.Count > 0)
        {
            var span = bound.InsertColumnsSpan;
            var loc = span.HasValue ? literal.Inside(span.Value.Start, span.Value.Length) : literal.Whole;
            foreach (var column in bound.MissingInsertColumns)
            {
                list.Add(Diagnostic.Create(QueryDescriptors.InsertMissingColumn, loc, bound.TargetTable.Name, column.Name));
            }
        }

        CheckParameters(bound, method, literal, list);
        CheckResult(bound, method, literal, list);
        CheckIndexes(bound, schema, literal, list);
        return list;
    }

    private static void CheckParameters(BoundStatement bound, IMethodSymbol method, LiteralLocator literal, List<Diagnostic> list)
    {
        foreach (var p in bound.Parameters)
        {
            if (p.Column == null || p.Table == null
                || p.Role is not (SqlParameterRole.Comparison or SqlParameterRole.InListItem or SqlParameterRole.InCollection or SqlParameterRole.Between or SqlParameterRole.Assignment or SqlParameterRole.InsertValue))
            {
                continue;
            }

            var parameter = method.Parameters.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter == null)
            {
                continue;
            }

            var type = parameter.Type;
            if (p.Role == SqlParameterRole.InCollection)
            {
                type = Element(type) ?? type;
            }

            var category = TypeCategories.Column(type, out _);
            if (category == null || TypeCategories.Compatible(category.Value, p.Column.Type))
            {
                continue;
            }

            var how = p.Role is SqlParameterRole.Assignment or SqlParameterRole.InsertValue ? "assigned to" : "compared with";
            list.Add(Diagnostic.Create(
                QueryDescriptors.IncompatibleParameter,
                literal.Inside(p.Start, p.Length),
                p.Name,
                parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                how,
                p.Table.Name,
                p.Column.Name,
                p.Column.DeclaredType ?? p.Column.Type.ToString()));
        }
    }

    private static ITypeSymbol? Element(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol named && named.SpecialType != SpecialType.System_String)
        {
            foreach (var i in named.AllInterfaces.Concat(new[] { named }))
            {
                if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && i.TypeArguments.Length == 1)
                {
                    return i.TypeArguments[0];
                }
            }
        }

        return null;
    }

    private static ITypeSymbol? ResultElement(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } task && task.TypeArguments.Length == 1
            && task.Name is "Task" or "ValueTask" && task.ContainingNamespace.IsNamed("System.Threading.Tasks"))
        {
            type = task.TypeArguments[0];
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1
            && generic.Name is "List" or "IReadOnlyList" or "IEnumerable" or "IAsyncEnumerable" or "IList" or "ICollection" or "IReadOnlyCollection")
        {
            return generic.TypeArguments[0];
        }

        return type;
    }

    private static void CheckResult(BoundStatement bound, IMethodSymbol method, LiteralLocator literal, List<Diagnostic> list)
    {
        if (bound.ResultColumns.Count == 0 || method.ReturnsVoid)
        {
            return;
        }

        var element = ResultElement(method.ReturnType);
        if (element is not INamedTypeSymbol type || type.IsTupleType || type.SpecialType != SpecialType.None
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || TypeCategories.Category(type) != null
            || type.ContainingNamespace.IsNamedAny("System", "System.Threading.Tasks"))
        {
            return;
        }

        var properties = new List<IPropertySymbol>();
        for (ITypeSymbol? current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            properties.AddRange(current.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public));
        }

        foreach (var column in bound.ResultColumns)
        {
            if (!column.IsNullable || column.Name == null)
            {
                continue;
            }

            var member = properties.FirstOrDefault(p => ColumnName(p) is { } c && string.Equals(c, column.Name, StringComparison.OrdinalIgnoreCase))
                         ?? properties.FirstOrDefault(p => string.Equals(p.Name, column.Name, StringComparison.OrdinalIgnoreCase))
                         ?? properties.FirstOrDefault(p => string.Equals(Naming.ToSnakeCase(p.Name), column.Name, StringComparison.OrdinalIgnoreCase));
            if (member == null || !NonNullable(member.Type))
            {
                continue;
            }

            var why = column.SourceColumn != null && !column.SourceColumn.IsNullable ? " (it comes from the optional side of an outer join)" : string.Empty;
            list.Add(Diagnostic.Create(QueryDescriptors.NullableIntoNonNullable, literal.Inside(column.Start, column.Length), column.Name, why, type.Name, member.Name));
        }
    }

    private static string? ColumnName(IPropertySymbol property)
    {
        foreach (var a in property.GetAttributes())
        {
            if (a.AttributeClass.IsNamedAny(KnownNames.ColumnAttribute, KnownNames.DataAnnotationsColumn)
                && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string s && s.Length > 0)
            {
                return s;
            }
        }

        return null;
    }

    private static bool NonNullable(ITypeSymbol type)
    {
        if (type.IsValueType)
        {
            return type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && type.TypeKind != TypeKind.TypeParameter;
        }

        return type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.NotAnnotated;
    }

    private static void CheckIndexes(BoundStatement bound, CompilationSchema schema, LiteralLocator literal, List<Diagnostic> list)
    {
        var byTable = new Dictionary<SqlSchemaTable, List<SqlPredicateUse>>();
        foreach (var use in bound.PredicateUses)
        {
            // NG3003
            if (use.Kind == SqlPredicateKind.Like && use.HasLeadingWildcard)
            {
                var pattern = use.Pattern ?? new SqlSpan(use.Start, use.Length);
                list.Add(Diagnostic.Create(QueryDescriptors.LeadingWildcard, literal.Inside(pattern.Start, pattern.Length), use.Table.Name, use.Column.Name));
                continue;
            }

            // NG3004
            if (use.IsWrapped)
            {
                if (use.Kind != SqlPredicateKind.OrderBy && use.Kind != SqlPredicateKind.GroupBy
                    && use.Table.HasIndexLeadingWith(use.Column.Name) && !use.Table.Indexes.Any(i => i.IsExpression))
                {
                    var wrapper = use.Wrapper!.Value;
                    list.Add(Diagnostic.Create(QueryDescriptors.NotSargable, literal.Inside(wrapper.Start, wrapper.Length), use.WrapperName ?? "expression", use.Table.Name, use.Column.Name));
                }

                continue;
            }

            if (use.Kind == SqlPredicateKind.GroupBy)
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
            if (table.IsView || table.HasUnknownColumns || !uses.Any(u => u.Kind != SqlPredicateKind.OrderBy))
            {
                continue;
            }

            if (uses.Any(u => table.HasIndexLeadingWith(u.Column.Name)))
            {
                continue;
            }

            var filters = uses.Where(u => u.Kind != SqlPredicateKind.OrderBy).OrderBy(u => u.Kind == SqlPredicateKind.Equality ? 0 : 1).ThenBy(u => u.Start).ToList();
            var columns = new List<string>();
            foreach (var u in filters)
            {
                if (!columns.Contains(u.Column.Name, StringComparer.OrdinalIgnoreCase))
                {
                    columns.Add(u.Column.Name);
                }
            }

            var first = uses.Where(u => u.Kind != SqlPredicateKind.OrderBy).OrderBy(u => u.Start).First();
            var entity = schema.Entities.TryGetValue(table.Name, out var e) ? e : null;
            var properties = ImmutableDictionary<string, string?>.Empty;
            var additional = Enumerable.Empty<Location>();
            if (entity != null)
            {
                var members = columns.Select(c => entity.MemberForColumn(c)?.PropertyName).ToList();
                if (members.All(m => m != null))
                {
                    properties = properties.Add(MembersProperty, string.Join(",", members));
                    additional = entity.TypeLocations;
                }
            }

            list.Add(Diagnostic.Create(QueryDescriptors.MissingIndex, literal.Inside(first.Start, first.Length), additional, properties, table.Name, Describe(columns), string.Join(", ", columns)));
        }
    }

    /// <summary>Maps offsets in the SQL value to source locations inside the literal.</summary>
    private sealed class LiteralLocator
    {
        private readonly ExpressionSyntax _expression;
        private readonly int _delta = -1;
        private readonly string _value = string.Empty;

        public LiteralLocator(ExpressionSyntax expression, int valueLength)
        {
            _expression = expression;
            Whole = expression.GetLocation();
            if (expression is LiteralExpressionSyntax literal && literal.Token.IsKind(SyntaxKind.StringLiteralToken))
            {
                var text = literal.Token.Text;
                if (text.StartsWith("@\"", StringComparison.Ordinal) && text.IndexOf("\"\"", 2, StringComparison.Ordinal) < 0)
                {
                    _delta = 2;
                }
                else if (text.StartsWith("\"", StringComparison.Ordinal) && !text.StartsWith("\"\"\"", StringComparison.Ordinal) && text.IndexOf('\\') < 0)
                {
                    _delta = 1;
                }

                if (_delta > 0)
                {
                    var length = text.Length - _delta - 1;
                    if (length != valueLength || length < 0)
                    {
                        _delta = -1;
                    }
                    else
                    {
                        _value = text.Substring(_delta, length);
                    }
                }
            }
        }

        public Location Whole { get; }

        public string Text(int start, int length)
            => _delta > 0 && start >= 0 && length >= 0 && start + length <= _value.Length ? _value.Substring(start, length) : "*";

        public Location Inside(int start, int length)
        {
            if (_delta < 0 || start < 0 || length < 0 || start + length > _value.Length)
            {
                return Whole;
            }

            return Location.Create(_expression.SyntaxTree, new TextSpan(_expression.SpanStart + _delta + start, length));
        }
    }
}
