using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Emitting;
using NeoGen.Generator.Model;
using NeoGen.Generator.Parsing;
using NeoGen.Generator.Planning;
using NeoGen.Generator.Schema;
using NeoGen.Shared;
using NeoGen.Sql;

namespace NeoGen.Generator;

/// <summary>
/// Writes one implementation class per [Repository] interface and dialect. The pipeline: parse each interface (and
/// each [Table] type) into equatable models; combine them with the schema files into a schema snapshot; plan each
/// method per dialect (write, bind, check, rewrite) and emit text; then add the sources and report the diagnostics from
/// two separate outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RepositoryGenerator : IIncrementalGenerator
{
    public const string ParseStep = "NeoGen.Repositories";
    public const string TablesStep = "NeoGen.Tables";
    public const string EmitStep = "NeoGen.Emit";
    public const string SchemaFilesStep = "NeoGen.SchemaFiles";
    public const string SchemaStep = "NeoGen.Schema";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var repositories = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.RepositoryAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, cancellationToken) => SafeParse(syntaxContext, cancellationToken))
            .WithTrackingName(ParseStep);

        var neoGenTables = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.TableAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, _) => ReadTable(syntaxContext.TargetSymbol));
        var entityFrameworkTables = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.DataAnnotationsTable,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, _) => ReadTable(syntaxContext.TargetSymbol));
        var tables = neoGenTables.Collect().Combine(entityFrameworkTables.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).Where(t => t is not null).Select(t => t!).ToEquatableArray())
            .WithTrackingName(TablesStep);

        // Schema files (.sql AdditionalFiles), applied in file-name order like migrations, each to its dialect's schema.
        var schemaFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                pair.Right.GetOptions(pair.Left).TryGetValue(SchemaFileDialects.MetadataKey, out var declared);
                return new SchemaFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty, SchemaFileDialects.Of(pair.Left.Path, declared));
            })
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(SchemaFilesStep);

        // Files that declare no dialect describe the database most repositories use; equal while that majority holds.
        var undeclaredFileDialect = repositories
            .Select(static (parsed, _) => parsed.Model?.Targets ?? EquatableArray<RepositoryTarget>.Empty)
            .Collect()
            .Select(static (all, _) => SchemaFileDialects.Majority(all.SelectMany(targets => targets.Select(t => t.Dialect))));

        var snapshot = tables.Select(static (t, _) => t.Select(d => d.Entity).ToEquatableArray())
            .Combine(schemaFiles)
            .Combine(undeclaredFileDialect)
            .Select(static (pair, _) => new SchemaSnapshot(pair.Left.Left, pair.Left.Right, pair.Right));

        var emitted = repositories.Combine(snapshot)
            .Select(static (pair, cancellationToken) => Emit(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(EmitStep);

        context.RegisterSourceOutput(emitted.Select(static (e, _) => e.Sources), static (output, sources) =>
        {
            foreach (var source in sources)
            {
                output.AddSource(source.HintName, source.Text);
            }
        });

        // ToMasked() and a masked ToString() for [Table] types with protected members, one file per type; with
        // Microsoft.Extensions.Compliance referenced, the data classifications too.
        var hasCompliance = context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(ComplianceEmitter.ClassificationType) is not null);
        context.RegisterSourceOutput(tables.Combine(hasCompliance), static (output, pair) =>
        {
            foreach (var declaration in pair.Left)
            {
                if (declaration.Masking is { } masking)
                {
                    output.AddSource(masking.HintName, MaskingEmitter.Emit(masking, pair.Right));
                }
            }
        });
        // NeoGenSchema: the CREATE statements of every [Table] type, per database.
        var schemaScripts = tables.Select(static (t, cancellationToken) => WriteSchema(t, cancellationToken)).WithTrackingName(SchemaStep);
        var hasNpgsql = context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownNames.NpgsqlConnection) is not null);
        context.RegisterSourceOutput(schemaScripts.Combine(hasNpgsql), static (output, pair) =>
        {
            var result = pair.Left;
            if (result.Scripts.Count > 0)
            {
                var createsTypes = result.Scripts.Any(s => s.Dialect == nameof(SqlDialect.PostgreSql) && s.CreatesEnumTypes);
                output.AddSource(SchemaEmitter.HintName, SchemaEmitter.Emit(result.Scripts, pair.Right && createsTypes));
            }
        });
        RegisterDiagnostics(context, schemaScripts.Select(static (r, _) => r.Diagnostics));

        context.RegisterSourceOutput(hasCompliance, static (output, has) =>
        {
            if (has)
            {
                output.AddSource("NeoGen.DataClassifications.g.cs", ComplianceEmitter.Emit());
            }
        });

        // Diagnostics are re-anchored on the current syntax trees, so '#pragma warning disable' applies to
        // them (a location rebuilt from a file path alone is treated as an external file and ignores pragmas).
        RegisterDiagnostics(context, emitted.Select(static (e, _) => e.Diagnostics));
        RegisterDiagnostics(context, tables.Select(static (t, _) => t.SelectMany(d => d.Diagnostics).ToEquatableArray()));

        // Array members of entities whose repositories target a database without array columns: once per member.
        var entityDialects = repositories
            .Select(static (parsed, _) => parsed.Model is { Entity: { } entity } model ? new EntityUse(entity.TypeName, model.Targets.Select(t => t.Dialect.ToString()).ToEquatableArray()) : null)
            .Where(static use => use is not null)
            .Collect();
        RegisterDiagnostics(context, tables.Combine(entityDialects).Select(static (pair, _) => ArrayMembersWithoutArrayColumns(pair.Left, pair.Right!)));
    }

    /// <summary>The script of each database for the [Table] types (none without one), and what it cannot create (NG0012).</summary>
    private static SchemaScripts WriteSchema(EquatableArray<TableDeclaration> tables, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        if (!tables.Any(t => t.Entity.IsTable))
        {
            return new SchemaScripts(EquatableArray<DialectScript>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var scripts = new List<DialectScript>();
        try
        {
            foreach (var dialect in new[] { SqlDialect.Sqlite, SqlDialect.PostgreSql, SqlDialect.MySql, SqlDialect.SqlServer })
            {
                cancellationToken.ThrowIfCancellationRequested();
                scripts.Add(SchemaScriptWriter.Write(tables.ToList(), TargetDialects.For(dialect)!, diagnostics));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A crash would hide every other diagnostic of the compilation (CS8785): report it, and write no schema.
            var first = tables.First(t => t.Entity.IsTable);
            return new SchemaScripts(EquatableArray<DialectScript>.Empty, new[] { DiagnosticInfo.Create(Rules.InternalError, first.Location, "NeoGenSchema", Describe(exception)) }.ToEquatableArray());
        }

        return new SchemaScripts(scripts.ToEquatableArray(), diagnostics.ToArray());
    }

    /// <summary>NG0011 on each array member of an entity that a repository stores on a database with no array columns.</summary>
    private static EquatableArray<DiagnosticInfo> ArrayMembersWithoutArrayColumns(EquatableArray<TableDeclaration> tables, ImmutableArray<EntityUse?> uses)
    {
        var found = new List<DiagnosticInfo>();
        foreach (var table in tables)
        {
            if (table.ArrayMembers.Count == 0)
            {
                continue;
            }

            var dialects = uses.Where(u => u!.EntityTypeName == table.Entity.TypeName)
                .SelectMany(u => u!.Dialects)
                .Select(d => (SqlDialect)Enum.Parse(typeof(SqlDialect), d))
                .Distinct()
                .OrderBy(d => d)
                .ToList();
            foreach (var member in table.ArrayMembers)
            {
                var type = table.Entity.Members.First(m => m.Name == member.Name).Type;
                var without = dialects.Where(d => !ColumnTypes.IsStorable(type, d)).ToList();
                if (without.Count > 0)
                {
                    found.Add(DiagnosticInfo.Create(Rules.UnmappedMember, member.Location, table.Entity.DisplayName, member.Name, type.DisplayName, $"{DialectNames.Display(without)} {(without.Count == 1 ? "has" : "have")} no array columns"));
                }
            }
        }

        return found.ToEquatableArray();
    }

    private static void RegisterDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics)
        => context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, pair) => Report(output, pair.Left, pair.Right));

    private static void RegisterDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics)
        => context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, pair) => Report(output, pair.Left, pair.Right));

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            trees[tree.FilePath] = tree;
        }

        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic(trees));
        }
    }

    /// <summary>A [Table] type, and NG0011 for each of its members that is not a column type (reported once per type).</summary>
    private static TableDeclaration? ReadTable(ISymbol symbol)
    {
        if (symbol is not ITypeSymbol type)
        {
            return null;
        }

        try
        {
            var entity = EntityReader.Read(type);
            LocationInfo? MemberLocation(string name) => LocationInfo.From(type.GetMembers(name).FirstOrDefault()?.Locations.FirstOrDefault() ?? type.Locations.FirstOrDefault());
            var diagnostics = entity.Unmapped.Select(member => DiagnosticInfo.Create(
                Rules.UnmappedMember,
                MemberLocation(member.Name),
                entity.DisplayName,
                member.Name,
                member.TypeDisplay,
                member.Reason)).Concat(entity.ProtectionProblems.Select(member => DiagnosticInfo.Create(
                Rules.ProtectionMisuse,
                MemberLocation(member.Name),
                entity.DisplayName,
                member.Name,
                member.Reason))).ToEquatableArray();
            var arrays = entity.Members.Where(m => m.Type.Kind == ScalarKind.Array).Select(m => new ArrayMember(m.Name, MemberLocation(m.Name))).ToEquatableArray();
            string? maskingProblem = null;
            var masking = type is INamedTypeSymbol named ? MaskedTypeReader.Read(named, entity, out maskingProblem) : null;
            if (maskingProblem is not null)
            {
                diagnostics = diagnostics.Concat(new[] { DiagnosticInfo.Create(Rules.ProtectedValueInClear, LocationInfo.From(type.Locations.FirstOrDefault()), maskingProblem) }).ToEquatableArray();
            }

            return new TableDeclaration(entity, diagnostics, arrays, masking, LocationInfo.From(type.Locations.FirstOrDefault()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new TableDeclaration(
                new EntityModel(type.Name, type.Name, null, null, false, EquatableArray<MemberModel>.Empty, 0, false, false, "it could not be read", EquatableArray<IndexModel>.Empty, EquatableArray<ForeignKeyModel>.Empty, EquatableArray<UnmappedMember>.Empty),
                new[] { DiagnosticInfo.Create(Rules.InternalError, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, Describe(exception)) }.ToEquatableArray(),
                EquatableArray<ArrayMember>.Empty);
        }
    }

    private static RepositoryParseResult SafeParse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return RepositoryParser.Parse(context, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A generator crash (CS8785) hides every other message; report it as a diagnostic on the interface.
            return new RepositoryParseResult(null, new[]
            {
                DiagnosticInfo.Create(Rules.InternalError, LocationInfo.From(context.TargetNode), context.TargetSymbol.Name, Describe(exception)),
            }.ToEquatableArray());
        }
    }

    private static string Describe(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return $"{exception.GetType().Name}: {exception.Message} {frame}";
    }

    private static EmitResult Emit(RepositoryParseResult parsed, SchemaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(parsed.Diagnostics);
        var sources = new List<GeneratedSource>();
        var repository = parsed.Model;
        if (repository is null)
        {
            return new EmitResult(EquatableArray<GeneratedSource>.Empty, diagnostics.ToArray());
        }

        var hintBase = (repository.Namespace.Length > 0 ? repository.Namespace + "." : string.Empty)
            + string.Concat(repository.ContainingTypes.Select(c => c.Split(' ').Last() + "."))
            + repository.InterfaceName;
        var emitted = new List<RepositoryTarget>();
        foreach (var target in repository.Targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dialect = TargetDialects.For(target.Dialect);
            if (dialect is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.DialectNotSupported, target.Location, "Generating a repository", DialectNames.Display(target.Dialect), "this version of NeoGen generates SQLite, PostgreSQL, MySQL/MariaDB and SQL Server repositories"));
                continue;
            }

            if (!repository.ReferencedProviders.Contains(target.Dialect.ToString()))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.ProviderNotReferenced, target.Location, dialect.Name, dialect.ProviderPackage));
                continue;
            }

            try
            {
                // Reported once, on the member, by ArrayMembersWithoutArrayColumns; the CRUD methods throw here.
                var unstorable = repository.Entity?.Members.Where(m => !ColumnTypes.IsStorable(m.Type, target.Dialect)).ToList() ?? new List<MemberModel>();

                var planned = new List<PlannedMethod>();
                foreach (var method in repository.Methods)
                {
                    if (method.Source == MethodSource.Crud && unstorable.Count > 0)
                    {
                        planned.Add(new PlannedMethod(method) { FailureReason = $"NG0011: {repository.Entity!.DisplayName}.{unstorable[0].Name} cannot be stored on {dialect.DisplayName}" });
                    }
                    else if (method.Shape == ResultShape.Page)
                    {
                        // A page is its rows and its count: two derived queries of their own, called by the page method.
                        var parts = PageParts(method).Select(part => QueryPlanner.Plan(part, dialect, snapshot, repository.Entity, diagnostics)).ToList();
                        planned.AddRange(parts);
                        planned.Add(new PlannedMethod(method) { FailureReason = parts.Select(p => p.FailureReason).FirstOrDefault(r => r is not null) });
                    }
                    else
                    {
                        planned.Add(QueryPlanner.Plan(method, dialect, snapshot, repository.Entity, diagnostics));
                    }
                }

                sources.Add(new GeneratedSource(hintBase + "." + dialect.Name + ".g.cs", new RepositoryEmitter(repository, target, dialect, planned).Emit()));
                emitted.Add(target);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.InternalError, target.Location, repository.InterfaceName, Describe(exception)));
            }
        }

        if (emitted.Count > 0)
        {
            sources.Add(new GeneratedSource(hintBase + ".Factory.g.cs", FactoryEmitter.Emit(repository, emitted)));
        }

        return new EmitResult(sources.ToEquatableArray(), diagnostics.ToArray());
    }

    /// <summary>The private rows and count queries of a Page&lt;T&gt; method, with its parameters.</summary>
    private static IEnumerable<MethodModel> PageParts(MethodModel page)
    {
        var intent = page.Derived!;
        var isAsync = page.Async != AsyncKind.Sync;
        var rows = $"global::System.Collections.Generic.List<{(page.Row!.Scalar?.NullableTypeName ?? page.Row.Entity!.TypeName)}>";
        yield return page with
        {
            HelperSuffix = "__Items",
            Shape = ResultShape.List,
            Async = isAsync ? AsyncKind.ValueTask : AsyncKind.Sync,
            ReturnTypeName = isAsync ? $"global::System.Threading.Tasks.ValueTask<{rows}>" : rows,
        };
        yield return page with
        {
            HelperSuffix = "__Count",
            Shape = ResultShape.Scalar,
            Row = new RowModel(ScalarType.Int64, null, EquatableArray<TupleElementModel>.Empty, false),
            Async = isAsync ? AsyncKind.ValueTask : AsyncKind.Sync,
            ReturnTypeName = isAsync ? "global::System.Threading.Tasks.ValueTask<long>" : "long",
            Derived = intent with { Verb = DerivedVerb.Count, Columns = EquatableArray<string>.Empty, Order = EquatableArray<DerivedSort>.Empty, PageParameter = null, Distinct = false },
        };
    }
}

/// <summary>A [Table] type as the generator sees it, what is wrong with its members, and where its array members are.</summary>
internal sealed record TableDeclaration(EntityModel Entity, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<ArrayMember> ArrayMembers, MaskedTypeModel? Masking = null, LocationInfo? Location = null);

/// <summary>A member of an array type, which only some databases can store.</summary>
internal sealed record ArrayMember(string Name, LocationInfo? Location);

/// <summary>The entity a repository stores and the dialects it is generated for (names, so the record is equatable).</summary>
internal sealed record EntityUse(string EntityTypeName, EquatableArray<string> Dialects);

/// <summary>NeoGenSchema's scripts, and what they leave out.</summary>
internal sealed record SchemaScripts(EquatableArray<DialectScript> Scripts, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated file.</summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>What one repository produced: its files and its diagnostics.</summary>
internal sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics);
