using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static NeoGen.Analyzers.Tests.Verify;

namespace NeoGen.Analyzers.Tests;

/// <summary>NG1001 on raw ADO.NET and Dapper: one firing and one silent case per sink and per flow.</summary>
public sealed class SqlInjectionAnalyzerTests
{
    internal const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Text;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.Sqlite;
        using Npgsql;

        """;

    private static string InClass(string members) => Usings + "public sealed record User(long Id, string Name);\n\npublic class C\n{\n" + members + "\n}\n";

    // ---- CommandText setter -------------------------------------------------------------------

    [Fact]
    public Task Interpolation_into_CommandText_fires_on_the_hole() => Analyzer(
        InClass("""
            public void M(SqliteConnection connection, string userName)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:userName|}}'";
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "userName", "interpolation"));

    [Fact]
    public async Task Message_names_the_sink_and_the_unsafe_part()
    {
        var test = new AnalyzerTest(InClass("""
            public void M(SqliteCommand command, string userName) => command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:userName|}}'";
            """));
        test.ExpectedDiagnostics.Add(NG1001(0, "SqliteCommand.CommandText", "userName", "interpolation"));
        await test.RunAsync();
        // One id, one severity: NG1001 is an error on [Query] and on raw ADO.NET alike.
        Assert.Equal(DiagnosticSeverity.Error, NeoGen.Shared.Rules.SqlNotConstant.DefaultSeverity);
        Assert.Equal("https://github.com/neogen-dotnet/neogen/blob/main/docs/rules/NG1001.md", NeoGen.Shared.Rules.SqlNotConstant.HelpLinkUri);
    }

    [Fact]
    public Task Constant_interpolation_is_silent() => Analyzer(InClass("""
            private const string Table = "users";
            public void M(SqliteCommand command)
            {
                const string column = "name";
                command.CommandText = $"SELECT {column} FROM {Table} WHERE id = @id";
                command.CommandText = "SELECT " + column + " FROM " + Table;
                command.CommandText = $"SELECT {nameof(User.Name)} FROM users";
            }
            """));

    [Fact]
    public Task Parameterized_command_is_silent() => Analyzer(InClass("""
            public int M(SqliteConnection connection, string userName)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM users WHERE name = @name";
                command.Parameters.AddWithValue("@name", userName);
                return Convert.ToInt32(command.ExecuteScalar());
            }
            """));

    [Fact]
    public Task Parameter_of_unknown_origin_is_silent() => Analyzer(InClass("""
            private readonly string _sql = Load();
            private static string Load() => "SELECT 1";
            public void M(SqliteCommand command, string sql)
            {
                command.CommandText = sql;
                command.CommandText = _sql;
                command.CommandText = Load();
                command.CommandText = sql.Trim();
            }
            """));

    [Fact]
    public Task Non_constant_int_hole_fires() => Analyzer(
        InClass("""
            public void M(NpgsqlCommand command, int id) => command.CommandText = $"SELECT name FROM users WHERE id = {{|#0:id|}}";
            """),
        NG1001(0, "NpgsqlCommand.CommandText", "id", "interpolation"));

    [Fact]
    public Task Concatenation_through_a_local_fires_at_the_sink_naming_the_operand() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string name)
            {
                var sql = "SELECT id FROM users WHERE name = '" + name + "'";
                command.CommandText = {|#0:sql|};
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "concatenation"));

    [Fact]
    public Task Local_built_from_constants_in_every_branch_is_silent() => Analyzer(InClass("""
            public void M(SqliteCommand command, bool descending, int kind)
            {
                var order = descending ? "DESC" : "ASC";
                string table;
                if (kind == 1) table = "users"; else table = "teams";
                var column = kind switch { 1 => "name", _ => "id" };
                var sql = "SELECT id FROM " + table;
                sql += " ORDER BY " + column + " " + order;
                command.CommandText = sql;
                command.CommandText = $"SELECT {column} FROM {table} ORDER BY id {order}";
            }
            """));

    [Fact]
    public Task Local_reassigned_unsafely_fires() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string name, bool filter)
            {
                var sql = "SELECT id FROM users";
                if (filter)
                {
                    sql = sql + " WHERE name = '" + name + "'";
                }

                command.CommandText = {|#0:sql|};
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "concatenation"));

    [Fact]
    public Task Compound_assignment_with_a_value_fires() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string sql, string name, string filter)
            {
                sql += " WHERE name = '" + name + "'";
                command.CommandText = {|#0:sql|};
                command.CommandText += {|#1:filter|};
                command.CommandText += " ORDER BY id";
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "concatenation"),
        NG1001(1, "SqliteCommand.CommandText", "filter", "concatenation"));

    [Fact]
    public Task Field_built_unsafely_in_the_same_method_fires() => Analyzer(
        InClass("""
            private string _sql = "";
            public void M(SqliteCommand command, string name)
            {
                _sql = $"DELETE FROM users WHERE name = '{name}'";
                command.CommandText = {|#0:_sql|};
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));

    [Fact]
    public Task String_Format_fires() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string name)
            {
                command.CommandText = string.Format("SELECT id FROM users WHERE name = '{0}'", {|#0:name|});
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "string.Format"));

    [Fact]
    public Task String_Format_of_constants_is_silent() => Analyzer(InClass("""
            public void M(SqliteCommand command) => command.CommandText = string.Format("SELECT {0} FROM {1}", "id", "users");
            """));

    [Fact]
    public Task String_Concat_and_Join_fire() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string name, List<string> columns)
            {
                command.CommandText = string.Concat("SELECT id FROM users WHERE name = '", {|#0:name|}, "'");
                command.CommandText = "SELECT " + string.Join(", ", {|#1:columns|}) + " FROM users";
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "string.Concat"),
        NG1001(1, "SqliteCommand.CommandText", "columns", "string.Join"));

    [Fact]
    public Task StringBuilder_with_a_value_fires() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, string name)
            {
                var builder = new StringBuilder("SELECT id FROM users");
                builder.Append(" WHERE name = '").Append(name).Append('\'');
                command.CommandText = {|#0:builder.ToString()|};
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "a StringBuilder"));

    [Fact]
    public Task StringBuilder_of_constants_is_silent() => Analyzer(InClass("""
            public void M(SqliteCommand command, bool paged)
            {
                var builder = new StringBuilder(256);
                builder.Append("SELECT id FROM users");
                if (paged)
                {
                    builder.AppendLine(" LIMIT @limit");
                }

                command.CommandText = builder.ToString();
            }
            """));

    [Fact]
    public Task StringBuilder_of_unknown_origin_fires() => Analyzer(
        InClass("""
            public void M(SqliteCommand command, StringBuilder builder) => command.CommandText = {|#0:builder|}.ToString();
            """),
        NG1001(0, "SqliteCommand.CommandText", "builder", "a StringBuilder"));

    [Fact]
    public Task Interface_and_base_command_types_fire() => Analyzer(
        InClass("""
            public void M(IDbConnection connection, DbConnection db, string name)
            {
                IDbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT 1 WHERE '{{|#0:name|}}' = 'x'";
                using var other = db.CreateCommand();
                other.CommandText = "SELECT 1 WHERE 'x' = " + {|#1:name|};
            }
            """),
        NG1001(0, "IDbCommand.CommandText", "name", "interpolation"),
        NG1001(1, "DbCommand.CommandText", "name", "concatenation"));

    [Fact]
    public Task Object_initializer_fires() => Analyzer(
        InClass("""
            public SqliteCommand M(SqliteConnection connection, string name)
                => new SqliteCommand { Connection = connection, CommandText = $"SELECT id FROM users WHERE name = '{{|#0:name|}}'" };
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));

    [Fact]
    public Task CommandText_of_an_unrelated_type_is_silent() => Analyzer(InClass("""
            public sealed class Report { public string CommandText { get; set; } = ""; }
            public void M(Report report, SqliteCommand command, string name)
            {
                report.CommandText = $"Hello {name}";
                var read = command.CommandText + name;
                Console.WriteLine($"{read} {name}");
            }
            """));

    // ---- command constructors ------------------------------------------------------------------

    [Fact]
    public Task Provider_command_constructors_fire() => AnalyzerWithStubs(
        InClass("""
            public void M(SqliteConnection sqlite, NpgsqlConnection npgsql, Microsoft.Data.SqlClient.SqlConnection sqlServer, MySqlConnector.MySqlConnection mySql, string name, long id)
            {
                using var a = new SqliteCommand($"SELECT id FROM users WHERE name = '{{|#0:name|}}'", sqlite);
                using var b = new NpgsqlCommand("SELECT id FROM users WHERE id = " + {|#1:id|}, npgsql);
                using var c = new Microsoft.Data.SqlClient.SqlCommand($"SELECT id FROM users WHERE name = N'{{|#2:name|}}'", sqlServer);
                using var d = new MySqlConnector.MySqlCommand(string.Format("SELECT id FROM users WHERE id = {0}", {|#3:id|}), mySql);
            }
            """),
        NG1001(0, "new SqliteCommand(...)", "name", "interpolation"),
        NG1001(1, "new NpgsqlCommand(...)", "id", "concatenation"),
        NG1001(2, "new SqlCommand(...)", "name", "interpolation"),
        NG1001(3, "new MySqlCommand(...)", "id", "string.Format"));

    [Fact]
    public Task Constructors_with_constant_sql_are_silent() => AnalyzerWithStubs(InClass("""
            public void M(SqliteConnection sqlite, Microsoft.Data.SqlClient.SqlConnection sqlServer, string sql)
            {
                using var a = new SqliteCommand("SELECT id FROM users WHERE name = @name", sqlite);
                using var b = new Microsoft.Data.SqlClient.SqlCommand(sql, sqlServer);
                using var c = new NpgsqlCommand();
                using var d = new SqliteCommand();
            }
            """));

    [Fact]
    public Task NpgsqlBatchCommand_fires() => Analyzer(
        InClass("""
            public void M(NpgsqlBatch batch, string name)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"DELETE FROM users WHERE name = '{{|#0:name|}}'"));
                var command = new NpgsqlBatchCommand();
                command.CommandText = "DELETE FROM teams WHERE name = '" + {|#1:name|} + "'";
                batch.BatchCommands.Add(command);
            }
            """),
        NG1001(0, "new NpgsqlBatchCommand(...)", "name", "interpolation"),
        NG1001(1, "NpgsqlBatchCommand.CommandText", "name", "concatenation"));

    [Fact]
    public Task DataSource_CreateCommand_fires() => Analyzer(
        InClass("""
            public void M(NpgsqlDataSource dataSource, DbDataSource any, string name)
            {
                using var a = dataSource.CreateCommand($"SELECT id FROM users WHERE name = '{{|#0:name|}}'");
                using var b = any.CreateCommand("SELECT id FROM users WHERE name = '" + {|#1:name|} + "'");
                using var c = dataSource.CreateCommand("SELECT id FROM users WHERE name = $1");
                using var d = dataSource.CreateCommand();
            }
            """),
        NG1001(0, "NpgsqlDataSource.CreateCommand", "name", "interpolation"),
        NG1001(1, "DbDataSource.CreateCommand", "name", "concatenation"));

    // ---- Dapper -----------------------------------------------------------------------------------

    [Fact]
    public Task Dapper_query_with_interpolation_fires() => Analyzer(
        InClass("""
            public async Task M(IDbConnection connection, DbConnection db, string name, long id)
            {
                var users = connection.Query<User>($"SELECT id, name FROM users WHERE name = '{{|#0:name|}}'");
                var user = await db.QueryFirstOrDefaultAsync<User>(sql: "SELECT id, name FROM users WHERE id = " + {|#1:id|});
                connection.Execute(string.Format("DELETE FROM users WHERE id = {0}", {|#2:id|}));
                var count = connection.ExecuteScalar<int>($"SELECT count(*) FROM users WHERE name <> '{{|#3:name|}}'");
                var definition = new CommandDefinition($"SELECT 1 WHERE '{{|#4:name|}}' = ''");
            }
            """),
        NG1001(0, "SqlMapper.Query", "name", "interpolation"),
        NG1001(1, "SqlMapper.QueryFirstOrDefaultAsync", "id", "concatenation"),
        NG1001(2, "SqlMapper.Execute", "id", "string.Format"),
        NG1001(3, "SqlMapper.ExecuteScalar", "name", "interpolation"),
        NG1001(4, "new CommandDefinition(...)", "name", "interpolation"));

    [Fact]
    public Task Dapper_with_anonymous_parameters_is_silent() => Analyzer(InClass("""
            public async Task M(IDbConnection connection, string name, string sql)
            {
                var users = connection.Query<User>("SELECT id, name FROM users WHERE name = @name", new { name });
                var single = await connection.QuerySingleAsync<User>(sql, new { name });
                connection.Execute("DELETE FROM users WHERE name = @name", new { name });
                using var grid = connection.QueryMultiple("SELECT 1; SELECT 2");
            }
            """));

    [Fact]
    public Task Other_Dapper_methods_fire() => Analyzer(
        InClass("""
            public async Task M(DbConnection connection, string name)
            {
                using var grid = await connection.QueryMultipleAsync($"SELECT 1 WHERE '{{|#0:name|}}' = ''; SELECT 2");
                using var reader = connection.ExecuteReader("SELECT id FROM users WHERE name = '" + {|#1:name|} + "'");
                var user = await connection.QuerySingleOrDefaultAsync<User>(string.Concat("SELECT id, name FROM users WHERE name = '", {|#2:name|}, "'"));
            }
            """),
        NG1001(0, "SqlMapper.QueryMultipleAsync", "name", "interpolation"),
        NG1001(1, "SqlMapper.ExecuteReader", "name", "concatenation"),
        NG1001(2, "SqlMapper.QuerySingleOrDefaultAsync", "name", "string.Concat"));

    [Fact]
    public async Task Lambdas_and_top_level_code_are_analyzed()
    {
        var test = new AnalyzerTest(Usings + """
            var connection = new SqliteConnection("Data Source=:memory:");
            var name = args[0];
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:name|}}'";
            Action<string> run = value =>
            {
                var sql = "DELETE FROM users WHERE name = '" + value + "'";
                command.CommandText = {|#1:sql|};
            };
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));
        test.ExpectedDiagnostics.Add(NG1001(1, "SqliteCommand.CommandText", "value", "concatenation"));
        await test.RunAsync();
    }

    [Fact]
    public Task Locals_of_unknown_origin_are_silent() => Analyzer(InClass("""
            private static bool TryLoad(out string sql) { sql = "SELECT 1"; return true; }
            public void M(SqliteCommand command, IEnumerable<string> statements, object o)
            {
                if (TryLoad(out var loaded)) command.CommandText = loaded;
                foreach (var statement in statements) command.CommandText = statement;
                if (o is string text) command.CommandText = text;
                string assignedLater;
                assignedLater = Console.ReadLine() ?? "SELECT 1";
                command.CommandText = assignedLater;
            }
            """));

    [Fact]
    public Task Generated_code_is_not_analyzed() => Analyzer(
        "// <auto-generated/>\n" + InClass("""
            public void M(SqliteCommand command, string name) => command.CommandText = $"SELECT id FROM users WHERE name = '{name}'";
            """));

    // ---- suppression --------------------------------------------------------------------------------

    [Fact]
    public Task Pragma_suppresses() => Analyzer(InClass("""
            public void M(SqliteCommand command, string name)
            {
            #pragma warning disable NG1001 // reviewed: name is validated against a whitelist
                command.CommandText = $"SELECT id FROM users WHERE name = '{name}'";
            #pragma warning restore NG1001
            }
            """));

    [Fact]
    public Task SuppressMessage_suppresses() => Analyzer(InClass("""
            [System.Diagnostics.CodeAnalysis.SuppressMessage("NeoGen.Sql", "NG1001", Justification = "test")]
            public void M(SqliteCommand command, string name) => command.CommandText = $"SELECT id FROM users WHERE name = '{name}'";
            """));

    [Fact]
    public async Task Editorconfig_severity_none_suppresses()
    {
        var test = new AnalyzerTest(InClass("""
            public void M(SqliteCommand command, string name) => command.CommandText = $"SELECT id FROM users WHERE name = '{name}'";
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.NG1001.severity = none\n"));
        await test.RunAsync();
    }
}
