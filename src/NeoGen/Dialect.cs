namespace NeoGen;

/// <summary>The SQL dialect a repository implementation is generated for.</summary>
public enum Dialect
{
    /// <summary>SQLite through Microsoft.Data.Sqlite (the embedded default).</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql = 1,

    /// <summary>MySQL and MariaDB through MySqlConnector.</summary>
    MySql = 2,

    /// <summary>SQL Server through Microsoft.Data.SqlClient.</summary>
    SqlServer = 3,
}
