using System;

namespace NeoGen;

/// <summary>
/// Generates an implementation of the partial interface for <see cref="Dialect"/>. Put several on one
/// interface to get one implementation per dialect.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class RepositoryAttribute : Attribute
{
    /// <summary>Generates an implementation for <paramref name="dialect"/>.</summary>
    public RepositoryAttribute(Dialect dialect = Dialect.Sqlite) => Dialect = dialect;

    /// <summary>The dialect of the generated implementation.</summary>
    public Dialect Dialect { get; }

    /// <summary>The generated class name, or null for <c>{Dialect}{InterfaceNameWithoutI}</c>.</summary>
    public string? ImplementationName { get; set; }
}

/// <summary>The SQL a repository method runs. Parameters are written <c>@name</c> in every dialect.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Runs <paramref name="sql"/>; it must be a compile-time constant.</summary>
    public QueryAttribute(string sql) => Sql = sql;

    /// <summary>The statement.</summary>
    public string Sql { get; }
}
