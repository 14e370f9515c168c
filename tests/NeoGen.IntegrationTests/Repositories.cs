namespace NeoGen.IntegrationTests;

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface ITeamRepository : ICrudRepository<Team, long>
{
    [Query("SELECT * FROM teams WHERE name = @name")]
    Team? FindByName(string name);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IUserRepository : ICrudRepository<User, long>, IBulkRepository<User>
{
    [Query("SELECT id, email, display_name, team_id, role, row_version, created_at, updated_at FROM users WHERE email = @email")]
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    [Query("SELECT * FROM users WHERE id = @id")]
    User GetRequired(long id);

    [Query("UPDATE users SET display_name = @name WHERE id = @id")]
    Task<int> RenameAsync(long id, string? name, CancellationToken cancellationToken = default);

    [Query("UPDATE users SET display_name = @DisplayName WHERE id = @Id")]
    bool Rename(RenameRequest request);

    [Query("UPDATE users SET created_at = @at WHERE id = @id")]
    int TouchCreatedAt(long id, DateTime at);

    [Query("DELETE FROM users WHERE team_id = @teamId")]
    void DeleteTeamMembers(long teamId);

    [Query("DELETE FROM users WHERE team_id = @teamId")]
    Task DeleteTeamMembersAsync(long teamId, CancellationToken cancellationToken = default);

    [Query("SELECT u.id, u.email, t.name AS team_name FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.id")]
    IReadOnlyList<UserSummary> Summaries();

    [Query("SELECT email FROM users ORDER BY email")]
    string[] Emails();

    // A tuple of rows from one join: each element takes the columns of its table.
    [Query("SELECT u.*, t.* FROM users u JOIN teams t ON t.id = u.team_id ORDER BY u.id")]
    List<(User User, Team Team)> UsersWithTeams();

    [Query("SELECT t.*, u.* FROM teams t LEFT JOIN users u ON u.team_id = t.id ORDER BY t.id, u.id")]
    IAsyncEnumerable<(Team Team, User? User)> TeamsAndUsersAsync();

    // One-to-many: each team once, with its users (none after the outer join when it has none).
    [Query("SELECT t.id, t.name, u.* FROM teams t LEFT JOIN users u ON u.team_id = t.id ORDER BY t.id, u.email")]
    List<TeamWithMembers> Rosters();

    [Query("SELECT t.id, t.name, u.* FROM teams t LEFT JOIN users u ON u.team_id = t.id WHERE t.id = @teamId ORDER BY t.id, u.email")]
    Task<TeamWithMembers?> RosterAsync(long teamId);

    // A tuple of results, one per statement, read in one round trip.
    [Query("SELECT * FROM teams WHERE id = @teamId; SELECT * FROM users WHERE team_id = @teamId ORDER BY email")]
    Task<(Team? Team, List<User> Members)> TeamWithMembersAsync(long teamId);

    [Query("SELECT COUNT(*) FROM users WHERE team_id = @teamId; SELECT u.id, u.email, t.id, t.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = @email")]
    (long Count, UserWithTeam? Found) CountAndFind(long teamId, string email);

    // Dynamic sorting: the order is one of UserOrder's members, never text.
    List<User> FindByTeamId(long teamId, UserOrder order);

    [Query("SELECT * FROM users WHERE team_id = @teamId ORDER BY @order")]
    Task<List<User>> InTeamSortedAsync(long teamId, UserOrder order);

    Task<Page<User>> ListByTeamIdAndRoleAsync(long teamId, [OptionalFilter] Role? role, UserOrder order, PageRequest page);

    // Partial updates derived from the name: only the named members (and the stamp and version) change.
    int UpdateDisplayNameAndRoleById(string? displayName, Role role, long id);

    Task<bool> UpdateDisplayNameByEmailAsync(string? displayName, string email);

    [Query("SELECT u.id, u.email, t.id, t.name FROM users u JOIN teams t ON t.id = u.team_id ORDER BY u.id")]
    List<UserWithTeam> WithTeams();

    [Query("SELECT u.id, u.email, t.* FROM users u LEFT JOIN teams t ON t.id = u.team_id AND t.name <> @hidden ORDER BY u.id")]
    Task<List<UserWithOptionalTeam>> WithVisibleTeamsAsync(string hidden);

    [Query("SELECT earlier.id, earlier.name, later.id, later.name FROM teams earlier LEFT JOIN teams later ON later.id = (SELECT MIN(n.id) FROM teams n WHERE n.id > earlier.id) ORDER BY earlier.id")]
    List<TeamPair> TeamPairs();

    [Query("SELECT u.id, u.team_id AS team_id, UPPER(t.name) AS team_name, u.email AS label FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = @id")]
    UserCard? Card(long id);

    // A CTE, a join, an aggregate and expressions: mapped by ordinal at compile time, no name lookup.
    [Query("""
        WITH sizes AS (SELECT team_id, COUNT(*) AS members, MAX(id) AS newest FROM users GROUP BY team_id)
        SELECT t.name AS team, s.members, u.email AS newest_email, CONCAT(UPPER(t.name), '-', s.members) AS label
        FROM teams t
        JOIN sizes s ON s.team_id = t.id
        LEFT JOIN users u ON u.id = s.newest
        ORDER BY t.name
        """)]
    List<TeamSize> TeamSizes();

    [Query("SELECT email FROM users ORDER BY email")]
    ValueTask<List<string>> EmailsAsync(CancellationToken cancellationToken = default);

    [Query("SELECT COUNT(*) FROM users WHERE team_id = @teamId")]
    ValueTask<long> CountInTeam(long teamId);

    [Query("SELECT id, email FROM users WHERE id IN @ids ORDER BY id")]
    List<(long Id, string Email)> Pairs(IEnumerable<long> ids);

    [Query("SELECT id, email FROM users WHERE id NOT IN @ids ORDER BY id")]
    List<(long Id, string Email)> PairsExcept(long[] ids);

    [Query("SELECT display_name FROM users WHERE id = @id")]
    string? DisplayNameOf(long id);

#pragma warning disable NG2007 // deliberate: reads a NULL into a non-nullable member to check the run-time error
    [Query("SELECT id, display_name AS email FROM users WHERE id = @id")]
    EmailOnly? BrokenEmail(long id);
#pragma warning restore NG2007

    [Query("SELECT * FROM users WHERE team_id = @teamId ORDER BY id")]
    IAsyncEnumerable<User> StreamTeamAsync(long teamId, CancellationToken cancellationToken = default);

    [Query("SELECT * FROM users WHERE role IN @roles ORDER BY id")]
    List<User> WithRoles(List<Role> roles);

    [Query("SELECT * FROM users ORDER BY id")]
    Task<User[]> AllAsync(CancellationToken cancellationToken);

    // Derived from the name.
    Task<List<User>> FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync(long teamId, DateTime after, int limit);

    Task<int> CountByTeamIdAsync(long teamId);

    Task<bool> ExistsByEmailAsync(string email);

    IAsyncEnumerable<User> StreamByTeamIdAsync(long teamId, CancellationToken cancellationToken = default);

    List<User> FindByEmailStartingWith(string prefix);

    List<User> FindByRoleInOrderByEmailDesc(Role[] roles);

    User? FindFirstByDisplayNameIsNullOrderById();

    int DeleteByTeamId(long teamId);

    // Optional filters: one statement per combination of present arguments.
    List<User> FindByTeamIdAndRoleAndDisplayNameOrderById(long teamId, [OptionalFilter] Role? role, [OptionalFilter] string? displayName);

    [Query("SELECT * FROM users WHERE team_id = @teamId AND role = @role AND (display_name = @name OR email = @name) ORDER BY id")]
    Task<List<User>> SearchAsync(long teamId, [OptionalFilter] Role? role, [OptionalFilter] string? name, CancellationToken cancellationToken = default);

    [Query("SELECT COUNT(*) FROM users WHERE team_id = @teamId AND created_at >= @since")]
    long CountSince(long teamId, [OptionalFilter] DateTime? since);

#pragma warning disable NG3001 // display_name has no index: these tests read a handful of rows
    // A null argument of an equality means IS NULL (and of Not, IS NOT NULL).
    List<User> FindByDisplayNameOrderById(string? displayName);

    List<User> FindByDisplayNameNotOrderById(string? displayName);
#pragma warning restore NG3001

    // Case ignored the same way on every database.
    List<User> FindByEmailIgnoreCaseOrderById(string email);

    List<User> FindByDisplayNameContainingIgnoreCaseOrderById(string part);

    List<User> FindByTeamIdAndEmailStartingWithAllIgnoreCaseOrderById(long teamId, string prefix);

    // Pages: by offset, as Page<T>, and by key (keyset).
    List<User> FindByTeamIdOrderByEmail(long teamId, int limit, int offset);

    Task<Page<User>> FindByTeamIdOrderByEmailAsync(long teamId, PageRequest page, CancellationToken cancellationToken = default);

    Page<User> FindByTeamId(long teamId, PageRequest page);

    Task<List<User>> FindByTeamIdAndIdAfterOrderByIdAsync(long teamId, long id, int limit);

    // Upsert by the unique index on email: the key is the database's on insert and kept on update.
    User UpsertByEmail(User user);

    ValueTask<User> UpsertByEmailAsync(User user, CancellationToken cancellationToken = default);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IDocumentRepository : ICrudRepository<Document, Guid>
{
}

// Deliberately declared nowhere (no [Table] type, no schema file) to exercise the run-time name lookup.
#pragma warning disable NG2001
[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface INoteRepository
{
    // "notes" has no [Table] type, so the star cannot be expanded at compile time.
    [Query("SELECT * FROM notes ORDER BY id")]
    List<Note> All();

    [Query("SELECT * FROM notes WHERE id = @id")]
    Task<Note?> FindAsync(long id);

    [Query("SELECT * FROM notes ORDER BY id")]
    IAsyncEnumerable<Note> StreamAsync();
}
#pragma warning restore NG2001

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IMembershipRepository : ICrudRepository<Membership, (long UserId, long TeamId)>
{
    List<Membership> FindByTeamId(long teamId);

    // Role is stored as text: the derived query and the hand-written one both follow the column.
    List<Membership> FindByRoleOrderByTeamId(Role role);

    [Query("SELECT * FROM memberships WHERE role = @role ORDER BY team_id")]
    List<Membership> WithRole(Role role);

    // Saying so explicitly still works.
    [Query("SELECT * FROM memberships WHERE role = @role ORDER BY team_id")]
    List<Membership> WithRoleDeclared([Column(EnumStorage = EnumStorage.String)] Role role);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface ITypeRowRepository : ICrudRepository<TypeRow, long>, IBulkRepository<TypeRow>
{
    [Query("SELECT * FROM type_rows ORDER BY id")]
    Task<List<TypeRow>> AllAsync(CancellationToken cancellationToken = default);

    [Query("SELECT * FROM type_rows WHERE uid = @uid")]
    TypeRow? ByUid(Guid uid);

    [Query("SELECT * FROM type_rows WHERE optional_number = @value OR (@value IS NULL AND optional_number IS NULL) ORDER BY id")]
    List<TypeRow> ByOptionalNumber(int? value);

    [Query("SELECT amount FROM type_rows WHERE id = @id")]
    decimal AmountOf(long id);

    [Query("SELECT on_day FROM type_rows WHERE id = @id")]
    DateOnly DayOf(long id);

    [Query("SELECT mood_name FROM type_rows WHERE id = @id")]
    Mood MoodNameOf(long id);
}

// Suppression works the standard way: this project treats warnings as errors, so it only builds if the
// pragma silences NG1007 for the unused parameter.
[Repository(Dialect.Sqlite)]
public partial interface ISuppressedRepository
{
#pragma warning disable NG1007
    [Query("SELECT COUNT(*) FROM users")]
    long CountIgnoring(int unused);
#pragma warning restore NG1007
}

// Arrays are PostgreSQL's: this repository has no SQLite implementation.
[Repository(Dialect.PostgreSql)]
public partial interface ITaggedItemRepository : ICrudRepository<TaggedItem, long>
{
    [Query("UPDATE tagged_items SET tags = @tags WHERE id = @id")]
    int Retag(long id, string[] tags);

    [Query("SELECT id, name, tags, scores, moods FROM tagged_items WHERE tags && @tags ORDER BY id")]
    List<TaggedItem> WithAnyTag(IEnumerable<string> tags);

    [Query("SELECT id FROM tagged_items WHERE id = ANY(@ids) ORDER BY id")]
    List<long> ByIds(long[] ids);

    [Query("INSERT INTO tagged_items (name, tags, moods) VALUES (@name, @tags, @moods) RETURNING id")]
    long Add(string name, List<string> tags, Mood[] moods);

    [Query("SELECT tags FROM tagged_items WHERE id = @id")]
    string[]? TagsOf(long id);
}

[Repository(Dialect.MySql)]
public partial interface IReservedRowRepository : ICrudRepository<ReservedRow, long>, IBulkRepository<ReservedRow>
{
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IProductRepository : ICrudRepository<Product, ProductId>
{
    Product? FindBySku(Sku sku);

    List<Product> FindByReplacedBy(ProductId? replacedBy);

    [Query("SELECT id FROM products WHERE sku = @sku")]
    ProductId? IdOf(Sku sku);

    [Query("SELECT * FROM products WHERE id IN @ids ORDER BY id")]
    List<Product> Several(List<ProductId> ids);

    [Query("UPDATE products SET homepage = @homepage WHERE id = @id")]
    int MoveHomepage(ProductId id, Uri? homepage);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IProfileRepository : ICrudRepository<Profile, long>, IBulkRepository<Profile>
{
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IMoodRepository : ICrudRepository<MoodEntry, long>, IBulkRepository<MoodEntry>
{
    List<MoodEntry> FindByMoodOrderById(Mood mood);

    [Query("SELECT id, mood, previous FROM mood_entries WHERE mood = @mood OR previous = @mood ORDER BY id")]
    List<MoodEntry> Touching(Mood mood);

    [Query("SELECT mood FROM mood_entries WHERE id = @id")]
    Mood MoodOf(long id);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IHandleRepository : ICrudRepository<Handle, long>
{
    Handle? FindByName(string name);

    List<Handle> FindByNameIn(List<string> names);

    [Query("SELECT id, name FROM handles WHERE name = @name")]
    Handle? Named(string name);
}
