using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static NeoGen.Analyzers.Tests.QueryVerify;

namespace NeoGen.Analyzers.Tests;

/// <summary>The query analyzer: each rule fires on the exact span inside the SQL literal and stays silent on correct code.</summary>
public sealed class QueryAnalyzerTests
{
    internal const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using NeoGen;

        [Table("teams")]
        public sealed record Team
        {
            [Key, Generated] public long Id { get; init; }
            public required string Name { get; init; }
        }

        [Table("users")]
        [Index(nameof(Email), Unique = true)]
        [Index(nameof(TeamId), nameof(CreatedAt))]
        public sealed record User
        {
            [Key, Generated] public long Id { get; init; }
            public required string Email { get; init; }
            public string? DisplayName { get; init; }
            [ForeignKey(typeof(Team))] public long TeamId { get; init; }
            public DateTime CreatedAt { get; init; }
            public bool Active { get; init; }
            public int Score { get; init; }
        }

        public sealed record UserRow(long Id, string Email, string DisplayName);
        public sealed record UserTeam(long Id, string Email, string TeamName);

        """;

    internal static string Repo(string members, string dialects = "[Repository(Dialect.Sqlite)]")
        => Model + dialects + "\npublic partial interface IUserRepository : ICrudRepository<User, long>\n{\n" + members + "\n}\n";

    // ---- silent on correct code ------------------------------------------------------------------

    [Fact]
    public Task Correct_queries_are_silent() => Analyzer(Repo("""
            [Query("SELECT id, email, display_name, team_id, created_at, active, score FROM users WHERE email = @email")]
            Task<User?> FindAsync(string email);
            [Query("SELECT u.id, u.email, t.name AS team_name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.team_id = @teamId ORDER BY u.created_at")]
            Task<List<UserTeam>> InTeamAsync(long teamId);
            [Query("UPDATE users SET display_name = @name WHERE id = @id")]
            Task<int> RenameAsync(long id, string? name);
            [Query("DELETE FROM users WHERE id = @id")]
            Task<int> DeleteOneAsync(long id);
            [Query("INSERT INTO users (email, team_id, created_at, active, score) VALUES (@email, @teamId, @at, @active, @score)")]
            Task<int> AddAsync(string email, long teamId, DateTime at, bool active, int score);
            [Query("WITH recent AS (SELECT id, email FROM users WHERE team_id = @teamId) SELECT id, email FROM recent")]
            Task<List<User>> RecentAsync(long teamId);
            [Query("SELECT id, email, display_name FROM users WHERE email LIKE @prefix")]
            Task<List<User>> SearchAsync(string prefix);
            Task<User?> FindByEmailAsync(string email);
            Task<List<User>> FindByTeamIdAndCreatedAtAfterOrderByCreatedAtDescAsync(long teamId, DateTime after);
            Task<int> CountByTeamIdAsync(long teamId);
            """));

    [Fact]
    public Task No_schema_means_no_unknown_table() => Analyzer("""
            using System.Threading.Tasks;
            using NeoGen;
            [Repository]
            public partial interface IThings
            {
                [Query("SELECT id FROM things WHERE id = @id")]
                Task<long> GetAsync(long id);
            }
            """);

    [Fact]
    public Task Methods_without_query_on_non_repositories_are_ignored() => Analyzer(Model + """
            public interface INotARepository
            {
                [Query("SELECT nope FROM nowhere")]
                Task<long> GetAsync(long id);
            }
            """);

    // ---- NG1003 -------------------------------------------------------------------------------------

    [Fact]
    public Task Update_without_where_fires_on_the_keyword() => Analyzer(Repo("""
            [Query("{|NG1003:UPDATE|} users SET active = @active")]
            Task<int> SetAllAsync(bool active);
            [Query("{|NG1003:DELETE|} FROM users")]
            Task<int> ClearAsync();
            """));

    [Fact]
    public Task Update_and_delete_with_where_are_silent() => Analyzer(Repo("""
            [Query("UPDATE users SET active = @active WHERE id = @id")]
            Task<int> SetOneAsync(long id, bool active);
            [Query("DELETE FROM users WHERE id = @id")]
            Task<int> ClearOneAsync(long id);
            """));

    [Fact]
    public Task Update_without_where_message_names_the_table() => Analyzer(Repo("""
            [Query("{|#0:DELETE|} FROM users")]
            Task<int> ClearAsync();
            """), Diagnostic("NG1003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("DELETE", "users"));

    // ---- NG1005 -------------------------------------------------------------------------------------

    [Fact]
    public Task Select_star_is_reported_as_info() => Analyzer(Repo("""
            [Query("SELECT {|#0:*|} FROM users WHERE id = @id")]
            Task<User?> GetOneAsync(long id);
            """), Diagnostic("NG1005", DiagnosticSeverity.Info).WithLocation(0).WithArguments("*"));

    [Fact]
    public Task Count_star_is_not_select_star() => Analyzer(Repo("""
            [Query("SELECT COUNT(*) FROM users WHERE team_id = @teamId")]
            Task<long> CountInTeamAsync(long teamId);
            """));

    // ---- NG2001 -------------------------------------------------------------------------------------

    [Fact]
    public Task Unknown_table_fires_on_the_name() => Analyzer(Repo("""
            [Query("SELECT id FROM {|#0:usrs|} WHERE id = @id")]
            Task<long> GetIdAsync(long id);
            """), Diagnostic("NG2001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Table 'usrs' does not exist in the schema; did you mean 'users'?"));

    [Fact]
    public Task Cte_name_is_not_an_unknown_table() => Analyzer(Repo("""
            [Query("WITH t AS (SELECT id FROM users WHERE id = @id) SELECT id FROM t")]
            Task<long> GetIdAsync(long id);
            """));

    // ---- NG2002 -------------------------------------------------------------------------------------

    [Fact]
    public Task Unknown_column_fires_on_the_column() => Analyzer(Repo("""
            [Query("SELECT id, {|#0:mail|} FROM users WHERE id = @id")]
            Task<string> GetMailAsync(long id);
            """), Diagnostic("NG2002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Column 'mail' does not exist in any table in scope; did you mean 'email'?"));

    [Fact]
    public Task Known_columns_are_silent() => Analyzer(Repo("""
            [Query("SELECT id, email FROM users WHERE id = @id")]
            Task<string> GetMailAsync(long id);
            [Query(@"SELECT display_name
                     FROM users
                     WHERE id = @id")]
            Task<string?> NameAsync(long id);
            """));

    [Fact]
    public Task Unknown_column_in_verbatim_multiline_literal_is_located_inside() => Analyzer(Repo("""
            [Query(@"SELECT id
                     FROM users
                     WHERE {|NG2002:nme|} = @name")]
            Task<long> ByNameAsync(string name);
            """));

    [Fact]
    public Task Literal_with_escapes_reports_on_the_whole_literal() => Analyzer(Repo("""
            [Query({|NG2002:"SELECT id FROM users\nWHERE nme = @name"|})]
            Task<long> ByNameAsync(string name);
            """));

    [Fact]
    public Task Every_dialect_is_checked_and_reported_once() => Analyzer(Repo("""
            [Query("SELECT {|NG2002:nme|} FROM users WHERE id = @id")]
            Task<string> NameAsync(long id);
            """, "[Repository(Dialect.Sqlite)]\n[Repository(Dialect.PostgreSql)]"));

    // ---- NG2003 -------------------------------------------------------------------------------------

    [Fact]
    public Task Ambiguous_column_fires_on_the_reference() => Analyzer(Repo("""
            [Query("SELECT {|#0:id|}, u.email FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = @email")]
            Task<List<UserRow>> AllAsync(string email);
            """), Diagnostic("NG2003", DiagnosticSeverity.Error).WithLocation(0).WithMessage(null).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Qualified_column_is_not_ambiguous() => Analyzer(Repo("""
            [Query("SELECT u.id, u.email FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = @email")]
            Task<List<UserRow>> AllAsync(string email);
            """));

    // NG2004 and NG2007 are the generator's (it maps parameters and results): see NeoGen.Generator.Tests.

    // ---- NG2008 -------------------------------------------------------------------------------------

    [Fact]
    public Task Insert_missing_not_null_column() => Analyzer(Repo("""
            [Query("INSERT INTO users ({|#0:team_id, created_at, active, score|}) VALUES (@teamId, @at, @active, @score)")]
            Task<int> AddAsync(long teamId, DateTime at, bool active, int score);
            """), Diagnostic("NG2008", DiagnosticSeverity.Error).WithLocation(0).WithArguments("users", "email"));

    [Fact]
    public Task Insert_may_leave_out_generated_and_nullable_columns() => Analyzer(Repo("""
            [Query("INSERT INTO teams (name) VALUES (@name)")]
            Task<int> AddTeamAsync(string name);
            """));

    // ---- NG3001 -------------------------------------------------------------------------------------

    [Fact]
    public Task Filter_on_unindexed_column_fires() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE {|#0:score|} > @min AND active = @active")]
            Task<List<long>> TopAsync(int min, bool active);
            """), Diagnostic("NG3001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("users", "the filter on 'active', 'score'", "active, score").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Filter_on_composite_index_leading_column_is_silent() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE team_id = @teamId AND score > @min")]
            Task<List<long>> InTeamAsync(long teamId, int min);
            [Query("SELECT id FROM users WHERE id = @id")]
            Task<long> ByKeyAsync(long id);
            """));

    [Fact]
    public Task Filter_on_second_column_of_composite_index_fires() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE {|NG3001:created_at|} > @after")]
            Task<List<long>> SinceAsync(DateTime after);
            """));

    [Fact]
    public Task Derived_query_on_unindexed_property_fires_on_the_method() => Analyzer(Repo("""
            Task<List<User>> {|#0:FindByScoreAndActiveAsync|}(int score, bool active);
            Task<List<User>> FindByTeamIdAndScoreAsync(long teamId, int score);
            """), Diagnostic("NG3001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("users", "the filter on 'score', 'active'", "score, active").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Derived_query_whose_indexed_filter_is_optional_fires_for_the_combination_without_it() => Analyzer(Repo("""
            Task<List<User>> {|#0:FindByTeamIdAndScoreAsync|}([OptionalFilter] long? teamId, int score);
            Task<List<User>> FindByTeamIdAndScoreAndActiveAsync(long teamId, [OptionalFilter] int? score, [OptionalFilter] bool? active);
            """), Diagnostic("NG3001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("users", "the filter on 'score' when 'teamId' is null", "score").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Written_query_whose_indexed_condition_is_optional_fires_for_the_combination_without_it() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE team_id = @teamId AND {|#0:score|} > @min")]
            Task<List<long>> AboveAsync([OptionalFilter] long? teamId, int min);
            [Query("SELECT id FROM users WHERE team_id = @teamId AND score > @min AND active = @active")]
            Task<List<long>> InTeamAsync(long teamId, [OptionalFilter] int? min, [OptionalFilter] bool? active);
            [Query("SELECT id FROM users WHERE email = @email AND score > @min")]
            Task<List<long>> ByEmailAsync(string email, [OptionalFilter] int? min);
            """), Diagnostic("NG3001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("users", "the filter on 'score' when '@teamId' is null", "score").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task IgnoreCase_is_not_served_by_an_index_on_the_column() => Analyzer(Repo("""
            Task<List<User>> FindByEmailIgnoreCaseAsync(string email);
            Task<List<User>> FindByTeamIdAndDisplayNameIgnoreCaseAsync(long teamId, string displayName);
            """));

    // ---- NG3002 -------------------------------------------------------------------------------------

    [Fact]
    public Task Foreign_key_without_index_fires_on_the_member() => Analyzer("""
            using NeoGen;
            [Table("teams")] public sealed record Team { [Key] public long Id { get; init; } }
            [Table("members")]
            public sealed record Member
            {
                [Key] public long Id { get; init; }
                [ForeignKey(typeof(Team))] public long {|#0:TeamId|} { get; init; }
            }
            """, Diagnostic("NG3002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("members", "team_id", "TeamId").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Foreign_key_leading_an_index_is_silent() => Analyzer("""
            using NeoGen;
            [Table("teams")] public sealed record Team { [Key] public long Id { get; init; } }
            [Table("members")]
            [Index(nameof(TeamId), nameof(Id))]
            public sealed record Member
            {
                [Key] public long Id { get; init; }
                [ForeignKey(typeof(Team))] public long TeamId { get; init; }
            }
            """);

    // ---- NG3003 -------------------------------------------------------------------------------------

    [Fact]
    public Task Leading_wildcard_fires_on_the_pattern() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE email LIKE {|#0:'%@example.com'|}")]
            Task<List<long>> ExampleAsync();
            """), Diagnostic("NG3003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("users", "email"));

    [Fact]
    public Task Trailing_wildcard_is_silent() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE email LIKE 'admin%'")]
            Task<List<long>> AdminsAsync();
            """));

    // ---- NG3004 -------------------------------------------------------------------------------------

    [Fact]
    public Task Function_on_indexed_column_fires_on_the_call() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE {|#0:lower(email)|} = @email")]
            Task<long> ByEmailAsync(string email);
            """), Diagnostic("NG3004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("lower", "users", "email"));

    [Fact]
    public Task Function_on_the_parameter_side_is_silent() => Analyzer(Repo("""
            [Query("SELECT id FROM users WHERE email = lower(@email)")]
            Task<long> ByEmailAsync(string email);
            """));

    // ---- suppression --------------------------------------------------------------------------------

    [Fact]
    public Task Pragma_suppresses() => Analyzer(Repo("""
            #pragma warning disable NG2002, NG1003
            [Query("SELECT nme FROM users WHERE id = @id")]
            Task<string> NameAsync(long id);
            [Query("DELETE FROM users")]
            Task<int> ClearAsync();
            #pragma warning restore NG2002, NG1003
            """));

    [Fact]
    public Task SuppressMessage_attribute_suppresses() => Analyzer(Repo("""
            [System.Diagnostics.CodeAnalysis.SuppressMessage("NeoGen.Sql", "NG1003", Justification = "reset job")]
            [Query("DELETE FROM users")]
            Task<int> ClearAsync();
            """));

    [Fact]
    public Task Entity_declared_with_data_annotations_is_in_the_schema() => Analyzer("""
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using System.Threading.Tasks;
            using NeoGen;
            [System.ComponentModel.DataAnnotations.Schema.Table("products")]
            public sealed class Product
            {
                [System.ComponentModel.DataAnnotations.Key] public long Id { get; set; }
                [System.ComponentModel.DataAnnotations.Schema.Column("product_name")] public string Name { get; set; } = "";
                [NotMapped] public string Label { get; set; } = "";
            }
            [Repository]
            public partial interface IProducts
            {
                [Query("SELECT product_name FROM products WHERE id = @id")]
                Task<string?> NameAsync(long id);
                [Query("SELECT {|NG2002:label|} FROM products WHERE id = @id")]
                Task<string?> LabelAsync(long id);
                [Query("SELECT {|NG2002:name|} FROM products WHERE id = @id")]
                Task<string?> OldAsync(long id);
            }
            """);

    [Fact]
    public async Task Editorconfig_suppresses()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT nme FROM users WHERE id = @id")]
            Task<string> NameAsync(long id);
            [Query("SELECT id FROM users WHERE score = @score")]
            Task<List<long>> ScoreAsync(int score);
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.NG2002.severity = none\ndotnet_diagnostic.NG3001.severity = none\n"));
        await test.RunAsync();
    }

    // ---- schema from AdditionalFiles ---------------------------------------------------------------

    private const string OrdersRepo = """
        using System.Threading.Tasks;
        using NeoGen;
        [Table("users")] public sealed record User { [Key] public long Id { get; init; } }
        [Repository]
        public partial interface IOrders
        {
        """;

    [Fact]
    public async Task Schema_from_migrations_applies_renames_in_file_order()
    {
        var test = new QueryAnalyzerTest(OrdersRepo + """
                [Query("SELECT id FROM orders WHERE customer_id = @id")]
                Task<long> NewNameAsync(long id);
                [Query("SELECT id FROM orders WHERE {|NG2002:cust_id|} = @id")]
                Task<long> OldNameAsync(long id);
            }
            """);
        test.TestState.AdditionalFiles.Add(("/migrations/002_rename.sql", "ALTER TABLE orders RENAME COLUMN cust_id TO customer_id;\nCREATE INDEX ix_orders_customer ON orders (customer_id);\n"));
        test.TestState.AdditionalFiles.Add(("/migrations/001_init.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, cust_id INTEGER NOT NULL, total DECIMAL(10,2));\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_errors_are_reported_in_the_file()
    {
        var test = new QueryAnalyzerTest(OrdersRepo + "}\n");
        test.TestState.AdditionalFiles.Add(("/001_init.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);\nALTER TABLE nothing ADD COLUMN x INTEGER;\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("NG1002", DiagnosticSeverity.Error).WithSpan("/001_init.sql", 2, 13, 2, 20).WithArguments("Schema file '001_init.sql': Table 'nothing' does not exist").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync();
    }

    [Fact]
    public async Task Valid_schema_file_is_silent()
    {
        var test = new QueryAnalyzerTest(OrdersRepo + """
                [Query("SELECT id FROM orders WHERE customer_id = @id AND total > @min")]
                Task<long> LargeAsync(long id, decimal min);
            }
            """);
        test.TestState.AdditionalFiles.Add(("/001_init.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total DECIMAL(10,2));\nCREATE INDEX ix_orders_customer ON orders (customer_id);\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_index_on_a_table_type_is_used()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE score = @score")]
            Task<List<long>> ScoreAsync(int score);
            """));
        test.TestState.AdditionalFiles.Add(("/001.sql", "CREATE INDEX ix_users_score ON users (score);\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_that_creates_a_table_type_differently_is_NG2010()
    {
        var test = new QueryAnalyzerTest(Model + """
            [Table("tags")]
            public sealed record {|#2:Tag|}
            {
                [Key] public long Id { get; init; }
                public required string {|#0:Label|} { get; init; }
                public string? {|#1:Note|} { get; init; }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/001.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note INTEGER NOT NULL);\n"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Tag.Label maps to column 'label', which table 'tags' does not have after the 001.sql; rename the member's [Column] or fix the migration"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Tag.Note is string? but column 'tags.note' is INTEGER in the 001.sql"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Tag.Note is nullable but column 'tags.note' is NOT NULL in the 001.sql: writing null fails; make the member non-nullable or the column nullable"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("Table 'tags' has a NOT NULL column 'name' without a default in the 001.sql, which Tag does not map: its inserts fail; map the column or give it a default"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_schema_file_is_judged_only_for_the_database_it_describes()
    {
        // SQLite keeps dates as TEXT; the file in a sqlite folder says nothing about the PostgreSQL repository.
        const string Source = Model + """
            [Table("events")]
            public sealed record Event
            {
                [Key, Generated] public long Id { get; init; }
                public DateTime {|#0:At|} { get; init; }
            }

            [Repository(Dialect.PostgreSql)]
            public partial interface IEventRepository : ICrudRepository<Event, long>
            {
                [Query("SELECT id, at FROM events WHERE id = @id")]
                Task<Event?> ByIdAsync(long id);
            }
            """;
        const string Ddl = "CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL);\n";
        var sqlite = new QueryAnalyzerTest(Source.Replace("{|#0:At|}", "At", StringComparison.Ordinal));
        sqlite.TestState.AdditionalFiles.Add(("/db/sqlite/001.sql", Ddl));
        await sqlite.RunAsync();

        var postgres = new QueryAnalyzerTest(Source);
        postgres.TestState.AdditionalFiles.Add(("/db/postgresql/001.sql", Ddl));
        postgres.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Event.At is DateTime but column 'events.at' is TEXT in the 001.sql"));
        await postgres.RunAsync();
    }

    [Fact]
    public async Task An_undeclared_schema_file_in_a_project_of_two_dialects_is_NG2011()
    {
        // Read as SQLite's, the file adds the column there only: PostgreSQL's NG2002 says so.
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE {|#0:nickname|} = @name")]
            Task<List<long>> ByNicknameAsync(string name);
            """, "[Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]"));
        test.TestState.AdditionalFiles.Add(("/db/002.sql", "ALTER TABLE users ADD COLUMN nickname TEXT;\nCREATE INDEX ix_users_nickname ON users (nickname);\n"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Column 'nickname' does not exist in any table in scope (for PostgreSQL)"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2011", DiagnosticSeverity.Warning).WithSpan("/db/002.sql", 1, 1, 1, 1).WithArguments(
            "Schema file '002.sql' does not say which database it describes, and the repositories use SQLite and PostgreSQL: it is read as SQLite's, the dialect most of them use, which another repository can change. Declare it: NeoGenDialect=\"Sqlite\" on its AdditionalFiles item, or put it in a folder named sqlite"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_NeoGenDialect_that_names_no_database_is_NG2011()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE email = @email")]
            Task<List<long>> ByEmailAsync(string email);
            """));
        test.TestState.AdditionalFiles.Add(("/db/002.sql", "CREATE INDEX ix_users_email ON users (email);\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[/db/002.sql]\nbuild_metadata.AdditionalFiles.NeoGenDialect = Postgre\n"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2011", DiagnosticSeverity.Warning).WithSpan("/db/002.sql", 1, 1, 1, 1).WithArguments(
            "Schema file '002.sql' has NeoGenDialect=\"Postgre\": 'Postgre' is not one of Sqlite, PostgreSql, MySql, SqlServer; it is read as SQLite's"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Declared_schema_files_of_a_project_of_two_dialects_are_silent()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE nickname = @name")]
            Task<List<long>> ByNicknameAsync(string name);
            """, "[Repository(Dialect.Sqlite)] [Repository(Dialect.PostgreSql)]"));
        const string Ddl = "ALTER TABLE users ADD COLUMN nickname TEXT;\nCREATE INDEX ix_users_nickname ON users (nickname);\n";
        test.TestState.AdditionalFiles.Add(("/db/sqlite/002.sql", Ddl));
        test.TestState.AdditionalFiles.Add(("/db/002.postgresql.sql", Ddl));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_dialect_of_a_schema_file_can_be_its_NeoGenDialect_metadata()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE {|#0:nickname|} = @name")]
            Task<List<long>> ByNicknameAsync(string name);
            """));
        test.TestState.AdditionalFiles.Add(("/db/002.sql", "ALTER TABLE users ADD COLUMN nickname TEXT;\nCREATE INDEX ix_users_nickname ON users (nickname);\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[/db/002.sql]\nbuild_metadata.AdditionalFiles.NeoGenDialect = PostgreSql\n"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Column 'nickname' does not exist in any table in scope"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Migration_renaming_a_column_of_a_table_type_is_NG2010_on_the_member_and_NG2002_where_it_is_read()
    {
        var test = new QueryAnalyzerTest(Model + """
            [Table("customers")]
            public sealed record Customer
            {
                [Key, Generated] public long Id { get; init; }
                public required string Email { get; init; }
                public string? {|#0:Phone|} { get; init; }
            }

            [Repository(Dialect.Sqlite)]
            public partial interface ICustomerRepository : ICrudRepository<Customer, long>
            {
                [Query("SELECT id FROM customers WHERE {|#1:phone|} = @phone")]
                Task<List<long>> ByPhoneAsync(string phone);
            }
            """);
        test.TestState.AdditionalFiles.Add(("/002_rename.sql", "ALTER TABLE customers RENAME COLUMN phone TO phone_number;\n"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Customer.Phone maps to column 'phone', which table 'customers' does not have after the 002_rename.sql (it has 'phone_number'); rename the member's [Column] or fix the migration"));
        test.ExpectedDiagnostics.Add(Diagnostic("NG2002", DiagnosticSeverity.Error).WithLocation(1).WithArguments("Column 'phone' does not exist in any table in scope; did you mean 'phone_number'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Schema_file_alter_of_a_table_type_applies_to_it()
    {
        var test = new QueryAnalyzerTest(Repo("""
            [Query("SELECT id FROM users WHERE nickname = @name")]
            Task<List<long>> ByNicknameAsync(string name);
            """));
        test.TestState.AdditionalFiles.Add(("/002.sql", "ALTER TABLE users ADD COLUMN nickname TEXT;\nCREATE INDEX ix_users_nickname ON users (nickname);\n"));
        await test.RunAsync();
    }
}
