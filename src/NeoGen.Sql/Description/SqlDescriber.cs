namespace NeoGen.Sql;

/// <summary>Describes a statement for code generation: parameters, result columns, tables. Never throws.</summary>
public static class SqlDescriber
{
    /// <summary>Describes <paramref name="sql"/> as written for <paramref name="dialect"/>.</summary>
    public static SqlDescription Describe(string sql, SqlDialect dialect)
    {
        throw new System.NotImplementedException("being written");
    }
}
