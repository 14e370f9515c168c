using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// There is no SQL Server here: every statement the SQL Server dialect writes is parsed by Microsoft's own T-SQL parser
/// (ScriptDom), so a statement SQL Server would refuse fails here rather than on a user's server.
/// </summary>
public sealed class SqlServerStatementTests
{
    /// <summary>The SQL constants of a generated file (<c>private const string Sql_X = "...";</c>).</summary>
    internal static IEnumerable<(string Name, string Sql)> Statements(string source)
        => CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword)))
            .SelectMany(f => f.Declaration.Variables)
            .Where(v => v.Identifier.ValueText.StartsWith("Sql_", StringComparison.Ordinal) && v.Initializer?.Value is LiteralExpressionSyntax)
            .Select(v => (v.Identifier.ValueText, ((LiteralExpressionSyntax)v.Initializer!.Value).Token.ValueText));

    internal static IList<ParseError> Parse(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    [Fact]
    public void Every_generated_statement_parses_as_T_SQL()
    {
        var outcome = GeneratorHarness.Run(Sources.Repositories);
        var statements = Statements(outcome.Source("ICustomerRepository.SqlServer.g.cs")).ToList();
        Assert.True(statements.Count >= 20, "statements found: " + statements.Count);
        foreach (var (name, sql) in statements)
        {
            var errors = Parse(sql);
            Assert.True(errors.Count == 0, $"{name}: {sql}\n" + string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        }
    }

    [Fact]
    public void The_parser_refuses_what_sql_server_refuses()
    {
        // The check can fail: syntax of other databases is refused by ScriptDom.
        Assert.NotEmpty(Parse("SELECT id FROM customers LIMIT 5"));
        Assert.NotEmpty(Parse("INSERT INTO customers (email) VALUES (@p0) RETURNING id"));
        Assert.NotEmpty(Parse("SELECT `id` FROM customers"));
        Assert.Empty(Parse("SELECT TOP (@p0) [id] FROM customers ORDER BY [id]"));
    }

    [Fact]
    public void Sql_server_gets_top_output_merge_and_openjson()
    {
        var text = GeneratorHarness.Run(Sources.Repositories).Source("ICustomerRepository.SqlServer.g.cs");
        Assert.Contains("SELECT TOP (@p0) ", text);
        Assert.Contains(") OUTPUT INSERTED.id, INSERTED.email", text);
        Assert.Contains("MERGE INTO customers WITH (HOLDLOCK) AS __target", text);
        Assert.Contains("IN (SELECT __list.v FROM OPENJSON(@p0) WITH (v bigint '$') AS __list)", text);
        Assert.Contains("SqlDbType = global::System.Data.SqlDbType.DateTime2", text);
        Assert.Contains("global::NeoGen.Internal.Numbers.Int64(reader, ", text);
        Assert.DoesNotContain("command.Prepare()", text);
    }
}
