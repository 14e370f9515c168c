using System;
using System.Data.Common;
using System.IO;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using NpgsqlTypes;

namespace NeoGen.Benchmarks;

/// <summary>
/// Creates and seeds the benchmark database: a SQLite file in a fresh temporary directory, or the
/// PostgreSQL database named by <c>NEOGEN_POSTGRES</c> (its benchmark tables are dropped and recreated).
/// Also answers the reference queries the validation step compares contenders against.
/// </summary>
public sealed class DatabaseFixture : IDisposable
{
    public const string PostgresEnvironmentVariable = "NEOGEN_POSTGRES";

    public const string MariaDbEnvironmentVariable = "NEOGEN_MARIADB";

    /// <summary>The PostgreSQL schema the benchmark tables are (re)created in.</summary>
    public const string Schema = "neogen_bench";

    private readonly string? _tempDirectory;

    private DatabaseFixture(Database database, string connectionString, string? tempDirectory)
    {
        Database = database;
        ConnectionString = connectionString;
        _tempDirectory = tempDirectory;
    }

    public Database Database { get; }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL connection string, or a loud failure naming the variable to set.</summary>
    public static string PostgresConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{PostgresEnvironmentVariable} is not set, so the PostgreSQL benchmarks cannot run. " +
                "Set it to a database the benchmarks may create the schema '" + Schema + "' in (its tables are dropped and recreated), e.g. " +
                $"{PostgresEnvironmentVariable}='Host=127.0.0.1;Port=55433;Username=postgres;Database=neogen_bench', " +
                "or run them through './build.sh bench', which starts a server and sets it. " +
                "To run only SQLite, pass --filter '*Sqlite*'.");
        }

        return connectionString;
    }

    public static DatabaseFixture Create(Database database)
    {
        switch (database)
        {
            case Database.Sqlite:
                {
                    var directory = Path.Combine(Path.GetTempPath(), "neogen-bench-" + Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(directory);
                    var builder = new SqliteConnectionStringBuilder
                    {
                        DataSource = Path.Combine(directory, "bench.db"),
                        Pooling = true,
                    };
                    var fixture = new DatabaseFixture(database, builder.ToString(), directory);
                    fixture.CreateSqlite();
                    return fixture;
                }

            case Database.PostgreSql:
                {
                    // Everything lives in its own schema (first on the search path), so pointing
                    // NEOGEN_POSTGRES at a database the tests also use cannot clobber their tables.
                    var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString()) { SearchPath = Schema };
                    var fixture = new DatabaseFixture(database, builder.ToString(), null);
                    fixture.CreatePostgres();
                    return fixture;
                }

            case Database.MariaDb:
                {
                    // Its own database, dropped and recreated; LOAD DATA LOCAL allowed for the bulk loaders.
                    var connectionString = Environment.GetEnvironmentVariable(MariaDbEnvironmentVariable);
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException($"{MariaDbEnvironmentVariable} is not set, so the MariaDB benchmarks cannot run; run them through './build.sh bench', which starts a server and sets it, or pass --filter '*Sqlite*'.");
                    }

                    var builder = new MySqlConnectionStringBuilder(connectionString) { Database = Schema, AllowLoadLocalInfile = true };
                    var fixture = new DatabaseFixture(database, builder.ConnectionString, null);
                    fixture.CreateMariaDb(connectionString);
                    return fixture;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(database), database, null);
        }
    }

    /// <summary>A new open connection for setup and reference queries (never used by a contender).</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Database switch
        {
            Database.Sqlite => new SqliteConnection(ConnectionString),
            Database.MariaDb => new MySqlConnection(ConnectionString),
            _ => new NpgsqlConnection(ConnectionString),
        };
        connection.Open();
        return connection;
    }

    /// <summary>Empties <c>world</c> before a bulk insert.</summary>
    public void ClearWorld() => Execute(Database == Database.Sqlite ? "DELETE FROM world" : "TRUNCATE world");

    public void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The randomnumber of world row <paramref name="id"/>, or null.</summary>
    public int? ReadWorld(int id) => ScalarInt($"SELECT randomnumber FROM world WHERE id = {id}");

    /// <summary>Deletes world row <paramref name="id"/>.</summary>
    public void DeleteWorld(int id) => Execute($"DELETE FROM world WHERE id = {id}");

    /// <summary>The randomnumber of world_insert row <paramref name="id"/>, or null.</summary>
    public int? ReadWorldInsert(int id) => ScalarInt($"SELECT randomnumber FROM world_insert WHERE id = {id}");

    /// <summary>Row count and sum of <c>id * randomnumber</c> over <c>world</c>, a cheap fingerprint.</summary>
    public (long Count, long Fingerprint) WorldFingerprint()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = Database == Database.MariaDb
            ? "SELECT COUNT(*), COALESCE(SUM(CAST(id AS SIGNED) * randomnumber), 0) FROM world"
            : "SELECT COUNT(*), COALESCE(SUM(CAST(id AS bigint) * randomnumber), 0) FROM world";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)));
    }

    public void Dispose()
    {
        if (_tempDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_tempDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A connection still open elsewhere; the OS temp cleaner gets it.
            }
        }
    }

    private int? ScalarInt(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value);
    }

    private void CreateSqlite()
    {
        using var connection = (SqliteConnection)OpenConnection();
        Run(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE world (id integer PRIMARY KEY, randomnumber integer NOT NULL);
            CREATE TABLE fortune (id integer PRIMARY KEY, message text NOT NULL);
            CREATE TABLE world_insert (id integer PRIMARY KEY AUTOINCREMENT, randomnumber integer NOT NULL);
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql.InsertWorld;
            var id = command.Parameters.Add("@Id", SqliteType.Integer);
            var number = command.Parameters.Add("@RandomNumber", SqliteType.Integer);
            command.Prepare();
            for (var i = 0; i < BenchData.WorldRandomNumbers.Length; i++)
            {
                id.Value = i + 1;
                number.Value = BenchData.WorldRandomNumbers[i];
                command.ExecuteNonQuery();
            }

            command.CommandText = "INSERT INTO fortune (id, message) VALUES (@id, @message)";
            command.Parameters.Clear();
            var fortuneId = command.Parameters.Add("@id", SqliteType.Integer);
            var message = command.Parameters.Add("@message", SqliteType.Text);
            foreach (var fortune in BenchData.Fortunes)
            {
                fortuneId.Value = fortune.Id;
                message.Value = fortune.Message;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Run(connection, "ANALYZE;");
    }

    private void CreatePostgres()
    {
        using var connection = (NpgsqlConnection)OpenConnection();
        Run(connection, """
            CREATE SCHEMA IF NOT EXISTS neogen_bench;
            DROP TABLE IF EXISTS neogen_bench.world, neogen_bench.fortune, neogen_bench.world_insert;
            CREATE TABLE neogen_bench.world (id integer PRIMARY KEY, randomnumber integer NOT NULL);
            CREATE TABLE neogen_bench.fortune (id integer PRIMARY KEY, message text NOT NULL);
            CREATE TABLE neogen_bench.world_insert (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, randomnumber integer NOT NULL);
            """);
        using (var importer = connection.BeginBinaryImport(Sql.CopyWorld))
        {
            for (var i = 0; i < BenchData.WorldRandomNumbers.Length; i++)
            {
                importer.StartRow();
                importer.Write(i + 1, NpgsqlDbType.Integer);
                importer.Write(BenchData.WorldRandomNumbers[i], NpgsqlDbType.Integer);
            }

            importer.Complete();
        }

        using (var importer = connection.BeginBinaryImport("COPY fortune (id, message) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var fortune in BenchData.Fortunes)
            {
                importer.StartRow();
                importer.Write(fortune.Id, NpgsqlDbType.Integer);
                importer.Write(fortune.Message, NpgsqlDbType.Text);
            }

            importer.Complete();
        }

        Run(connection, "ANALYZE world; ANALYZE fortune; ANALYZE world_insert;");
    }

    private void CreateMariaDb(string serverConnectionString)
    {
        using (var server = new MySqlConnection(serverConnectionString))
        {
            server.Open();
            Run(server, $"DROP DATABASE IF EXISTS {Schema}; CREATE DATABASE {Schema} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }

        using var connection = (MySqlConnection)OpenConnection();
        Run(connection, """
            CREATE TABLE world (id INT PRIMARY KEY, randomnumber INT NOT NULL);
            CREATE TABLE fortune (id INT PRIMARY KEY, message VARCHAR(2048) NOT NULL);
            CREATE TABLE world_insert (id INT AUTO_INCREMENT PRIMARY KEY, randomnumber INT NOT NULL);
            """);
        var values = new System.Text.StringBuilder();
        for (var i = 0; i < BenchData.WorldRandomNumbers.Length; i++)
        {
            values.Append(values.Length == 0 ? string.Empty : ",").Append('(').Append(i + 1).Append(',').Append(BenchData.WorldRandomNumbers[i]).Append(')');
        }

        Run(connection, "INSERT INTO world (id, randomnumber) VALUES " + values);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO fortune (id, message) VALUES (@id, @message)";
            var id = command.Parameters.Add("@id", MySqlDbType.Int32);
            var message = command.Parameters.Add("@message", MySqlDbType.VarChar);
            foreach (var fortune in BenchData.Fortunes)
            {
                id.Value = fortune.Id;
                message.Value = fortune.Message;
                command.ExecuteNonQuery();
            }
        }

        Run(connection, "ANALYZE TABLE world, fortune, world_insert");
    }

    private static void Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
