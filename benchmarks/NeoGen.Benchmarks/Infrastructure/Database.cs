namespace NeoGen.Benchmarks;

/// <summary>The database a benchmark class runs against.</summary>
public enum Database
{
    /// <summary>A SQLite file in a temporary directory, created and seeded in GlobalSetup.</summary>
    Sqlite,

    /// <summary>PostgreSQL over loopback; the connection string comes from <c>NEOGEN_POSTGRES</c>.</summary>
    PostgreSql,

    /// <summary>MariaDB over loopback; the connection string comes from <c>NEOGEN_MARIADB</c>.</summary>
    MariaDb,
}

/// <summary>The workloads, after the TechEmpower database tests.</summary>
public enum Workload
{
    SingleRowByKey,
    TwentyRowsByKey,
    AllFortunes,
    UpdateTwentyRows,
    InsertOneRow,
    UpsertOneRow,
    Fetch1000Rows,
    BulkInsert10000,
}
