using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Schema;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// <c>NeoGenSchema</c>: the CREATE statements the generator writes from the <c>[Table]</c> types. The strongest check is
/// the round trip: the script of each database, read back by NeoGen's own schema builder as if it were the project's
/// migration, gives tables that every type maps onto with no drift (NG2010), so what EnsureCreatedAsync creates is what
/// the generated repositories read and write. The live tests (IntegrationTests) run the contract suite on it.
/// </summary>
public sealed class SchemaScriptTests
{
    internal const string Model = """
        using System;
        using System.Collections.Generic;
        using NeoGen;

        namespace Store;

        public enum Status : short { Open = 0, Closed = 1 }

        [Table("teams")]
        public sealed record Team([property: Key, Generated] long Id, string Name, int Rank = 3);

        [Table("users")]
        [Index(nameof(Email), IsUnique = true)]
        [Index(nameof(TeamId), nameof(CreatedAt))]
        public sealed record User
        {
            [Key, Generated] public long Id { get; init; }
            [Column(MaxLength = 200)] public required string Email { get; init; }
            public string? DisplayName { get; init; }
            [ForeignKey(typeof(Team))] public long TeamId { get; init; }
            public Status Status { get; init; } = Status.Closed;
            [Column(EnumStorage = EnumStorage.String)] public Status Tier { get; init; } = Status.Open;
            public int Score { get; init; } = -5;
            public bool Active { get; init; } = true;
            public string Note { get; init; } = "it's new";
            public string Empty { get; init; } = string.Empty;
            [Column(Precision = 12, Scale = 2)] public decimal Balance { get; init; }
            public decimal Exact { get; init; }
            public byte Tiny { get; init; }
            public short Small { get; init; }
            public float Single { get; init; }
            public double Double { get; init; } = 1.5;
            public char Letter { get; init; }
            public Guid Uid { get; init; }
            public Guid? MaybeUid { get; init; }
            public DateOnly Day { get; init; }
            public TimeOnly Clock { get; init; }
            public TimeSpan Span { get; init; }
            public byte[]? Blob { get; init; }
            public DateTimeOffset At { get; init; }
            [Version] public int Version { get; init; }
            [CreatedAt] public DateTime CreatedAt { get; init; }
            [UpdatedAt] public DateTime? UpdatedAt { get; init; }
        }

        [Table("memberships")]
        [Index(nameof(TeamId))]
        public sealed record Membership
        {
            [Key, ForeignKey(typeof(User))] public long UserId { get; init; }
            [Key, ForeignKey(typeof(Team))] public long TeamId { get; init; }
            [Column(EnumStorage = EnumStorage.String)] public Status Role { get; init; }
        }

        [Table("documents")]
        public sealed record Document
        {
            [Key, Generated] public Guid Id { get; init; }
            public required string Title { get; init; }
            [Encrypted(Deterministic = true)] public string? Secret { get; init; }
        }

        [Table("order")]
        public sealed record ReservedRow
        {
            [Key] public string Key { get; init; } = "";
            public int Select { get; init; }
        }

        [Table("tagged")]
        public sealed record Tagged([property: Key, Generated] long Id, string[] Tags, List<int>? Scores);

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        [Repository(Dialect.MySql)]
        [Repository(Dialect.SqlServer)]
        public partial interface IUserRepository : ICrudRepository<User, long>
        {
        }

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        [Repository(Dialect.MySql)]
        [Repository(Dialect.SqlServer)]
        public partial interface IMembershipRepository : ICrudRepository<Membership, (long UserId, long TeamId)>
        {
        }
        """;


    public static TheoryData<string> Dialects => new() { "Sqlite", "PostgreSql", "MySql", "SqlServer" };

    [Fact]
    public void The_schema_class_matches_its_snapshot()
        => Snapshot.Match("NeoGenSchema", GeneratorHarness.Run(Model).Source("NeoGen.NeoGenSchema.g.cs"));

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Each_database_reads_its_script_back_as_the_tables_the_types_declare(string dialectName)
    {
        var dialect = Enum.Parse<SqlDialect>(dialectName);
        var outcome = GeneratorHarness.Run(Model);
        Assert.Empty(outcome.CompilationDiagnostics);
        // NeoGen's schema builder reads CREATE TABLE, not T-SQL's IF around it (ScriptDom checks that part below).
        var script = string.Join(";\n", Statements(outcome, dialectName).Select(s => s.StartsWith("IF OBJECT_ID", StringComparison.Ordinal) ? s.Substring(s.IndexOf("CREATE TABLE", StringComparison.Ordinal)) : s)) + ";";

        var entities = Entities(Model);
        var file = new SchemaFile("migrations/001_init.sql", script, SchemaFileDialects.Of("001_init.sql", dialectName));
        var composed = SchemaComposer.Compose(entities, new[] { file }, dialect, dialect);
        Assert.Empty(composed.FileErrors.SelectMany(e => e.Value).Select(e => e.Message));
        Assert.Empty(composed.Drifts.Select(d => d.Message));

        // The script alone (the composer adds a type's indexes to a file's table, so they are checked without the types).
        var alone = SchemaComposer.Compose(Array.Empty<EntityModel>(), new[] { file }, dialect, dialect).Schema;
        var users = alone.FindTable("users", null)!;
        Assert.False(users.FindColumn("email")!.IsNullable);
        Assert.True(users.FindColumn("display_name")!.IsNullable);
        Assert.True(users.FindColumn("id")!.IsPrimaryKey);
        Assert.True(users.FindColumn("status")!.HasDefault);
        Assert.Contains(users.Indexes, i => i.IsUnique && i.Columns.Select(c => c.Column).SequenceEqual(new[] { "email" }));
        Assert.Contains(users.Indexes, i => i.Columns.Select(c => c.Column).SequenceEqual(new[] { "team_id", "created_at" }));
        Assert.Contains(users.ForeignKeys, f => f.ReferencedTable == "teams" && f.Columns.SequenceEqual(new[] { "team_id" }));

        var memberships = alone.FindTable("memberships", null)!;
        Assert.Equal(new[] { "user_id", "team_id" }, memberships.PrimaryKey);
        Assert.Contains(memberships.Indexes, i => i.Columns.Select(c => c.Column).SequenceEqual(new[] { "team_id" }));
        Assert.Equal(2, memberships.ForeignKeys.Count);

        // Arrays are PostgreSQL's: the table is in its script and listed as left out of the others.
        Assert.Equal(dialect == SqlDialect.PostgreSql, alone.FindTable("tagged", null) is not null);
        Assert.Equal(dialect == SqlDialect.PostgreSql, !LeftOut(outcome, dialectName).Any());
    }

    [Fact]
    public void Column_types_defaults_and_keys_are_each_databases_own()
    {
        var outcome = GeneratorHarness.Run(Model);
        var sqlite = Script(outcome, "Sqlite");
        Assert.Contains("CREATE TABLE IF NOT EXISTS users (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    email TEXT NOT NULL,", sqlite);
        Assert.Contains("uid BLOB NOT NULL", sqlite);
        Assert.Contains("exact TEXT NOT NULL", sqlite);
        Assert.Contains("status INTEGER NOT NULL DEFAULT 1", sqlite);
        Assert.Contains("tier TEXT NOT NULL DEFAULT 'Open'", sqlite);
        Assert.Contains("score INTEGER NOT NULL DEFAULT -5", sqlite);
        Assert.Contains("active INTEGER NOT NULL DEFAULT 1", sqlite);
        Assert.Contains("note TEXT NOT NULL DEFAULT 'it''s new'", sqlite);
        Assert.Contains("empty TEXT NOT NULL DEFAULT ''", sqlite);
        Assert.Contains("rank INTEGER NOT NULL DEFAULT 3", sqlite);
        Assert.Contains("id BLOB NOT NULL DEFAULT (randomblob(16)) PRIMARY KEY", sqlite);
        Assert.Contains("PRIMARY KEY (user_id, team_id)", sqlite);
        Assert.Contains("CREATE UNIQUE INDEX IF NOT EXISTS ix_users_email ON users (email)", sqlite);
        Assert.Contains("CONSTRAINT fk_users_team_id FOREIGN KEY (team_id) REFERENCES teams (id)", sqlite);
        Assert.Contains("CREATE TABLE IF NOT EXISTS \"order\" (\n    \"key\" TEXT NOT NULL PRIMARY KEY", sqlite);

        var postgres = Script(outcome, "PostgreSql");
        Assert.Contains("id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", postgres);
        Assert.Contains("email varchar(200) NOT NULL", postgres);
        Assert.Contains("balance numeric(12, 2) NOT NULL", postgres);
        Assert.Contains("exact numeric NOT NULL", postgres);
        Assert.Contains("active boolean NOT NULL DEFAULT TRUE", postgres);
        Assert.Contains("at timestamptz NOT NULL", postgres);
        Assert.Contains("created_at timestamptz NOT NULL", postgres);
        Assert.Contains("span interval NOT NULL", postgres);
        Assert.Contains("id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY", postgres);
        Assert.Contains("secret bytea\n", postgres);

        var mysql = Script(outcome, "MySql");
        Assert.Contains("id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY", mysql);
        Assert.Contains("display_name LONGTEXT,", mysql);
        Assert.Contains("note LONGTEXT NOT NULL DEFAULT ('it''s new')", mysql);
        Assert.Contains("exact DECIMAL(65, 30) NOT NULL", mysql);
        Assert.Contains("`key` VARCHAR(255) NOT NULL PRIMARY KEY", mysql);
        Assert.Contains("INDEX ix_users_team_id_created_at (team_id, created_at)", mysql);
        Assert.Contains("CONSTRAINT ix_users_email UNIQUE (email)", mysql);
        Assert.DoesNotContain("CREATE INDEX", mysql);

        var sqlServer = Script(outcome, "SqlServer");
        Assert.Contains("IF OBJECT_ID(N'users', N'U') IS NULL\nCREATE TABLE users (", sqlServer);
        Assert.Contains("id bigint IDENTITY(1, 1) PRIMARY KEY", sqlServer);
        Assert.Contains("display_name nvarchar(max),", sqlServer);
        Assert.Contains("created_at datetime2 NOT NULL", sqlServer);
        Assert.Contains("at datetimeoffset NOT NULL", sqlServer);
        Assert.Contains("active bit NOT NULL DEFAULT 1", sqlServer);
    }

    [Fact]
    public void Tables_come_after_the_tables_they_reference()
    {
        var statements = Statements(GeneratorHarness.Run(Model), "PostgreSql");
        int At(string table) => statements.FindIndex(s => s.StartsWith("CREATE TABLE IF NOT EXISTS " + table + " ", StringComparison.Ordinal));
        Assert.True(At("teams") < At("users"));
        Assert.True(At("users") < At("memberships"));
        Assert.True(statements.FindLastIndex(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal)) < statements.FindIndex(s => s.Contains("INDEX", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_sql_server_statement_parses_as_T_SQL()
    {
        foreach (var statement in Statements(GeneratorHarness.Run(Model), "SqlServer"))
        {
            var errors = SqlServerStatementTests.Parse(statement);
            Assert.True(errors.Count == 0, statement + "\n" + string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        }
    }

    [Fact]
    public void A_generated_member_without_a_database_default_is_reported_not_written_wrong()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            [Table("codes")]
            public sealed record Code([property: Key] long Id, [property: Generated] string Reference);
            """);
        var warning = Assert.Single(outcome.NeoGen("NG0012"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(message.Contains("Code.Reference is [Generated] but NeoGen knows no database default for a string column on SQLite, PostgreSQL, MySQL and SQL Server", StringComparison.Ordinal), message);
        Assert.Contains("create it with a migration", message);
    }

    [Fact]
    public void A_cycle_of_foreign_keys_leaves_the_closing_one_out_where_a_table_cannot_reference_a_later_one()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            [Table("a")]
            public sealed record A([property: Key] long Id, [property: ForeignKey(typeof(B))] long? BId);
            [Table("b")]
            public sealed record B([property: Key] long Id, [property: ForeignKey(typeof(A))] long AId);
            """);
        var warning = Assert.Single(outcome.NeoGen("NG0012"));
        var message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(message.Contains("closes a cycle", StringComparison.Ordinal) && message.Contains("PostgreSQL, MySQL and SQL Server", StringComparison.Ordinal), message);
        Assert.Equal(2, Script(outcome, "Sqlite").Split("FOREIGN KEY").Length - 1);
        Assert.Equal(1, Script(outcome, "PostgreSql").Split("FOREIGN KEY").Length - 1);
    }

    [Fact]
    public void Entity_framework_index_spelling_is_understood()
    {
        var outcome = GeneratorHarness.Run("""
            namespace Microsoft.EntityFrameworkCore
            {
                [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
                public sealed class IndexAttribute : System.Attribute
                {
                    public IndexAttribute(string propertyName, params string[] additionalPropertyNames) { }
                    public bool IsUnique { get; set; }
                    public string? Name { get; set; }
                }
            }

            [NeoGen.Table("people")]
            [Microsoft.EntityFrameworkCore.Index(nameof(Email), IsUnique = true)]
            [Microsoft.EntityFrameworkCore.Index(nameof(Last), nameof(First), Name = "ix_people_name")]
            public sealed record Person([property: NeoGen.Key] long Id, string Email, string First, string Last);
            """);
        var script = Script(outcome, "Sqlite");
        Assert.Contains("CREATE UNIQUE INDEX IF NOT EXISTS ix_people_email ON people (email)", script);
        Assert.Contains("CREATE INDEX IF NOT EXISTS ix_people_name ON people (last, first)", script);
    }

    [Fact]
    public void A_native_enum_is_a_database_enum_type_created_before_its_table()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            public enum OrderStatus { New, Shipped, Cancelled }

            [Table("orders")]
            public sealed record Order([property: Key] long Id, [property: Column(EnumStorage = EnumStorage.Native)] OrderStatus Status);
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);
        var postgres = Statements(outcome, "PostgreSql");
        Assert.Equal("DO $$ BEGIN CREATE TYPE order_status AS ENUM ('New', 'Shipped', 'Cancelled'); EXCEPTION WHEN duplicate_object THEN NULL; END $$", postgres[0]);
        Assert.Contains("status order_status NOT NULL", postgres[1]);
        Assert.Contains("`status` ENUM('New', 'Shipped', 'Cancelled') NOT NULL", Script(outcome, "MySql"));
        Assert.Contains("status TEXT NOT NULL", Script(outcome, "Sqlite"));

        // Npgsql listed the database's types before the enum existed: EnsureCreated reloads them.
        Assert.Contains("ReloadTypesAsync()", outcome.Source("NeoGen.NeoGenSchema.g.cs"));
    }

    [Fact]
    public void A_case_insensitive_text_column_is_each_databases_own()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            [Table("handles")]
            public sealed record Handle([property: Key] long Id, [property: Column(CaseInsensitive = true)] string Name, [property: Column(CaseInsensitive = true)] int Wrong);
            """);
        Assert.Contains(outcome.NeoGen("NG0011"), d => d.GetMessage().Contains("[Column(CaseInsensitive = true)] applies to text members", StringComparison.Ordinal));

        var fine = GeneratorHarness.Run("""
            using NeoGen;
            [Table("handles")]
            public sealed record Handle([property: Key] long Id, [property: Column(CaseInsensitive = true)] string Name);
            [Repository(Dialect.PostgreSql)]
            public partial interface IHandles : ICrudRepository<Handle, long> { Handle? FindByName(string name); }
            """);
        var postgres = Statements(fine, "PostgreSql");
        Assert.Equal("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public", postgres[0]);
        Assert.Contains("name citext NOT NULL", postgres[1]);
        Assert.Contains("name TEXT COLLATE NOCASE NOT NULL", Script(fine, "Sqlite"));
        Assert.Contains("name LONGTEXT COLLATE utf8mb4_unicode_ci NOT NULL", Script(fine, "MySql"));
        Assert.Contains("WHERE name = $1::citext", fine.Source("IHandles.PostgreSql.g.cs"));
    }

    [Fact]
    public void The_same_table_name_in_two_schemas_is_two_tables_not_a_crash()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            [Table("orders", Schema = "sales")]
            public sealed record SalesOrder([property: Key] long Id, string Number);
            [Table("orders", Schema = "archive")]
            public sealed record ArchivedOrder([property: Key] long Id, string Number);
            """);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "NG0009");
        var postgres = Script(outcome, "PostgreSql");
        Assert.Contains("CREATE TABLE IF NOT EXISTS sales.orders", postgres);
        Assert.Contains("CREATE TABLE IF NOT EXISTS archive.orders", postgres);
    }

    [Fact]
    public void Long_names_are_shortened_with_a_stable_hash()
    {
        var name = "ix_" + new string('a', 70);
        var shortened = Schema.SchemaScriptWriter.Identifier(name);
        Assert.Equal(63, shortened.Length);
        Assert.Equal(shortened, Schema.SchemaScriptWriter.Identifier(name));
        Assert.NotEqual(shortened, Schema.SchemaScriptWriter.Identifier(name + "b"));
        Assert.Equal("ix_short", Schema.SchemaScriptWriter.Identifier("ix_short"));
    }

    [Fact]
    public void Without_table_types_there_is_no_schema_class()
        => Assert.DoesNotContain(GeneratorHarness.Run("public sealed class Plain { }").Sources.Keys, k => k.Contains("NeoGenSchema", StringComparison.Ordinal));

    /// <summary>The generated class, compiled and loaded, asked for one database's script.</summary>
    private static string Script(GeneratorOutcome outcome, string dialect) => Invoke<string>(outcome, "CreateScript", dialect);

    private static List<string> Statements(GeneratorOutcome outcome, string dialect) => Invoke<IReadOnlyList<string>>(outcome, "CreateStatements", dialect).ToList();

    private static IReadOnlyList<string> LeftOut(GeneratorOutcome outcome, string dialect) => Invoke<IReadOnlyList<string>>(outcome, "LeftOut", dialect);

    private static readonly Dictionary<GeneratorOutcome, Assembly> Loaded = new();

    private static T Invoke<T>(GeneratorOutcome outcome, string method, string dialect)
    {
        Assembly? assembly;
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(outcome, out assembly))
            {
                var trees = outcome.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest)));
                var compilation = GeneratorHarness.Compilation("// schema only").AddSyntaxTrees(trees.Where(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.ValueText == "NeoGenSchema")));
                using var stream = new MemoryStream();
                var emitted = compilation.Emit(stream);
                Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
                assembly = Assembly.Load(stream.ToArray());
                Loaded[outcome] = assembly;
            }
        }

        var type = assembly.GetType("NeoGen.NeoGenSchema", throwOnError: true)!;
        return (T)type.GetMethod(method)!.Invoke(null, new object[] { Enum.Parse<Dialect>(dialect) })!;
    }

    /// <summary>The [Table] types of <paramref name="source"/>, read as the generator and the analyzers read them.</summary>
    private static List<EntityModel> Entities(string source)
    {
        var compilation = GeneratorHarness.Compilation(source);
        return compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Select(d => compilation.GetSemanticModel(d.SyntaxTree).GetDeclaredSymbol(d))
            .OfType<ITypeSymbol>()
            .Where(t => EntityReader.TableName(t) is not null)
            .Select(EntityReader.Read)
            .ToList();
    }
}
