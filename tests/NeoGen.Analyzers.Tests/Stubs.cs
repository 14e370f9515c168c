namespace NeoGen.Analyzers.Tests;

/// <summary>
/// Compile-only stand-ins for providers the test project does not reference (SqlClient, MySqlConnector): the same
/// names, base types and constructor shapes as the real packages.
/// </summary>
internal static class Stubs
{
    private const string CommandMembers = """
                public override string CommandText { get => null; set { } }
                public override int CommandTimeout { get; set; }
                public override CommandType CommandType { get; set; }
                public override bool DesignTimeVisible { get; set; }
                public override UpdateRowSource UpdatedRowSource { get; set; }
                protected override DbConnection DbConnection { get; set; }
                protected override DbParameterCollection DbParameterCollection => null;
                protected override DbTransaction DbTransaction { get; set; }
                public override void Cancel() { }
                protected override DbParameter CreateDbParameter() => null;
                protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => null;
                public override int ExecuteNonQuery() => 0;
                public override object ExecuteScalar() => null;
                public override void Prepare() { }
        """;

    private const string ConnectionMembers = """
                public override string ConnectionString { get; set; }
                public override string Database => null;
                public override string DataSource => null;
                public override string ServerVersion => null;
                public override ConnectionState State => default;
                protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => null;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                protected override DbCommand CreateDbCommand() => null;
                public override void Open() { }
        """;

    public const string SqlClient = "#nullable disable\n" + """
        namespace Microsoft.Data.SqlClient
        {
            using System.Data;
            using System.Data.Common;

            public sealed class SqlConnection : DbConnection
            {
                public SqlConnection(string connectionString) { }
        """ + "\n" + ConnectionMembers + "\n" + """
                public new SqlCommand CreateCommand() => null;
            }

            public sealed class SqlParameter { }

            public sealed class SqlParameterCollection
            {
                public SqlParameter AddWithValue(string parameterName, object value) => null;
            }

            public sealed class SqlCommand : DbCommand
            {
                public SqlCommand() { }
                public SqlCommand(string cmdText) { }
                public SqlCommand(string cmdText, SqlConnection connection) { }
                public new SqlParameterCollection Parameters => null;
        """ + "\n" + CommandMembers + "\n" + """
            }
        }
        """;

    public const string MySqlConnector = "#nullable disable\n" + """
        namespace MySqlConnector
        {
            using System.Data;
            using System.Data.Common;

            public sealed class MySqlConnection : DbConnection
            {
                public MySqlConnection(string connectionString) { }
        """ + "\n" + ConnectionMembers + "\n" + """
            }

            public sealed class MySqlParameter { }

            public sealed class MySqlParameterCollection
            {
                public MySqlParameter AddWithValue(string parameterName, object value) => null;
            }

            public sealed class MySqlCommand : DbCommand
            {
                public MySqlCommand() { }
                public MySqlCommand(string commandText, MySqlConnection connection) { }
                public new MySqlParameterCollection Parameters => null;
        """ + "\n" + CommandMembers + "\n" + """
            }
        }
        """;
}
