using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace NeoGen.Analyzers.Injection;

/// <summary>The well-known types that take SQL text, looked up once per compilation.</summary>
internal sealed class SqlSinks
{
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _commandTypes = new(SymbolEqualityComparer.Default);

    private SqlSinks(Compilation compilation)
    {
        DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        IDbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        DbBatchCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbBatchCommand");
        SqlMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
        CommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
    }

    /// <summary>System.Data.Common.DbDataSource (.NET 7+): <c>CreateCommand(string commandText)</c>.</summary>
    public INamedTypeSymbol? DbDataSource { get; }

    public bool IsDataSourceType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, DbDataSource))
            {
                return true;
            }
        }

        return false;
    }

    public INamedTypeSymbol? DbCommand { get; }

    public INamedTypeSymbol? IDbCommand { get; }

    public INamedTypeSymbol? DbBatchCommand { get; }

    public INamedTypeSymbol? SqlMapper { get; }

    public INamedTypeSymbol? CommandDefinition { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    /// <summary>Null when the compilation has no ADO.NET and no Dapper: nothing to analyze.</summary>
    public static SqlSinks? Create(Compilation compilation)
    {
        var sinks = new SqlSinks(compilation);
        return sinks.DbCommand is null && sinks.IDbCommand is null && sinks.DbBatchCommand is null && sinks.SqlMapper is null
            ? null
            : sinks;
    }

    /// <summary>A command type: derives from DbCommand or DbBatchCommand, or is/implements IDbCommand.</summary>
    public bool IsCommandType(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        return _commandTypes.GetOrAdd(type, ComputeIsCommandType);
    }

    private bool ComputeIsCommandType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, DbCommand) || Is(current, DbBatchCommand) || Is(current, IDbCommand))
            {
                return true;
            }
        }

        if (IDbCommand is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, IDbCommand))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
}
