using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Emitting;
using NeoGen.Generator.Model;
using NeoGen.Generator.Parsing;
using NeoGen.Generator.Planning;
using NeoGen.Shared;

namespace NeoGen.Generator;

/// <summary>
/// Writes one implementation class per [Repository] interface and dialect. The pipeline: parse each
/// interface (and each [Table] type) into equatable models, combine them, plan and emit into text,
/// then add the sources and report the diagnostics from two separate outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RepositoryGenerator : IIncrementalGenerator
{
    public const string ParseStep = "NeoGen.Repositories";
    public const string TablesStep = "NeoGen.Tables";
    public const string EmitStep = "NeoGen.Emit";
    public const string SchemaFilesStep = "NeoGen.SchemaFiles";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var repositories = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.RepositoryAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, cancellationToken) => SafeParse(syntaxContext, cancellationToken))
            .WithTrackingName(ParseStep);

        var tables = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.TableAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, _) => syntaxContext.TargetSymbol is ITypeSymbol type ? EntityParser.Parse(type) : null)
            .Where(static t => t is not null)
            .Select(static (t, _) => t!)
            .Collect()
            .WithTrackingName(TablesStep);

        // Schema files (.sql AdditionalFiles) name the columns of tables that have no [Table] type.
        var schemaFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => (FileName: System.IO.Path.GetFileName(file.Path), Text: file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, cancellationToken) => SafeSchema(files, cancellationToken))
            .WithTrackingName(SchemaFilesStep);

        var emitted = repositories.Combine(tables).Combine(schemaFiles)
            .Select(static (pair, _) => Emit(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(EmitStep);

        context.RegisterSourceOutput(emitted.Select(static (e, _) => e.Sources), static (output, sources) =>
        {
            foreach (var source in sources)
            {
                output.AddSource(source.HintName, source.Text);
            }
        });

        // Diagnostics are re-anchored on the current syntax trees, so '#pragma warning disable' applies to
        // them (a location rebuilt from a file path alone is treated as an external file and ignores pragmas).
        context.RegisterSourceOutput(
            emitted.Select(static (e, _) => e.Diagnostics).Combine(context.CompilationProvider),
            static (output, pair) =>
            {
                if (pair.Left.Count == 0)
                {
                    return;
                }

                var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
                foreach (var tree in pair.Right.SyntaxTrees)
                {
                    trees[tree.FilePath] = tree;
                }

                foreach (var diagnostic in pair.Left)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic(trees));
                }
            });
    }

    private static RepositoryParseResult SafeParse(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
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
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.From(context.TargetNode), context.TargetSymbol.Name, Describe(exception)),
            }.ToEquatableArray());
        }
    }

    private static SchemaFileTables SafeSchema(ImmutableArray<(string FileName, string Text)> files, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return SchemaFileTables.Build(files, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The schema parser promises not to throw; if it ever does, queries are checked without the files.
            return SchemaFileTables.Empty;
        }
    }

    private static string Describe(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return $"{exception.GetType().Name}: {exception.Message} {frame}";
    }

    private static EmitResult Emit(RepositoryParseResult parsed, ImmutableArray<EntityModel> tables, SchemaFileTables schemaFiles)
    {
        var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
        var sources = new List<GeneratedSource>();
        var repository = parsed.Model;
        if (repository is null)
        {
            return new EmitResult(EquatableArray<GeneratedSource>.Empty, diagnostics.ToEquatableArray());
        }

        var hintBase = (repository.Namespace.Length > 0 ? repository.Namespace + "." : string.Empty)
            + string.Concat(repository.ContainingTypes.Select(c => c.Split(' ').Last() + "."))
            + repository.InterfaceName;
        var emitted = new List<RepositoryTarget>();
        foreach (var target in repository.Targets)
        {
            var dialect = DialectEmitter.For(target.Dialect);
            if (dialect is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DialectNotSupported, target.Location, "Generating a repository", QueryPlanner.DialectName(target.Dialect), "this version of NeoGen generates SQLite and PostgreSQL repositories; MySQL and SQL Server follow"));
                continue;
            }

            var providerPresent = target.Dialect == 0 ? repository.HasSqliteProvider : repository.HasNpgsqlProvider;
            if (!providerPresent)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProviderNotReferenced, target.Location, dialect.Name, target.Dialect == 0 ? "Microsoft.Data.Sqlite" : "Npgsql"));
                continue;
            }

            try
            {
                var planned = repository.Methods.Select(method => QueryPlanner.Plan(method, target.Dialect, tables, schemaFiles.For(target.Dialect), repository.Entity, diagnostics)).ToList();
                sources.Add(new GeneratedSource(hintBase + "." + dialect.Name + ".g.cs", new RepositoryEmitter(repository, target, dialect, planned).Emit()));
                emitted.Add(target);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, target.Location, repository.InterfaceName, Describe(exception)));
            }
        }

        if (emitted.Count > 0)
        {
            sources.Add(new GeneratedSource(hintBase + ".Factory.g.cs", FactoryEmitter.Emit(repository, emitted)));
        }

        // A statement is checked once per dialect; report each finding once.
        return new EmitResult(sources.ToEquatableArray(), diagnostics.Distinct().ToEquatableArray());
    }
}

/// <summary>One generated file.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>What one repository produced: its files and its diagnostics.</summary>
public sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics);
