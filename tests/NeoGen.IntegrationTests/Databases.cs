using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace NeoGen.IntegrationTests;

/// <summary>A throwaway database with the test schema, and a NeoGen data source over it.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract Dialect Dialect { get; }

    public NeoGenDataSource Source { get; protected set; } = null!;

    /// <summary>The tables come from <c>NeoGenSchema</c> rather than the hand-written DDL (column types differ: timestamptz, TINYINT UNSIGNED, index names).</summary>
    public bool GeneratedSchema { get; private set; }

    /// <summary>A plain provider connection to the same database, outside NeoGen (the caller disposes it).</summary>
    public abstract DbConnection OpenConnection();

    /// <summary>One value read with plain ADO.NET, outside NeoGen.</summary>
    public object? Scalar(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs plain SQL through ADO.NET, outside NeoGen.</summary>
    public void Execute(string sql)
    {
        var lease = Source.Rent();
        try
        {
            using var command = lease.Connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        finally
        {
            lease.Release();
        }
    }

    /// <summary>
    /// The tables of the [Table] types from <c>NeoGenSchema</c>, run twice (the second run must change nothing), and
    /// <paramref name="untyped"/> for the table that has no type.
    /// </summary>
    protected void CreateGeneratedSchema(string untyped)
    {
        GeneratedSchema = true;
        NeoGenSchema.EnsureCreatedAsync(Source).GetAwaiter().GetResult();
        NeoGenSchema.EnsureCreated(Source);
        Execute(untyped);
    }

    public void Reset() => Execute("DELETE FROM memberships; DELETE FROM users; DELETE FROM teams; DELETE FROM type_rows; DELETE FROM notes; DELETE FROM documents;");

    public virtual void Dispose()
    {
        Source.Dispose();
        GC.SuppressFinalize(this);
    }
}

public class SqliteDatabase : TestDatabase
{
    private readonly string _directory;
    private readonly string _connectionString;

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public SqliteDatabase()
        : this(generatedSchema: false)
    {
    }

    /// <param name="generatedSchema">Create the tables with <c>NeoGenSchema.EnsureCreated</c> (twice: it must be idempotent) instead of the hand-written DDL.</param>
    protected SqliteDatabase(bool generatedSchema)
    {
        _directory = Path.Combine(Path.GetTempPath(), "neogen-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "test.db"),
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
        _connectionString = connectionString;
        Source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection(connectionString));
        if (generatedSchema)
        {
            CreateGeneratedSchema("CREATE TABLE notes (tag TEXT, body TEXT NOT NULL, id INTEGER PRIMARY KEY)");
            return;
        }

        Execute("""
            CREATE TABLE teams (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT NOT NULL UNIQUE,
                display_name TEXT,
                team_id INTEGER NOT NULL REFERENCES teams(id),
                role INTEGER NOT NULL,
                row_version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX ix_users_team_created ON users (team_id, created_at);
            CREATE TABLE memberships (user_id INTEGER NOT NULL, team_id INTEGER NOT NULL, role TEXT NOT NULL, PRIMARY KEY (user_id, team_id));
            CREATE TABLE type_rows (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                flag INTEGER NOT NULL, tiny INTEGER NOT NULL, small INTEGER NOT NULL, number INTEGER NOT NULL, big INTEGER NOT NULL,
                real4 REAL NOT NULL, real8 REAL NOT NULL, amount TEXT NOT NULL, label TEXT NOT NULL, optional_label TEXT,
                uid BLOB NOT NULL, at_time TEXT NOT NULL, at_offset TEXT NOT NULL, on_day TEXT NOT NULL, at_clock TEXT NOT NULL,
                payload BLOB, mood INTEGER NOT NULL, mood_name TEXT NOT NULL, optional_number INTEGER, optional_uid BLOB,
                optional_at TEXT, optional_mood INTEGER);
            CREATE TABLE notes (tag TEXT, body TEXT NOT NULL, id INTEGER PRIMARY KEY);
            CREATE TABLE documents (id BLOB PRIMARY KEY, title TEXT NOT NULL);
            """);
    }

    public override Dialect Dialect => Dialect.Sqlite;

    public override void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the native library; the temp folder is cleaned by the OS.
        }
    }
}

public class PostgresDatabase : TestDatabase
{
    private readonly NpgsqlDataSource _admin;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>The schema this fixture's tables are in (the connections' search path).</summary>
    public string SchemaName => _schema;

    /// <summary>The same database, with Npgsql naming the failed statement of a batch on its exception.</summary>
    public string WithFailedStatements { get; }

    public PostgresDatabase()
        : this(generatedSchema: false)
    {
    }

    /// <param name="generatedSchema">Create the tables with <c>NeoGenSchema.EnsureCreated</c> instead of the hand-written DDL.</param>
    protected PostgresDatabase(bool generatedSchema)
    {
        _admin = NpgsqlDataSource.Create(ConnectionString);
        _schema = "neogen_" + Guid.NewGuid().ToString("N");

        // NG1001 sees a built SQL string, rightly: a schema name is an identifier and cannot be a parameter.
        // This one is a fresh Guid, never input.
#pragma warning disable NG1001
        using (var command = _admin.CreateCommand($"CREATE SCHEMA {_schema}"))
        {
            command.ExecuteNonQuery();
        }
#pragma warning restore NG1001

        // Then public, as in a default search path: where extensions' types (citext) live.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = _schema + ",public" };
        WithFailedStatements = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { IncludeFailedBatchedCommand = true }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        Source = new NeoGenDataSource(Dialect.PostgreSql, _dataSource);
        if (generatedSchema)
        {
            CreateGeneratedSchema("CREATE TABLE notes (tag text, body text NOT NULL, id bigint PRIMARY KEY)");
            return;
        }

        Execute("""
            CREATE TABLE teams (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text NOT NULL);
            CREATE TABLE users (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                display_name text,
                team_id bigint NOT NULL REFERENCES teams(id),
                role integer NOT NULL,
                row_version integer NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL);
            CREATE INDEX ix_users_team_created ON users (team_id, created_at);
            CREATE TABLE memberships (user_id bigint NOT NULL, team_id bigint NOT NULL, role text NOT NULL, PRIMARY KEY (user_id, team_id));
            CREATE TABLE type_rows (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                flag boolean NOT NULL, tiny smallint NOT NULL, small smallint NOT NULL, number integer NOT NULL, big bigint NOT NULL,
                real4 real NOT NULL, real8 double precision NOT NULL, amount numeric NOT NULL, label text NOT NULL, optional_label text,
                uid uuid NOT NULL, at_time timestamp NOT NULL, at_offset timestamptz NOT NULL, on_day date NOT NULL, at_clock time NOT NULL,
                payload bytea, mood smallint NOT NULL, mood_name text NOT NULL, optional_number integer, optional_uid uuid,
                optional_at timestamp, optional_mood smallint);
            CREATE TABLE notes (tag text, body text NOT NULL, id bigint PRIMARY KEY);
            CREATE TABLE documents (id uuid PRIMARY KEY, title text NOT NULL);
            CREATE TABLE tagged_items (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL, scores int[], moods text[] NOT NULL);
            """);
    }

    /// <summary>The server the test command started; a missing one fails the run rather than skipping it.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable("NEOGEN_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("NEOGEN_POSTGRES is not set. Run the tests through './build.sh test', which starts a throwaway PostgreSQL server, or point NEOGEN_POSTGRES at one.");

    public override Dialect Dialect => Dialect.PostgreSql;

    public override DbConnection OpenConnection() => _dataSource.OpenConnection();

    /// <summary>The UTC offset, in seconds, of a session the server starts in its own time zone (NeoGen's sessions run in UTC).</summary>
    public int ServerUtcOffsetSeconds()
    {
        using var command = _admin.CreateCommand("SELECT EXTRACT(TIMEZONE FROM now())::int");
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>The UTC offset, in seconds, of a session NeoGen's data source opened.</summary>
    public int NeoGenSessionUtcOffsetSeconds()
    {
        var lease = Source.Rent();
        try
        {
            using var command = lease.Connection.CreateCommand();
            command.CommandText = "SELECT EXTRACT(TIMEZONE FROM now())::int";
            return (int)command.ExecuteScalar()!;
        }
        finally
        {
            lease.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
#pragma warning disable NG1001 // the schema name again: an identifier, not a value
        using (var command = _admin.CreateCommand($"DROP SCHEMA {_schema} CASCADE"))
        {
            command.ExecuteNonQuery();
        }
#pragma warning restore NG1001

        _admin.Dispose();
    }
}

public class MariaDbDatabase : TestDatabase
{
    private readonly string _admin;
    private readonly string _connectionString;
    private readonly string _database;

    public MariaDbDatabase()
        : this(generatedSchema: false)
    {
    }

    /// <param name="generatedSchema">Create the tables with <c>NeoGenSchema.EnsureCreated</c> instead of the hand-written DDL.</param>
    protected MariaDbDatabase(bool generatedSchema)
    {
        _admin = ConnectionString;
        _database = "neogen_" + Guid.NewGuid().ToString("N");
        using (var connection = new MySqlConnection(_admin))
        {
            connection.Open();

            // A database name is an identifier, never a parameter; this one is a fresh Guid.
#pragma warning disable NG1001
            using var command = new MySqlCommand($"CREATE DATABASE {_database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
#pragma warning restore NG1001
            command.ExecuteNonQuery();
        }

        // AllowLoadLocalInfile: bulk inserts go through MySqlBulkCopy (MariaDbOnlyTests cover the INSERT fallback).
        _connectionString = new MySqlConnectionStringBuilder(_admin) { Database = _database, AllowLoadLocalInfile = true }.ConnectionString;
        Source = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(_connectionString));
        if (generatedSchema)
        {
            CreateGeneratedSchema("CREATE TABLE notes (tag TEXT, body TEXT NOT NULL, id BIGINT PRIMARY KEY)");
            return;
        }

        Execute("""
            CREATE TABLE teams (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL);
            CREATE TABLE users (
                id BIGINT AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(200) NOT NULL,
                display_name VARCHAR(200),
                team_id BIGINT NOT NULL,
                role INT NOT NULL,
                row_version INT NOT NULL,
                created_at DATETIME(6) NOT NULL,
                updated_at DATETIME(6) NOT NULL,
                CONSTRAINT users_email_key UNIQUE (email),
                CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id));
            CREATE INDEX ix_users_team_created ON users (team_id, created_at);
            CREATE TABLE memberships (user_id BIGINT NOT NULL, team_id BIGINT NOT NULL, role VARCHAR(50) NOT NULL, PRIMARY KEY (user_id, team_id));
            CREATE TABLE type_rows (
                id BIGINT AUTO_INCREMENT PRIMARY KEY,
                flag BOOLEAN NOT NULL, tiny SMALLINT NOT NULL, small SMALLINT NOT NULL, number INT NOT NULL, big BIGINT NOT NULL,
                real4 FLOAT NOT NULL, real8 DOUBLE NOT NULL, amount DECIMAL(20, 6) NOT NULL, label TEXT NOT NULL, optional_label TEXT,
                uid CHAR(36) NOT NULL, at_time DATETIME(6) NOT NULL, at_offset DATETIME(6) NOT NULL, on_day DATE NOT NULL, at_clock TIME(6) NOT NULL,
                payload BLOB, mood SMALLINT NOT NULL, mood_name VARCHAR(50) NOT NULL, optional_number INT, optional_uid CHAR(36),
                optional_at DATETIME(6), optional_mood SMALLINT);
            CREATE TABLE notes (tag TEXT, body TEXT NOT NULL, id BIGINT PRIMARY KEY);
            CREATE TABLE documents (id CHAR(36) PRIMARY KEY, title TEXT NOT NULL);
            CREATE TABLE `order` (id BIGINT PRIMARY KEY, `key` VARCHAR(50) NOT NULL, `select` INT NOT NULL);
            """);
    }

    /// <summary>The server the test command started; a missing one fails the run rather than skipping it.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable("NEOGEN_MARIADB") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("NEOGEN_MARIADB is not set. Run the tests through './build.sh test', which starts a throwaway MariaDB server, or point NEOGEN_MARIADB at one.");

    public override Dialect Dialect => Dialect.MySql;

    /// <summary>The same database, with MySqlBulkCopy not allowed (no AllowLoadLocalInfile).</summary>
    public string WithoutLocalInfile => new MySqlConnectionStringBuilder(_connectionString) { AllowLoadLocalInfile = false }.ConnectionString;

    public override DbConnection OpenConnection()
    {
        var connection = new MySqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        base.Dispose();
        MySqlConnection.ClearAllPools();
        using var connection = new MySqlConnection(_admin);
        connection.Open();
#pragma warning disable NG1001 // the database name again: an identifier, not a value
        using var command = new MySqlCommand($"DROP DATABASE {_database}", connection);
#pragma warning restore NG1001
        command.ExecuteNonQuery();
    }
}

/// <summary>SQLite with the tables <c>NeoGenSchema.EnsureCreated</c> makes from the [Table] types.</summary>
public sealed class SqliteGeneratedSchemaDatabase() : SqliteDatabase(generatedSchema: true);

/// <summary>PostgreSQL with the tables <c>NeoGenSchema.EnsureCreated</c> makes from the [Table] types.</summary>
public sealed class PostgresGeneratedSchemaDatabase() : PostgresDatabase(generatedSchema: true);

/// <summary>MariaDB with the tables <c>NeoGenSchema.EnsureCreated</c> makes from the [Table] types.</summary>
public sealed class MariaDbGeneratedSchemaDatabase() : MariaDbDatabase(generatedSchema: true);
