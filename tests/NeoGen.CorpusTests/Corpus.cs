using NeoGen.Sql;

namespace NeoGen.CorpusTests;

/// <summary>A sample schema of another project, as its migration files, with the C# row types its queries read into.</summary>
public sealed record CorpusSchema(string Name, SqlDialect Dialect, string Origin, IReadOnlyList<string> Files, string Types);

/// <summary>
/// One query of that project's documentation, written with NeoGen's @name parameters, the method a NeoGen user would
/// declare for it, the NeoGen diagnostics (warnings and errors) it must get, and whether the real server accepts it.
/// </summary>
public sealed record CorpusQuery(string Schema, string Name, string Sql, string Signature, string[] Expected, bool ServerAccepts, string? Why = null)
{
    public override string ToString() => Schema + "." + Name;
}

/// <summary>
/// Public sample schemas and queries nobody here wrote: sqlc's examples (authors, booktest, ondeck, jets; PostgreSQL and
/// SQLite), the PostgreSQL tutorial's weather and cities, and the Chinook sample database's queries on SQLite. Each
/// correct query is expected to get no diagnostic but the true ones listed (a filter no index covers is a true NG3001);
/// each single-mistake variant, the one rule that names the mistake.
/// </summary>
public static class Corpus
{
    private const string None = "";

    public static readonly CorpusSchema[] Schemas =
    {
        new("SqlcAuthorsPg", SqlDialect.PostgreSql, "sqlc examples/authors/postgresql", new[]
        {
            """
            CREATE TABLE authors (
              id   BIGSERIAL PRIMARY KEY,
              name text      NOT NULL,
              bio  text
            );
            """,
        }, """
            public sealed record Author(long Id, string Name, string? Bio);
            """),
        new("SqlcAuthorsSqlite", SqlDialect.Sqlite, "sqlc examples/authors/sqlite", new[]
        {
            """
            CREATE TABLE authors (
              id   integer    PRIMARY KEY AUTOINCREMENT,
              name text   NOT NULL,
              bio  text
            );
            """,
        }, """
            public sealed record Author(long Id, string Name, string? Bio);
            """),
        new("SqlcBooktestPg", SqlDialect.PostgreSql, "sqlc examples/booktest/postgresql", new[]
        {
            """
            CREATE TABLE authors (
              author_id SERIAL PRIMARY KEY,
              name text NOT NULL DEFAULT ''
            );

            CREATE INDEX authors_name_idx ON authors(name);

            CREATE TYPE book_type AS ENUM (
              'FICTION',
              'NONFICTION'
            );

            CREATE TABLE books (
              book_id SERIAL PRIMARY KEY,
              author_id integer NOT NULL REFERENCES authors(author_id),
              isbn text NOT NULL DEFAULT '' UNIQUE,
              book_type book_type NOT NULL DEFAULT 'FICTION',
              title text NOT NULL DEFAULT '',
              year integer NOT NULL DEFAULT 2000,
              available timestamp with time zone NOT NULL DEFAULT 'NOW()',
              tags varchar[] NOT NULL DEFAULT '{}'
            );

            CREATE INDEX books_title_idx ON books(title, year);

            CREATE FUNCTION say_hello(s text) RETURNS text AS $$
            BEGIN
              RETURN CONCAT('hello ', s);
            END;
            $$ LANGUAGE plpgsql;

            CREATE INDEX books_title_lower_idx ON books(title);
            """,
        }, """
            public sealed record BookAuthor(int AuthorId, string Name);
            public sealed record Book(int BookId, int AuthorId, string Isbn, string BookType, string Title, int Year, DateTime Available, string[] Tags);
            """),
        new("SqlcBooktestSqlite", SqlDialect.Sqlite, "sqlc examples/booktest/sqlite (the books.tag column named tags, as its queries use it)", new[]
        {
            """
            CREATE TABLE authors (
              author_id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
              name text NOT NULL
            );

            CREATE INDEX authors_name_idx ON authors(name);

            CREATE TABLE books (
              book_id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
              author_id integer NOT NULL,
              isbn varchar(255) NOT NULL DEFAULT '' UNIQUE,
              book_type text NOT NULL DEFAULT 'FICTION',
              title text NOT NULL,
              yr integer NOT NULL DEFAULT 2000,
              available datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
              tags text NOT NULL,
              CHECK (book_type = 'FICTION' OR book_type = 'NONFICTION')
            );

            CREATE INDEX books_title_idx ON books(title, yr);
            """,
        }, """
            public sealed record BookAuthor(long AuthorId, string Name);
            public sealed record Book(long BookId, long AuthorId, string Isbn, string BookType, string Title, long Yr, DateTime Available, string Tags);
            """),
        new("SqlcOndeckSqlite", SqlDialect.Sqlite, "sqlc examples/ondeck/sqlite (three migrations)", new[]
        {
            """
            CREATE TABLE city (
                slug varchar(255) PRIMARY KEY,
                name text NOT NULL
            )
            """,
            """
            CREATE TABLE venues (
                id               integer primary key AUTOINCREMENT,
                dropped          text,
                status           text not null,
                statuses         text, -- status[]
                slug             text         not null,
                name             varchar(255) not null,
                city             text         not null references city(slug),
                spotify_playlist varchar(255) not null,
                songkick_id      text,
                tags             text, -- tags[]
                CHECK (status = 'open' OR status = 'closed')
            );
            """,
            """
            ALTER TABLE venues RENAME TO venue;
            ALTER TABLE venue ADD COLUMN created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;
            ALTER TABLE venue DROP COLUMN dropped;
            """,
        }, """
            public sealed record City(string Slug, string Name);
            public sealed record Venue(long Id, string Status, string? Statuses, string Slug, string Name, string City, string SpotifyPlaylist, string? SongkickId, string? Tags, DateTime CreatedAt);
            """),
        new("SqlcOndeckPg", SqlDialect.PostgreSql, "sqlc examples/ondeck (PostgreSQL schema, the SQLite example's third migration)", new[]
        {
            """
            CREATE TABLE city (
                slug text PRIMARY KEY,
                name text NOT NULL
            );
            """,
            """
            CREATE TYPE status AS ENUM ('op!en', 'clo@sed');
            COMMENT ON TYPE status IS 'Venues can be either open or closed';

            CREATE TABLE venues (
                id               SERIAL primary key,
                dropped          text,
                status           status       not null,
                statuses         status[],
                slug             text         not null,
                name             varchar(255) not null,
                city             text         not null references city(slug),
                spotify_playlist varchar      not null,
                songkick_id      text,
                tags             text[]
            );
            COMMENT ON TABLE venues IS 'Venues are places where muisc happens';
            COMMENT ON COLUMN venues.slug IS 'This value appears in public URLs';
            """,
            """
            ALTER TABLE venues RENAME TO venue;
            ALTER TABLE venue ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT NOW();
            ALTER TABLE venue DROP COLUMN dropped;
            """,
        }, """
            public sealed record City(string Slug, string Name);
            public sealed record VenueCount(string City, long Count);
            """),
        new("SqlcJetsPg", SqlDialect.PostgreSql, "sqlc examples/jets/postgresql", new[]
        {
            """
            CREATE TABLE pilots (
              id integer NOT NULL,
              name text NOT NULL
            );

            ALTER TABLE pilots ADD CONSTRAINT pilot_pkey PRIMARY KEY (id);

            CREATE TABLE jets (
              id integer NOT NULL,
              pilot_id integer NOT NULL,
              age integer NOT NULL,
              name text NOT NULL,
              color text NOT NULL
            );

            ALTER TABLE jets ADD CONSTRAINT jet_pkey PRIMARY KEY (id);
            ALTER TABLE jets ADD CONSTRAINT jet_pilots_fkey FOREIGN KEY (pilot_id) REFERENCES pilots(id);

            CREATE TABLE languages (
              id integer NOT NULL,
              language text NOT NULL
            );

            ALTER TABLE languages ADD CONSTRAINT language_pkey PRIMARY KEY (id);

            -- Join table
            CREATE TABLE pilot_languages (
              pilot_id integer NOT NULL,
              language_id integer NOT NULL
            );

            -- Composite primary key
            ALTER TABLE pilot_languages ADD CONSTRAINT pilot_language_pkey PRIMARY KEY (pilot_id, language_id);
            ALTER TABLE pilot_languages ADD CONSTRAINT pilot_language_pilots_fkey FOREIGN KEY (pilot_id) REFERENCES pilots(id);
            ALTER TABLE pilot_languages ADD CONSTRAINT pilot_language_languages_fkey FOREIGN KEY (language_id) REFERENCES languages(id);
            """,
        }, """
            public sealed record Pilot(int Id, string Name);
            """),
        new("PgTutorial", SqlDialect.PostgreSql, "the PostgreSQL tutorial (docs/tutorial-table.html and after)", new[]
        {
            """
            CREATE TABLE weather (
                city            varchar(80),
                temp_lo         int,           -- low temperature
                temp_hi         int,           -- high temperature
                prcp            real,          -- precipitation
                date            date
            );

            CREATE TABLE cities (
                name            varchar(80),
                location        point
            );
            """,
        }, """
            public sealed record Weather(string? City, int? TempLo, int? TempHi, float? Prcp, DateOnly? Date);
            """),
        new("ChinookSqlite", SqlDialect.Sqlite, "the Chinook sample database (Chinook_Sqlite.sql), with queries of the kind its tutorials use", new[] { PublicSchemas.Read("Chinook_Sqlite.sql") }, None),
    };

    public static readonly CorpusQuery[] Queries =
    {
        // ---- sqlc authors, PostgreSQL --------------------------------------------------------------------------
        new("SqlcAuthorsPg", "GetAuthor", "SELECT * FROM authors WHERE id = @id LIMIT 1", "Author? GetAuthor(long id);", Array.Empty<string>(), true),
        new("SqlcAuthorsPg", "ListAuthors", "SELECT * FROM authors ORDER BY name", "List<Author> ListAuthors();", Array.Empty<string>(), true, "a sort alone is no filter (NG3001 stays silent)"),
        new("SqlcAuthorsPg", "CreateAuthor", "INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *", "Author CreateAuthor(string name, string? bio);", Array.Empty<string>(), true),
        new("SqlcAuthorsPg", "DeleteAuthor", "DELETE FROM authors WHERE id = @id", "void DeleteAuthor(long id);", Array.Empty<string>(), true),
        new("SqlcAuthorsPg", "UpdateAuthor", "UPDATE authors SET name = coalesce(@name, name), bio = coalesce(@bio, bio) WHERE id = @id", "int UpdateAuthor(long id, string? name, string? bio);", Array.Empty<string>(), true),
        new("SqlcAuthorsPg", "CountAuthors", "SELECT count(*) FROM authors", "long CountAuthors();", Array.Empty<string>(), true),
        new("SqlcAuthorsPg", "GetAuthorTypo", "SELECT * FROM author WHERE id = @id LIMIT 1", "Author? GetAuthorTypo(long id);", new[] { "NG2001" }, false),
        new("SqlcAuthorsPg", "ColumnTypo", "SELECT id, nme FROM authors", "List<(long Id, string Name)> ColumnTypo();", new[] { "NG2002" }, false),
        new("SqlcAuthorsPg", "NameAsNumber", "SELECT name FROM authors WHERE id = @id", "long NameAsNumber(long id);", new[] { "NG2009" }, true, "the server returns text; Npgsql would throw reading it as a number"),
        new("SqlcAuthorsPg", "DeleteByText", "DELETE FROM authors WHERE id = @id", "void DeleteByText(string id);", new[] { "NG2004" }, true, "PREPARE infers bigint for the parameter; the string argument would be refused at run time"),
        new("SqlcAuthorsPg", "InsertWithoutName", "INSERT INTO authors (bio) VALUES (@bio)", "void InsertWithoutName(string? bio);", new[] { "NG2008" }, true, "it prepares, and fails on the NOT NULL name when run"),
        new("SqlcAuthorsPg", "BioIntoString", "SELECT bio FROM authors WHERE id = @id", "string BioIntoString(long id);", new[] { "NG2007" }, true),
        new("SqlcAuthorsPg", "PositionalPlaceholder", "SELECT * FROM authors WHERE id = $1", "Author? PositionalPlaceholder(long id);", new[] { "NG1008" }, true, "PostgreSQL takes $1; NeoGen would bind nothing to it"),

        // ---- sqlc authors, SQLite ------------------------------------------------------------------------------
        new("SqlcAuthorsSqlite", "GetAuthor", "SELECT * FROM authors WHERE id = @id LIMIT 1", "Author? GetAuthor(long id);", Array.Empty<string>(), true),
        new("SqlcAuthorsSqlite", "ListAuthors", "SELECT * FROM authors ORDER BY name", "List<Author> ListAuthors();", Array.Empty<string>(), true),
        new("SqlcAuthorsSqlite", "CreateAuthor", "INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *", "Author CreateAuthor(string name, string? bio);", Array.Empty<string>(), true),
        new("SqlcAuthorsSqlite", "DeleteAuthor", "DELETE FROM authors WHERE id = @id", "void DeleteAuthor(long id);", Array.Empty<string>(), true),
        new("SqlcAuthorsSqlite", "IlikeOnSqlite", "SELECT id FROM authors WHERE name ILIKE @pattern", "List<long> IlikeOnSqlite(string pattern);", new[] { "NG1002" }, false),
        new("SqlcAuthorsSqlite", "NowOnSqlite", "SELECT id FROM authors WHERE bio < now()", "List<long> NowOnSqlite();", new[] { "NG1002" }, false),
        new("SqlcAuthorsSqlite", "CastSyntaxOnSqlite", "SELECT id::text FROM authors", "List<string> CastSyntaxOnSqlite();", new[] { "NG1002" }, false),
        new("SqlcAuthorsSqlite", "SwappedTuple", "SELECT name, id FROM authors", "List<(long Id, string Name)> SwappedTuple();", new[] { "NG2009", "NG2009" }, true, "SQLite would give (0, \"1\")"),

        // ---- sqlc booktest, PostgreSQL -------------------------------------------------------------------------
        new("SqlcBooktestPg", "GetAuthor", "SELECT * FROM authors WHERE author_id = @authorId", "BookAuthor? GetAuthor(int authorId);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "GetBook", "SELECT * FROM books WHERE book_id = @bookId", "Book? GetBook(int bookId);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "DeleteBook", "DELETE FROM books WHERE book_id = @bookId", "void DeleteBook(int bookId);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "BooksByTitleYear", "SELECT * FROM books WHERE title = @title AND year = @year", "List<Book> BooksByTitleYear(string title, int year);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "BooksByTags", "SELECT book_id, title, name, isbn, tags FROM books LEFT JOIN authors ON books.author_id = authors.author_id WHERE tags && @tags::varchar[]", "List<(int BookId, string Title, string? Name, string Isbn, string[] Tags)> BooksByTags(string[] tags);", Array.Empty<string>(), true, "an array parameter is one value"),
        new("SqlcBooktestPg", "BooksByTagsNameNotNull", "SELECT book_id, title, name, isbn, tags FROM books LEFT JOIN authors ON books.author_id = authors.author_id WHERE tags && @tags::varchar[]", "List<(int BookId, string Title, string Name, string Isbn, string[] Tags)> BooksByTagsNameNotNull(string[] tags);", new[] { "NG2007" }, true, "name comes from the optional side of the LEFT JOIN"),
        new("SqlcBooktestPg", "CreateAuthor", "INSERT INTO authors (name) VALUES (@name) RETURNING *", "BookAuthor CreateAuthor(string name);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "CreateBook", "INSERT INTO books (author_id, isbn, book_type, title, year, available, tags) VALUES (@authorId, @isbn, CAST(@bookType AS book_type), @title, @year, @available, @tags) RETURNING *", "Book CreateBook(int authorId, string isbn, string bookType, string title, int year, DateTime available, List<string> tags);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "CreateBookUncast", "INSERT INTO books (author_id, isbn, book_type, title, year, available, tags) VALUES (@authorId, @isbn, @bookType, @title, @year, @available, @tags) RETURNING *", "Book CreateBookUncast(int authorId, string isbn, string bookType, string title, int year, DateTime available, List<string> tags);", new[] { "NG2004" }, true, "PREPARE infers book_type; Npgsql sends a string as text, which PostgreSQL does not assign to an enum column"),
        new("SqlcBooktestPg", "UpdateBook", "UPDATE books SET title = @title, tags = @tags WHERE book_id = @bookId", "int UpdateBook(string title, string[] tags, int bookId);", Array.Empty<string>(), true, "SET tags = @tags: the array is one value"),
        new("SqlcBooktestPg", "UpdateBookIsbn", "UPDATE books SET title = @title, tags = @tags, isbn = @isbn WHERE book_id = @bookId", "int UpdateBookIsbn(string title, string[] tags, int bookId, string isbn);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "SayHello", "select * from say_hello(@s)", "string? SayHello(string s);", Array.Empty<string>(), true),
        new("SqlcBooktestPg", "BooksOfAuthor", "SELECT b.title, a.name FROM books b JOIN authors a ON a.author_id = b.author_id WHERE a.name = @name", "List<(string Title, string Name)> BooksOfAuthor(string name);", new[] { "NG3001" }, true, "authors is found by name, then books are looked up by author_id, which no index leads"),
        new("SqlcBooktestPg", "TagsAsList", "SELECT book_id FROM books WHERE tags = @tags", "List<int> TagsAsList(IEnumerable<string> tags);", new[] { "NG3001" }, true, "compared with an array column, a collection is one array value; the equality has no index"),

        new("SqlcBooktestPg", "BooksAfterLiteralYear", "SELECT book_id FROM books WHERE title = @title AND year > 1990", "List<int> BooksAfterLiteralYear(string title);", Array.Empty<string>(), true, "an integer literal against an integer column"),
        new("SqlcBooktestPg", "CountNewBooks", "SELECT SUM(CASE WHEN year > 2000 THEN 1 ELSE 0 END) FROM books", "long? CountNewBooks();", Array.Empty<string>(), true, "sum of int4 is bigint on PostgreSQL"),
        new("SqlcBooktestPg", "BookIdAgainstWord", "SELECT title FROM books WHERE book_id = 'first'", "List<string> BookIdAgainstWord();", new[] { "NG2004" }, false, "'first' is no integer: PostgreSQL refuses the statement"),
        new("SqlcBooktestPg", "BookIdAgainstQuotedNumber", "SELECT title FROM books WHERE book_id = '42'", "List<string> BookIdAgainstQuotedNumber();", Array.Empty<string>(), true, "a quoted number is converted to the column's type"),
        new("SqlcBooktestPg", "TitleAgainstNumber", "SELECT book_id FROM books WHERE title = 2000", "List<int> TitleAgainstNumber();", new[] { "NG2004" }, false, "text = integer: PostgreSQL has no such operator"),
        new("SqlcBooktestPg", "YearSetToBoolean", "UPDATE books SET year = TRUE WHERE book_id = @bookId", "int YearSetToBoolean(int bookId);", new[] { "NG2004" }, false, "a boolean is not an integer on PostgreSQL"),

        // ---- sqlc booktest, SQLite -----------------------------------------------------------------------------
        new("SqlcBooktestSqlite", "GetAuthor", "SELECT * FROM authors WHERE author_id = @authorId", "BookAuthor? GetAuthor(long authorId);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "GetBook", "SELECT * FROM books WHERE book_id = @bookId", "Book? GetBook(long bookId);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "BooksByTitleYear", "SELECT * FROM books WHERE title = @title AND yr = @yr", "List<Book> BooksByTitleYear(string title, int yr);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "BooksByTags", "SELECT book_id, title, name, isbn, tags FROM books LEFT JOIN authors ON books.author_id = authors.author_id WHERE tags = @tags", "List<(long BookId, string Title, string? Name, string Isbn, string Tags)> BooksByTags(string tags);", new[] { "NG3001" }, true, "the filter on tags has no index"),
        new("SqlcBooktestSqlite", "CreateAuthor", "INSERT INTO authors (name) VALUES (@name)", "void CreateAuthor(string name);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "CreateBook", "INSERT INTO books (author_id, isbn, book_type, title, yr, available, tags) VALUES (@authorId, @isbn, @bookType, @title, @yr, @available, @tags)", "void CreateBook(long authorId, string isbn, string bookType, string title, int yr, DateTime available, string tags);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "UpdateBook", "UPDATE books SET title = @title, tags = @tags WHERE book_id = @bookId", "int UpdateBook(string title, string tags, long bookId);", Array.Empty<string>(), true),
        new("SqlcBooktestSqlite", "DeleteAuthorBeforeYear", "DELETE FROM books WHERE yr < @yr AND author_id = @authorId", "void DeleteAuthorBeforeYear(int yr, long authorId);", new[] { "NG3001" }, true, "no index leads with author_id or yr"),
        new("SqlcBooktestSqlite", "AvailableAsNumber", "SELECT available FROM books WHERE book_id = @bookId", "long AvailableAsNumber(long bookId);", new[] { "NG2009" }, true),

        // ---- sqlc ondeck, SQLite, three migrations -------------------------------------------------------------
        new("SqlcOndeckSqlite", "ListCities", "SELECT * FROM city ORDER BY name", "List<City> ListCities();", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "GetCity", "SELECT * FROM city WHERE slug = @slug", "City? GetCity(string slug);", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "CreateCity", "INSERT INTO city (name, slug) VALUES (@name, @slug)", "void CreateCity(string name, string slug);", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "UpdateCityName", "UPDATE city SET name = @name WHERE slug = @slug", "void UpdateCityName(string name, string slug);", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "ListVenues", "SELECT * FROM venue WHERE city = @city ORDER BY name", "List<Venue> ListVenues(string city);", new[] { "NG3001" }, true, "no index on venue.city"),
        new("SqlcOndeckSqlite", "GetVenue", "SELECT * FROM venue WHERE slug = @slug AND city = @city", "Venue? GetVenue(string slug, string city);", new[] { "NG3001" }, true),
        new("SqlcOndeckSqlite", "CreateVenue", "INSERT INTO venue (slug, name, city, created_at, spotify_playlist, status, statuses, tags) VALUES (@slug, @name, @city, CURRENT_TIMESTAMP, @spotifyPlaylist, @status, @statuses, @tags)", "void CreateVenue(string slug, string name, string city, string spotifyPlaylist, string status, string? statuses, string? tags);", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "VenueCountByCity", "SELECT city, count(*) FROM venue GROUP BY 1 ORDER BY 1", "List<(string City, long Count)> VenueCountByCity();", Array.Empty<string>(), true),
        new("SqlcOndeckSqlite", "DroppedColumn", "SELECT id, dropped FROM venue", "List<(long Id, string? Dropped)> DroppedColumn();", new[] { "NG2002" }, false, "the third migration drops it"),
        new("SqlcOndeckSqlite", "OldTableName", "SELECT id FROM venues", "List<long> OldTableName();", new[] { "NG2001" }, false, "the third migration renames it"),

        // ---- sqlc ondeck, PostgreSQL: enums and arrays ---------------------------------------------------------
        new("SqlcOndeckPg", "ListCities", "SELECT * FROM city ORDER BY name", "List<City> ListCities();", Array.Empty<string>(), true),
        new("SqlcOndeckPg", "ListVenueNames", "SELECT name, status, statuses, tags FROM venue WHERE city = @city ORDER BY name", "List<(string Name, string Status, string[]? Statuses, string[]? Tags)> ListVenueNames(string city);", new[] { "NG3001" }, true, "no index on venue.city"),
        new("SqlcOndeckPg", "CreateVenue", "INSERT INTO venue (slug, name, city, created_at, spotify_playlist, status, statuses, tags) VALUES (@slug, @name, @city, NOW(), @spotifyPlaylist, CAST(@status AS status), CAST(@statuses AS status[]), @tags) RETURNING id", "int CreateVenue(string slug, string name, string city, string spotifyPlaylist, string status, string[]? statuses, string[]? tags);", Array.Empty<string>(), true),
        new("SqlcOndeckPg", "UpdateVenueName", "UPDATE venue SET name = @name WHERE slug = @slug RETURNING id", "int UpdateVenueName(string slug, string name);", new[] { "NG3001" }, true, "no index on venue.slug"),
        new("SqlcOndeckPg", "VenueCountByCity", "SELECT city, count(*) FROM venue GROUP BY 1 ORDER BY 1", "List<VenueCount> VenueCountByCity();", Array.Empty<string>(), true, "PostgreSQL names count(*) 'count', which maps to VenueCount.Count"),
        new("SqlcOndeckPg", "TagsOverlap", "SELECT id FROM venue WHERE tags && @tags", "List<int> TagsOverlap(string[] tags);", Array.Empty<string>(), true),

        // ---- sqlc jets, PostgreSQL -----------------------------------------------------------------------------
        new("SqlcJetsPg", "CountPilots", "SELECT COUNT(*) FROM pilots", "long CountPilots();", Array.Empty<string>(), true),
        new("SqlcJetsPg", "ListPilots", "SELECT * FROM pilots LIMIT 5", "List<Pilot> ListPilots();", Array.Empty<string>(), true),
        new("SqlcJetsPg", "DeletePilot", "DELETE FROM pilots WHERE id = @id", "void DeletePilot(int id);", Array.Empty<string>(), true),
        new("SqlcJetsPg", "PilotLanguages", "SELECT p.name, l.language FROM pilots p JOIN pilot_languages pl ON pl.pilot_id = p.id JOIN languages l ON l.id = pl.language_id WHERE p.id = @id", "List<(string Name, string Language)> PilotLanguages(int id);", Array.Empty<string>(), true, "every table is reached through an index: the pilot by key, its languages by the composite key's lead, each language by key"),
        new("SqlcJetsPg", "JetsOfPilotNamed", "SELECT j.name FROM jets j JOIN pilots p ON p.id = j.pilot_id WHERE p.name = @name", "List<string> JetsOfPilotNamed(string name);", new[] { "NG3001", "NG3001" }, true, "pilots has no index on name, and jets is then looked up by pilot_id, which no index leads"),
        new("SqlcJetsPg", "AmbiguousName", "SELECT name FROM jets j JOIN pilots p ON p.id = j.pilot_id WHERE j.id = @id", "List<string> AmbiguousName(int id);", new[] { "NG2003" }, false),

        // ---- PostgreSQL tutorial -------------------------------------------------------------------------------
        new("PgTutorial", "AllWeather", "SELECT * FROM weather", "List<Weather> AllWeather();", Array.Empty<string>(), true),
        new("PgTutorial", "AverageTemperature", "SELECT city, (temp_hi+temp_lo)/2 AS temp_avg, date FROM weather", "List<(string? City, int? TempAvg, DateOnly? Date)> AverageTemperature();", Array.Empty<string>(), true),
        new("PgTutorial", "RainInSanFrancisco", "SELECT * FROM weather WHERE city = 'San Francisco' AND prcp > 0.0", "List<Weather> RainInSanFrancisco();", new[] { "NG3001" }, true),
        new("PgTutorial", "DistinctCities", "SELECT DISTINCT city FROM weather ORDER BY city", "List<string?> DistinctCities();", Array.Empty<string>(), true),
        new("PgTutorial", "WeatherWithCity", "SELECT weather.city, weather.temp_lo, weather.temp_hi, weather.prcp, weather.date FROM weather JOIN cities ON weather.city = cities.name", "List<Weather> WeatherWithCity();", Array.Empty<string>(), true, "neither table is filtered: a join with no index is a scan, not a missing index"),
        new("PgTutorial", "LowestHigh", "SELECT max(temp_lo) FROM weather", "int? LowestHigh();", Array.Empty<string>(), true),
        new("PgTutorial", "LowestHighNotNull", "SELECT max(temp_lo) FROM weather", "int LowestHighNotNull();", new[] { "NG2007" }, true, "max over no rows is NULL"),
        new("PgTutorial", "ColdestCity", "SELECT city FROM weather WHERE temp_lo = (SELECT max(temp_lo) FROM weather)", "List<string?> ColdestCity();", new[] { "NG3001" }, true),
        new("PgTutorial", "CitiesByMax", "SELECT city, count(*), max(temp_lo) FROM weather WHERE city LIKE 'S%' GROUP BY city HAVING max(temp_lo) < 40", "List<(string? City, long Count, int? Max)> CitiesByMax();", new[] { "NG3001" }, true),
        new("PgTutorial", "InsertWeather", "INSERT INTO weather (city, temp_lo, temp_hi, prcp, date) VALUES (@city, @lo, @hi, @prcp, @date)", "void InsertWeather(string city, int lo, int hi, float prcp, DateOnly date);", Array.Empty<string>(), true),
        new("PgTutorial", "CoolDown", "UPDATE weather SET temp_hi = temp_hi - 2, temp_lo = temp_lo - 2 WHERE date > '1994-11-28'", "int CoolDown();", new[] { "NG3001" }, true),
        new("PgTutorial", "ForgetHayward", "DELETE FROM weather WHERE city = 'Hayward'", "int ForgetHayward();", new[] { "NG3001" }, true),
        new("PgTutorial", "TemperatureAsText", "SELECT city, temp_lo FROM weather", "List<(int? TempLo, string? City)> TemperatureAsText();", new[] { "NG2009", "NG2009" }, true),
        new("PgTutorial", "DateAsDateTimeOffset", "SELECT date FROM weather", "List<DateTimeOffset?> DateAsDateTimeOffset();", new[] { "NG2009" }, true, "a date is no instant"),
        new("PgTutorial", "SortByParameter", "SELECT city FROM weather ORDER BY @column", "List<string?> SortByParameter(string column);", new[] { "NG1009" }, true, "the server sorts by a constant"),

        // ---- Chinook, SQLite -----------------------------------------------------------------------------------
        new("ChinookSqlite", "TracksOfArtist", "SELECT t.Name, a.Title FROM Track t JOIN Album a ON a.AlbumId = t.AlbumId WHERE a.ArtistId = @artistId", "List<(string Name, string Title)> TracksOfArtist(long artistId);", Array.Empty<string>(), true),
        new("ChinookSqlite", "InvoicesOfCustomer", "SELECT InvoiceId, InvoiceDate, Total FROM Invoice WHERE CustomerId = @customerId ORDER BY InvoiceDate DESC", "List<(long InvoiceId, DateTime InvoiceDate, decimal Total)> InvoicesOfCustomer(long customerId);", Array.Empty<string>(), true),
        new("ChinookSqlite", "RevenueByCountry", "SELECT BillingCountry, COUNT(*) AS Invoices, SUM(Total) AS Revenue FROM Invoice GROUP BY BillingCountry ORDER BY Revenue DESC", "List<(string? Country, long Invoices, decimal Revenue)> RevenueByCountry();", Array.Empty<string>(), true),
        new("ChinookSqlite", "CustomersWithRep", "SELECT c.FirstName, c.LastName, e.FirstName AS RepFirstName FROM Customer c LEFT JOIN Employee e ON e.EmployeeId = c.SupportRepId", "List<(string FirstName, string LastName, string? RepFirstName)> CustomersWithRep();", Array.Empty<string>(), true),
        new("ChinookSqlite", "CustomersWithRepNotNull", "SELECT c.FirstName, c.LastName, e.FirstName AS RepFirstName FROM Customer c LEFT JOIN Employee e ON e.EmployeeId = c.SupportRepId", "List<(string FirstName, string LastName, string RepFirstName)> CustomersWithRepNotNull();", new[] { "NG2007" }, true),
        new("ChinookSqlite", "ArtistsLike", "SELECT Name FROM Artist WHERE Name LIKE @pattern", "List<string?> ArtistsLike(string pattern);", new[] { "NG3001" }, true),
        new("ChinookSqlite", "LongTracks", "SELECT COUNT(*) FROM Track WHERE Milliseconds > @ms", "long LongTracks(int ms);", new[] { "NG3001" }, true),
        new("ChinookSqlite", "TrackPrice", "SELECT UnitPrice FROM Track WHERE TrackId = @id", "decimal TrackPrice(long id);", Array.Empty<string>(), true),
        new("ChinookSqlite", "EmployeesHired", "SELECT FirstName, HireDate FROM Employee ORDER BY HireDate", "List<(string FirstName, DateTime? HireDate)> EmployeesHired();", Array.Empty<string>(), true),
        new("ChinookSqlite", "SwappedTrack", "SELECT Name, TrackId FROM Track", "List<(long TrackId, string Name)> SwappedTrack();", new[] { "NG2009", "NG2009" }, true),
        new("ChinookSqlite", "TrackTableTypo", "SELECT TrackId FROM Tracks", "List<long> TrackTableTypo();", new[] { "NG2001" }, false),
        new("ChinookSqlite", "IlikeTrack", "SELECT TrackId FROM Track WHERE Name ILIKE @p", "List<long> IlikeTrack(string p);", new[] { "NG1002" }, false),
        new("ChinookSqlite", "PriceAsInt", "SELECT UnitPrice FROM Track WHERE TrackId = @id", "int PriceAsInt(long id);", new[] { "NG2009" }, true, "NUMERIC affinity keeps 0.99 as a real, which SQLite reads as the integer 0"),
        new("ChinookSqlite", "MillisecondsAsText", "SELECT Milliseconds FROM Track WHERE TrackId = @id", "string MillisecondsAsText(long id);", new[] { "NG2009" }, true),
    };
}
