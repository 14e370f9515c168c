using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>What only PostgreSQL has: array columns as members, and arrays as one parameter value.</summary>
public sealed class PostgresOnlyTests : IClassFixture<PostgresDatabase>
{
    private readonly ITaggedItemRepository _items;

    public PostgresOnlyTests(PostgresDatabase database)
    {
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
}
