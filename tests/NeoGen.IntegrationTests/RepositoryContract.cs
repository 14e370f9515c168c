using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// What every generated repository must do, run against a real database per dialect
/// (<see cref="SqliteRepositoryTests"/>, <see cref="PostgresRepositoryTests"/>, <see cref="MariaDbRepositoryTests"/>).
/// </summary>
public abstract partial class RepositoryContract
{
    protected RepositoryContract(TestDatabase database)
    {
        Database = database;
        database.Reset();
        Teams = ITeamRepository.Create(database.Source);
        Users = IUserRepository.Create(database.Source);
        Memberships = IMembershipRepository.Create(database.Source);
        Types = ITypeRowRepository.Create(database.Source);
    }

    protected TestDatabase Database { get; }

    protected ITeamRepository Teams { get; }

    protected IUserRepository Users { get; }

    protected IMembershipRepository Memberships { get; }

    protected ITypeRowRepository Types { get; }

    private Team NewTeam(string name = "core") => Teams.Insert(new Team(0, name));

    private User NewUser(Team team, string email, string? displayName = null, Role role = Role.Member)
        => Users.Insert(new User { Email = email, DisplayName = displayName, TeamId = team.Id, Role = role });

    [Fact]
    public void Create_picks_the_implementation_of_the_source_dialect()
    {
        var expected = Database.Dialect switch
        {
            Dialect.Sqlite => typeof(SqliteUserRepository),
            Dialect.PostgreSql => typeof(PostgreSqlUserRepository),
            Dialect.MySql => typeof(MySqlUserRepository),
            _ => typeof(SqlServerUserRepository),
        };
        Assert.IsType(expected, Users);
        var wrong = Database.Dialect == Dialect.Sqlite
            ? Assert.Throws<ArgumentException>(() => new PostgreSqlUserRepository(Database.Source))
            : Assert.Throws<ArgumentException>(() => new SqliteUserRepository(Database.Source));
        Assert.Equal("source", wrong.ParamName);
    }

    [Fact]
    public void Insert_reads_back_generated_key_version_and_timestamps()
    {
        var before = DateTime.UtcNow.AddSeconds(-5);
        var team = NewTeam();
        Assert.True(team.Id > 0);
        Assert.Equal("core", team.Name);

        var user = NewUser(team, "ada@example.com", "Ada", Role.Admin);
        Assert.True(user.Id > 0);
        Assert.Equal(1, user.RowVersion);
        Assert.Equal(Role.Admin, user.Role);
        Assert.InRange(user.CreatedAt, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(user.CreatedAt, user.UpdatedAt);
        Assert.Null(user.Computed);

        var second = NewUser(team, "grace@example.com");
        Assert.NotEqual(user.Id, second.Id);
    }

    [Fact]
    public async Task Get_exists_count_and_delete_by_key()
    {
        var team = NewTeam();
        var ada = NewUser(team, "ada@example.com", "Ada");
        var grace = NewUser(team, "grace@example.com");

        Assert.Equal(ada, Users.Get(ada.Id));
        Assert.Equal(grace, await Users.GetAsync(grace.Id));
        Assert.Null(Users.Get(-1));
        Assert.Null(await Users.GetAsync(-1));
        Assert.True(Users.Exists(ada.Id));
        Assert.False(await Users.ExistsAsync(-1));
        Assert.Equal(2, Users.Count());
        Assert.Equal(2, await Users.CountAsync());

        var many = Users.GetMany(new[] { ada.Id, grace.Id, -5 }).OrderBy(u => u.Id).ToList();
        Assert.Equal(new[] { ada, grace }, many);
        Assert.Empty(await Users.GetManyAsync(Array.Empty<long>()));

        Assert.True(Users.Delete(ada.Id));
        Assert.False(Users.Delete(ada.Id));
        Assert.True(await Users.DeleteAsync(grace.Id));
        Assert.Equal(0, Users.Count());
    }

    [Fact]
    public async Task Update_bumps_the_version_and_rejects_a_stale_one()
    {
        var team = NewTeam();
        var user = NewUser(team, "ada@example.com", "Ada");

        var renamed = Users.Update(user with { DisplayName = "Countess" });
        Assert.Equal("Countess", renamed.DisplayName);
        Assert.Equal(2, renamed.RowVersion);
        Assert.Equal(user.CreatedAt, renamed.CreatedAt);
        Assert.True(renamed.UpdatedAt >= user.UpdatedAt);

        var stale = Assert.Throws<NeoGenConcurrencyException>(() => Users.Update(user with { DisplayName = "Stale" }));
        Assert.Equal("users", stale.Table);
        Assert.Equal("Update", stale.Method);

        var again = await Users.UpdateAsync(renamed with { DisplayName = "Lovelace" });
        Assert.Equal(3, again.RowVersion);
        await Assert.ThrowsAsync<NeoGenConcurrencyException>(async () => await Users.UpdateAsync(renamed with { Id = -1 }));
    }

    [Fact]
    public async Task Upsert_inserts_new_rows_and_updates_existing_ones()
    {
        var team = Teams.Upsert(new Team(0, "first"));
        Assert.True(team.Id > 0);
        var renamed = Teams.Upsert(team with { Name = "renamed" });
        Assert.Equal(team.Id, renamed.Id);
        Assert.Equal("renamed", Teams.Get(team.Id)!.Name);
        var explicitKey = await Teams.UpsertAsync(new Team(team.Id + 100, "explicit"));
        Assert.Equal(team.Id + 100, explicitKey.Id);
        Assert.Equal(2, Teams.Count());
    }

    [Fact]
    public void An_upsert_is_by_key_and_a_conflict_in_another_unique_index_changes_nothing()
    {
        var team = NewTeam();
        var ada = NewUser(team, "ada@example.com", "Ada");
        var bob = NewUser(team, "bob@example.com", "Bob");

        // Bob's key with Ada's email: not an update of Ada's row (MySQL's ON DUPLICATE KEY UPDATE would do that).
        var conflict = Assert.Throws<NeoGenConstraintException>(() => Users.Upsert(bob with { Email = "ada@example.com", DisplayName = "Mallory" }));
        Assert.Equal(ConstraintKind.Unique, conflict.Kind);
        Assert.Equal("Ada", Users.Get(ada.Id)!.DisplayName);
        Assert.Equal("ada@example.com", Users.Get(ada.Id)!.Email);
        Assert.Equal("Bob", Users.Get(bob.Id)!.DisplayName);
        Assert.Equal(2, Users.Count());

        var updated = Users.Upsert(bob with { DisplayName = "Robert" });
        Assert.Equal(bob.Id, updated.Id);
        Assert.Equal("Robert", updated.DisplayName);
        Assert.Equal(bob.RowVersion + 1, updated.RowVersion);
    }

    [Fact]
    public async Task Composite_keys_and_enums_stored_as_text()
    {
        var membership = Memberships.Insert(new Membership { UserId = 1, TeamId = 2, Role = Role.Owner });
        Memberships.Insert(new Membership { UserId = 1, TeamId = 3, Role = Role.Member });
        Assert.Equal(membership, Memberships.Get((1, 2)));
        Assert.Null(Memberships.Get((2, 1)));
        Assert.True(await Memberships.ExistsAsync((1, 3)));
        Assert.Equal(2, Memberships.GetMany(new[] { (1L, 2L), (1L, 3L), (9L, 9L) }).Count);
        Assert.Equal(Role.Admin, Memberships.Update(membership with { Role = Role.Admin }).Role);
        Assert.Single(Memberships.FindByTeamId(2));
        Assert.Equal(new long[] { 3 }, Memberships.FindByRoleOrderByTeamId(Role.Member).Select(m => m.TeamId));
        Assert.Equal(new long[] { 2 }, Memberships.WithRole(Role.Admin).Select(m => m.TeamId));
        Assert.Equal(new long[] { 2 }, Memberships.WithRoleDeclared(Role.Admin).Select(m => m.TeamId));
        Assert.True(Memberships.Delete((1, 2)));
        Assert.Equal(1, Memberships.Count());

        var lease = Database.Source.Rent();
        try
        {
            using var command = lease.Connection.CreateCommand();
            command.CommandText = "SELECT role FROM memberships";
            Assert.Equal("Member", command.ExecuteScalar());
        }
        finally
        {
            lease.Release();
        }
    }

    private static TypeRow FullRow(bool postgres) => FullRow();

    private static TypeRow FullRow() => new()
    {
        Flag = true,
        Tiny = 250,
        Small = -12345,
        Number = int.MinValue + 1,
        Big = long.MaxValue - 7,
        Real4 = 1.5f,
        Real8 = Math.PI,
        Amount = 12345.6789m,
        Label = "naïve 'quoted' \"text\" ✓",
        OptionalLabel = "present",
        Uid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        AtTime = new DateTime(2024, 2, 29, 13, 14, 15, 123),
        AtOffset = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(2)),
        OnDay = new DateOnly(1999, 12, 31),
        AtClock = new TimeOnly(23, 59, 58),
        Payload = new byte[] { 0, 1, 2, 255 },
        Mood = Mood.Happy,
        MoodName = Mood.Neutral,
        OptionalNumber = 42,
        OptionalUid = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        OptionalAt = new DateTime(2000, 1, 1, 0, 0, 0),
        OptionalMood = Mood.Sad,
    };

    [Fact]
    public async Task Every_column_type_round_trips_with_and_without_nulls()
    {
        var postgres = Database.Dialect == Dialect.PostgreSql;
        var full = FullRow(postgres);
        var empty = full with { OptionalLabel = null, Payload = null, OptionalNumber = null, OptionalUid = null, OptionalAt = null, OptionalMood = null, Label = string.Empty };

        var storedFull = Types.Insert(full);
        var storedEmpty = await Types.InsertAsync(empty);
        var all = await Types.AllAsync();
        Assert.Equal(2, all.Count);

        AssertSameValues(full with { Id = storedFull.Id }, all[0]);
        AssertSameValues(empty with { Id = storedEmpty.Id }, all[1]);
        AssertSameValues(full with { Id = storedFull.Id }, Types.ByUid(full.Uid)!);
        Assert.Null(Types.ByUid(Guid.NewGuid()));

        Assert.Equal(storedEmpty.Id, Assert.Single(Types.ByOptionalNumber(null)).Id);
        Assert.Equal(storedFull.Id, Assert.Single(Types.ByOptionalNumber(42)).Id);
        Assert.Equal(12345.6789m, Types.AmountOf(storedFull.Id));
        Assert.Equal(new DateOnly(1999, 12, 31), Types.DayOf(storedFull.Id));
        Assert.Equal(Mood.Neutral, Types.MoodNameOf(storedFull.Id));
    }

    private static void AssertSameValues(TypeRow expected, TypeRow actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Flag, actual.Flag);
        Assert.Equal(expected.Tiny, actual.Tiny);
        Assert.Equal(expected.Small, actual.Small);
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Big, actual.Big);
        Assert.Equal(expected.Real4, actual.Real4);
        Assert.Equal(expected.Real8, actual.Real8);
        Assert.Equal(expected.Amount, actual.Amount);
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.OptionalLabel, actual.OptionalLabel);
        Assert.Equal(expected.Uid, actual.Uid);
        Assert.Equal(expected.AtTime, actual.AtTime);
        Assert.Equal(expected.AtOffset, actual.AtOffset);
        Assert.Equal(expected.OnDay, actual.OnDay);
        Assert.Equal(expected.AtClock, actual.AtClock);
        Assert.Equal(expected.Payload, actual.Payload);
        Assert.Equal(expected.Mood, actual.Mood);
        Assert.Equal(expected.MoodName, actual.MoodName);
        Assert.Equal(expected.OptionalNumber, actual.OptionalNumber);
        Assert.Equal(expected.OptionalUid, actual.OptionalUid);
        Assert.Equal(expected.OptionalAt, actual.OptionalAt);
        Assert.Equal(expected.OptionalMood, actual.OptionalMood);
    }

    [Fact]
    public async Task Every_return_shape()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var ada = NewUser(team, "ada@example.com", "Ada", Role.Admin);
        var grace = NewUser(team, "grace@example.com");
        var linus = NewUser(other, "linus@example.com", "Linus", Role.Owner);

        Assert.Equal(ada, await Users.FindByEmailAsync("ada@example.com"));
        Assert.Null(await Users.FindByEmailAsync("nobody@example.com"));
        Assert.Equal(grace, Users.GetRequired(grace.Id));
        Assert.Equal(new[] { "ada@example.com", "grace@example.com", "linus@example.com" }, Users.Emails());
        Assert.Equal(Users.Emails(), await Users.EmailsAsync());
        Assert.Equal(2, await Users.CountInTeam(team.Id));
        Assert.Equal("Ada", Users.DisplayNameOf(ada.Id));
        Assert.Null(Users.DisplayNameOf(grace.Id));
        Assert.Null(Users.DisplayNameOf(-1));
        Assert.Equal(new[] { ada, grace, linus }, await Users.AllAsync(CancellationToken.None));
        Assert.Equal(new[] { ada, linus }, Users.WithRoles(new List<Role> { Role.Admin, Role.Owner }));

        var pairs = Users.Pairs(new List<long> { linus.Id, ada.Id });
        Assert.Equal(new[] { (ada.Id, "ada@example.com"), (linus.Id, "linus@example.com") }, pairs);
        Assert.Empty(Users.Pairs(Array.Empty<long>()));
        Assert.Equal(new[] { (grace.Id, "grace@example.com") }, Users.PairsExcept(new[] { ada.Id, linus.Id }));

        var sizes = Users.TeamSizes();
        Assert.Equal(2, sizes.Count);
        Assert.Equal(new TeamSize("core", 2, "grace@example.com", "CORE-2"), sizes[0]);
        Assert.Equal(new TeamSize("other", 1, "linus@example.com", "OTHER-1"), sizes[1]);

        var summaries = Users.Summaries();
        Assert.Equal(3, summaries.Count);
        Assert.Equal("core", summaries[0].TeamName);
        Assert.Equal("other", summaries[2].TeamName);

        Assert.Equal(1, await Users.RenameAsync(grace.Id, "Grace"));
        Assert.Equal(0, await Users.RenameAsync(-1, "Nobody"));
        Assert.True(Users.Rename(new RenameRequest(grace.Id, null)));
        Assert.Null(Users.Get(grace.Id)!.DisplayName);

        var streamed = new List<User>();
        await foreach (var user in Users.StreamTeamAsync(team.Id))
        {
            streamed.Add(user);
        }

        Assert.Equal(new[] { ada.Id, grace.Id }, streamed.Select(u => u.Id));

        Users.DeleteTeamMembers(other.Id);
        await Users.DeleteTeamMembersAsync(team.Id);
        Assert.Empty(Users.Emails());
    }

    [Fact]
    public async Task Derived_queries()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var ada = NewUser(team, "ada@example.com", "Ada", Role.Admin);
        await Task.Delay(20);
        var grace = NewUser(team, "grace@example.com", null, Role.Member);
        var linus = NewUser(other, "linus@example.com", "Linus", Role.Owner);
        var percent = NewUser(other, "100%_sure@example.com", null);

        var recent = await Users.FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync(team.Id, ada.CreatedAt.AddSeconds(-60), 10);
        Assert.Equal(new[] { grace.Id, ada.Id }, recent.Select(u => u.Id));
        Assert.Single(await Users.FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync(team.Id, ada.CreatedAt.AddSeconds(-60), 1));
        Assert.Equal(2, await Users.CountByTeamIdAsync(other.Id));
        Assert.True(await Users.ExistsByEmailAsync("linus@example.com"));
        Assert.False(await Users.ExistsByEmailAsync("LINUS@example.org"));

        var streamed = new List<long>();
        await foreach (var user in Users.StreamByTeamIdAsync(other.Id))
        {
            streamed.Add(user.Id);
        }

        Assert.Equal(new[] { linus.Id, percent.Id }.Order(), streamed.Order());
        Assert.Equal(new[] { grace.Id }, Users.FindByEmailStartingWith("gr").Select(u => u.Id));
        Assert.Equal(new[] { percent.Id }, Users.FindByEmailStartingWith("100%_").Select(u => u.Id));
        Assert.Empty(Users.FindByEmailStartingWith("100%x"));
        Assert.Equal(new[] { linus.Id, ada.Id }, Users.FindByRoleInOrderByEmailDesc(new[] { Role.Owner, Role.Admin }).Select(u => u.Id));
        Assert.Equal(grace.Id, Users.FindFirstByDisplayNameIsNullOrderById()!.Id);
        Assert.Equal(2, Users.DeleteByTeamId(other.Id));
        Assert.Equal(2, Users.Count());
    }

    [Fact]
    public async Task Optional_filters_leave_out_the_conditions_of_null_arguments()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var ada = NewUser(team, "ada@example.com", "Ada", Role.Admin);
        var grace = NewUser(team, "grace@example.com", "Grace", Role.Member);
        var bob = NewUser(team, "bob@example.com", "Ada", Role.Member);
        NewUser(other, "linus@example.com", "Ada", Role.Admin);

        Assert.Equal(new[] { ada.Id, grace.Id, bob.Id }, Users.FindByTeamIdAndRoleAndDisplayNameOrderById(team.Id, null, null).Select(u => u.Id));
        Assert.Equal(new[] { grace.Id, bob.Id }, Users.FindByTeamIdAndRoleAndDisplayNameOrderById(team.Id, Role.Member, null).Select(u => u.Id));
        Assert.Equal(new[] { ada.Id, bob.Id }, Users.FindByTeamIdAndRoleAndDisplayNameOrderById(team.Id, null, "Ada").Select(u => u.Id));
        Assert.Equal(new[] { bob.Id }, Users.FindByTeamIdAndRoleAndDisplayNameOrderById(team.Id, Role.Member, "Ada").Select(u => u.Id));
        Assert.Empty(Users.FindByTeamIdAndRoleAndDisplayNameOrderById(team.Id, Role.Owner, null));

        // Written SQL: the condition with the optional parameter goes, the parenthesized OR with it.
        Assert.Equal(new[] { ada.Id, grace.Id, bob.Id }, (await Users.SearchAsync(team.Id, null, null)).Select(u => u.Id));
        Assert.Equal(new[] { ada.Id }, (await Users.SearchAsync(team.Id, Role.Admin, null)).Select(u => u.Id));
        Assert.Equal(new[] { grace.Id }, (await Users.SearchAsync(team.Id, null, "grace@example.com")).Select(u => u.Id));
        Assert.Equal(new[] { bob.Id }, (await Users.SearchAsync(team.Id, Role.Member, "Ada")).Select(u => u.Id));

        Assert.Equal(3, Users.CountSince(team.Id, null));
        Assert.Equal(3, Users.CountSince(team.Id, ada.CreatedAt.AddMinutes(-1)));
        Assert.Equal(0, Users.CountSince(team.Id, ada.CreatedAt.AddDays(1)));
    }

    [Fact]
    public void A_null_equality_argument_finds_the_rows_whose_column_is_null()
    {
        var team = NewTeam();
        var ada = NewUser(team, "ada@example.com", "Ada");
        var grace = NewUser(team, "grace@example.com", null);
        var linus = NewUser(team, "linus@example.com", null);

        Assert.Equal(new[] { grace.Id, linus.Id }, Users.FindByDisplayNameOrderById(null).Select(u => u.Id));
        Assert.Equal(new[] { ada.Id }, Users.FindByDisplayNameOrderById("Ada").Select(u => u.Id));
        Assert.Equal(new[] { ada.Id }, Users.FindByDisplayNameNotOrderById(null).Select(u => u.Id));

        // Not with a value keeps SQL's meaning: a NULL column is not different from 'Ada', it is unknown.
        Assert.Empty(Users.FindByDisplayNameNotOrderById("Ada"));
    }

    [Fact]
    public void IgnoreCase_matches_the_same_rows_on_every_database()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var ada = NewUser(team, "Ada.Lovelace@Example.com", "Countess ADA");
        var grace = NewUser(team, "grace@example.COM", "Rear Admiral Grace");
        var adam = NewUser(other, "ADAM@example.com", "adam");

        // The same expectations run on SQLite, PostgreSQL and MariaDB: each database's own LIKE and = would differ.
        Assert.Equal(new[] { ada.Id }, Users.FindByEmailIgnoreCaseOrderById("ada.lovelace@example.COM").Select(u => u.Id));
        Assert.Empty(Users.FindByEmailIgnoreCaseOrderById("ada.lovelace@example.org"));
        Assert.Equal(new[] { ada.Id, adam.Id }, Users.FindByDisplayNameContainingIgnoreCaseOrderById("aDa").Select(u => u.Id));
        Assert.Equal(new[] { grace.Id }, Users.FindByDisplayNameContainingIgnoreCaseOrderById("ADMIRAL").Select(u => u.Id));
        Assert.Equal(new[] { ada.Id }, Users.FindByTeamIdAndEmailStartingWithAllIgnoreCaseOrderById(team.Id, "ADA").Select(u => u.Id));
        Assert.Equal(new[] { adam.Id }, Users.FindByTeamIdAndEmailStartingWithAllIgnoreCaseOrderById(other.Id, "ada").Select(u => u.Id));

        // Wildcards in the argument stay literal when case is ignored.
        Assert.Empty(Users.FindByDisplayNameContainingIgnoreCaseOrderById("a%a"));
    }

    [Fact]
    public async Task Pages_by_offset_as_Page_and_by_key()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var users = Enumerable.Range(0, 7).Select(i => NewUser(team, $"user{i}@example.com")).ToList();
        NewUser(other, "elsewhere@example.com");
        var byEmail = users.OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => u.Id).ToList();

        Assert.Equal(byEmail.Skip(2).Take(3), Users.FindByTeamIdOrderByEmail(team.Id, 3, 2).Select(u => u.Id));
        Assert.Empty(Users.FindByTeamIdOrderByEmail(team.Id, 3, 7));

        var first = await Users.FindByTeamIdOrderByEmailAsync(team.Id, PageRequest.First(3));
        Assert.Equal(byEmail.Take(3), first.Items.Select(u => u.Id));
        Assert.Equal(7, first.Total);
        Assert.Equal(3, first.TotalPages);
        Assert.True(first.HasNext);
        var last = await Users.FindByTeamIdOrderByEmailAsync(team.Id, new PageRequest(2, 3));
        Assert.Equal(byEmail.Skip(6), last.Items.Select(u => u.Id));
        Assert.Equal(7, last.Total);
        Assert.False(last.HasNext);
        var past = await Users.FindByTeamIdOrderByEmailAsync(team.Id, new PageRequest(5, 3));
        Assert.Empty(past.Items);
        Assert.Equal(7, past.Total);

        // No OrderBy in the name: pages follow the key, so every row is on exactly one page.
        var seen = new List<long>();
        for (var request = PageRequest.First(2); ; request = request.Next())
        {
            var page = Users.FindByTeamId(team.Id, request);
            Assert.Equal(7, page.Total);
            seen.AddRange(page.Items.Select(u => u.Id));
            if (!page.HasNext)
            {
                break;
            }
        }

        Assert.Equal(users.Select(u => u.Id).Order(), seen);
        var empty = Users.FindByTeamId(-1, PageRequest.First(5));
        Assert.Empty(empty.Items);
        Assert.Equal(0, empty.Total);

        // Keyset: the next rows after the last key seen.
        var keyset = new List<long>();
        var after = 0L;
        while (true)
        {
            var next = await Users.FindByTeamIdAndIdAfterOrderByIdAsync(team.Id, after, 3);
            if (next.Count == 0)
            {
                break;
            }

            keyset.AddRange(next.Select(u => u.Id));
            after = next[^1].Id;
        }

        Assert.Equal(users.Select(u => u.Id).Order(), keyset);
    }

    [Fact]
    public async Task Unit_of_work_commits_and_rolls_back()
    {
        var team = NewTeam();
        await using (var work = await Database.Source.BeginUnitOfWorkAsync())
        {
            var users = IUserRepository.Create(work);
            var teams = ITeamRepository.Create(work);
            teams.Insert(new Team(0, "inside"));
            await users.InsertAsync(new User { Email = "committed@example.com", TeamId = team.Id });
            Assert.Equal(1, users.Count());
            await work.CommitAsync();
        }

        Assert.NotNull(await Users.FindByEmailAsync("committed@example.com"));
        Assert.NotNull(Teams.FindByName("inside"));

        using (var work = Database.Source.BeginUnitOfWork())
        {
            var users = IUserRepository.Create(work);
            users.Insert(new User { Email = "rolled-back@example.com", TeamId = team.Id });
            Assert.Equal(1, users.Count() - 1);
            work.Rollback();
        }

        using (var work = Database.Source.BeginUnitOfWork())
        {
            IUserRepository.Create(work).Insert(new User { Email = "disposed@example.com", TeamId = team.Id });

            // Disposed without commit: rolled back.
        }

        Assert.Null(await Users.FindByEmailAsync("rolled-back@example.com"));
        Assert.Null(await Users.FindByEmailAsync("disposed@example.com"));
        Assert.Equal(1, Users.Count());

        // A failed statement inside a unit of work surfaces as a typed error and the work can still roll back.
        await using (var work = await Database.Source.BeginUnitOfWorkAsync())
        {
            var users = IUserRepository.Create(work);
            await Assert.ThrowsAsync<NeoGenConstraintException>(async () => await users.InsertAsync(new User { Email = "committed@example.com", TeamId = team.Id }));
            await work.RollbackAsync();
        }

        Assert.Equal(1, Users.Count());
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var team = NewTeam();
        NewUser(team, "ada@example.com");
        NewUser(team, "grace@example.com");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Users.FindByEmailAsync("ada@example.com", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Users.GetAsync(1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Users.StreamTeamAsync(team.Id, cancelled.Token))
            {
            }
        });

        using var midway = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Users.StreamTeamAsync(team.Id).WithCancellation(midway.Token))
            {
                seen++;
                midway.Cancel();
            }
        });
        Assert.Equal(1, seen);

        // The connection went back to the pool in a usable state.
        Assert.Equal(2, Users.Count());
    }

    [Fact]
    public async Task Guid_keys()
    {
        var documents = IDocumentRepository.Create(Database.Source);
        var first = documents.Insert(new Document { Id = Guid.NewGuid(), Title = "first" });
        var second = await documents.InsertAsync(new Document { Id = Guid.NewGuid(), Title = "second" });
        Assert.Equal(first, documents.Get(first.Id));
        Assert.Equal(new[] { first, second }.OrderBy(d => d.Id), documents.GetMany(new[] { second.Id, first.Id, Guid.NewGuid() }).OrderBy(d => d.Id));
        Assert.Equal(2, (await documents.GetManyAsync(new[] { first.Id, second.Id })).Count);
        Assert.Equal("renamed", documents.Upsert(first with { Title = "renamed" }).Title);
        Assert.True(documents.Delete(first.Id));
        Assert.Equal(1, documents.Count());
    }

    [Fact]
    public async Task Star_over_a_table_without_a_declaration_maps_by_name()
    {
        Database.Execute("INSERT INTO notes (id, body, tag) VALUES (1, 'first', NULL); INSERT INTO notes (id, body, tag) VALUES (2, 'second', 'x');");
        var notes = INoteRepository.Create(Database.Source);
        Assert.Equal(new[] { new Note(1, "first", null), new Note(2, "second", "x") }, notes.All());
        Assert.Equal(notes.All(), notes.All());
        Assert.Equal(new Note(2, "second", "x"), await notes.FindAsync(2));
        Assert.Null(await notes.FindAsync(3));
        var streamed = new List<Note>();
        await foreach (var note in notes.StreamAsync())
        {
            streamed.Add(note);
        }

        Assert.Equal(2, streamed.Count);
    }

    [Fact]
    public async Task A_tuple_of_rows_reads_each_element_from_its_table()
    {
        var core = NewTeam("core");
        var empty = NewTeam("empty");
        var ada = NewUser(core, "ada@example.com");
        var bob = NewUser(core, "bob@example.com");

        Assert.Equal(new[] { (ada, core), (bob, core) }, Users.UsersWithTeams());

        var pairs = new List<(Team Team, User? User)>();
        await foreach (var pair in Users.TeamsAndUsersAsync())
        {
            pairs.Add(pair);
        }

        Assert.Equal(new (Team, User?)[] { (core, ada), (core, bob), (empty, null) }, pairs);
    }

    [Fact]
    public async Task A_join_fills_a_list_member_one_parent_per_key()
    {
        var core = NewTeam("core");
        var empty = NewTeam("empty");
        var ops = NewTeam("ops");
        var bob = NewUser(core, "bob@example.com");
        var ada = NewUser(core, "ada@example.com");
        var eve = NewUser(ops, "eve@example.com");

        var rosters = Users.Rosters();
        Assert.Equal(new[] { core.Id, empty.Id, ops.Id }, rosters.Select(r => r.Id));
        Assert.Equal(new[] { ada, bob }, rosters[0].Members);
        Assert.Empty(rosters[1].Members);
        Assert.Equal(new[] { eve }, rosters[2].Members);

        var one = await Users.RosterAsync(core.Id);
        Assert.Equal("core", one!.Name);
        Assert.Equal(new[] { ada, bob }, one.Members);
        Assert.Null(await Users.RosterAsync(-1));
    }

    [Fact]
    public async Task A_tuple_of_results_reads_each_statement_in_one_round_trip()
    {
        var team = NewTeam("core");
        var ada = NewUser(team, "ada@example.com");
        var bob = NewUser(team, "bob@example.com");

        var (found, members, roundTrips) = await CountingRoundTrips(async () => await Users.TeamWithMembersAsync(team.Id));
        Assert.Equal(team, found);
        Assert.Equal(new[] { ada, bob }, members);

        // PostgreSQL runs the statements as one NpgsqlBatch, MariaDB as one command of two statements: one round trip
        // each, as the provider's own tracing counts them (SQLite is in process: no round trip to count).
        if (Database.Dialect != Dialect.Sqlite)
        {
            Assert.Equal(1, roundTrips);

            // The count is the provider's: two separate reads are two.
            var (_, _, twoReads) = await CountingRoundTrips(async () => (await Users.GetAsync(ada.Id), await Users.GetAsync(bob.Id)));
            Assert.Equal(2, twoReads);
        }

        var (none, nobody) = await Users.TeamWithMembersAsync(-1);
        Assert.Null(none);
        Assert.Empty(nobody);

        var (count, user) = Users.CountAndFind(team.Id, "bob@example.com");
        Assert.Equal(2, count);
        Assert.Equal(new UserWithTeam(bob.Id, "bob@example.com", team), user);
        Assert.Null(Users.CountAndFind(team.Id, "nobody@example.com").Found);
    }

    /// <summary>The result of <paramref name="call"/> and how many commands the provider traced for it (Npgsql and MySqlConnector trace each round trip).</summary>
    private static async Task<(T1, T2, int)> CountingRoundTrips<T1, T2>(Func<Task<(T1, T2)>> call)
    {
        using var source = new System.Diagnostics.ActivitySource("NeoGen.IntegrationTests.RoundTrips");
        var count = 0;
        string? parentId = null;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "MySqlConnector" or "NeoGen.IntegrationTests.RoundTrips",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                // Only this test's commands: other tests run in parallel on other connections.
                if (parentId is not null && activity.ParentId == parentId && activity.Source.Name != "NeoGen.IntegrationTests.RoundTrips")
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var parent = source.StartActivity("call")!;
        parentId = parent.Id;
        var (first, second) = await call();
        return (first, second, count);
    }

    [Fact]
    public async Task A_sort_parameter_orders_by_each_of_its_members()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var users = new[]
        {
            NewUser(team, "carol@example.com", role: Role.Member),
            NewUser(team, "alice@example.com", role: Role.Owner),
            NewUser(team, "bob@example.com", role: Role.Admin),
            NewUser(team, "dave@example.com", role: Role.Admin),
        };
        NewUser(other, "zed@example.com");

        IEnumerable<User> Expected(UserOrder order) => order switch
        {
            UserOrder.EmailAsc => users.OrderBy(u => u.Email, StringComparer.Ordinal),
            UserOrder.EmailDesc => users.OrderByDescending(u => u.Email, StringComparer.Ordinal),
            UserOrder.RoleDescThenEmail => users.OrderByDescending(u => u.Role).ThenBy(u => u.Email, StringComparer.Ordinal),
            _ => users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id),
        };

        foreach (var order in Enum.GetValues<UserOrder>())
        {
            var expected = Expected(order).Select(u => u.Id).ToList();
            Assert.Equal(expected, Users.FindByTeamId(team.Id, order).Select(u => u.Id));
            Assert.Equal(expected, (await Users.InTeamSortedAsync(team.Id, order)).Select(u => u.Id));

            var firstPage = await Users.ListByTeamIdAndRoleAsync(team.Id, null, order, PageRequest.First(3));
            var secondPage = await Users.ListByTeamIdAndRoleAsync(team.Id, null, order, firstPage.Request.Next());
            Assert.Equal(expected, firstPage.Items.Concat(secondPage.Items).Select(u => u.Id));
            Assert.Equal(4, firstPage.Total);

            var admins = await Users.ListByTeamIdAndRoleAsync(team.Id, Role.Admin, order, PageRequest.First(10));
            Assert.Equal(expected.Where(id => users.Single(u => u.Id == id).Role == Role.Admin), admins.Items.Select(u => u.Id));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Users.FindByTeamId(team.Id, (UserOrder)42));
    }

    [Fact]
    public async Task A_derived_update_changes_only_the_members_it_names()
    {
        var team = NewTeam();
        var ada = NewUser(team, "ada@example.com", "Ada");
        var bob = NewUser(team, "bob@example.com", "Bob");
        await Task.Delay(5);

        Assert.Equal(1, Users.UpdateDisplayNameAndRoleById("Countess", Role.Admin, ada.Id));
        var changed = Users.Get(ada.Id)!;
        Assert.Equal("Countess", changed.DisplayName);
        Assert.Equal(Role.Admin, changed.Role);
        Assert.Equal(ada.Email, changed.Email);
        Assert.Equal(ada.CreatedAt, changed.CreatedAt);
        Assert.Equal(ada.RowVersion + 1, changed.RowVersion);
        Assert.True(changed.UpdatedAt > ada.UpdatedAt);

        // A stale copy of the entity now fails its version check, as after a full Update.
        Assert.Throws<NeoGenConcurrencyException>(() => Users.Update(ada with { DisplayName = "stale" }));

        Assert.Equal(bob, Users.Get(bob.Id));
        Assert.True(await Users.UpdateDisplayNameByEmailAsync(null, "bob@example.com"));
        Assert.Null(Users.Get(bob.Id)!.DisplayName);
        Assert.False(await Users.UpdateDisplayNameByEmailAsync("nobody", "nobody@example.com"));
    }

    [Fact]
    public async Task A_join_fills_nested_rows_by_table_by_alias_and_by_prefix()
    {
        var core = NewTeam("core");
        var ops = NewTeam("ops");
        var ada = NewUser(core, "ada@example.com");
        var bob = NewUser(ops, "bob@example.com");

        Assert.Equal(new[] { new UserWithTeam(ada.Id, "ada@example.com", core), new UserWithTeam(bob.Id, "bob@example.com", ops) }, Users.WithTeams());

        // An outer join that finds no team gives a null nested row, not a row of defaults.
        var visible = await Users.WithVisibleTeamsAsync("ops");
        Assert.Equal(new UserWithOptionalTeam(ada.Id, "ada@example.com", core), visible[0]);
        Assert.Equal(new UserWithOptionalTeam(bob.Id, "bob@example.com", null), visible[1]);

        var pairs = Users.TeamPairs();
        Assert.Equal(2, pairs.Count);
        Assert.Equal(core, pairs[0].Earlier);
        Assert.Equal(ops, pairs[0].Later);
        Assert.Equal(ops, pairs[1].Earlier);
        Assert.Null(pairs[1].Later);

        var card = Users.Card(bob.Id)!;
        Assert.Equal(new Team(ops.Id, "OPS"), card.Team);
        Assert.Equal("bob@example.com", card.Label);
    }

    [Fact]
    public void Duplicate_key_is_a_constraint_exception_naming_the_table()
    {
        var team = NewTeam();
        NewUser(team, "ada@example.com");
        var duplicate = Assert.Throws<NeoGenConstraintException>(() => NewUser(team, "ada@example.com"));
        Assert.Equal(ConstraintKind.Unique, duplicate.Kind);
        Assert.Equal("users", duplicate.Table);
        Assert.Equal("IUserRepository", duplicate.Repository);
        Assert.Equal("Insert", duplicate.Method);
        if (Database.Dialect == Dialect.Sqlite)
        {
            Assert.Equal("email", duplicate.Column);
        }
        else
        {
            Assert.Equal(Database.GeneratedSchema ? "ix_users_email" : "users_email_key", duplicate.Constraint);
        }

        var orphan = Assert.Throws<NeoGenConstraintException>(() => Users.Insert(new User { Email = "orphan@example.com", TeamId = -42 }));
        Assert.Equal(ConstraintKind.ForeignKey, orphan.Kind);
        Assert.Equal(1, Users.Count());
    }

    [Fact]
    public void Null_into_a_non_nullable_member_names_the_column()
    {
        var team = NewTeam();
        var grace = NewUser(team, "grace@example.com");
        var error = Assert.Throws<NeoGenMappingException>(() => Users.BrokenEmail(grace.Id));
        Assert.Equal("email", error.Column);
        Assert.Equal("BrokenEmail", error.Method);
        Assert.Contains("'email'", error.Message);
        Assert.Contains("'Email'", error.Message);

        var missing = Assert.Throws<NeoGenException>(() => Users.GetRequired(-1));
        Assert.Equal("GetRequired", missing.Method);
        Assert.Contains("no", missing.Message);

        Assert.Throws<ArgumentNullException>(() => Users.Insert(null!));
        Assert.Throws<ArgumentNullException>(() => Users.Pairs(null!));
    }

    [Fact]
    public void A_value_the_member_cannot_hold_names_the_column_and_the_member()
    {
        var stored = Types.Insert(FullRow(Database.Dialect == Dialect.PostgreSql));

        // SQLite keeps any text in a TEXT date column; PostgreSQL smallint holds 300, the byte member cannot. The
        // generated MySQL schema stores a byte as TINYINT UNSIGNED, which refuses 300 itself, but CHAR(36) holds any text.
        var (corruption, column, member) = Database.Dialect == Dialect.Sqlite
            ? ("UPDATE type_rows SET at_time = 'not a time'", "at_time", "AtTime")
            : Database.Dialect == Dialect.MySql && Database.GeneratedSchema
                ? ("UPDATE type_rows SET uid = 'not a guid'", "uid", "Uid")
                : ("UPDATE type_rows SET tiny = 300", "tiny", "Tiny");
        Database.Execute(corruption);

        var error = Assert.Throws<NeoGenMappingException>(() => Types.Get(stored.Id));
        Assert.Equal(column, error.Column);
        Assert.Equal("Get", error.Method);
        Assert.Equal("type_rows", error.Table);
        Assert.Contains($"'{column}'", error.Message);
        Assert.Contains($"'{member}'", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_failed_bulk_insert_writes_nothing()
    {
        var team = NewTeam();
        NewUser(team, "taken@example.com");
        var users = Enumerable.Range(0, 300)
            .Select(i => new User { Email = i == 150 ? "taken@example.com" : $"bulk{i}@example.com", TeamId = team.Id })
            .ToList();

        var failed = await Assert.ThrowsAsync<NeoGenConstraintException>(() => Users.BulkInsertAsync(users).AsTask());
        Assert.Equal(ConstraintKind.Unique, failed.Kind);
        Assert.Equal(1, Users.Count());

        // The failing row: NeoGen's own count for row-by-row inserts, COPY's line on PostgreSQL; MySqlBulkCopy's
        // LOAD DATA reports a duplicate without its row (the message says how far the load got).
        if (Database.Dialect == Dialect.MySql)
        {
            Assert.Null(failed.RowIndex);
        }
        else
        {
            Assert.Equal(150, failed.RowIndex);
            Assert.Contains("row at index 150", failed.Message);
        }

        // Inside a unit of work the caller's transaction decides: rolled back, nothing remains either.
        await using (var work = await Database.Source.BeginUnitOfWorkAsync())
        {
            Assert.Throws<NeoGenConstraintException>(() => IUserRepository.Create(work).BulkInsert(users));
        }

        Assert.Equal(1, Users.Count());
    }

    [Fact]
    public async Task UpdateMany_and_DeleteMany_by_key()
    {
        var team = NewTeam();
        var users = Enumerable.Range(0, 5).Select(i => NewUser(team, $"many{i}@example.com")).ToList();
        Assert.Equal(5, await Users.UpdateManyAsync(users.Select(u => u with { DisplayName = "renamed " + u.Id })));
        Assert.All(users, u => Assert.Equal(("renamed " + u.Id, u.RowVersion + 1), (Users.Get(u.Id)!.DisplayName, Users.Get(u.Id)!.RowVersion)));

        // A stale version at index 3: a typed exception naming it, and nothing changed, the first three included.
        var current = users.Select(u => Users.Get(u.Id)!).ToList();
        var batch = current.Select((u, i) => (i == 3 ? u with { RowVersion = u.RowVersion - 1 } : u) with { DisplayName = "again" }).ToList();
        var conflict = Assert.Throws<NeoGenConcurrencyException>(() => Users.UpdateMany(batch));
        Assert.Equal(3, conflict.RowIndex);
        Assert.Contains("users", conflict.Message);
        Assert.All(users, u => Assert.Equal("renamed " + u.Id, Users.Get(u.Id)!.DisplayName));

        // A missing row is a conflict too.
        Assert.Equal(1, Assert.Throws<NeoGenConcurrencyException>(() => Users.UpdateMany(new[] { current[0], current[0] with { Id = -1 } })).RowIndex);
        Assert.Equal(0, Users.UpdateMany(Array.Empty<User>()));

        Assert.Equal(2, Users.DeleteMany(new[] { users[0].Id, users[1].Id, -5 }));
        Assert.Equal(3, Users.Count());
        Assert.Equal(0, await Users.DeleteManyAsync(Array.Empty<long>()));

        // Composite keys: one prepared DELETE per key, in one transaction.
        foreach (var user in users.Skip(2))
        {
            Memberships.Insert(new Membership { UserId = user.Id, TeamId = team.Id, Role = Role.Member });
        }

        Assert.Equal(2, await Memberships.DeleteManyAsync(new[] { (users[2].Id, team.Id), (users[3].Id, team.Id), (users[3].Id, -1L) }));
        Assert.Equal(1, Memberships.Count());
    }

    [Fact]
    public async Task UpdateMany_in_batches_names_the_failing_row_across_batches_and_keeps_nothing()
    {
        // 250 rows: on PostgreSQL three batches of up to 100 statements; elsewhere one prepared statement per row.
        var team = NewTeam();
        var users = Enumerable.Range(0, 250).Select(i => NewUser(team, $"batch{i}@example.com")).ToList();
        Assert.Equal(250, await Users.UpdateManyAsync(users.Select(u => u with { DisplayName = "first" })));
        var current = users.Select(u => u with { RowVersion = u.RowVersion + 1 }).ToList();

        var stale = current.Select((u, i) => (i == 180 ? u with { RowVersion = 0 } : u) with { DisplayName = "second" });
        Assert.Equal(180, (await Assert.ThrowsAsync<NeoGenConcurrencyException>(() => Users.UpdateManyAsync(stale).AsTask())).RowIndex);

        // A duplicate email at index 150: the constraint, its row, and not one of the 150 before it changed.
        var duplicate = current.Select((u, i) => (i == 150 ? u with { Email = "batch3@example.com" } : u) with { DisplayName = "third" });
        var conflict = Assert.Throws<NeoGenConstraintException>(() => Users.UpdateMany(duplicate));
        Assert.Equal(ConstraintKind.Unique, conflict.Kind);

        // Npgsql names the failed statement of a batch only with 'Include Failed Batched Command=true' (it carries the
        // parameters, so it is off by default); rows sent one by one are counted by NeoGen.
        Assert.Equal(Database.Dialect == Dialect.PostgreSql ? null : 150, conflict.RowIndex);
        Assert.Equal(250, Users.FindByTeamIdOrderByEmail(team.Id, 1000, 0).Count(u => u.DisplayName == "first"));
    }

    [Fact]
    public async Task UpsertBy_a_unique_index_inserts_or_updates_the_row_with_that_value()
    {
        var team = NewTeam();
        var other = NewTeam("other");
        var inserted = Users.UpsertByEmail(new User { Email = "ada@example.com", DisplayName = "Ada", TeamId = team.Id });
        Assert.True(inserted.Id > 0);
        Assert.Equal(1, inserted.RowVersion);

        // The same email: that row is updated, whatever key the entity carries, and keeps its key and creation time.
        var updated = await Users.UpsertByEmailAsync(new User { Id = 999_999, Email = "ada@example.com", DisplayName = "Countess", TeamId = other.Id });
        Assert.Equal((inserted.Id, "Countess", other.Id, 2, inserted.CreatedAt), (updated.Id, updated.DisplayName, updated.TeamId, updated.RowVersion, updated.CreatedAt));
        Assert.Equal(1, Users.Count());
        Assert.Null(Users.Get(999_999));

        var second = Users.UpsertByEmail(new User { Email = "grace@example.com", TeamId = team.Id });
        Assert.NotEqual(inserted.Id, second.Id);
        Assert.Equal(2, Users.Count());
    }

    [Fact]
    public async Task Bulk_insert_writes_every_row()
    {
        var team = NewTeam();
        var users = Enumerable.Range(0, 1000).Select(i => new User { Email = $"user{i}@example.com", TeamId = team.Id, DisplayName = i % 2 == 0 ? null : "odd" }).ToList();
        Assert.Equal(400, Users.BulkInsert(users.Take(400)));
        Assert.Equal(600, await Users.BulkInsertAsync(users.Skip(400)));
        Assert.Equal(1000, Users.Count());
        Assert.Equal(500, (await Users.AllAsync(CancellationToken.None)).Count(u => u.DisplayName is null));

        var rows = Enumerable.Range(0, 50).Select(i => FullRow(Database.Dialect == Dialect.PostgreSql) with { Number = i, OptionalNumber = i % 3 == 0 ? null : i }).ToList();
        Assert.Equal(50, await Types.BulkInsertAsync(rows));
        var stored = await Types.AllAsync();
        Assert.Equal(Enumerable.Range(0, 50), stored.Select(r => r.Number));
        Assert.Equal(17, stored.Count(r => r.OptionalNumber is null));
    }
}

public sealed class SqliteRepositoryTests : RepositoryContract, IClassFixture<SqliteDatabase>
{
    public SqliteRepositoryTests(SqliteDatabase database)
        : base(database)
    {
    }
}

public sealed class PostgresRepositoryTests : RepositoryContract, IClassFixture<PostgresDatabase>
{
    public PostgresRepositoryTests(PostgresDatabase database)
        : base(database)
    {
    }
}

public sealed class MariaDbRepositoryTests : RepositoryContract, IClassFixture<MariaDbDatabase>
{
    public MariaDbRepositoryTests(MariaDbDatabase database)
        : base(database)
    {
    }
}

// The same contract on the tables NeoGenSchema creates from the [Table] types, instead of hand-written DDL.
public sealed class SqliteGeneratedSchemaRepositoryTests : RepositoryContract, IClassFixture<SqliteGeneratedSchemaDatabase>
{
    public SqliteGeneratedSchemaRepositoryTests(SqliteGeneratedSchemaDatabase database)
        : base(database)
    {
    }
}

public sealed class PostgresGeneratedSchemaRepositoryTests : RepositoryContract, IClassFixture<PostgresGeneratedSchemaDatabase>
{
    public PostgresGeneratedSchemaRepositoryTests(PostgresGeneratedSchemaDatabase database)
        : base(database)
    {
    }
}

public sealed class MariaDbGeneratedSchemaRepositoryTests : RepositoryContract, IClassFixture<MariaDbGeneratedSchemaDatabase>
{
    public MariaDbGeneratedSchemaRepositoryTests(MariaDbGeneratedSchemaDatabase database)
        : base(database)
    {
    }
}
