using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// No SQL Server runs here: the SQL Server implementations of this project's repositories compile (with warnings as
/// errors), and every statement they hold is parsed by Microsoft's T-SQL parser. The live contract suite runs against a
/// real server when NEOGEN_SQLSERVER is set (tests/NeoGen.SqlServerTests).
/// </summary>
public sealed class SqlServerStatements
{
    public static IEnumerable<object[]> Repositories() => typeof(SqlServerStatements).Assembly.GetTypes()
        .Where(t => t.Name.StartsWith("SqlServer", StringComparison.Ordinal) && t.Name.EndsWith("Repository", StringComparison.Ordinal))
        .Select(t => new object[] { t.Name });

    [Fact]
    public void Every_repository_of_this_project_has_a_sql_server_implementation()
    {
        var declared = typeof(SqlServerStatements).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.GetCustomAttributes<RepositoryAttribute>().Any(a => a.Dialect == Dialect.SqlServer))
            .Select(t => "SqlServer" + t.Name.Substring(1))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.True(declared.Count >= 6, string.Join(", ", declared));
        Assert.Equal(declared, Repositories().Select(r => (string)r[0]).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Every_statement_parses_as_T_SQL(string repository)
    {
        var type = typeof(SqlServerStatements).Assembly.GetTypes().Single(t => t.Name == repository);
        var statements = type.GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.StartsWith("Sql_", StringComparison.Ordinal))
            .Select(f => (f.Name, Sql: (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.NotEmpty(statements);
        foreach (var (name, sql) in statements)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, $"{repository}.{name}: {sql}\n" + string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        }
    }
}
