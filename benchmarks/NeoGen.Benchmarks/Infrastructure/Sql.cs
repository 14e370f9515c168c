namespace NeoGen.Benchmarks;

/// <summary>The SQL every hand-written contender runs (NeoGen's repository declares the same text).</summary>
public static class Sql
{
    public const string WorldById = "SELECT id, randomnumber FROM world WHERE id = @id";

    public const string AllFortunes = "SELECT id, message FROM fortune";

    public const string UpdateWorld = "UPDATE world SET randomnumber = @randomNumber WHERE id = @id";

    public const string InsertWorldInsert = "INSERT INTO world_insert (randomnumber) VALUES (@randomNumber) RETURNING id";

    public const string WorldsUpTo = "SELECT id, randomnumber FROM world WHERE id <= @count";

    // Parameter names spelled like the World properties: Dapper binds a sequence of World objects by property name,
    // and SQLite matches parameter names case-sensitively.
    public const string InsertWorld = "INSERT INTO world (id, randomnumber) VALUES (@Id, @RandomNumber)";

    /// <summary>
    /// Insert or update a world row by key, as each database spells it best, returning the stored value as NeoGen's
    /// Upsert does (MariaDB has RETURNING; MySQL 8, which NeoGen's MySQL dialect also serves, has not).
    /// </summary>
    public static string UpsertWorld(Database database) => database == Database.MariaDb
        ? "INSERT INTO world (id, randomnumber) VALUES (@id, @randomNumber) ON DUPLICATE KEY UPDATE randomnumber = VALUES(randomnumber) RETURNING randomnumber"
        : "INSERT INTO world (id, randomnumber) VALUES (@id, @randomNumber) ON CONFLICT (id) DO UPDATE SET randomnumber = excluded.randomnumber RETURNING randomnumber";

    public const string CopyWorld = "COPY world (id, randomnumber) FROM STDIN (FORMAT BINARY)";
}
