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

/// <summary>
/// Marks a parameter of a derived query or a <see cref="QueryAttribute"/> method as an optional filter: when its value is
/// null, the condition that uses it is left out of the statement. NeoGen writes and checks one statement per
/// combination of present and absent filters at build time (never <c>@p IS NULL OR col = @p</c>, which keeps an index
/// from being used), and prepares each on first use. The parameter must be nullable; in SQL, the condition that uses it
/// must be joined to the rest of the WHERE clause with AND and use no parameter that is not optional.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OptionalFilterAttribute : Attribute
{
}
