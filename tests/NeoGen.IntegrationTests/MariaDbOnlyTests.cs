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
}
