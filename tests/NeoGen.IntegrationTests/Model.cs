namespace NeoGen.IntegrationTests;

public enum Role
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}

public enum Mood : short
{
    Sad = 0,
    Neutral = 1,
    Happy = 2,
}

// A positional record: built through its primary constructor.
[Table("teams")]
public sealed record Team([property: Key, Generated] long Id, string Name);

[Table("users")]
[Index(nameof(Email), Unique = true)]
[Index(nameof(TeamId), nameof(CreatedAt))]
public sealed record User
{
    [Key, Generated]
    public long Id { get; init; }

    public required string Email { get; init; }

    public string? DisplayName { get; init; }

    [ForeignKey(typeof(Team))]
    public long TeamId { get; init; }

    public Role Role { get; init; }

    [Version]
    public int RowVersion { get; init; }

    [CreatedAt]
    public DateTime CreatedAt { get; init; }

    [UpdatedAt]
    public DateTime UpdatedAt { get; init; }

    [Ignore]
    public string? Computed { get; init; }
}

// A composite key.
[Table("memberships")]
public sealed record Membership
{
    [Key]
    public long UserId { get; init; }

    [Key]
    public long TeamId { get; init; }

    [Column(EnumStorage = EnumStorage.String)]
    public Role Role { get; init; }
}

// Every supported column type, nullable and not.
[Table("type_rows")]
public sealed record TypeRow
{
    [Key, Generated]
    public long Id { get; init; }

    public bool Flag { get; init; }

    public byte Tiny { get; init; }

    public short Small { get; init; }

    public int Number { get; init; }

    public long Big { get; init; }

    public float Real4 { get; init; }

    public double Real8 { get; init; }

    public decimal Amount { get; init; }

    public required string Label { get; init; }

    public string? OptionalLabel { get; init; }

    public Guid Uid { get; init; }

    public DateTime AtTime { get; init; }

    public DateTimeOffset AtOffset { get; init; }

    public DateOnly OnDay { get; init; }

    public TimeOnly AtClock { get; init; }

    public byte[]? Payload { get; init; }

    public Mood Mood { get; init; }

    [Column(EnumStorage = EnumStorage.String)]
    public Mood MoodName { get; init; }

    public int? OptionalNumber { get; init; }

    public Guid? OptionalUid { get; init; }

    public DateTime? OptionalAt { get; init; }

    public Mood? OptionalMood { get; init; }
}

// A class with settable properties, read from a join.
public sealed class UserSummary
{
    public long Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public string? TeamName { get; set; }
}

// A result type whose Email may not be NULL.
public sealed record EmailOnly(long Id, string Email);

public sealed record TeamSize(string Team, long Members, string? NewestEmail, string Label);

public sealed record RenameRequest(long Id, string? DisplayName);

// Not a [Table] type: rows of a table NeoGen has no declaration for are matched by column name.
public sealed record Note(long Id, string Body, string? Tag);

// A Guid key: SQLite stores it as a blob, so GetMany reads keys one by one there.
[Table("documents")]
public sealed record Document
{
    [Key]
    public Guid Id { get; init; }

    public required string Title { get; init; }
}

// PostgreSQL arrays: members and parameters of array type (text[], int[], an enum array stored by name).
[Table("tagged_items")]
public sealed record TaggedItem
{
    [Key, Generated]
    public long Id { get; init; }

    public required string Name { get; init; }

    public string[] Tags { get; init; } = Array.Empty<string>();

    public List<int>? Scores { get; init; }

    [Column(EnumStorage = EnumStorage.String)]
    public Mood[] Moods { get; init; } = Array.Empty<Mood>();
}

// Named with reserved words, on MySQL only: every statement, the bulk load included, must quote them.
[Table("order")]
public sealed record ReservedRow
{
    [Key]
    public long Id { get; init; }

    public required string Key { get; init; }

    public int Select { get; init; }
}

// What the generated schema gives a table beyond column types: defaults from initializers, a length, a precision,
// a unique index and values the database makes (a Guid key, a time stamp).
[Table("schema_features")]
[Index(nameof(Code), IsUnique = true)]
public sealed record SchemaFeature
{
    [Key, Generated]
    public Guid Id { get; init; }

    [Column(MaxLength = 8)]
    public required string Code { get; init; }

    [Column(Precision = 10, Scale = 3)]
    public decimal Price { get; init; }

    public int Priority { get; init; } = 3;

    public bool Active { get; init; } = true;

    public string Label { get; init; } = "it's new";

    [Column(EnumStorage = EnumStorage.String)]
    public Mood Mood { get; init; } = Mood.Happy;

    [Generated]
    public DateTime Stamp { get; init; }
}

// Rows from a join, each with the row it refers to (many-to-one): nested by the table its type maps to.
public sealed record UserWithTeam(long Id, string Email, Team Team);

// After an outer join: null when the team's key is NULL.
public sealed record UserWithOptionalTeam(long Id, string Email, Team? Team);

// The same table twice: each nested row takes the columns of the table aliased like it.
public sealed class TeamPair
{
    public required Team Earlier { get; init; }

    public Team? Later { get; init; }
}

// Columns named with the member's prefix (team_id, team_name), whatever table or expression they come from.
public sealed record UserCard(long Id, Team Team)
{
    public string? Label { get; init; }
}

// The orders a caller may ask for: one prepared statement each, checked at compile time.
[SortOrders(typeof(User))]
public enum UserOrder
{
    EmailAsc,
    EmailDesc,
    RoleDescThenEmail,
    CreatedAtDescThenId,
}

// Strongly typed ids (a struct wrapping one column value: no converter needed), Uri, Version, and a converter.
public readonly record struct ProductId(long Value);

public readonly record struct Sku(string Value);

public sealed record Money(decimal Amount, string Currency);

public sealed class MoneyConverter : IValueConverter<Money, string>
{
    public static string ToStore(Money value) => value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + value.Currency;

    public static Money FromStore(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return new Money(decimal.Parse(value.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture), value.Substring(space + 1));
    }
}

[Table("products")]
[Index(nameof(Sku), IsUnique = true)]
[Index(nameof(ReplacedBy))]
public sealed record Product
{
    [Key, Generated]
    public ProductId Id { get; init; }

    [Column(MaxLength = 40)]
    public required Sku Sku { get; init; }

    public Uri? Homepage { get; init; }

    public required System.Version ApiVersion { get; init; }

    [Column(Converter = typeof(MoneyConverter))]
    public required Money Price { get; init; }

    public ProductId? ReplacedBy { get; init; }
}

// JSON columns: jsonb on PostgreSQL, JSON on MariaDB, text on SQLite; serialized with source-generated metadata.
public sealed record Preferences(string Theme, int PageSize, List<string> Pinned);

[System.Text.Json.Serialization.JsonSerializable(typeof(Preferences))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
public sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

[Table("profiles")]
public sealed record Profile
{
    [Key, Generated]
    public long Id { get; init; }

    [JsonColumn(typeof(TestJsonContext))]
    public required Preferences Preferences { get; init; }

    [JsonColumn(typeof(TestJsonContext))]
    public List<string>? Tags { get; init; }
}

// One-to-many from one join ordered by the parent's key: rows grouped in the generated reader.
public sealed record TeamWithMembers(long Id, string Name, List<User> Members);

// A database enum type: CREATE TYPE mood AS ENUM on PostgreSQL, ENUM(...) on MariaDB, text on SQLite.
[Table("mood_entries")]
public sealed record MoodEntry
{
    [Key, Generated]
    public long Id { get; init; }

    [Column(EnumStorage = EnumStorage.Native)]
    public Mood Mood { get; init; }

    [Column(EnumStorage = EnumStorage.Native)]
    public Mood? Previous { get; init; }
}

// A case-insensitive text column: citext on PostgreSQL, NOCASE on SQLite, a _ci collation on MariaDB.
[Table("handles")]
[Index(nameof(Name), IsUnique = true)]
public sealed record Handle([property: Key, Generated] long Id, [property: Column(CaseInsensitive = true, MaxLength = 100)] string Name);
