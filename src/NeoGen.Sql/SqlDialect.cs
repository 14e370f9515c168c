namespace NeoGen.Sql;

/// <summary>The SQL dialects NeoGen understands.</summary>
public enum SqlDialect
{
    Sqlite = 0,
    PostgreSql = 1,
    MySql = 2,
    SqlServer = 3,
}

/// <summary>What a statement does.</summary>
public enum SqlStatementKind
{
    Unknown = 0,
    Select = 1,
    Insert = 2,
    Update = 3,
    Delete = 4,
    Merge = 5,
    Ddl = 6,
    Other = 7,
}
