using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Dapper;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// Plain Dapper (reflection/IL-emit at run time) on one long-lived open connection.
/// <see cref="DapperAotContender"/> has the same calls, compiled through Dapper.AOT's interceptors.
/// </summary>
[DapperAot(false)]
public sealed class DapperContender : IContender<World, Fortune>
{
    private readonly ProviderConnection _provider;
    private readonly string _upsert;
    private readonly DbConnection _connection;

    public DapperContender(Database database, string connectionString)
    {
        _provider = new ProviderConnection(database, connectionString);
        _upsert = Sql.UpsertWorld(database);
        _connection = _provider.OpenConnection();
    }

    public Task<World?> SingleRowByKeyAsync(int id)
        => _connection.QueryFirstOrDefaultAsync<World>(Sql.WorldById, new { id });

    public async Task<World[]> TwentyRowsByKeyAsync(int[] ids)
    {
        var worlds = new World[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            worlds[i] = (await _connection.QueryFirstOrDefaultAsync<World>(Sql.WorldById, new { id = ids[i] }))!;
        }

        return worlds;
    }

    public async Task<List<Fortune>> AllFortunesAsync()
        => (await _connection.QueryAsync<Fortune>(Sql.AllFortunes)).AsList();

    public async Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers)
    {
        var affected = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            affected += await _connection.ExecuteAsync(Sql.UpdateWorld, new { randomNumber = randomNumbers[i], id = ids[i] });
        }

        return affected;
    }

    public Task<int> InsertOneRowAsync(int randomNumber)
        => _connection.ExecuteScalarAsync<int>(Sql.InsertWorldInsert, new { randomNumber });

    public Task<int> UpsertOneRowAsync(int id, int randomNumber)
        => _connection.ExecuteScalarAsync<int>(_upsert, new { id, randomNumber });

    public async Task<List<World>> Fetch1000RowsAsync()
        => (await _connection.QueryAsync<World>(Sql.WorldsUpTo, new { count = BenchData.FetchCount })).AsList();

    /// <summary>Execute with a sequence of parameter objects: one INSERT per row in a transaction (no COPY in Dapper).</summary>
    public async Task<long> BulkInsertAsync()
    {
        var rows = _provider.BulkRows;
        await using var transaction = await _connection.BeginTransactionAsync();
        long written = await _connection.ExecuteAsync(Sql.InsertWorld, rows, transaction);
        await transaction.CommitAsync();
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
