using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>What only PostgreSQL has: array columns as members, and arrays as one parameter value.</summary>
public sealed class PostgresOnlyTests : IClassFixture<PostgresDatabase>
{
    private readonly ITaggedItemRepository _items;
    private readonly PostgresDatabase _database;

    public PostgresOnlyTests(PostgresDatabase database)
    {
        _database = database;
        database.Execute("DELETE FROM tagged_items");
        _items = ITaggedItemRepository.Create(database.Source);
    }

    [Fact]
    public async Task Array_members_round_trip_through_crud()
    {
        var stored = await _items.InsertAsync(new TaggedItem { Name = "first", Tags = new[] { "a", "b" }, Scores = new List<int> { 3, 1 }, Moods = new[] { Mood.Happy, Mood.Sad } });
        var read = _items.Get(stored.Id)!;
        Assert.Equal(new[] { "a", "b" }, read.Tags);
        Assert.Equal(new List<int> { 3, 1 }, read.Scores);
        Assert.Equal(new[] { Mood.Happy, Mood.Sad }, read.Moods);

        var updated = _items.Update(read with { Tags = Array.Empty<string>(), Scores = null });
        Assert.Empty(updated.Tags);
        Assert.Null(_items.Get(stored.Id)!.Scores);
    }

    [Fact]
    public void An_array_parameter_is_one_value()
    {
        var first = _items.Add("first", new List<string> { "red", "blue" }, new[] { Mood.Neutral });
        var second = _items.Add("second", new List<string> { "green" }, Array.Empty<Mood>());

        Assert.Equal(1, _items.Retag(second, new[] { "green", "blue" }));
        Assert.Equal(new[] { "green", "blue" }, _items.TagsOf(second));
        Assert.Equal(new[] { first, second }, _items.WithAnyTag(new[] { "blue" }).Select(i => i.Id));
        Assert.Equal(new[] { first }, _items.WithAnyTag(new HashSet<string> { "red" }).Select(i => i.Id));
        Assert.Equal(new[] { first, second }, _items.ByIds(new[] { second, first, -1 }));
        Assert.Equal(Mood.Neutral, Assert.Single(_items.Get(first)!.Moods));
        Assert.Null(_items.TagsOf(-1));
    }

    [Fact]
    public async Task UpdateMany_names_the_failing_row_of_a_batch_when_Npgsql_includes_the_failed_statement()
    {
        _database.Reset();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(_database.WithFailedStatements);
        await using var source = new NeoGenDataSource(Dialect.PostgreSql, dataSource);
        var team = ITeamRepository.Create(source).Insert(new Team(0, "batch"));
        var users = IUserRepository.Create(source);
        var rows = Enumerable.Range(0, 250).Select(i => users.Insert(new User { Email = $"failed{i}@example.com", TeamId = team.Id })).ToList();
        var duplicate = rows.Select((u, i) => i == 150 ? u with { Email = "failed3@example.com" } : u);
        var conflict = await Assert.ThrowsAsync<NeoGenConstraintException>(() => users.UpdateManyAsync(duplicate).AsTask());
        Assert.Equal(150, conflict.RowIndex);
        Assert.All(rows, u => Assert.Equal(1, users.Get(u.Id)!.RowVersion));
    }
}
