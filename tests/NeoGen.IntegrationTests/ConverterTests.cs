using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// Strongly typed ids, <c>Uri</c>, <c>Version</c> and a <c>[Column(Converter)]</c> on every database: what is stored
/// (read with plain ADO.NET) and what comes back, through CRUD, derived queries, <c>[Query]</c> parameters, lists and
/// scalar results. On the tables <c>NeoGenSchema</c> creates.
/// </summary>
public abstract class ConverterContract
{
    protected ConverterContract(TestDatabase database)
    {
        Database = database;
        Database.Execute("DELETE FROM products; DELETE FROM profiles; DELETE FROM mood_entries; DELETE FROM handles");
        Products = IProductRepository.Create(database.Source);
        Profiles = IProfileRepository.Create(database.Source);
    }

    protected IProfileRepository Profiles { get; }

    protected TestDatabase Database { get; }

    protected IProductRepository Products { get; }

    private Product NewProduct(string sku, ProductId? replacedBy = null) => Products.Insert(new Product
    {
        Sku = new Sku(sku),
        Homepage = new Uri("https://example.com/" + sku),
        ApiVersion = new Version(2, 1, 3),
        Price = new Money(12.50m, "EUR"),
        ReplacedBy = replacedBy,
    });

    [Fact]
    public void Values_are_stored_as_their_column_values_and_come_back_as_the_members_types()
    {
        var product = NewProduct("A-1");
        Assert.True(product.Id.Value > 0);
        Assert.Equal(product, Products.Get(product.Id));

        // What the database holds: the id's number, the Uri's text, the version's text, the converter's text.
        Assert.Equal("A-1", Database.Scalar($"SELECT sku FROM products WHERE id = {product.Id.Value}"));
        Assert.Equal("https://example.com/A-1", Database.Scalar($"SELECT homepage FROM products WHERE id = {product.Id.Value}"));
        Assert.Equal("2.1.3", Database.Scalar($"SELECT api_version FROM products WHERE id = {product.Id.Value}"));
        Assert.Equal("12.50 EUR", Database.Scalar($"SELECT price FROM products WHERE id = {product.Id.Value}"));
        Assert.Equal(DBNull.Value, Database.Scalar($"SELECT replaced_by FROM products WHERE id = {product.Id.Value}"));
    }

    [Fact]
    public async Task Json_members_round_trip_through_a_json_column()
    {
        var preferences = new Preferences("dark", 50, new List<string> { "inbox", "drafts" });
        var profile = Profiles.Insert(new Profile { Preferences = preferences, Tags = new List<string> { "a", "b" } });
        var read = Profiles.Get(profile.Id)!;
        Assert.Equal(preferences.Theme, read.Preferences.Theme);
        Assert.Equal(preferences.Pinned, read.Preferences.Pinned);
        Assert.Equal(new[] { "a", "b" }, read.Tags);

        // The database holds JSON it can query itself.
        var theme = Database.Dialect switch
        {
            Dialect.PostgreSql => $"SELECT preferences->>'Theme' FROM profiles WHERE id = {profile.Id}",
            _ => $"SELECT json_extract(preferences, '$.Theme') FROM profiles WHERE id = {profile.Id}",
        };
        Assert.Equal("dark", Database.Scalar(theme)?.ToString()?.Trim('"'));

        var empty = Profiles.Insert(new Profile { Preferences = preferences with { Pinned = new List<string>() } });
        Assert.Null(Profiles.Get(empty.Id)!.Tags);
        Assert.Equal(2, await Profiles.BulkInsertAsync(new[] { new Profile { Preferences = preferences }, new Profile { Preferences = preferences, Tags = new List<string>() } }));
        Assert.Equal(4, Profiles.Count());

        // Text that is not JSON of the member's type is an error naming the column, not a default.
        Database.Execute($"UPDATE profiles SET tags = '{{\"not\": \"a list\"}}' WHERE id = {profile.Id}");
        var error = Assert.Throws<NeoGenMappingException>(() => Profiles.Get(profile.Id));
        Assert.Equal("tags", error.Column);
    }

    [Fact]
    public async Task A_native_enum_member_is_stored_in_a_database_enum_type()
    {
        var moods = IMoodRepository.Create(Database.Source);
        var happy = moods.Insert(new MoodEntry { Mood = Mood.Happy, Previous = Mood.Sad });
        var sad = moods.Insert(new MoodEntry { Mood = Mood.Sad });
        Assert.Equal(2, await moods.BulkInsertAsync(new[] { new MoodEntry { Mood = Mood.Neutral }, new MoodEntry { Mood = Mood.Happy, Previous = Mood.Neutral } }));

        Assert.Equal(happy, moods.Get(happy.Id));
        Assert.Equal(sad with { Previous = null }, moods.Get(sad.Id));
        Assert.Equal(2, moods.FindByMoodOrderById(Mood.Happy).Count);
        Assert.Equal(new[] { happy.Id, sad.Id }, moods.Touching(Mood.Sad).Select(m => m.Id));
        Assert.Equal(Mood.Happy, moods.MoodOf(happy.Id));
        Assert.Equal("Happy", Database.Scalar($"SELECT mood FROM mood_entries WHERE id = {happy.Id}")?.ToString());

        // The column's type is the database's enum, where it has one.
        switch (Database.Dialect)
        {
            case Dialect.PostgreSql:
                Assert.Equal("mood", Database.Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'mood_entries'::regclass AND attname = 'mood'"));
                Assert.Equal("Sad,Neutral,Happy", Database.Scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum JOIN pg_type t ON t.oid = enumtypid WHERE t.typname = 'mood'"));
                break;
            case Dialect.MySql:
                Assert.Equal("enum('Sad','Neutral','Happy')", Database.Scalar("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'mood_entries' AND COLUMN_NAME = 'mood'"));
                break;
        }
    }

    [Fact]
    public void A_case_insensitive_column_compares_and_indexes_without_regard_to_case()
    {
        var handles = IHandleRepository.Create(Database.Source);
        var ada = handles.Insert(new Handle(0, "Ada.Lovelace"));
        Assert.Equal(ada, handles.FindByName("ada.lovelace"));
        Assert.Equal(ada, handles.Named("ADA.LOVELACE"));
        Assert.Null(handles.FindByName("ada"));
        Assert.Equal(new[] { ada }, handles.FindByNameIn(new List<string> { "ADA.lovelace", "nobody" }));

        // The unique index ignores case too.
        var duplicate = Assert.Throws<NeoGenConstraintException>(() => handles.Insert(new Handle(0, "ADA.lovelace")));
        Assert.Equal(ConstraintKind.Unique, duplicate.Kind);

        if (Database.Dialect == Dialect.PostgreSql)
        {
            Assert.Equal("citext", Database.Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'handles'::regclass AND attname = 'name'"));
        }
    }

    [Fact]
    public void Ids_work_as_keys_filters_lists_and_results()
    {
        var old = NewProduct("OLD");
        var replacement = NewProduct("NEW", replacedBy: old.Id);
        var other = NewProduct("OTHER");

        Assert.Equal(replacement, Products.FindBySku(new Sku("NEW")));
        Assert.Equal(new[] { replacement }, Products.FindByReplacedBy(old.Id));
        Assert.Equal(new[] { old, other }, Products.FindByReplacedBy(null));
        Assert.Equal(old.Id, Products.IdOf(new Sku("OLD")));
        Assert.Null(Products.IdOf(new Sku("NONE")));
        Assert.Equal(new[] { old, other }, Products.Several(new List<ProductId> { other.Id, old.Id }));
        Assert.Equal(new[] { old, replacement }, Products.GetMany(new[] { old.Id, replacement.Id }).OrderBy(p => p.Id.Value));

        Assert.Equal(1, Products.MoveHomepage(old.Id, null));
        Assert.Null(Products.Get(old.Id)!.Homepage);

        var updated = Products.Update(old with { Price = new Money(9.99m, "USD"), ApiVersion = new Version(3, 0) });
        Assert.Equal(new Money(9.99m, "USD"), Products.Get(old.Id)!.Price);
        Assert.Equal(new Version(3, 0), updated.ApiVersion);
        Assert.True(Products.Delete(replacement.Id));
        Assert.False(Products.Exists(replacement.Id));
    }
}

public sealed class SqliteConverterTests(SqliteGeneratedSchemaDatabase database) : ConverterContract(database), IClassFixture<SqliteGeneratedSchemaDatabase>;

public sealed class PostgresConverterTests(PostgresGeneratedSchemaDatabase database) : ConverterContract(database), IClassFixture<PostgresGeneratedSchemaDatabase>;

public sealed class MariaDbConverterTests(MariaDbGeneratedSchemaDatabase database) : ConverterContract(database), IClassFixture<MariaDbGeneratedSchemaDatabase>;
