#if NEOGEN
// Compiled only with NeoGenReady=true (see NeoGen.Benchmarks.csproj): it needs the NeoGen runtime
// and its source generator, which write SqliteWorldRepository, PostgreSqlWorldRepository, ...
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using NeoGen.Benchmarks.Contenders;
using Npgsql;

namespace NeoGen.Benchmarks.NeoGenModel;

[Table("world")]
public sealed record World
{
    [Key]
    public int Id { get; init; }

    [Column("randomnumber")]
    public int RandomNumber { get; init; }
}

[Table("fortune")]
public sealed record Fortune
{
    [Key]
    public int Id { get; init; }

    public required string Message { get; init; }
}

[Table("world_insert")]
public sealed record WorldInsert
{
    [Key]
    [Generated]
    public int Id { get; init; }

    [Column("randomnumber")]
    public int RandomNumber { get; init; }
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IWorldRepository : IBulkRepository<World>
{
    [Query("SELECT id, randomnumber FROM world WHERE id = @id")]
    Task<World?> GetAsync(int id, CancellationToken ct = default);

    [Query("SELECT id, randomnumber FROM world WHERE id <= @count")]
    Task<List<World>> GetFirstAsync(int count, CancellationToken ct = default);

    [Query("UPDATE world SET randomnumber = @randomNumber WHERE id = @id")]
    Task<int> UpdateAsync(int id, int randomNumber, CancellationToken ct = default);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IFortuneRepository
{
    [Query("SELECT id, message FROM fortune")]
    Task<List<Fortune>> AllAsync(CancellationToken ct = default);
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IWorldUpsertRepository : ICrudRepository<World, int>
{
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IWorldInsertRepository : ICrudRepository<WorldInsert, int>
{
}

/// <summary>
/// The generated repositories over a <see cref="NeoGenDataSource"/> (which keeps connections open
/// with their prepared commands between operations). Bulk insert is NeoGen's BulkInsertAsync:
/// COPY on PostgreSQL, batched prepared inserts on SQLite.
/// </summary>
public sealed class NeoGenContender : IContender<World, Fortune>
{
    private readonly NeoGenDataSource _source;
    private readonly NpgsqlDataSource? _npgsqlDataSource;
    private readonly IWorldRepository _worlds;
    private readonly IFortuneRepository _fortunes;
    private readonly IWorldInsertRepository _inserts;
    private readonly IWorldUpsertRepository _upserts;
    private List<World>? _bulkRows;

    public NeoGenContender(Database database, string connectionString)
    {
        if (database == Database.Sqlite)
        {
            _source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection(connectionString));
            _worlds = new SqliteWorldRepository(_source);
            _fortunes = new SqliteFortuneRepository(_source);
            _inserts = new SqliteWorldInsertRepository(_source);
            _upserts = new SqliteWorldUpsertRepository(_source);
        }
        else if (database == Database.MariaDb)
        {
            _source = new NeoGenDataSource(Dialect.MySql, () => new MySqlConnection(connectionString));
            _worlds = new MySqlWorldRepository(_source);
            _fortunes = new MySqlFortuneRepository(_source);
            _inserts = new MySqlWorldInsertRepository(_source);
            _upserts = new MySqlWorldUpsertRepository(_source);
        }
        else
        {
            _npgsqlDataSource = NpgsqlDataSource.Create(connectionString);
            _source = new NeoGenDataSource(Dialect.PostgreSql, _npgsqlDataSource);
            _worlds = new PostgreSqlWorldRepository(_source);
            _fortunes = new PostgreSqlFortuneRepository(_source);
            _inserts = new PostgreSqlWorldInsertRepository(_source);
            _upserts = new PostgreSqlWorldUpsertRepository(_source);
        }
    }

    public Task<World?> SingleRowByKeyAsync(int id) => _worlds.GetAsync(id);

    public async Task<World[]> TwentyRowsByKeyAsync(int[] ids)
    {
        var worlds = new World[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            worlds[i] = (await _worlds.GetAsync(ids[i]))!;
        }

        return worlds;
    }

    public Task<List<Fortune>> AllFortunesAsync() => _fortunes.AllAsync();

    public async Task<int> UpsertOneRowAsync(int id, int randomNumber)
        => (await _upserts.UpsertAsync(new World { Id = id, RandomNumber = randomNumber })).RandomNumber;

    public async Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers)
    {
        var affected = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            affected += await _worlds.UpdateAsync(ids[i], randomNumbers[i]);
        }

        return affected;
    }

    public async Task<int> InsertOneRowAsync(int randomNumber)
        => (await _inserts.InsertAsync(new WorldInsert { RandomNumber = randomNumber })).Id;

    public Task<List<World>> Fetch1000RowsAsync() => _worlds.GetFirstAsync(BenchData.FetchCount);

    public async Task<long> BulkInsertAsync() => await _worlds.BulkInsertAsync(_bulkRows ??= MakeBulkRows());

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        if (_npgsqlDataSource is not null)
        {
            await _npgsqlDataSource.DisposeAsync();
        }
    }

    private static List<World> MakeBulkRows()
    {
        var rows = new List<World>(BenchData.BulkRows);
        for (var i = 0; i < BenchData.BulkRows; i++)
        {
            rows.Add(new World { Id = i + 1, RandomNumber = BenchData.BulkRandomNumbers[i] });
        }

        return rows;
    }
}
#endif
