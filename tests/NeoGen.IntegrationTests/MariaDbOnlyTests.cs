using MySqlConnector;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>What only MySQL/MariaDB has: bulk inserts through MySqlBulkCopy, or prepared INSERTs where LOAD DATA LOCAL is not allowed.</summary>
public sealed class MariaDbOnlyTests : IClassFixture<MariaDbDatabase>
{
    private readonly MariaDbDatabase _database;

    public MariaDbOnlyTests(MariaDbDatabase database)
    {
        _database = database;
        database.Reset();
    }

    [Theory]
    [InlineData("5.5.5-10.11.19-MariaDB-0+deb12u1", true)]
    [InlineData("10.11.6-MariaDB-0+deb12u1", true)]
    [InlineData("5.5.5-10.4.34-MariaDB", false)]
    [InlineData("10.5.0-MariaDB", true)]
    [InlineData("11.4.2-MariaDB-ubu2404", true)]
    [InlineData("10.4.34-MariaDB", false)]
    [InlineData("8.0.36", false)]
    [InlineData("8.4.0-0ubuntu0.24.04.1", false)]
    [InlineData(null, false)]
    public void MariaDB_10_5_and_later_have_insert_returning(string? version, bool expected)
        => Assert.Equal(expected, NeoGen.Internal.ServerFeatures.IsMariaDbWithReturning(version));

    [Fact]
    public async Task Inserts_read_back_the_row_with_RETURNING_on_MariaDB_and_with_a_SELECT_where_the_server_has_none()
    {
        using (var connection = new MySqlConnection(_database.WithoutLocalInfile))
        {
            connection.Open();
            Assert.True(NeoGen.Internal.ServerFeatures.HasInsertReturning(connection), connection.ServerVersion);
        }

        async Task<User> InsertWith(NeoGenDataSource source, string email)
        {
            var team = ITeamRepository.Create(source).Insert(new Team(0, email));
            return await IUserRepository.Create(source).InsertAsync(new User { Email = email, TeamId = team.Id, DisplayName = "x" });
        }

        await using var returning = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(_database.WithoutLocalInfile));
        var first = await InsertWith(returning, "returning@example.com");

        AppContext.SetSwitch(NeoGen.Internal.ServerFeatures.WithoutInsertReturningSwitch, true);
        try
        {
            // New connections make new commands: the MySQL 8 form, an INSERT and a SELECT by LAST_INSERT_ID().
            await using var selecting = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(_database.WithoutLocalInfile));
            var second = await InsertWith(selecting, "selecting@example.com");
            foreach (var user in new[] { first, second })
            {
                Assert.True(user.Id > 0);
                Assert.Equal(1, user.RowVersion);
                Assert.Equal("x", user.DisplayName);
                Assert.Equal(user, IUserRepository.Create(_database.Source).Get(user.Id));
            }

            Assert.NotEqual(first.Id, second.Id);
        }
        finally
        {
            AppContext.SetSwitch(NeoGen.Internal.ServerFeatures.WithoutInsertReturningSwitch, false);
        }
    }

    [Fact]
    public async Task Without_local_infile_bulk_inserts_are_prepared_inserts_in_one_transaction()
    {
        await using var source = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(_database.WithoutLocalInfile));
        var teams = ITeamRepository.Create(source);
        var users = IUserRepository.Create(source);
        var team = teams.Insert(new Team(0, "plain"));
        var rows = Enumerable.Range(0, 200).Select(i => new User { Email = $"plain{i}@example.com", TeamId = team.Id }).ToList();
        Assert.Equal(200, await users.BulkInsertAsync(rows));
        Assert.Equal(200, users.Count());

        var again = Enumerable.Range(200, 50).Select(i => new User { Email = i == 220 ? "plain5@example.com" : $"plain{i}@example.com", TeamId = team.Id });
        Assert.Equal(ConstraintKind.Unique, Assert.Throws<NeoGenConstraintException>(() => users.BulkInsert(again)).Kind);
        Assert.Equal(200, users.Count());
    }

    [Fact]
    public async Task Load_data_local_warnings_are_errors_and_keep_nothing()
    {
        // LOAD DATA LOCAL would skip the duplicate row with a warning; NeoGen refuses the whole load instead.
        var teams = ITeamRepository.Create(_database.Source);
        var users = IUserRepository.Create(_database.Source);
        var team = teams.Insert(new Team(0, "bulk"));
        users.Insert(new User { Email = "first@example.com", TeamId = team.Id });
        var rows = Enumerable.Range(0, 100).Select(i => new User { Email = i == 42 ? "first@example.com" : $"bulk{i}@example.com", TeamId = team.Id, DisplayName = i % 2 == 0 ? null : "odd" });
        var failed = await Assert.ThrowsAsync<NeoGenConstraintException>(() => users.BulkInsertAsync(rows).AsTask());
        Assert.Equal(ConstraintKind.Unique, failed.Kind);
        Assert.Contains("nothing was kept", failed.Message);
        Assert.Equal(1, users.Count());
    }

    [Fact]
    public void Update_and_upsert_work_on_a_connection_that_counts_changed_rows()
    {
        // UseAffectedRows=true: an UPDATE to the same values reports 0 rows. Neither a versionless update nor an upsert
        // may read that as "no such row".
        var changedRows = new MySqlConnectionStringBuilder(_database.WithoutLocalInfile) { UseAffectedRows = true }.ConnectionString;
        using var source = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(changedRows));
        var memberships = IMembershipRepository.Create(source);
        var membership = memberships.Insert(new Membership { UserId = 7, TeamId = 8, Role = Role.Member });
        Assert.Equal(membership, memberships.Update(membership));
        Assert.Equal(membership, memberships.Upsert(membership));
        Assert.Equal(1, memberships.Count());
        Assert.Throws<NeoGenConcurrencyException>(() => memberships.Update(membership with { UserId = 99 }));
    }

    [Fact]
    public async Task A_bulk_insert_joins_a_transaction_scope()
    {
        var teams = ITeamRepository.Create(_database.Source);
        var users = IUserRepository.Create(_database.Source);
        var team = teams.Insert(new Team(0, "scoped"));
        var rows = Enumerable.Range(0, 20).Select(i => new User { Email = $"scoped{i}@example.com", TeamId = team.Id }).ToList();
        using (new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            Assert.Equal(20, await users.BulkInsertAsync(rows));

            // Not completed: rolled back with the scope.
        }

        Assert.Equal(0, users.Count());
        using (var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            Assert.Equal(20, await users.BulkInsertAsync(rows));
            scope.Complete();
        }

        Assert.Equal(20, users.Count());
    }

    [Fact]
    public async Task Reserved_words_are_quoted_in_every_statement_and_in_the_bulk_load()
    {
        var rows = IReservedRowRepository.Create(_database.Source);
        _database.Execute("DELETE FROM `order`");
        Assert.Equal(3, await rows.BulkInsertAsync(Enumerable.Range(1, 3).Select(i => new ReservedRow { Id = i, Key = "k" + i, Select = i * 10 })));
        Assert.Equal(20, rows.Get(2)!.Select);
        Assert.Equal("k9", rows.Insert(new ReservedRow { Id = 9, Key = "k9", Select = 90 }).Key);
        Assert.Equal(4, rows.Count());
    }
}
