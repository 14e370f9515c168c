using System.Data.Common;
using Microsoft.Data.SqlClient;
using NeoGen.IntegrationTests;
using Xunit;

namespace NeoGen.SqlServerTests;

/// <summary>A throwaway database on the server NEOGEN_SQLSERVER names, with the integration tests' schema.</summary>
public sealed class SqlServerDatabase : TestDatabase
{
    private readonly string _admin;
    private readonly string _connectionString;
    private readonly string _database;

    public SqlServerDatabase()
    {
        _admin = Environment.GetEnvironmentVariable("NEOGEN_SQLSERVER") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("NEOGEN_SQLSERVER is not set: these tests need a SQL Server (./build.sh test-sqlserver).");
        _database = "neogen_" + Guid.NewGuid().ToString("N");
        Run(_admin, $"CREATE DATABASE [{_database}]");
        _connectionString = new SqlConnectionStringBuilder(_admin) { InitialCatalog = _database }.ConnectionString;
        Source = new NeoGenDataSource(Dialect.SqlServer, () => new SqlConnection(_connectionString));
        Execute("""
            CREATE TABLE teams (id BIGINT IDENTITY PRIMARY KEY, name NVARCHAR(200) NOT NULL);
            CREATE TABLE users (
                id BIGINT IDENTITY PRIMARY KEY,
                email NVARCHAR(200) NOT NULL CONSTRAINT users_email_key UNIQUE,
                display_name NVARCHAR(200),
                team_id BIGINT NOT NULL CONSTRAINT users_team_fk REFERENCES teams (id),
                role INT NOT NULL,
                row_version INT NOT NULL,
                created_at DATETIME2 NOT NULL,
                updated_at DATETIME2 NOT NULL);
            CREATE INDEX ix_users_team_created ON users (team_id, created_at);
            CREATE TABLE memberships (user_id BIGINT NOT NULL, team_id BIGINT NOT NULL, role NVARCHAR(50) NOT NULL, PRIMARY KEY (user_id, team_id));
            CREATE TABLE type_rows (
                id BIGINT IDENTITY PRIMARY KEY,
                flag BIT NOT NULL, tiny SMALLINT NOT NULL, small SMALLINT NOT NULL, number INT NOT NULL, big BIGINT NOT NULL,
                real4 REAL NOT NULL, real8 FLOAT NOT NULL, amount DECIMAL(20, 6) NOT NULL, label NVARCHAR(MAX) NOT NULL, optional_label NVARCHAR(MAX),
                uid UNIQUEIDENTIFIER NOT NULL, at_time DATETIME2 NOT NULL, at_offset DATETIMEOFFSET NOT NULL, on_day DATE NOT NULL, at_clock TIME NOT NULL,
                payload VARBINARY(MAX), mood SMALLINT NOT NULL, mood_name NVARCHAR(50) NOT NULL, optional_number INT, optional_uid UNIQUEIDENTIFIER,
                optional_at DATETIME2, optional_mood SMALLINT);
            CREATE TABLE notes (tag NVARCHAR(MAX), body NVARCHAR(MAX) NOT NULL, id BIGINT PRIMARY KEY);
            CREATE TABLE documents (id UNIQUEIDENTIFIER PRIMARY KEY, title NVARCHAR(MAX) NOT NULL);
            """);
    }

    public override Dialect Dialect => Dialect.SqlServer;

    public override DbConnection OpenConnection()
    {
        var connection = new SqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        base.Dispose();
        SqlConnection.ClearAllPools();
        Run(_admin, $"DROP DATABASE [{_database}]");
    }

    private static void Run(string connectionString, string sql)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();

        // Database names are identifiers (a fresh Guid here), never values.
#pragma warning disable NG1001
        command.CommandText = sql;
#pragma warning restore NG1001
        command.ExecuteNonQuery();
    }
}

public sealed class SqlServerRepositoryTests : RepositoryContract, IClassFixture<SqlServerDatabase>
{
    public SqlServerRepositoryTests(SqlServerDatabase database)
        : base(database)
    {
    }
}
