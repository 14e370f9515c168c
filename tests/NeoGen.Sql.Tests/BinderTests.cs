using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

public class BinderTests
{
    private const string Ddl = @"
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name text,
    team_id bigint NOT NULL REFERENCES teams (id),
    age int,
    score numeric(10,2) NOT NULL,
    mood mood,
    tags text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric(12,2) NOT NULL, note text, created_at timestamptz NOT NULL);
CREATE INDEX ix_orders_user ON orders (user_id, created_at);
" + SchemaTests.PgTutorial;

    private static readonly SqlSchema Pg = SchemaTests.Schema(Ddl, SqlDialect.PostgreSql);

    private static BoundStatement Bind(string sql, SqlDialect dialect = SqlDialect.PostgreSql, SqlSchema? schema = null)
    {
        var b = SqlBinder.Bind(sql, dialect, schema ?? Pg);
        Assert.True(b.Errors.Count == 0, "Parse errors: " + string.Join("; ", b.Errors.Select(e => e.ToString())));
        return b;
    }

    private static BoundStatement Clean(string sql, SqlDialect dialect = SqlDialect.PostgreSql, SqlSchema? schema = null)
    {
        var b = Bind(sql, dialect, schema);
        Assert.True(b.Problems.Count == 0, "Problems: " + string.Join("; ", b.Problems.Select(p => p.ToString())));
        return b;
    }

    private static SqlBindingProblem One(BoundStatement b, SqlBindingProblemKind kind, string sql, string text, string? context = null)
    {
        var p = Assert.Single(b.Problems);
        Assert.Equal(kind, p.Kind);
        if (context == null)
        {
            H.Span(sql, text, p.Start, p.Length);
        }
        else
        {
            Assert.Equal((sql.IndexOf(context, System.StringComparison.Ordinal) + context.IndexOf(text, System.StringComparison.Ordinal), text.Length), (p.Start, p.Length));
        }

        return p;
    }

    [Fact]
    public void Postgres_tutorial_queries_bind()
    {
        var s = Clean("SELECT city, (temp_hi+temp_lo)/2 AS temp_avg, date FROM weather");
        Assert.Equal(new[] { "city", "temp_avg", "date" }, s.ResultColumns.Select(c => c.Name));
        Assert.Equal(SqlType.Integer, s.ResultColumns[1].Type);
        Assert.Equal(SqlType.Date, s.ResultColumns[2].Type);

        s = Clean("SELECT * FROM weather, cities WHERE city = name");
        Assert.Equal(7, s.ResultColumns.Count);
        Assert.Single(s.StarSpans);
        Assert.Contains(s.PredicateUses, u => u.Kind == SqlPredicateKind.JoinKey && u.Column.Name == "city");

        s = Clean("SELECT weather.city, weather.temp_lo, cities.location FROM weather LEFT OUTER JOIN cities ON weather.city = cities.name");
        Assert.True(s.ResultColumns[2].IsNullable);
        Assert.Equal(2, s.PredicateUses.Count(u => u.Kind == SqlPredicateKind.JoinKey));

        s = Clean("SELECT w1.city, w1.temp_lo AS low, w1.temp_hi AS high, w2.city, w2.temp_lo AS low, w2.temp_hi AS high FROM weather w1 JOIN weather w2 ON w1.temp_lo < w2.temp_lo AND w1.temp_hi > w2.temp_hi");
        Assert.Equal(6, s.ResultColumns.Count);

        s = Clean("SELECT city, count(*) FILTER (WHERE temp_lo < 45), max(temp_lo) FROM weather GROUP BY city HAVING max(temp_lo) < 40");
        Assert.False(s.ResultColumns[1].IsNullable);
        Assert.Equal(SqlType.Integer, s.ResultColumns[1].Type);
        Assert.True(s.ResultColumns[2].IsNullable);

        s = Clean("SELECT city FROM weather WHERE temp_lo = (SELECT max(temp_lo) FROM weather)");
        Clean("UPDATE weather SET temp_hi = temp_hi - 2, temp_lo = temp_lo - 2 WHERE date > '1994-11-28'");
        Clean("DELETE FROM weather WHERE city = 'Hayward'");
        Clean("INSERT INTO weather (city, temp_lo, temp_hi, prcp, date) VALUES ('San Francisco', 43, 57, 0.0, '1994-11-29')");
        Clean("INSERT INTO weather VALUES ('San Francisco', 46, 50, 0.25, '1994-11-27')");
    }

    [Fact]
    public void Unknown_table_gives_one_problem_and_no_column_problems()
    {
        var sql = "SELECT x.a, b, c FROM nowhere x WHERE x.d = @p AND e > 1";
        var b = Bind(sql);
        One(b, SqlBindingProblemKind.UnknownTable, sql, "nowhere");
        Assert.Equal(SqlType.Unknown, Assert.Single(b.Parameters).Type);
    }

    [Fact]
    public void Unknown_and_ambiguous_columns_have_exact_spans()
    {
        var sql = "SELECT u.id, u.emial FROM users u";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "emial");

        sql = "SELECT id FROM users u JOIN teams t ON t.id = u.team_id";
        var p = One(Bind(sql), SqlBindingProblemKind.AmbiguousColumn, sql, "id");
        Assert.Equal("id", p.Name);

        sql = "SELECT name FROM users WHERE nmae = @n";
        var b = Bind(sql);
        Assert.Equal(2, b.Problems.Count);
        Assert.All(b.Problems, x => Assert.Equal(SqlBindingProblemKind.UnknownColumn, x.Kind));
        H.Span(sql, "name", b.Problems[0].Start, b.Problems[0].Length);
        H.Span(sql, "nmae", b.Problems[1].Start, b.Problems[1].Length);

        sql = "SELECT z.id FROM users u";
        One(Bind(sql), SqlBindingProblemKind.UnknownQualifier, sql, "z");

        sql = "UPDATE users SET emali = @e WHERE id = @id";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "emali");

        sql = "INSERT INTO users (email, tema_id, score) VALUES (@e, @t, 1)";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "tema_id");

        sql = "SELECT id FROM users USING_NOT_A_THING";
        Assert.Empty(Bind(sql).Problems);
    }

    [Fact]
    public void Using_join_columns_are_not_ambiguous()
    {
        var schema = SchemaTests.Schema("CREATE TABLE a (id int, x int); CREATE TABLE b (id int, y int);", SqlDialect.Sqlite);
        Clean("SELECT id, x, y FROM a JOIN b USING (id)", SqlDialect.Sqlite, schema);
        var sql = "SELECT id FROM a, b";
        One(Bind(sql, SqlDialect.Sqlite, schema), SqlBindingProblemKind.AmbiguousColumn, sql, "id");
    }

    [Fact]
    public void Correlated_subqueries_see_outer_columns()
    {
        Clean("SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS n FROM users u WHERE EXISTS (SELECT 1 FROM teams t WHERE t.id = u.team_id)");
        var sql = "SELECT u.id FROM users u WHERE u.id IN (SELECT o.user_id FROM orders o WHERE o.bogus = 1)";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "bogus");
    }

    [Fact]
    public void Derived_tables_expose_their_output_columns()
    {
        var b = Clean("SELECT d.uid, d.n FROM (SELECT user_id AS uid, count(*) AS n FROM orders GROUP BY user_id) d WHERE d.n > 1");
        Assert.Equal(SqlType.Integer, b.ResultColumns[0].Type);
        Assert.Equal("user_id", b.ResultColumns[0].SourceColumn!.Name);
        Assert.False(b.ResultColumns[1].IsNullable);

        var sql = "SELECT d.user_id FROM (SELECT user_id AS uid FROM orders) d";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "user_id", "d.user_id");

        b = Clean("SELECT t.a, t.b FROM (SELECT id, email FROM users) AS t(a, b)");
        Assert.Equal(new[] { "a", "b" }, b.ResultColumns.Select(c => c.Name));
    }

    [Fact]
    public void Ctes_including_recursive()
    {
        var b = Clean("WITH big AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) SELECT u.email, big.spent FROM users u JOIN big ON big.user_id = u.id");
        Assert.Equal(SqlType.Decimal, b.ResultColumns[1].Type);
        Assert.Contains(b.Tables, t => t.IsCte && t.Name == "big");

        b = Clean("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r");
        Assert.Equal(SqlType.Integer, Assert.Single(b.ResultColumns).Type);

        var sql = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT m + 1 FROM r WHERE n < 10) SELECT n FROM r";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "m", "m + 1");

        b = Clean("WITH RECURSIVE tree AS (SELECT id, team_id, 0 AS depth FROM users WHERE id = @root UNION ALL SELECT u.id, u.team_id, tree.depth + 1 FROM users u JOIN tree ON u.team_id = tree.id) SELECT id, depth FROM tree", SqlDialect.PostgreSql);
        Assert.Equal(SqlType.Integer, b.ResultColumns[0].Type);
        Assert.Equal("id", Assert.Single(b.Parameters).Column!.Name);
        Assert.False(b.ResultColumns[1].IsNullable); // 0 AS depth .. depth + 1

        // Nullability learnt from the recursive branch feeds back until it settles.
        b = Clean("WITH RECURSIVE r(a, b, c) AS (SELECT 1, 1, 1 UNION ALL SELECT b, c, NULL FROM r WHERE a < 5) SELECT a, b, c FROM r");
        Assert.True(b.ResultColumns.All(c => c.IsNullable));
        b = Clean("WITH RECURSIVE r(n, half) AS (SELECT 1, 1 UNION ALL SELECT n + 1, half * 0.5 FROM r WHERE n < 5) SELECT n, half FROM r");
        Assert.Equal((SqlType.Integer, false), (b.ResultColumns[0].Type, b.ResultColumns[0].IsNullable));
        Assert.Equal((SqlType.Decimal, false), (b.ResultColumns[1].Type, b.ResultColumns[1].IsNullable));
    }

    [Fact]
    public void Union_branches_merge_nullability_and_bind_separately()
    {
        var b = Clean("SELECT id, display_name FROM users UNION SELECT id, name FROM teams ORDER BY 1");
        Assert.False(b.ResultColumns[0].IsNullable);
        Assert.True(b.ResultColumns[1].IsNullable);
        var sql = "SELECT id FROM users UNION ALL SELECT idd FROM teams UNION SELECT id FROM orders";
        One(Bind(sql), SqlBindingProblemKind.UnknownColumn, sql, "idd");
    }

    [Fact]
    public void Nullability_and_type_inference()
    {
        var b = Clean(@"SELECT u.id, u.display_name, t.name, count(o.id) AS n, coalesce(u.display_name, u.email) AS shown,
            coalesce(u.display_name, t.name) AS maybe, CASE WHEN u.age > 18 THEN 'adult' ELSE 'minor' END AS bracket,
            CASE WHEN u.age > 18 THEN 'adult' END AS partial, CAST(u.age AS text) AS age_text, u.score::float8 AS f,
            sum(o.total) AS spent, 1 AS one, 2.5 AS half, 'x' AS s, NULL AS nothing, true AS yes, u.mood, u.tags,
            now() AS at, u.created_at::date AS d, u.email || '!' AS loud, lower(u.email) AS low, avg(u.age) AS mean
            FROM users u LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id, t.name");
        var c = b.ResultColumns.ToDictionary(x => x.Name!);
        Assert.False(c["id"].IsNullable);
        Assert.True(c["display_name"].IsNullable);
        Assert.True(c["name"].IsNullable); // outer-join side
        Assert.Equal((SqlType.Integer, false), (c["n"].Type, c["n"].IsNullable));
        Assert.Equal((SqlType.Text, false), (c["shown"].Type, c["shown"].IsNullable));
        Assert.True(c["maybe"].IsNullable);
        Assert.Equal((SqlType.Text, false), (c["bracket"].Type, c["bracket"].IsNullable));
        Assert.True(c["partial"].IsNullable);
        Assert.Equal((SqlType.Text, true), (c["age_text"].Type, c["age_text"].IsNullable));
        Assert.Equal((SqlType.Float, false), (c["f"].Type, c["f"].IsNullable));
        Assert.Equal((SqlType.Decimal, true), (c["spent"].Type, c["spent"].IsNullable));
        Assert.Equal((SqlType.Integer, false), (c["one"].Type, c["one"].IsNullable));
        Assert.Equal(SqlType.Decimal, c["half"].Type);
        Assert.Equal((SqlType.Text, false), (c["s"].Type, c["s"].IsNullable));
        Assert.True(c["nothing"].IsNullable);
        Assert.Equal(SqlType.Boolean, c["yes"].Type);
        Assert.Equal((SqlType.Enum, "mood"), (c["mood"].Type, c["mood"].EnumTypeName));
        Assert.Equal((SqlType.Array, SqlType.Text), (c["tags"].Type, c["tags"].ElementType));
        Assert.Equal((SqlType.TimestampTz, false), (c["at"].Type, c["at"].IsNullable));
        Assert.Equal(SqlType.Date, c["d"].Type);
        Assert.Equal((SqlType.Text, false), (c["loud"].Type, c["loud"].IsNullable));
        Assert.Equal((SqlType.Text, false), (c["low"].Type, c["low"].IsNullable));
        Assert.Equal((SqlType.Decimal, true), (c["mean"].Type, c["mean"].IsNullable));
        Assert.Equal("users", c["email" == "x" ? "x" : "id"].SourceTable!.Name);
    }

    [Fact]
    public void Scalar_subqueries_are_nullable_unless_they_always_return_a_row()
    {
        var b = Clean("SELECT (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS n, (SELECT max(total) FROM orders) AS m, (SELECT email FROM users x WHERE x.id = 1) AS e, (SELECT 1) AS one FROM users u");
        Assert.Equal(new[] { false, true, true, false }, b.ResultColumns.Select(c => c.IsNullable));
        Assert.Equal(SqlType.Integer, b.ResultColumns[0].Type);
    }

    [Fact]
    public void Right_and_full_joins_make_the_other_side_nullable()
    {
        var b = Clean("SELECT u.id, t.id FROM users u RIGHT JOIN teams t ON t.id = u.team_id");
        Assert.True(b.ResultColumns[0].IsNullable);
        Assert.False(b.ResultColumns[1].IsNullable);
        b = Clean("SELECT u.id, t.id FROM users u FULL JOIN teams t ON t.id = u.team_id");
        Assert.True(b.ResultColumns.All(c => c.IsNullable));
        b = Clean("SELECT * FROM users u LEFT JOIN teams t ON t.id = u.team_id");
        Assert.False(b.ResultColumns.First(c => c.SourceTable!.Name == "users" && c.Name == "id").IsNullable);
        Assert.True(b.ResultColumns.Where(c => c.SourceTable!.Name == "teams").All(c => c.IsNullable && c.FromStar));
        Assert.Contains(b.Tables, t => t.Name == "teams" && t.IsNullable);
    }

    [Fact]
    public void Parameter_inference()
    {
        var b = Clean(@"SELECT id FROM users WHERE email = @email AND @age < age AND team_id IN (@t1, @t2) AND id IN @ids
            AND created_at BETWEEN @from AND @to AND display_name LIKE @pattern AND id = ANY(@arr) LIMIT @take OFFSET @skip");
        var p = b.Parameters.ToDictionary(x => x.Name);
        Assert.Equal((SqlParameterRole.Comparison, SqlType.Text, "email", false), (p["email"].Role, p["email"].Type, p["email"].Column!.Name, p["email"].IsCollection));
        Assert.Equal((SqlParameterRole.Comparison, SqlType.Integer, "age"), (p["age"].Role, p["age"].Type, p["age"].Column!.Name));
        Assert.Equal((SqlParameterRole.InListItem, SqlType.Integer, "team_id"), (p["t1"].Role, p["t1"].Type, p["t1"].Column!.Name));
        Assert.Equal((SqlParameterRole.InCollection, SqlType.Integer, true), (p["ids"].Role, p["ids"].Type, p["ids"].IsCollection));
        Assert.Equal((SqlParameterRole.Between, SqlType.TimestampTz), (p["from"].Role, p["from"].Type));
        Assert.Equal((SqlParameterRole.Between, SqlType.TimestampTz), (p["to"].Role, p["to"].Type));
        Assert.Equal((SqlParameterRole.LikePattern, SqlType.Text, "display_name"), (p["pattern"].Role, p["pattern"].Type, p["pattern"].Column!.Name));
        Assert.Equal((SqlParameterRole.InCollection, true, "id"), (p["arr"].Role, p["arr"].IsCollection, p["arr"].Column!.Name));
        Assert.Equal((SqlParameterRole.RowCount, SqlType.Integer), (p["take"].Role, p["take"].Type));
        Assert.Equal(SqlParameterRole.RowCount, p["skip"].Role);
        Assert.All(b.Parameters, x => Assert.False(x.IsNullable));
    }

    [Fact]
    public void Parameter_inference_from_assignments_and_inserts()
    {
        var b = Clean("UPDATE users SET display_name = @name, age = age + @delta, mood = @mood WHERE id = @id");
        var p = b.Parameters.ToDictionary(x => x.Name);
        Assert.Equal((SqlParameterRole.Assignment, SqlType.Text, true), (p["name"].Role, p["name"].Type, p["name"].IsNullable));
        Assert.Equal((SqlParameterRole.Operand, SqlType.Integer), (p["delta"].Role, p["delta"].Type));
        Assert.Equal(SqlType.Enum, p["mood"].Type);
        Assert.Equal((SqlParameterRole.Comparison, false), (p["id"].Role, p["id"].IsNullable));
        Assert.Equal("users", b.TargetTable!.Name);
        Assert.False(b.IsUpdateOrDeleteWithoutWhere);

        b = Clean("INSERT INTO users (email, team_id, score, display_name) VALUES (@email, @team, @score, @dn) ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name RETURNING id, created_at");
        p = b.Parameters.ToDictionary(x => x.Name);
        Assert.Equal((SqlParameterRole.InsertValue, SqlType.Text, "email", false), (p["email"].Role, p["email"].Type, p["email"].Column!.Name, p["email"].IsNullable));
        Assert.Equal((SqlType.Decimal, "score"), (p["score"].Type, p["score"].Column!.Name));
        Assert.True(p["dn"].IsNullable);
        Assert.Empty(b.MissingInsertColumns);
        Assert.Equal(new[] { "id", "created_at" }, b.ResultColumns.Select(c => c.Name));
        Assert.Equal(SqlType.Integer, b.ResultColumns[0].Type);
    }

    [Fact]
    public void Insert_missing_required_columns_are_listed()
    {
        var b = Clean("INSERT INTO users (email) VALUES (@email)");
        Assert.Equal(new[] { "team_id", "score" }, b.MissingInsertColumns.Select(c => c.Name));
        Assert.NotNull(b.InsertColumnsSpan);
        b = Clean("INSERT INTO users DEFAULT VALUES");
        Assert.Equal(new[] { "email", "team_id", "score" }, b.MissingInsertColumns.Select(c => c.Name));
        b = Clean("INSERT INTO orders (user_id, total, created_at) SELECT id, @total, now() FROM users WHERE email = @e");
        Assert.Empty(b.MissingInsertColumns);
        Assert.Equal((SqlParameterRole.InsertValue, SqlType.Decimal, "total"), (b.Parameters[0].Role, b.Parameters[0].Type, b.Parameters[0].Column!.Name));
        Assert.Equal("email", b.Parameters[1].Column!.Name);
        var sql = "INSERT INTO teams (id, name) VALUES (@id)";
        One(Bind(sql), SqlBindingProblemKind.ValueCountMismatch, sql, "(@id)");
    }

    [Fact]
    public void Update_or_delete_without_where()
    {
        var b = Clean("DELETE FROM orders");
        Assert.True(b.IsUpdateOrDeleteWithoutWhere);
        Assert.Equal(0, b.StatementKeyword!.Value.Start);
        Assert.True(Clean("UPDATE users SET age = 0").IsUpdateOrDeleteWithoutWhere);
        Assert.False(Clean("DELETE FROM orders o USING users u WHERE u.id = o.user_id AND u.email = @e").IsUpdateOrDeleteWithoutWhere);
        Assert.False(Clean("SELECT 1").IsUpdateOrDeleteWithoutWhere);
    }

    [Fact]
    public void Predicate_uses_for_index_analysis()
    {
        var sql = "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id WHERE lower(u.email) = @e AND u.age > 3 AND u.display_name LIKE '%x' AND u.team_id IN (1, 2) AND CAST(u.score AS int) = 1 ORDER BY u.created_at DESC";
        var b = Clean(sql);
        var uses = b.PredicateUses;
        Assert.Contains(uses, x => x.Kind == SqlPredicateKind.JoinKey && x.Table.Name == "orders" && x.Column.Name == "user_id");
        Assert.Contains(uses, x => x.Kind == SqlPredicateKind.JoinKey && x.Table.Name == "users" && x.Column.Name == "id");
        var email = uses.Single(x => x.Column.Name == "email");
        Assert.Equal(SqlPredicateKind.Equality, email.Kind);
        Assert.True(email.IsWrapped);
        Assert.Equal("lower", email.WrapperName);
        H.Span(sql, "lower(u.email)", email.Wrapper!.Value.Start, email.Wrapper.Value.Length);
        H.Span(sql, "u.email", email.Start, email.Length);
        Assert.Equal(SqlPredicateKind.Range, uses.Single(x => x.Column.Name == "age").Kind);
        var like = uses.Single(x => x.Column.Name == "display_name");
        Assert.True(like.HasLeadingWildcard);
        Assert.Equal(SqlPredicateKind.Like, like.Kind);
        Assert.Equal(SqlPredicateKind.InList, uses.Single(x => x.Column.Name == "team_id").Kind);
        var score = uses.Single(x => x.Column.Name == "score");
        Assert.Equal("cast", score.WrapperName);
        Assert.Equal(SqlPredicateKind.OrderBy, uses.Single(x => x.Column.Name == "created_at").Kind);
        Assert.False(Clean("SELECT id FROM users WHERE email LIKE 'abc%'").PredicateUses.Single().HasLeadingWildcard);
        Assert.True(Clean("SELECT id FROM users WHERE email LIKE '%' || @p").PredicateUses.Single().HasLeadingWildcard);
        Assert.True(Clean("SELECT id FROM users WHERE email = @a OR age = 1").PredicateUses.All(x => x.UnderOr));

        b = Clean("SELECT team_id, count(*) FROM users GROUP BY team_id ORDER BY 2 DESC, 1");
        Assert.Contains(b.PredicateUses, x => x.Kind == SqlPredicateKind.GroupBy && x.Column.Name == "team_id");
        Assert.Contains(b.PredicateUses, x => x.Kind == SqlPredicateKind.OrderBy && x.Column.Name == "team_id");

        b = Clean("SELECT email AS e FROM users ORDER BY e");
        Assert.Equal("email", Assert.Single(b.PredicateUses).Column.Name);
    }

    [Fact]
    public void Star_spans_and_expansion()
    {
        var sql = "SELECT t.*, u.email FROM teams t JOIN users u ON u.team_id = t.id";
        var b = Clean(sql);
        H.Span(sql, "t.*", b.StarSpans[0].Start, b.StarSpans[0].Length);
        Assert.Equal(new[] { "id", "name", "created_at", "email" }, b.ResultColumns.Select(c => c.Name));
        Assert.Empty(Clean("SELECT count(*) FROM users").StarSpans);
        var bad = "SELECT q.* FROM users u";
        One(Bind(bad), SqlBindingProblemKind.UnknownQualifier, bad, "q");
    }

    [Fact]
    public void Other_dialects_bind()
    {
        var sqlite = SchemaTests.Schema("CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT, created DATETIME DEFAULT CURRENT_TIMESTAMP)", SqlDialect.Sqlite);
        var b = Clean("SELECT rowid, id, title FROM notes WHERE title LIKE @p ORDER BY created DESC LIMIT 10", SqlDialect.Sqlite, sqlite);
        Assert.Equal(SqlType.Integer, b.ResultColumns[0].Type);
        b = Clean("INSERT INTO notes (title) VALUES (@t) RETURNING id", SqlDialect.Sqlite, sqlite);
        Assert.Empty(b.MissingInsertColumns);

        var mysql = SchemaTests.Schema("CREATE TABLE `kv` (`k` VARCHAR(64) NOT NULL PRIMARY KEY, `v` TEXT, `n` INT NOT NULL DEFAULT 0)", SqlDialect.MySql);
        b = Clean("INSERT INTO `kv` (`k`, `v`) VALUES (@k, @v) ON DUPLICATE KEY UPDATE `v` = VALUES(`v`), n = n + 1", SqlDialect.MySql, mysql);
        Assert.Equal("k", b.Parameters[0].Column!.Name);
        Clean("SELECT k, v FROM kv WHERE k IN @keys LIMIT 0, 10", SqlDialect.MySql, mysql);

        var tsql = SchemaTests.Schema("CREATE TABLE [dbo].[Customers] ([Id] INT IDENTITY(1,1) PRIMARY KEY, [Name] NVARCHAR(100) NOT NULL, [Email] NVARCHAR(200) NULL)", SqlDialect.SqlServer);
        b = Clean("SELECT TOP (@n) [Id], [Name] FROM [dbo].[Customers] WITH (NOLOCK) WHERE [Email] = @e ORDER BY [Name]", SqlDialect.SqlServer, tsql);
        Assert.Equal(SqlParameterRole.RowCount, b.Parameters[0].Role);
        b = Clean("INSERT INTO Customers (Name) OUTPUT inserted.Id VALUES (@name)", SqlDialect.SqlServer, tsql);
        Assert.Equal("Id", Assert.Single(b.ResultColumns).Name);
        b = Clean("UPDATE c SET c.Name = @n FROM dbo.Customers c WHERE c.Id = @id", SqlDialect.SqlServer, tsql);
        Assert.Equal("Customers", b.TargetTable!.Name);
        Assert.Equal("Name", b.Parameters[0].Column!.Name);
        Clean("UPDATE Customers SET @old = Name, Name = @n WHERE Id = @id", SqlDialect.SqlServer, tsql);
    }

    [Fact]
    public void Tables_from_code_bind()
    {
        var builder = new SqlSchemaBuilder();
        builder.AddTable("users", new[] { new SqlColumnSpec("id", SqlType.Integer, false, true, true), new SqlColumnSpec("email", SqlType.Text, false) });
        var b = Clean("SELECT id, email FROM users WHERE email = @email", SqlDialect.Sqlite, builder.Build());
        Assert.Equal("email", b.Parameters[0].Column!.Name);
    }

    [Fact]
    public void Migrations_in_order_then_query()
    {
        var builder = new SqlSchemaBuilder();
        builder.Apply("CREATE TABLE users (id int PRIMARY KEY, mail text NOT NULL)", SqlDialect.PostgreSql);
        builder.Apply("ALTER TABLE users RENAME COLUMN mail TO email", SqlDialect.PostgreSql);
        var schema = builder.Build();
        Clean("SELECT email FROM users", SqlDialect.PostgreSql, schema);
        var sql = "SELECT mail FROM users";
        One(Bind(sql, SqlDialect.PostgreSql, schema), SqlBindingProblemKind.UnknownColumn, sql, "mail");
    }

    [Fact]
    public void Long_and_chains_do_not_overflow()
    {
        var sql = "SELECT id FROM users WHERE " + string.Join(" AND ", Enumerable.Range(0, 5000).Select(i => $"age = @p{i}"));
        var b = SqlBinder.Bind(sql, SqlDialect.PostgreSql, Pg);
        Assert.Equal(5000, b.Parameters.Count);
        Assert.All(b.Parameters, p => Assert.Equal(SqlType.Integer, p.Type));
        sql = "SELECT " + string.Join(" + ", Enumerable.Range(0, 5000).Select(i => "age")) + " FROM users";
        Assert.Equal(SqlType.Integer, SqlBinder.Bind(sql, SqlDialect.PostgreSql, Pg).ResultColumns[0].Type);
        sql = "SELECT users.id FROM users " + string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"JOIN teams t{i} ON t{i}.id = users.team_id"));
        var joined = SqlBinder.Bind(sql, SqlDialect.PostgreSql, Pg);
        Assert.Empty(joined.Errors);
        Assert.True(joined.Problems.Count == 0, string.Join("; ", joined.Problems.Take(3)));
    }

    private static readonly SqlSchema Shop = SchemaTests.Schema(@"
CREATE TABLE dbo.Products (Id INT IDENTITY(1,1) PRIMARY KEY, Sku NVARCHAR(20) NOT NULL, Name NVARCHAR(100) NOT NULL, Price DECIMAL(10,2) NULL, Stock INT NOT NULL DEFAULT 0);
CREATE TABLE dbo.Staging (Sku NVARCHAR(20) NOT NULL, Name NVARCHAR(100) NOT NULL, Price DECIMAL(10,2) NOT NULL);", SqlDialect.SqlServer);

    private const string MergeStart = "MERGE INTO dbo.Products AS t USING dbo.Staging AS s ON t.Sku = s.Sku ";

    [Theory]
    [InlineData("WHEN MATCHED AND s.Nope > 0 THEN DELETE;", "Nope")]
    [InlineData("WHEN MATCHED THEN UPDATE SET t.Colour = s.Name;", "Colour")]
    [InlineData("WHEN MATCHED THEN UPDATE SET Colour = s.Name;", "Colour")]
    [InlineData("WHEN MATCHED THEN UPDATE SET Name = s.Colour;", "Colour")]
    [InlineData("WHEN NOT MATCHED THEN INSERT (Sku, Colour) VALUES (s.Sku, s.Name);", "Colour")]
    [InlineData("WHEN NOT MATCHED BY TARGET THEN INSERT (Sku, Name) VALUES (s.Sku, s.Colour);", "Colour")]
    [InlineData("WHEN NOT MATCHED AND s.Colour IS NULL THEN INSERT (Sku, Name) VALUES (s.Sku, s.Name);", "Colour")]
    [InlineData("WHEN NOT MATCHED BY SOURCE AND t.Colour = 1 THEN DELETE;", "Colour")]
    [InlineData("WHEN NOT MATCHED BY SOURCE THEN UPDATE SET Stock = Colour;", "Colour")]
    [InlineData("WHEN MATCHED THEN DELETE OUTPUT $action, inserted.Id, deleted.Colour;", "Colour")]
    public void Merge_clauses_report_unknown_columns(string clauses, string bad)
    {
        var sql = MergeStart + clauses;
        var p = One(Bind(sql, SqlDialect.SqlServer, Shop), SqlBindingProblemKind.UnknownColumn, sql, bad);
        Assert.Equal(bad, p.Name);
    }

    [Theory]
    [InlineData("WHEN NOT MATCHED THEN INSERT (Sku, Name) VALUES (t.Sku, s.Name);", "Sku", "t.Sku")]
    [InlineData("WHEN NOT MATCHED THEN INSERT (Sku, Name) VALUES (s.Sku, Stock);", "Stock", null)]
    [InlineData("WHEN NOT MATCHED BY SOURCE THEN UPDATE SET Price = s.Price;", "Price", "s.Price")]
    public void Merge_scopes_each_clause_to_its_rows(string clauses, string bad, string? context)
    {
        // NOT MATCHED [BY TARGET] has no target row; NOT MATCHED BY SOURCE has no source row.
        var sql = MergeStart + clauses;
        var b = Bind(sql, SqlDialect.SqlServer, Shop);
        var p = Assert.Single(b.Problems);
        Assert.True(p.Kind is SqlBindingProblemKind.UnknownColumn or SqlBindingProblemKind.UnknownQualifier, p.ToString());
        var at = sql.LastIndexOf(context ?? bad, System.StringComparison.Ordinal);
        Assert.InRange(p.Start, at, at + (context ?? bad).Length - 1);
    }

    [Fact]
    public void Merge_parameters_and_output_columns_bind()
    {
        var sql = @"MERGE TOP (@top) dbo.Products WITH (HOLDLOCK) AS t
USING (SELECT @sku AS Sku) AS s ON t.Sku = s.Sku
WHEN MATCHED AND t.Price > @min THEN UPDATE SET t.Price = @price, Stock = Stock + @delta
WHEN NOT MATCHED THEN INSERT (Sku, Name, Price) VALUES (s.Sku, @name, @newPrice)
WHEN NOT MATCHED BY SOURCE AND t.Stock = @zero THEN DELETE
OUTPUT $action AS Act, inserted.Id, inserted.Name, deleted.Price, deleted.Stock, s.Sku;";
        var b = Clean(sql, SqlDialect.SqlServer, Shop);
        Assert.Equal("Products", b.TargetTable!.Name);
        var ps = b.Parameters.ToDictionary(p => p.Name);
        Assert.Equal(SqlParameterRole.RowCount, ps["top"].Role);
        Assert.Equal((SqlParameterRole.Comparison, "Price", SqlType.Decimal), (ps["min"].Role, ps["min"].Column!.Name, ps["min"].Type));
        Assert.Equal((SqlParameterRole.Assignment, "Price", SqlType.Decimal), (ps["price"].Role, ps["price"].Column!.Name, ps["price"].Type));
        Assert.Equal(SqlType.Integer, ps["delta"].Type);
        Assert.Equal((SqlParameterRole.InsertValue, "Name", SqlType.Text), (ps["name"].Role, ps["name"].Column!.Name, ps["name"].Type));
        Assert.Equal((SqlParameterRole.InsertValue, "Price", SqlType.Decimal), (ps["newPrice"].Role, ps["newPrice"].Column!.Name, ps["newPrice"].Type));
        Assert.Equal((SqlParameterRole.Comparison, "Stock"), (ps["zero"].Role, ps["zero"].Column!.Name));

        var cols = b.ResultColumns;
        Assert.Equal(new[] { "Act", "Id", "Name", "Price", "Stock", "Sku" }, cols.Select(c => c.Name));
        Assert.Equal((SqlType.Text, false), (cols[0].Type, cols[0].IsNullable));

        // inserted is empty for deleted rows, deleted for inserted ones, the source for NOT MATCHED BY SOURCE rows.
        Assert.Equal((SqlType.Integer, true, "Products"), (cols[1].Type, cols[1].IsNullable, cols[1].SourceTable!.Name));
        Assert.Equal((SqlType.Text, true), (cols[2].Type, cols[2].IsNullable));
        Assert.Equal((SqlType.Decimal, true), (cols[3].Type, cols[3].IsNullable));
        Assert.Equal((SqlType.Integer, true), (cols[4].Type, cols[4].IsNullable));
        Assert.True(cols[5].IsNullable);

        var update = Clean(MergeStart + "WHEN MATCHED THEN UPDATE SET Name = s.Name OUTPUT inserted.Id, deleted.Name, inserted.*;", SqlDialect.SqlServer, Shop);
        Assert.Equal((SqlType.Integer, false), (update.ResultColumns[0].Type, update.ResultColumns[0].IsNullable));
        Assert.Equal((SqlType.Text, false), (update.ResultColumns[1].Type, update.ResultColumns[1].IsNullable));
        Assert.Equal(2 + 5, update.ResultColumns.Count);
    }

    [Fact]
    public void Postgres_merge_clauses_bind()
    {
        var sql = @"MERGE INTO users u USING teams t ON t.id = u.team_id
WHEN MATCHED AND u.age > @age THEN UPDATE SET display_name = @name, score = u.score + 1
WHEN NOT MATCHED THEN INSERT (email, team_id, score) OVERRIDING USER VALUE VALUES (@email, t.id, @score)
WHEN MATCHED THEN DO NOTHING
RETURNING u.id, merge_action()";
        var b = Clean(sql);
        var ps = b.Parameters.ToDictionary(p => p.Name);
        Assert.Equal((SqlParameterRole.Comparison, "age"), (ps["age"].Role, ps["age"].Column!.Name));
        Assert.Equal((SqlParameterRole.Assignment, "display_name", SqlType.Text), (ps["name"].Role, ps["name"].Column!.Name, ps["name"].Type));
        Assert.Equal((SqlParameterRole.InsertValue, "email"), (ps["email"].Role, ps["email"].Column!.Name));
        Assert.Equal((SqlParameterRole.InsertValue, "score", SqlType.Decimal), (ps["score"].Role, ps["score"].Column!.Name, ps["score"].Type));
        Assert.Equal((SqlType.Integer, false), (b.ResultColumns[0].Type, b.ResultColumns[0].IsNullable));

        var bad = "MERGE INTO users u USING teams t ON t.id = u.team_id WHEN NOT MATCHED THEN INSERT (email, team_id, points) VALUES (@e, t.id, 1)";
        One(Bind(bad), SqlBindingProblemKind.UnknownColumn, bad, "points");
        var count = "MERGE INTO teams t USING users u ON t.id = u.team_id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (u.team_id)";
        One(Bind(count), SqlBindingProblemKind.ValueCountMismatch, count, "(u.team_id)");
    }

    [Theory]
    [InlineData("MERGE INTO teams t USING users u ON t.id = u.team_id")]
    [InlineData("MERGE INTO teams t USING users u ON t.id = u.team_id WHEN MATCHED THEN UPSERT")]
    [InlineData("MERGE INTO teams t USING users u ON t.id = u.team_id WHEN NOT MATCHED BY NOBODY THEN DELETE")]
    [InlineData("MERGE INTO teams t USING users u ON t.id = u.team_id WHEN NOT MATCHED THEN INSERT (id) VALUES (1), (2)")]
    [InlineData("MERGE INTO teams t USING users u ON t.id = u.team_id WHEN MATCHED THEN UPDATE SET name = WHEN")]
    public void Malformed_merge_clauses_are_syntax_errors(string sql)
    {
        var b = SqlBinder.Bind(sql, SqlDialect.PostgreSql, Pg);
        Assert.NotEmpty(b.Errors);
    }
}
