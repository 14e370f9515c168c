using System.Linq;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

public class SchemaTests
{
    internal static SqlSchema Schema(string sql, SqlDialect dialect)
    {
        var builder = new SqlSchemaBuilder();
        var errors = builder.Apply(sql, dialect);
        Assert.True(errors.Count == 0, "Unexpected errors: " + string.Join("; ", errors.Select(e => e.ToString())));
        return builder.Build();
    }

    private static SqlSchemaColumn Col(SqlSchema schema, string table, string column)
    {
        var t = schema.FindTable(table);
        Assert.NotNull(t);
        var c = t!.FindColumn(column);
        Assert.NotNull(c);
        return c!;
    }

    // PostgreSQL tutorial, https://www.postgresql.org/docs/current/tutorial-table.html and tutorial-fk.html.
    public const string PgTutorial = @"
CREATE TABLE cities (
        name     varchar(80) primary key,
        location point
);

CREATE TABLE weather (
        city      varchar(80) references cities(name),
        temp_lo   int,           -- low temperature
        temp_hi   int,           -- high temperature
        prcp      real,          -- precipitation
        date      date
);";

    [Fact]
    public void Postgres_tutorial_tables()
    {
        var s = Schema(PgTutorial, SqlDialect.PostgreSql);
        Assert.Equal(new[] { "cities", "weather" }, s.Tables.Select(t => t.Name));
        var weather = s.FindTable("WEATHER")!;
        Assert.Equal(new[] { "city", "temp_lo", "temp_hi", "prcp", "date" }, weather.Columns.Select(c => c.Name));
        Assert.Equal(SqlType.Text, weather.Columns[0].Type);
        Assert.Equal("varchar(80)", weather.Columns[0].DeclaredType);
        Assert.Equal(SqlType.Integer, weather.Columns[1].Type);
        Assert.Equal(SqlType.Float, weather.Columns[3].Type);
        Assert.Equal(SqlType.Date, weather.Columns[4].Type);
        Assert.True(weather.Columns.All(c => c.IsNullable));
        var fk = Assert.Single(weather.ForeignKeys);
        Assert.Equal(("cities", "city", "name"), (fk.ReferencedTable, fk.Columns[0], fk.ReferencedColumns[0]));
        var cities = s.FindTable("cities")!;
        Assert.Equal(new[] { "name" }, cities.PrimaryKey);
        Assert.False(cities.Columns[0].IsNullable);
        Assert.True(cities.Columns[0].IsPrimaryKey);
        Assert.Equal(SqlType.Unknown, cities.Columns[1].Type);
        Assert.True(cities.HasIndexLeadingWith("name"));
        Assert.False(weather.HasIndexLeadingWith("city"));
    }

    [Fact]
    public void Postgres_enums_arrays_identity_and_constraints()
    {
        var s = Schema(@"
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE IF NOT EXISTS public.person (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL COLLATE ""C"",
    current_mood mood,
    tags text[] NOT NULL DEFAULT '{}',
    scores int[],
    price numeric(10,2) CHECK (price > 0),
    data jsonb,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    born timestamp without time zone,
    at_time time,
    flag boolean DEFAULT false,
    photo bytea,
    total double precision,
    team_id int,
    CONSTRAINT person_name_uq UNIQUE (name),
    CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    CHECK (total >= 0)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_person_lower_name ON person USING btree (lower(name));
CREATE INDEX ix_person_team ON person (team_id, created_at DESC) WHERE team_id IS NOT NULL;
CREATE INDEX ON person USING gin (tags);
ALTER TYPE mood ADD VALUE 'ecstatic';
COMMENT ON TABLE person IS 'people';
GRANT SELECT ON person TO reader;
CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;
", SqlDialect.PostgreSql);
        var p = s.FindTable("person", "public")!;
        Assert.Equal("public", p.Schema);
        Assert.NotNull(s.FindTable("person"));
        var id = p.FindColumn("id")!;
        Assert.True(id.IsIdentity && id.IsGenerated && id.HasDefault && !id.IsNullable && id.IsPrimaryKey);
        Assert.False(id.IsRequiredOnInsert);
        Assert.Equal(SqlType.Uuid, p.FindColumn("uid")!.Type);
        Assert.Equal("gen_random_uuid()", p.FindColumn("uid")!.DefaultSql);
        Assert.True(p.FindColumn("name")!.IsRequiredOnInsert);
        Assert.Equal("C", p.FindColumn("name")!.Collation);
        var mood = p.FindColumn("current_mood")!;
        Assert.Equal((SqlType.Enum, "mood"), (mood.Type, mood.EnumTypeName));
        Assert.Equal(new[] { "sad", "ok", "happy", "ecstatic" }, mood.EnumValues);
        Assert.Equal((SqlType.Array, SqlType.Text), (p.FindColumn("tags")!.Type, p.FindColumn("tags")!.ElementType));
        Assert.Equal((SqlType.Array, SqlType.Integer), (p.FindColumn("scores")!.Type, p.FindColumn("scores")!.ElementType));
        Assert.Equal(("numeric(10,2)", SqlType.Decimal), (p.FindColumn("price")!.DeclaredType, p.FindColumn("price")!.Type));
        Assert.Equal(SqlType.Json, p.FindColumn("data")!.Type);
        Assert.Equal(SqlType.TimestampTz, p.FindColumn("created_at")!.Type);
        Assert.Equal(SqlType.Timestamp, p.FindColumn("born")!.Type);
        Assert.Equal(SqlType.Time, p.FindColumn("at_time")!.Type);
        Assert.Equal(SqlType.Boolean, p.FindColumn("flag")!.Type);
        Assert.Equal(SqlType.Binary, p.FindColumn("photo")!.Type);
        Assert.Equal(SqlType.Float, p.FindColumn("total")!.Type);
        Assert.True(p.FindColumn("name")!.IsUnique);
        var fk = Assert.Single(p.ForeignKeys);
        Assert.Equal(("fk_team", "teams", "CASCADE"), (fk.Name, fk.ReferencedTable, fk.OnDelete));

        var lower = p.Indexes.Single(i => i.Name == "ix_person_lower_name");
        Assert.True(lower.IsUnique && lower.IsExpression && !lower.IsPartial);
        Assert.Equal("lower(name)", lower.Columns[0].Expression);
        Assert.Equal("btree", lower.Method);
        var team = p.Indexes.Single(i => i.Name == "ix_person_team");
        Assert.True(team.IsPartial);
        Assert.Equal("team_id IS NOT NULL", team.Predicate);
        Assert.Equal(new[] { "team_id", "created_at" }, team.Columns.Select(c => c.Column));
        Assert.True(team.Columns[1].IsDescending);
        Assert.Contains(p.Indexes, i => i.Name == null && i.Method == "gin" && i.LeadingColumn == "tags");
        Assert.Contains(p.Indexes, i => i.Origin == SqlIndexOrigin.PrimaryKey && i.LeadingColumn == "id");
        Assert.Contains(p.Indexes, i => i.Origin == SqlIndexOrigin.UniqueConstraint && i.Name == "person_name_uq");
        Assert.False(p.HasIndexLeadingWith("team_id")); // partial
        Assert.True(p.HasIndexLeadingWith("tags"));
        Assert.Equal(new[] { "sad", "ok", "happy", "ecstatic" }, s.FindEnum("mood")!.Values);
    }

    [Fact]
    public void Alter_table_rename_and_friends_apply_like_migrations()
    {
        var b = new SqlSchemaBuilder();
        Assert.Empty(b.Apply("CREATE TABLE users (id serial PRIMARY KEY, mail text NOT NULL, nick text, age int);", SqlDialect.PostgreSql));
        Assert.Empty(b.Apply("CREATE INDEX ix_users_mail ON users (mail);", SqlDialect.PostgreSql));
        Assert.Empty(b.Apply(@"
ALTER TABLE users RENAME COLUMN mail TO email;
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(), DROP COLUMN nick;
ALTER TABLE users ALTER COLUMN age SET NOT NULL, ALTER COLUMN age TYPE bigint;
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users RENAME TO accounts;
CREATE TABLE posts (id int PRIMARY KEY, account_id int REFERENCES accounts (id));
ALTER TABLE accounts RENAME COLUMN id TO account_id;", SqlDialect.PostgreSql));
        var s = b.Build();
        Assert.Null(s.FindTable("users"));
        var a = s.FindTable("accounts")!;
        Assert.Equal(new[] { "account_id", "email", "age", "created_at" }, a.Columns.Select(c => c.Name));
        Assert.True(a.Columns[0].IsIdentity);
        Assert.Equal(new[] { "account_id" }, a.PrimaryKey);
        Assert.True(a.FindColumn("email")!.IsNullable);
        Assert.False(a.FindColumn("age")!.IsNullable);
        Assert.Equal("bigint", a.FindColumn("age")!.DeclaredType);
        Assert.Equal("ix_users_mail", a.Indexes.Single(i => i.LeadingColumn == "email" && i.Origin == SqlIndexOrigin.Index).Name);
        Assert.True(a.FindColumn("email")!.IsUnique);
        var fk = Assert.Single(s.FindTable("posts")!.ForeignKeys);
        Assert.Equal(("accounts", "account_id"), (fk.ReferencedTable, fk.ReferencedColumns[0]));

        Assert.Empty(b.Apply("DROP INDEX ix_users_mail; ALTER TABLE accounts DROP CONSTRAINT users_email_key; DROP TABLE IF EXISTS nothing; DROP TABLE posts;", SqlDialect.PostgreSql));
        s = b.Build();
        Assert.Null(s.FindTable("posts"));
        Assert.False(s.FindTable("accounts")!.HasIndexLeadingWith("email"));
        Assert.False(s.FindTable("accounts")!.FindColumn("email")!.IsUnique);
    }

    [Fact]
    public void Build_returns_a_snapshot()
    {
        var b = new SqlSchemaBuilder();
        b.Apply("CREATE TABLE t (a int)", SqlDialect.Sqlite);
        var before = b.Build();
        b.Apply("ALTER TABLE t ADD COLUMN b int; ALTER TABLE t RENAME TO u", SqlDialect.Sqlite);
        Assert.Single(before.FindTable("t")!.Columns);
        Assert.Equal(2, b.Build().FindTable("u")!.Columns.Count);
    }

    [Fact]
    public void Sqlite_autoincrement_rowid_and_untyped_columns()
    {
        var s = Schema(@"
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL ON CONFLICT REPLACE,
  body,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created DATETIME DEFAULT CURRENT_TIMESTAMP,
  price VARCHAR(10),
  weight DOUBLE,
  small_int_thing UNSIGNED BIG INT,
  UNIQUE (owner_id, title) ON CONFLICT IGNORE
) WITHOUT ROWID, STRICT;
CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) ;
CREATE TABLE seq (n INTEGER, PRIMARY KEY (n));
CREATE INDEX IF NOT EXISTS notes_owner ON notes(owner_id);
CREATE TRIGGER trg AFTER INSERT ON notes BEGIN UPDATE notes SET title = title WHERE id = new.id; END;
CREATE VIRTUAL TABLE docs USING fts5(body);
PRAGMA foreign_keys = ON;
", SqlDialect.Sqlite);
        var n = s.FindTable("notes")!;
        Assert.True(n.FindColumn("id")!.IsIdentity && n.FindColumn("id")!.HasDefault);
        Assert.Equal(SqlType.Unknown, n.FindColumn("body")!.Type);
        Assert.Null(n.FindColumn("body")!.DeclaredType);
        Assert.Equal(SqlType.Timestamp, n.FindColumn("created")!.Type);
        Assert.Equal("CURRENT_TIMESTAMP", n.FindColumn("created")!.DefaultSql);
        Assert.Equal(SqlType.Text, n.FindColumn("price")!.Type);
        Assert.Equal(SqlType.Float, n.FindColumn("weight")!.Type);
        Assert.Equal(SqlType.Integer, n.FindColumn("small_int_thing")!.Type);
        Assert.True(n.HasIndexCovering(new[] { "title", "owner_id" }));
        Assert.True(n.HasIndexLeadingWith("owner_id"));
        Assert.False(s.FindTable("kv")!.FindColumn("k")!.IsIdentity);
        Assert.True(s.FindTable("seq")!.FindColumn("n")!.IsIdentity);
        Assert.Equal(new[] { "owner_id", "title" }, n.UniqueKeys.Single());
    }

    [Fact]
    public void MySql_auto_increment_engine_backticks_and_inline_keys()
    {
        var s = Schema(@"
CREATE TABLE `orders` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` INT NOT NULL,
  `status` ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
  `is_gift` TINYINT(1) NOT NULL DEFAULT 0,
  `note` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL COMMENT 'free text',
  `updated_at` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `total` DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_orders_note` (`note`(50)),
  KEY `ix_orders_customer` (`customer_id`, `updated_at`),
  FULLTEXT KEY `ft_note` (`note`),
  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=10 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
ALTER TABLE `orders` ADD COLUMN `ref` CHAR(36) NULL AFTER `id`, ADD INDEX `ix_ref` (`ref`), MODIFY `note` TEXT NOT NULL, CHANGE COLUMN `total` `amount` DECIMAL(12,2) NOT NULL;
RENAME TABLE `orders` TO `purchases`;
DROP INDEX `ft_note` ON `purchases`;
", SqlDialect.MySql);
        var o = s.FindTable("purchases")!;
        var id = o.FindColumn("id")!;
        Assert.True(id.IsIdentity && id.IsPrimaryKey && !id.IsRequiredOnInsert);
        Assert.Equal("INT UNSIGNED", id.DeclaredType);
        var status = o.FindColumn("status")!;
        Assert.Equal(SqlType.Enum, status.Type);
        Assert.Equal(new[] { "new", "paid", "shipped" }, status.EnumValues);
        Assert.Equal(SqlType.Boolean, o.FindColumn("is_gift")!.Type);
        Assert.Equal(SqlType.Text, o.FindColumn("note")!.Type);
        Assert.False(o.FindColumn("note")!.IsNullable);
        Assert.Null(o.FindColumn("total"));
        Assert.Equal("DECIMAL(12,2)", o.FindColumn("amount")!.DeclaredType);
        Assert.True(o.HasIndexLeadingWith("customer_id"));
        Assert.True(o.HasIndexLeadingWith("ref"));
        Assert.True(o.HasIndexLeadingWith("note"));
        Assert.DoesNotContain(o.Indexes, i => i.Name == "ft_note");
        Assert.Equal("fk_orders_customer", o.ForeignKeys.Single().Name);
        // ADD .. AFTER `id` puts `ref` second, as MySQL does.
        Assert.Equal(new[] { "id", "ref", "customer_id", "status", "is_gift", "note", "updated_at", "amount" }, o.Columns.Select(c => c.Name));
    }

    [Fact]
    public void MySql_first_and_after_place_the_column()
    {
        var s = Schema(@"
CREATE TABLE t (a INT, b INT, c INT);
ALTER TABLE t ADD COLUMN z INT FIRST;
ALTER TABLE t ADD y INT AFTER a, ADD COLUMN x INT NOT NULL AFTER y;
ALTER TABLE t MODIFY c BIGINT FIRST;
ALTER TABLE t CHANGE COLUMN b bb VARCHAR(10) AFTER z;
ALTER TABLE t MODIFY COLUMN a INT NOT NULL;", SqlDialect.MySql);
        var t = s.FindTable("t")!;
        Assert.Equal(new[] { "c", "z", "bb", "a", "y", "x" }, t.Columns.Select(c => c.Name));
        Assert.Equal("BIGINT", t.FindColumn("c")!.DeclaredType);
        Assert.Equal(SqlType.Text, t.FindColumn("bb")!.Type);
        Assert.False(t.FindColumn("a")!.IsNullable);

        var b = new SqlSchemaBuilder(s);
        var sql = "ALTER TABLE t ADD w INT AFTER nope, MODIFY y TEXT AFTER missing;";
        var errors = b.Apply(sql, SqlDialect.MySql);
        Assert.Equal(2, errors.Count);
        H.Span(sql, "nope", errors[0].Start, errors[0].Length);
        H.Span(sql, "missing", errors[1].Start, errors[1].Length);
        Assert.Equal(new[] { "c", "z", "bb", "a", "y", "x", "w" }, b.Build().FindTable("t")!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Create_table_like_copies_columns()
    {
        var s = Schema("CREATE TABLE a (id int PRIMARY KEY, v text NOT NULL); CREATE TABLE b LIKE a;", SqlDialect.MySql);
        Assert.Equal(new[] { "id", "v" }, s.FindTable("b")!.Columns.Select(c => c.Name));
        Assert.Equal(new[] { "id" }, s.FindTable("b")!.PrimaryKey);
        s = Schema("CREATE TABLE a (id int PRIMARY KEY, v text NOT NULL); CREATE TABLE b (LIKE a INCLUDING ALL);", SqlDialect.PostgreSql);
        Assert.Equal(2, s.FindTable("b")!.Columns.Count);
    }

    [Fact]
    public void SqlServer_identity_brackets_and_go_separators()
    {
        var s = Schema(@"
CREATE TABLE [dbo].[Customers] (
    [Id] INT IDENTITY(1,1) NOT NULL,
    [Name] NVARCHAR(100) NOT NULL,
    [Email] NVARCHAR(MAX) NULL,
    [Balance] MONEY NOT NULL CONSTRAINT DF_Balance DEFAULT (0),
    [RowVersion] ROWVERSION,
    [Key] UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
    [Active] BIT NOT NULL DEFAULT 1,
    [Created] DATETIME2(7) NOT NULL DEFAULT SYSUTCDATETIME(),
    [Offset] DATETIMEOFFSET NULL,
    [FullName] AS ([Name] + N' <' + [Email] + N'>') PERSISTED,
    CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED ([Id] ASC) WITH (PAD_INDEX = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX [IX_Customers_Name] ON [dbo].[Customers] ([Name] ASC) INCLUDE ([Email]) WHERE [Active] = 1
GO
ALTER TABLE [dbo].[Customers] ADD [Phone] VARCHAR(20) NULL, [Fax] VARCHAR(20) NULL
GO
ALTER TABLE [dbo].[Customers] ALTER COLUMN [Phone] VARCHAR(30) NOT NULL
GO
SET ANSI_NULLS ON
GO
", SqlDialect.SqlServer);
        var c = s.FindTable("Customers", "dbo")!;
        Assert.Equal("dbo", c.Schema);
        Assert.True(c.FindColumn("id")!.IsIdentity);
        Assert.Equal(new[] { "Id" }, c.PrimaryKey);
        Assert.Equal(SqlType.Text, c.FindColumn("Email")!.Type);
        Assert.Equal(SqlType.Decimal, c.FindColumn("Balance")!.Type);
        Assert.True(c.FindColumn("Balance")!.HasDefault);
        Assert.True(c.FindColumn("RowVersion")!.IsGenerated);
        Assert.Equal(SqlType.Binary, c.FindColumn("RowVersion")!.Type);
        Assert.Equal(SqlType.Uuid, c.FindColumn("Key")!.Type);
        Assert.Equal(SqlType.Boolean, c.FindColumn("Active")!.Type);
        Assert.Equal(SqlType.Timestamp, c.FindColumn("Created")!.Type);
        Assert.Equal(SqlType.TimestampTz, c.FindColumn("Offset")!.Type);
        Assert.True(c.FindColumn("FullName")!.IsComputed);
        var ix = c.Indexes.Single(i => i.Name == "IX_Customers_Name");
        Assert.True(ix.IsPartial);
        Assert.False(c.FindColumn("Phone")!.IsNullable);
        Assert.Equal("VARCHAR(30)", c.FindColumn("Phone")!.DeclaredType);
        Assert.NotNull(c.FindColumn("Fax"));
        Assert.Equal(new[] { "Name", "Phone" }, c.Columns.Where(x => x.IsRequiredOnInsert).Select(x => x.Name));
    }

    [Fact]
    public void SqlServer_ssms_generated_script()
    {
        var s = Schema(@"
SET ANSI_NULLS ON
GO
CREATE TABLE [dbo].[Orders](
	[OrderID] [int] IDENTITY(1,1) NOT NULL,
	[CustomerID] [nchar](5) NULL,
	[Freight] [money] NOT NULL,
	[Shipped] [bit] NOT NULL,
 CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED
(
	[OrderID] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
CREATE TABLE [dbo].[Customers]([CustomerID] [nchar](5) NOT NULL PRIMARY KEY)
GO
ALTER TABLE [dbo].[Orders] ADD  CONSTRAINT [DF_Orders_Freight]  DEFAULT ((0)) FOR [Freight]
GO
ALTER TABLE [dbo].[Orders] ADD  DEFAULT ((0)) FOR [Shipped]
GO
ALTER TABLE [dbo].[Orders]  WITH CHECK ADD  CONSTRAINT [FK_Orders_Customers] FOREIGN KEY([CustomerID])
REFERENCES [dbo].[Customers] ([CustomerID])
GO
ALTER TABLE [dbo].[Orders] CHECK CONSTRAINT [FK_Orders_Customers]
GO
", SqlDialect.SqlServer);
        var o = s.FindTable("Orders")!;
        Assert.Equal("((0))", o.FindColumn("Freight")!.DefaultSql);
        Assert.True(o.FindColumn("Shipped")!.HasDefault);
        Assert.DoesNotContain(o.Columns, c => c.IsRequiredOnInsert);
        Assert.Equal("FK_Orders_Customers", o.ForeignKeys.Single().Name);
        Assert.Equal(SqlType.Text, o.FindColumn("CustomerID")!.Type);
        Assert.Equal(SqlType.Integer, o.FindColumn("OrderID")!.Type);
    }

    [Fact]
    public void SqlServer_sp_rename_renames_columns_tables_and_indexes()
    {
        var b = new SqlSchemaBuilder();
        Assert.Empty(b.Apply("CREATE TABLE dbo.Customers (Id INT PRIMARY KEY, Name NVARCHAR(50)); CREATE INDEX IX_Name ON dbo.Customers (Name);", SqlDialect.SqlServer));
        Assert.Empty(b.Apply("EXEC sp_rename 'dbo.Customers.Name', 'FullName', 'COLUMN';\nGO\nEXEC sp_rename N'dbo.Customers.IX_Name', N'IX_FullName', N'INDEX';\nGO\nEXECUTE sp_rename 'dbo.Customers', 'Clients'", SqlDialect.SqlServer));
        var t = b.Build().FindTable("Clients")!;
        Assert.NotNull(t.FindColumn("FullName"));
        Assert.Equal("FullName", t.Indexes.Single(i => i.Name == "IX_FullName").LeadingColumn);
        var sql = "EXEC sp_rename 'Clients.Nope', 'X', 'COLUMN'";
        var e = Assert.Single(b.Apply(sql, SqlDialect.SqlServer));
        H.Span(sql, "'Clients.Nope'", e.Start, e.Length);
    }

    [Fact]
    public void Views_get_their_columns_from_the_query()
    {
        var s = Schema(PgTutorial + @"
CREATE VIEW myview AS
    SELECT name, temp_lo, temp_hi, prcp, date, location
        FROM weather, cities
        WHERE city = name;
CREATE TABLE hot AS SELECT city, max(temp_hi) AS hottest FROM weather GROUP BY city;", SqlDialect.PostgreSql);
        var v = s.FindTable("myview")!;
        Assert.True(v.IsView);
        Assert.Equal(new[] { "name", "temp_lo", "temp_hi", "prcp", "date", "location" }, v.Columns.Select(c => c.Name));
        Assert.Equal(SqlType.Integer, v.FindColumn("temp_lo")!.Type);
        Assert.Equal(new[] { "city", "hottest" }, s.FindTable("hot")!.Columns.Select(c => c.Name));
        Assert.Equal(SqlType.Integer, s.FindTable("hot")!.FindColumn("hottest")!.Type);
    }

    [Fact]
    public void Semantic_errors_have_spans()
    {
        var b = new SqlSchemaBuilder();
        var sql = "CREATE TABLE t (a int);\nALTER TABLE missing ADD COLUMN b int;\nALTER TABLE t RENAME COLUMN nope TO x;\nCREATE INDEX ix ON t (zzz);\nCREATE TABLE t (b int);";
        var errors = b.Apply(sql, SqlDialect.PostgreSql);
        Assert.Equal(4, errors.Count);
        H.Span(sql, "missing", errors[0].Start, errors[0].Length);
        H.Span(sql, "nope", errors[1].Start, errors[1].Length);
        H.Span(sql, "zzz", errors[2].Start, errors[2].Length);
        Assert.Contains("already exists", errors[3].Message);
    }

    [Fact]
    public void Syntax_errors_are_reported_and_later_statements_still_apply()
    {
        var b = new SqlSchemaBuilder();
        var errors = b.Apply("CREATE TABLE broken (a int,, b);\nCREATE TABLE ok (id int PRIMARY KEY);", SqlDialect.PostgreSql);
        Assert.Single(errors);
        Assert.NotNull(b.Build().FindTable("ok"));
        Assert.Null(b.Build().FindTable("broken"));
    }

    [Fact]
    public void Tables_declared_in_code()
    {
        var b = new SqlSchemaBuilder();
        b.Apply("CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL)", SqlDialect.PostgreSql);
        b.AddTable(
            "users",
            new[]
            {
                new SqlColumnSpec("id", SqlType.Integer, false, isKey: true, isGenerated: true),
                new SqlColumnSpec("email", SqlType.Text, false),
                new SqlColumnSpec("display_name", SqlType.Text, true),
                new SqlColumnSpec("team_id", SqlType.Integer, false),
                new SqlColumnSpec("created_at", SqlType.TimestampTz, false) { HasDefault = true },
            },
            new[] { new SqlIndexSpec(new[] { "email" }, isUnique: true) },
            new[] { new SqlForeignKeySpec(new[] { "team_id" }, "teams") });
        var s = b.Build();
        var u = s.FindTable("USERS")!;
        Assert.True(u.IsFromCode);
        Assert.Equal(new[] { "id" }, u.PrimaryKey);
        Assert.True(u.HasIndexLeadingWith("id"));
        Assert.True(u.HasIndexLeadingWith("email"));
        Assert.False(u.HasIndexLeadingWith("team_id"));
        Assert.True(u.FindColumn("email")!.IsUnique);
        Assert.Equal(new[] { "email", "team_id" }, u.Columns.Where(c => c.IsRequiredOnInsert).Select(c => c.Name));
        Assert.Equal("teams", u.ForeignKeys.Single().ReferencedTable);
    }

    [Fact]
    public void Parse_schema_models_ddl_but_parse_keeps_it_opaque()
    {
        Assert.IsType<OpaqueStatement>(Assert.Single(SqlParser.Parse("CREATE TABLE t (a int)", SqlDialect.PostgreSql).Statements));
        var create = Assert.IsType<CreateTableStatement>(Assert.Single(SqlParser.ParseSchema("CREATE TABLE t (a int)", SqlDialect.PostgreSql).Statements));
        Assert.Equal("a", create.Columns[0].Name.Value);
        Assert.Equal("int", create.Columns[0].Type!.Name);
    }

    [Theory]
    [InlineData("CREATE TABLE a (x varchar(20), y numeric(10,2), z int[], w text[][], v character varying(5))")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY a USING hash (x) WITH (fillfactor = 70) TABLESPACE fast")]
    [InlineData("CREATE INDEX i ON a ((x || y) text_pattern_ops DESC NULLS LAST, lower(z) COLLATE \"C\")")]
    [InlineData("CREATE TABLE a (x int GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 1), y int GENERATED ALWAYS AS (x * 2) STORED)")]
    [InlineData("ALTER TABLE IF EXISTS ONLY a ALTER COLUMN x SET DATA TYPE bigint USING x::bigint, ALTER x SET DEFAULT 1, ALTER x DROP DEFAULT")]
    [InlineData("DROP TABLE IF EXISTS a, b CASCADE")]
    [InlineData("CREATE TEMPORARY TABLE tmp (x int) ON COMMIT DROP")]
    [InlineData("CREATE TABLE p (id int, at date) PARTITION BY RANGE (at)")]
    [InlineData("CREATE TABLE c (LIKE p INCLUDING ALL)")]
    [InlineData("CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one WITH NO DATA")]
    [InlineData("CREATE SEQUENCE s START 1; CREATE SCHEMA app; CREATE DOMAIN posint AS int CHECK (VALUE > 0); CREATE TYPE pair AS (a int, b int)")]
    [InlineData("ALTER TABLE a ADD CONSTRAINT ex EXCLUDE USING gist (r WITH &&); ALTER TABLE a OWNER TO bob; ALTER TABLE a ENABLE ROW LEVEL SECURITY")]
    public void Postgres_ddl_spellings_parse(string sql)
    {
        var script = SqlParser.ParseSchema(sql, SqlDialect.PostgreSql);
        Assert.True(script.Errors.Count == 0, string.Join("; ", script.Errors.Select(e => e.ToString())));
    }

    [Theory]
    [InlineData(SqlDialect.MySql, "CREATE TABLE t (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, d DATETIME(6), j JSON, b BLOB, INDEX ix_d (d), UNIQUE INDEX (j(10))) ENGINE=MyISAM")]
    [InlineData(SqlDialect.MySql, "CREATE INDEX ix USING BTREE ON t (a(10), b DESC) ALGORITHM=INPLACE LOCK=NONE")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE t DROP FOREIGN KEY fk, DROP INDEX ix, DROP PRIMARY KEY, RENAME INDEX a TO b, RENAME AS u")]
    [InlineData(SqlDialect.SqlServer, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY NONCLUSTERED, v NVARCHAR(MAX), INDEX ix_v NONCLUSTERED (id))")]
    [InlineData(SqlDialect.SqlServer, "CREATE UNIQUE CLUSTERED INDEX ix ON dbo.t (a DESC, b) WITH (ONLINE = ON); DROP INDEX ix ON dbo.t; DROP INDEX IF EXISTS t.ix2")]
    [InlineData(SqlDialect.SqlServer, "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id); ALTER TABLE t DROP COLUMN a, b; ALTER TABLE t DROP CONSTRAINT fk")]
    [InlineData(SqlDialect.Sqlite, "CREATE TABLE t (a INTEGER PRIMARY KEY DESC, b TEXT COLLATE NOCASE, c GENERATED ALWAYS AS (a + 1) VIRTUAL, d AS (b || 'x'))")]
    [InlineData(SqlDialect.Sqlite, "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (b COLLATE NOCASE, a) WHERE b IS NOT NULL; ALTER TABLE t RENAME TO u; ALTER TABLE u RENAME b TO bb; ALTER TABLE u DROP COLUMN d")]
    public void Other_dialects_ddl_spellings_parse(SqlDialect dialect, string sql)
    {
        var script = SqlParser.ParseSchema(sql, dialect);
        Assert.True(script.Errors.Count == 0, string.Join("; ", script.Errors.Select(e => e.ToString())));
        Assert.DoesNotContain(script.Statements, s => s is InvalidStatement);
    }
}
