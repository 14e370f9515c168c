using NeoGen.Sql;

namespace NeoGen.Generator.Dialects;

/// <summary>The databases the generator writes repositories for: one line each.</summary>
internal static class TargetDialects
{
    private static readonly TargetDialect Sqlite = new SqliteTarget();
    private static readonly TargetDialect PostgreSql = new PostgreSqlTarget();
    private static readonly TargetDialect MySql = new MySqlTarget();
    private static readonly TargetDialect SqlServer = new SqlServerTarget();

    /// <summary>The target for <paramref name="dialect"/>, or null when NeoGen does not generate it yet (NG0007).</summary>
    public static TargetDialect? For(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Sqlite => Sqlite,
        SqlDialect.PostgreSql => PostgreSql,
        SqlDialect.MySql => MySql,
        SqlDialect.SqlServer => SqlServer,
        _ => null,
    };
}
