using System.Globalization;
using System.Transactions;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// The date and time policy (every DateTime an instant in UTC, every DateTimeOffset stored as its instant) and the
/// transaction rules (a caller's transaction is the caller's; a TransactionScope is joined or refused), on each
/// database. The test command runs the tests and the PostgreSQL server in non-UTC time zones, so a shift shows.
/// </summary>
public abstract partial class RepositoryContract
{
    private bool Postgres => Database.Dialect == Dialect.PostgreSql;

    [Fact]
    public void The_tests_run_in_a_time_zone_that_is_not_utc()
    {
        Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 2, 29, 13, 0, 0, DateTimeKind.Utc)));
        if (Database is PostgresDatabase postgres)
        {
            Assert.NotEqual(0, postgres.ServerUtcOffsetSeconds());
            Assert.Equal(0, postgres.NeoGenSessionUtcOffsetSeconds());
        }
    }

    [Fact]
    public async Task A_local_time_is_stored_as_its_instant_and_comes_back_in_utc()
    {
        var local = new DateTime(2024, 2, 29, 13, 14, 15, 123, DateTimeKind.Local);
        var stored = await Types.InsertAsync(FullRow() with { AtTime = local, OptionalAt = local });

        var read = Types.Get(stored.Id)!;
        Assert.Equal(DateTimeKind.Utc, read.AtTime.Kind);
        Assert.Equal(local.ToUniversalTime().Ticks, read.AtTime.Ticks);
        Assert.Equal(DateTimeKind.Utc, read.OptionalAt!.Value.Kind);
        Assert.Equal(local.ToUniversalTime().Ticks, read.OptionalAt.Value.Ticks);

        // What the database holds, read without NeoGen: the UTC wall-clock time, not the local one (the generated schema's
        // timestamptz column holds the instant, shown here in UTC).
        var utcText = local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var raw = Postgres
            ? Database.Scalar($"SELECT to_char(at_time{(Database.GeneratedSchema ? " AT TIME ZONE 'UTC'" : string.Empty)}, 'YYYY-MM-DD HH24:MI:SS') FROM type_rows WHERE id = {stored.Id}")
            : Database.Scalar($"SELECT substr(at_time, 1, 19) FROM type_rows WHERE id = {stored.Id}");
        Assert.Equal(utcText, raw);
    }

    [Fact]
    public void A_local_time_in_a_timestamptz_column_keeps_its_instant()
    {
        var team = NewTeam();
        var before = DateTime.UtcNow.AddSeconds(-5);
        var user = NewUser(team, "local@example.com");
        Assert.Equal(DateTimeKind.Utc, user.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, Users.Get(user.Id)!.CreatedAt.Kind);
        Assert.InRange(Users.Get(user.Id)!.CreatedAt, before, DateTime.UtcNow.AddSeconds(5));

        // Written as local time by the caller through a hand-written statement: the same instant is stored.
        var local = new DateTime(2023, 7, 1, 10, 0, 0, DateTimeKind.Local);
        Assert.Equal(1, Users.TouchCreatedAt(user.Id, local));
        Assert.Equal(local.ToUniversalTime().Ticks, Users.Get(user.Id)!.CreatedAt.Ticks);
        if (Postgres)
        {
            var epoch = Convert.ToDouble(Database.Scalar($"SELECT extract(epoch FROM created_at) FROM users WHERE id = {user.Id}"), CultureInfo.InvariantCulture);
            Assert.Equal(new DateTimeOffset(local).ToUnixTimeSeconds(), (long)epoch);
        }
    }

    [Fact]
    public async Task An_offset_is_stored_as_its_instant_on_every_database()
    {
        var offset = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(2));
        var stored = await Types.InsertAsync(FullRow() with { AtOffset = offset });
        var read = Types.Get(stored.Id)!;
        Assert.Equal(offset.UtcTicks, read.AtOffset.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.AtOffset.Offset);
    }

    [Fact]
    public async Task From_connection_leaves_the_callers_transaction_and_connection_alone()
    {
        var team = NewTeam();
        using (var connection = Database.OpenConnection())
        {
            using var transaction = connection.BeginTransaction();
            using (var work = UnitOfWork.FromConnection(Database.Dialect, connection, transaction))
            {
                IUserRepository.Create(work).Insert(new User { Email = "caller@example.com", TeamId = team.Id });
                Assert.Throws<InvalidOperationException>(() => work.Commit());
                Assert.Throws<InvalidOperationException>(() => work.Rollback());
            }

            // Disposing the unit of work neither rolled back nor closed anything: the caller commits.
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT COUNT(*) FROM users WHERE email = 'caller@example.com'";
                Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
            }

            transaction.Commit();
        }

        Assert.NotNull(await Users.FindByEmailAsync("caller@example.com"));

        using (var connection = Database.OpenConnection())
        {
            using var transaction = connection.BeginTransaction();
            using (var work = UnitOfWork.FromConnection(Database.Dialect, connection, transaction))
            {
                IUserRepository.Create(work).Insert(new User { Email = "caller-rolled-back@example.com", TeamId = team.Id });
            }

            transaction.Rollback();
        }

        Assert.Null(await Users.FindByEmailAsync("caller-rolled-back@example.com"));
    }

    [Fact]
    public async Task A_transaction_scope_is_joined_or_refused()
    {
        if (Database.Dialect == Dialect.Sqlite)
        {
            // Microsoft.Data.Sqlite has no System.Transactions support: NeoGen refuses instead of running outside the scope.
            using (new TransactionScope())
            {
                var refused = Assert.Throws<NeoGenException>(() => Teams.Insert(new Team(0, "in-scope")));
                Assert.Contains("TransactionScope", refused.Message);
                Assert.Contains("BeginUnitOfWork", refused.Message);
                var noUnitOfWork = Assert.Throws<InvalidOperationException>(() => Database.Source.BeginUnitOfWork());
                Assert.Contains("SQLite", noUnitOfWork.Message);
                Assert.DoesNotContain("already join", noUnitOfWork.Message);
            }

            Assert.Null(Teams.FindByName("in-scope"));
            return;
        }

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            Teams.Insert(new Team(0, "abandoned"));
            await Teams.InsertAsync(new Team(0, "abandoned-async"));
            Assert.NotNull(Teams.FindByName("abandoned"));

            // Disposed without Complete(): rolled back.
        }

        Assert.Null(Teams.FindByName("abandoned"));
        Assert.Null(Teams.FindByName("abandoned-async"));

        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await Teams.InsertAsync(new Team(0, "completed"));
            Assert.Throws<InvalidOperationException>(() => Database.Source.BeginUnitOfWork());
            scope.Complete();
        }

        Assert.NotNull(Teams.FindByName("completed"));

        // The data source is usable after the scope: its connection went back to the pool.
        Assert.NotNull(Teams.FindByName("completed"));
    }
}
