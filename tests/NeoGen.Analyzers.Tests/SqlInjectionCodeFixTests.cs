using Microsoft.CodeAnalysis.Testing;
using static NeoGen.Analyzers.Tests.Verify;

namespace NeoGen.Analyzers.Tests;

/// <summary>The NG1001 code fix: interpolated or concatenated SQL becomes constant SQL plus bound parameters.</summary>
public sealed class SqlInjectionCodeFixTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Microsoft.Data.Sqlite;
        using Npgsql;

        public sealed record User(long Id, string Name);

        """;

    private static string Class(string members)
    {
        var indented = string.Join("\n", members.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
        return Usings + "public class C\n{\n" + indented + "\n}\n";
    }

    [Fact]
    public Task Quoted_string_hole_becomes_a_parameter() => Fix(
        Class("""
            public void M(SqliteConnection connection, string userName)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:userName|}}'";
                command.ExecuteNonQuery();
            }
            """),
        Class("""
            public void M(SqliteConnection connection, string userName)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM users WHERE name = @userName";
                command.Parameters.AddWithValue("@userName", userName);
                command.ExecuteNonQuery();
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "userName", "interpolation"));

    [Fact]
    public Task Nullable_value_binds_DBNull() => Fix(
        Class("""
            public void M(NpgsqlCommand command, string? name)
            {
                command.CommandText = $"UPDATE users SET name = '{{|#0:name|}}'";
            }
            """),
        Class("""
            public void M(NpgsqlCommand command, string? name)
            {
                command.CommandText = "UPDATE users SET name = @name";
                command.Parameters.AddWithValue("@name", name ?? (object)DBNull.Value);
            }
            """),
        NG1001(0, "NpgsqlCommand.CommandText", "name", "interpolation"));

    [Fact]
    public Task Command_constructor_gets_parameters_after_the_declaration() => Fix(
        Class("""
            public object? M(SqlConnection connection, long id)
            {
                using var command = new SqlCommand($"SELECT name FROM users WHERE id = {{|#0:id|}}", connection);
                return command.ExecuteScalar();
            }
            """),
        Class("""
            public object? M(SqlConnection connection, long id)
            {
                using var command = new SqlCommand("SELECT name FROM users WHERE id = @id", connection);
                command.Parameters.AddWithValue("@id", id);
                return command.ExecuteScalar();
            }
            """),
        NG1001(0, "new SqlCommand(...)", "id", "interpolation"));

    [Fact]
    public Task Concatenation_becomes_parameters() => Fix(
        Class("""
            public void M(SqliteCommand command, string name, int teamId)
            {
                command.CommandText = "SELECT id FROM users WHERE name = '" + {|#0:name|} + "' AND team_id = " + teamId + " ORDER BY id";
            }
            """),
        Class("""
            public void M(SqliteCommand command, string name, int teamId)
            {
                command.CommandText = "SELECT id FROM users WHERE name = @name AND team_id = @teamId ORDER BY id";
                command.Parameters.AddWithValue("@name", name);
                command.Parameters.AddWithValue("@teamId", teamId);
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "concatenation"));

    [Fact]
    public Task Like_pattern_literal_becomes_one_parameter() => Fix(
        Class("""
            public void M(SqliteCommand command, string term, User user)
            {
                command.CommandText = $"SELECT id FROM users WHERE name LIKE '%{{|#0:term|}}%' OR id = {user.Id} OR name = '{user.Name}'";
            }
            """),
        Class("""
            public void M(SqliteCommand command, string term, User user)
            {
                command.CommandText = "SELECT id FROM users WHERE name LIKE @term OR id = @p0 OR name = @p1";
                command.Parameters.AddWithValue("@term", $"%{term}%");
                command.Parameters.AddWithValue("@p0", user.Id);
                command.Parameters.AddWithValue("@p1", user.Name);
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "term", "interpolation"));

    [Fact]
    public Task DbCommand_without_AddWithValue_uses_CreateParameter() => Fix(
        Class("""
            public void M(DbConnection connection, long id)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM users WHERE id = {{|#0:id|}}";
                command.ExecuteNonQuery();
            }
            """),
        Class("""
            public void M(DbConnection connection, long id)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM users WHERE id = @id";
                var idParameter = command.CreateParameter();
                idParameter.ParameterName = "@id";
                idParameter.Value = id;
                command.Parameters.Add(idParameter);
                command.ExecuteNonQuery();
            }
            """),
        NG1001(0, "DbCommand.CommandText", "id", "interpolation"));

    [Fact]
    public Task Object_initializer_gets_parameters_after_the_declaration() => Fix(
        Class("""
            public void M(SqliteConnection connection, string name)
            {
                using var command = new SqliteCommand { Connection = connection, CommandText = $"DELETE FROM users WHERE name = '{{|#0:name|}}' OR name = '{name}'" };
                command.ExecuteNonQuery();
            }
            """),
        Class("""
            public void M(SqliteConnection connection, string name)
            {
                using var command = new SqliteCommand { Connection = connection, CommandText = "DELETE FROM users WHERE name = @name OR name = @name" };
                command.Parameters.AddWithValue("@name", name);
                command.ExecuteNonQuery();
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));

    [Fact]
    public Task Dapper_call_gets_an_anonymous_param_object() => Fix(
        Class("""
            public IEnumerable<User> M(IDbConnection connection, string name, int limit)
            {
                return connection.Query<User>($"SELECT id, name FROM users WHERE name = '{{|#0:name|}}' LIMIT {limit}");
            }
            """),
        Class("""
            public IEnumerable<User> M(IDbConnection connection, string name, int limit)
            {
                return connection.Query<User>("SELECT id, name FROM users WHERE name = @name LIMIT @limit", new { name, limit });
            }
            """),
        NG1001(0, "SqlMapper.Query", "name", "interpolation"));

    [Fact]
    public Task Dapper_call_with_more_arguments_gets_a_named_param() => Fix(
        Class("""
            public int M(IDbConnection connection, IDbTransaction transaction, long id)
            {
                return connection.Execute("DELETE FROM users WHERE id = " + {|#0:id|}, transaction: transaction);
            }
            """),
        Class("""
            public int M(IDbConnection connection, IDbTransaction transaction, long id)
            {
                return connection.Execute("DELETE FROM users WHERE id = @id", transaction: transaction, param: new { id });
            }
            """),
        NG1001(0, "SqlMapper.Execute", "id", "concatenation"));

    [Fact]
    public Task Using_block_gets_parameters_first_in_the_block() => Fix(
        Class("""
            public void M(SqliteConnection connection, long id)
            {
                using (var command = new SqliteCommand($"DELETE FROM users WHERE id = {{|#0:id|}}", connection))
                {
                    command.ExecuteNonQuery();
                }
            }
            """),
        Class("""
            public void M(SqliteConnection connection, long id)
            {
                using (var command = new SqliteCommand("DELETE FROM users WHERE id = @id", connection))
                {
                    command.Parameters.AddWithValue("@id", id);
                    command.ExecuteNonQuery();
                }
            }
            """),
        NG1001(0, "new SqliteCommand(...)", "id", "interpolation"));

    [Fact]
    public Task Existing_placeholder_names_are_not_reused() => Fix(
        Class("""
            public void M(SqliteCommand command, string name, bool active)
            {
                command.CommandText = $"SELECT id FROM users WHERE team = @name AND name = '{{|#0:name|}}' AND active = {active}";
                command.Parameters.AddWithValue("@name", "core");
            }
            """),
        Class("""
            public void M(SqliteCommand command, string name, bool active)
            {
                command.CommandText = "SELECT id FROM users WHERE team = @name AND name = @name2 AND active = @active";
                command.Parameters.AddWithValue("@name2", name);
                command.Parameters.AddWithValue("@active", active);
                command.Parameters.AddWithValue("@name", "core");
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));

    [Fact]
    public Task Embedded_statement_and_unknown_command_get_no_fix()
    {
        var source = Class("""
            public void M(SqliteCommand command, string name, bool filter)
            {
                if (filter) command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:name|}}'";
                Run(new SqliteCommand($"SELECT id FROM users WHERE name = '{{|#1:name|}}'"));
            }

            private static void Run(SqliteCommand command) { }
            """);
        return Fix(
            source,
            source,
            NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"),
            NG1001(1, "new SqliteCommand(...)", "name", "interpolation"));
    }

    [Fact]
    public Task DataSource_command_gets_parameters_after_the_declaration() => Fix(
        Class("""
            public void M(NpgsqlDataSource dataSource, long id)
            {
                using var command = dataSource.CreateCommand($"DELETE FROM users WHERE id = {{|#0:id|}}");
                command.ExecuteNonQuery();
            }
            """),
        Class("""
            public void M(NpgsqlDataSource dataSource, long id)
            {
                using var command = dataSource.CreateCommand("DELETE FROM users WHERE id = @id");
                command.Parameters.AddWithValue("@id", id);
                command.ExecuteNonQuery();
            }
            """),
        NG1001(0, "NpgsqlDataSource.CreateCommand", "id", "interpolation"));

    [Fact]
    public Task Multi_line_raw_string_becomes_a_verbatim_string() => Fix(
        Class(""""
            public void M(SqliteCommand command, string name)
            {
                command.CommandText = $"""
                    SELECT id
                    FROM users
                    WHERE name = '{{|#0:name|}}'
                    """;
            }
            """"),
        Class(""""
            public void M(SqliteCommand command, string name)
            {
                command.CommandText = @"SELECT id
            FROM users
            WHERE name = @name";
                command.Parameters.AddWithValue("@name", name);
            }
            """").Replace("\n    FROM users\n    WHERE", "\nFROM users\nWHERE"),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));

    [Fact]
    public async Task Top_level_statements_get_global_statements()
    {
        const string TopLevelUsings = "using Microsoft.Data.Sqlite;\n\n";
        var test = new CodeFixTest(
            TopLevelUsings + """
                using var connection = new SqliteConnection("Data Source=:memory:");
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:args[0]|}}'";
                command.ExecuteNonQuery();

                """,
            TopLevelUsings + """
                using var connection = new SqliteConnection("Data Source=:memory:");
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM users WHERE name = @p0";
                command.Parameters.AddWithValue("@p0", args[0]);
                command.ExecuteNonQuery();

                """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(NG1001(0, "SqliteCommand.CommandText", "args[0]", "interpolation"));
        await test.RunAsync();
    }

    [Fact]
    public Task Identifier_holes_get_no_fix()
    {
        var source = Class("""
            public void M(SqliteCommand command, string table, string orderBy)
            {
                command.CommandText = $"SELECT id FROM {{|#0:table|}}";
                command.CommandText = $"SELECT id FROM users ORDER BY {{|#1:orderBy|}}";
            }
            """);
        return Fix(
            source,
            source,
            NG1001(0, "SqliteCommand.CommandText", "table", "interpolation"),
            NG1001(1, "SqliteCommand.CommandText", "orderBy", "interpolation"));
    }

    [Fact]
    public Task Flow_through_a_local_gets_no_fix()
    {
        var source = Class("""
            public void M(SqliteCommand command, string name)
            {
                var sql = $"SELECT id FROM users WHERE name = '{name}'";
                command.CommandText = {|#0:sql|};
            }
            """);
        return Fix(source, source, NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"));
    }

    [Fact]
    public Task Fix_all_fixes_every_command_in_the_document() => Fix(
        Class("""
            public void A(SqliteCommand command, string name)
            {
                command.CommandText = $"SELECT id FROM users WHERE name = '{{|#0:name|}}'";
            }

            public void B(NpgsqlConnection connection, long id)
            {
                using var command = new NpgsqlCommand("DELETE FROM users WHERE id = " + {|#1:id|}, connection);
                command.ExecuteNonQuery();
            }
            """),
        Class("""
            public void A(SqliteCommand command, string name)
            {
                command.CommandText = "SELECT id FROM users WHERE name = @name";
                command.Parameters.AddWithValue("@name", name);
            }

            public void B(NpgsqlConnection connection, long id)
            {
                using var command = new NpgsqlCommand("DELETE FROM users WHERE id = @id", connection);
                command.Parameters.AddWithValue("@id", id);
                command.ExecuteNonQuery();
            }
            """),
        NG1001(0, "SqliteCommand.CommandText", "name", "interpolation"),
        NG1001(1, "new NpgsqlCommand(...)", "id", "concatenation"));
}
