using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// What <c>NeoGenSchema.EnsureCreated</c> gives a table on a real server beyond what the repository contract uses
/// (which runs on the generated schema too: <see cref="SqliteGeneratedSchemaRepositoryTests"/> and the others).
/// </summary>
public abstract class SchemaCreationContract
{
    protected SchemaCreationContract(TestDatabase database)
    {
        Database = database;
        Database.Execute("DELETE FROM schema_features");
    }

    protected TestDatabase Database { get; }

    private bool Sqlite => Database.Dialect == Dialect.Sqlite;

    [Fact]
    public void A_row_written_without_NeoGen_gets_the_defaults_of_the_initializers_and_the_database_made_values()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        Database.Execute("INSERT INTO schema_features (code, price) VALUES ('a', 1.2345)");

        Assert.Equal(3L, Convert.ToInt64(Database.Scalar("SELECT priority FROM schema_features WHERE code = 'a'"), CultureInfo.InvariantCulture));
        Assert.True(Convert.ToBoolean(Database.Scalar("SELECT active FROM schema_features WHERE code = 'a'"), CultureInfo.InvariantCulture));
        Assert.Equal("it's new", Database.Scalar("SELECT label FROM schema_features WHERE code = 'a'"));
        Assert.Equal("Happy", Database.Scalar("SELECT mood FROM schema_features WHERE code = 'a'"));
        Assert.NotNull(Database.Scalar("SELECT id FROM schema_features WHERE code = 'a'"));

        // SQLite keeps a decimal as text, digit for digit; numeric(10, 3) and DECIMAL(10, 3) round to three places.
        var price = Convert.ToDecimal(Database.Scalar("SELECT price FROM schema_features WHERE code = 'a'"), CultureInfo.InvariantCulture);
        Assert.Equal(Sqlite ? 1.2345m : 1.235m, price);

        var stamp = Database.Scalar("SELECT stamp FROM schema_features WHERE code = 'a'");
        // The servers' stamps are UTC: timestamptz is an instant, and MariaDB's CURRENT_TIMESTAMP follows the session's
        // zone, which is UTC in NeoGen's sessions (a DATETIME read back is Unspecified).
        var at = stamp switch
        {
            DateTime { Kind: DateTimeKind.Unspecified } wallClock => DateTime.SpecifyKind(wallClock, DateTimeKind.Utc),
            DateTime time => time.ToUniversalTime(),
            _ => DateTime.Parse((string)stamp!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        };
        Assert.InRange(at, before, DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void The_database_makes_a_distinct_guid_key_for_each_row()
    {
        Database.Execute("INSERT INTO schema_features (code, price) VALUES ('a', 1); INSERT INTO schema_features (code, price) VALUES ('b', 2)");
        Assert.Equal(2L, Convert.ToInt64(Database.Scalar("SELECT COUNT(DISTINCT id) FROM schema_features"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_unique_index_and_the_length_are_enforced()
    {
        Database.Execute("INSERT INTO schema_features (code, price) VALUES ('same', 1)");
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Database.Execute("INSERT INTO schema_features (code, price) VALUES ('same', 2)"));

        // SQLite does not check lengths; the servers refuse a longer value (MariaDB in its default strict mode).
        if (Sqlite)
        {
            Database.Execute("INSERT INTO schema_features (code, price) VALUES ('ninechars', 1)");
        }
        else
        {
            Assert.ThrowsAny<System.Data.Common.DbException>(() => Database.Execute("INSERT INTO schema_features (code, price) VALUES ('ninechars', 1)"));
        }
    }

    [Fact]
    public async Task Running_it_again_keeps_the_rows()
    {
        Database.Execute("INSERT INTO schema_features (code, price) VALUES ('kept', 1)");
        await NeoGenSchema.EnsureCreatedAsync(Database.Source);
        Assert.Equal(1L, Convert.ToInt64(Database.Scalar("SELECT COUNT(*) FROM schema_features"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_script_is_the_statements_each_ended_by_a_semicolon()
    {
        var statements = NeoGenSchema.CreateStatements(Database.Dialect);
        Assert.Equal(string.Join(";\n\n", statements) + ";\n", NeoGenSchema.CreateScript(Database.Dialect));
        Assert.Contains(statements, s => s.Contains("schema_features", StringComparison.Ordinal));
    }
}

public sealed class SqliteSchemaCreationTests(SqliteGeneratedSchemaDatabase database) : SchemaCreationContract(database), IClassFixture<SqliteGeneratedSchemaDatabase>
{
    [Fact]
    public async Task A_failed_statement_is_a_typed_error_naming_the_table_and_creates_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), "neogen-schema-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE users (id INTEGER PRIMARY KEY)"; // no email column for ix_users_email
                command.ExecuteNonQuery();
            }

            await using var source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection(connectionString));
            var error = await Assert.ThrowsAsync<NeoGenCommandException>(() => NeoGenSchema.EnsureCreatedAsync(source));
            Assert.Equal("users", error.Table);
            Assert.Contains("Creating the schema failed at statement", error.Message, StringComparison.Ordinal);
            Assert.IsType<SqliteException>(error.InnerException);

            // One transaction: the tables created before the failing index are gone too.
            using var check = new SqliteConnection(connectionString);
            check.Open();
            using var count = check.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'teams'";
            Assert.Equal(0L, (long)count.ExecuteScalar()!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}

public sealed class PostgresSchemaCreationTests(PostgresGeneratedSchemaDatabase database) : SchemaCreationContract(database), IClassFixture<PostgresGeneratedSchemaDatabase>;

public sealed class MariaDbSchemaCreationTests(MariaDbGeneratedSchemaDatabase database) : SchemaCreationContract(database), IClassFixture<MariaDbGeneratedSchemaDatabase>;
