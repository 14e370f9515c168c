using System;

namespace NeoGen;

/// <summary>
/// A data access failure, naming where it happened: the repository, the method, and where known the
/// table, column and parameter.
/// </summary>
public class NeoGenException : Exception
{
    /// <summary>Creates an exception with the given context.</summary>
    public NeoGenException(string message, string? repository = null, string? method = null, string? table = null, string? column = null, string? parameter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Repository = repository;
        Method = method;
        Table = table;
        Column = column;
        Parameter = parameter;
    }

    /// <summary>The repository interface, when the failure came from one.</summary>
    public string? Repository { get; }

    /// <summary>The repository method.</summary>
    public string? Method { get; }

    /// <summary>The table involved, where known.</summary>
    public string? Table { get; }

    /// <summary>The column involved, where known.</summary>
    public string? Column { get; }

    /// <summary>The parameter involved, where known.</summary>
    public string? Parameter { get; }

    /// <summary>
    /// For a bulk write (BulkInsert, UpdateMany, DeleteMany), the index from zero of the row that failed: known when
    /// NeoGen sent the rows one by one or the database names the row (PostgreSQL's COPY); null otherwise.
    /// </summary>
    public long? RowIndex { get; internal set; }

    /// <inheritdoc/>
    public override string Message => RowIndex is { } row ? base.Message + $" (the row at index {row})" : base.Message;
}

/// <summary>A value read from the database does not fit the member it maps to (NULL into a non-nullable member, an unknown enum name).</summary>
public sealed class NeoGenMappingException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    public NeoGenMappingException(string message, string? repository, string? method, string? table, string? column, Exception? innerException = null)
        : base(message, repository, method, table, column, null, innerException)
    {
    }
}

/// <summary>What kind of constraint a write violated.</summary>
public enum ConstraintKind
{
    /// <summary>The database did not say.</summary>
    Unknown = 0,

    /// <summary>A unique index or primary key.</summary>
    Unique = 1,

    /// <summary>A foreign key.</summary>
    ForeignKey = 2,

    /// <summary>A NOT NULL column.</summary>
    NotNull = 3,

    /// <summary>A CHECK constraint.</summary>
    Check = 4,
}

/// <summary>A write violated a constraint (duplicate key, missing referenced row, NULL into NOT NULL).</summary>
public sealed class NeoGenConstraintException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    public NeoGenConstraintException(string message, ConstraintKind kind, string? constraint, string? repository, string? method, string? table, string? column, Exception? innerException)
        : base(message, repository, method, table, column, null, innerException)
    {
        Kind = kind;
        Constraint = constraint;
    }

    /// <summary>The kind of constraint.</summary>
    public ConstraintKind Kind { get; }

    /// <summary>The constraint's name, where the database gives it.</summary>
    public string? Constraint { get; }
}

/// <summary>An update or delete found no row with the expected key and version.</summary>
public sealed class NeoGenConcurrencyException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    public NeoGenConcurrencyException(string message, string? repository, string? method, string? table)
        : base(message, repository, method, table)
    {
    }
}

/// <summary>The database refused or failed a command for another reason; the provider's exception is inside.</summary>
public sealed class NeoGenCommandException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    public NeoGenCommandException(string message, string? repository, string? method, string? table, Exception innerException)
        : base(message, repository, method, table, null, null, innerException)
    {
    }
}

/// <summary>A tenant-scoped operation without a tenant, or a row of another tenant given to a write.</summary>
public sealed class NeoGenTenantException : NeoGenException
{
    /// <summary>Creates the exception.</summary>
    public NeoGenTenantException(string message, string? table, string? column)
        : base(message, table: table, column: column)
    {
    }
}
