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

namespace NeoGen.Generator;

/// <summary>
/// Writes one implementation class per [Repository] interface and dialect. The pipeline: parse each
/// interface (and each [Table] type) into equatable models, combine them, plan each method's SQL, emit text.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RepositoryGenerator : IIncrementalGenerator
{
    public const string ParseStep = "NeoGen.Repositories";
    public const string TablesStep = "NeoGen.Tables";

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

        context.RegisterSourceOutput(repositories.Combine(tables), static (output, pair) => Execute(output, pair.Left, pair.Right));
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
                DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, LocationInfo.From(context.TargetNode), context.TargetSymbol.Name, "NeoGen could not read this declaration (" + exception.GetType().Name + ": " + exception.Message + ")"),
            }.ToEquatableArray());
        }
    }

    private static void Execute(SourceProductionContext output, RepositoryParseResult parsed, ImmutableArray<EntityModel> tables)
    {
        foreach (var diagnostic in parsed.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        var repository = parsed.Model;
        if (repository is null)
        {
            return;
        }

        var hintBase = (repository.Namespace.Length > 0 ? repository.Namespace + "." : string.Empty) + string.Join(".", repository.ContainingTypes.Select(c => c.Split(' ').Last())) + (repository.ContainingTypes.Count > 0 ? "." : string.Empty) + repository.InterfaceName;
        var emitted = new List<RepositoryTarget>();
        foreach (var target in repository.Targets)
        {
            var dialect = DialectEmitter.For(target.Dialect);
            if (dialect is null)
            {
                var dialectName = QueryPlanner.DialectName(target.Dialect);
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DialectNotSupported, target.Location, "Generating a repository", dialectName, "this version of NeoGen generates SQLite and PostgreSQL repositories; MySQL and SQL Server follow").ToDiagnostic());
                continue;
            }

            var providerPresent = target.Dialect == 0 ? repository.HasSqliteProvider : repository.HasNpgsqlProvider;
            if (!providerPresent)
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.ProviderNotReferenced, target.Location, dialect.Name, target.Dialect == 0 ? "Microsoft.Data.Sqlite" : "Npgsql").ToDiagnostic());
                continue;
            }

            var diagnostics = new List<DiagnosticInfo>();
            var planned = new List<PlannedMethod>();
            try
            {
                foreach (var method in repository.Methods)
                {
                    planned.Add(QueryPlanner.Plan(method, target.Dialect, tables, repository.Entity, diagnostics));
                }

                var source = new RepositoryEmitter(repository, target, dialect, planned).Emit();
                output.AddSource(hintBase + "." + dialect.Name + ".g.cs", source);
                emitted.Add(target);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, target.Location, repository.InterfaceName, "NeoGen could not generate this repository (" + exception.GetType().Name + ": " + exception.Message + ")"));
            }

            // A statement is checked once per dialect; report each finding once.
            foreach (var diagnostic in diagnostics.Distinct())
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }

        if (emitted.Count > 0)
        {
            output.AddSource(hintBase + ".Factory.g.cs", FactoryEmitter.Emit(repository, emitted));
        }
    }
}
