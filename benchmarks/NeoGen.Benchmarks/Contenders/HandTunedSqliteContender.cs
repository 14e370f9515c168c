using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// The provider's limit on SQLite: one long-lived open connection, every command created and
/// prepared once and reused, parameters kept and only their Value set, reads by ordinal with typed getters.
/// </summary>
public sealed class HandTunedSqliteContender : IContender<World, Fortune>
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _worldById;
    private readonly SqliteParameter _worldByIdId;
    private readonly SqliteCommand _fortunes;
    private readonly SqliteCommand _update;
    private readonly SqliteParameter _updateId;
    private readonly SqliteParameter _updateNumber;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _insertNumber;
    private readonly SqliteCommand _upTo;
    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter _upsertId;
    private readonly SqliteParameter _upsertNumber;
    private readonly SqliteCommand _bulk;
    private readonly SqliteParameter _bulkId;
    private readonly SqliteParameter _bulkNumber;

    public HandTunedSqliteContender(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();

        _worldById = Command(Sql.WorldById);
        _worldByIdId = _worldById.Parameters.Add("@id", SqliteType.Integer);
        _fortunes = Command(Sql.AllFortunes);
        _update = Command(Sql.UpdateWorld);
        _updateNumber = _update.Parameters.Add("@randomNumber", SqliteType.Integer);
        _updateId = _update.Parameters.Add("@id", SqliteType.Integer);
        _insert = Command(Sql.InsertWorldInsert);
        _insertNumber = _insert.Parameters.Add("@randomNumber", SqliteType.Integer);
        _upTo = Command(Sql.WorldsUpTo);
        _upTo.Parameters.Add("@count", SqliteType.Integer).Value = BenchData.FetchCount;
        _upsert = Command(Sql.UpsertWorld(Database.Sqlite));
        _upsertId = _upsert.Parameters.Add("@id", SqliteType.Integer);
        _upsertNumber = _upsert.Parameters.Add("@randomNumber", SqliteType.Integer);
        _bulk = Command(Sql.InsertWorld);
        _bulkId = _bulk.Parameters.Add("@Id", SqliteType.Integer);
        _bulkNumber = _bulk.Parameters.Add("@RandomNumber", SqliteType.Integer);

        foreach (var command in new[] { _worldById, _fortunes, _update, _insert, _upTo, _upsert, _bulk })
        {
            command.Prepare();
        }
    }

    public async Task<World?> SingleRowByKeyAsync(int id)
    {
        _worldByIdId.Value = id;
        await using var reader = await _worldById.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? new World { Id = reader.GetInt32(0), RandomNumber = reader.GetInt32(1) } : null;
    }

    public async Task<World[]> TwentyRowsByKeyAsync(int[] ids)
    {
        var worlds = new World[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            worlds[i] = (await SingleRowByKeyAsync(ids[i]))!;
        }

        return worlds;
    }

    public async Task<List<Fortune>> AllFortunesAsync()
    {
        await using var reader = await _fortunes.ExecuteReaderAsync();
        var fortunes = new List<Fortune>();
        while (await reader.ReadAsync())
        {
            fortunes.Add(new Fortune { Id = reader.GetInt32(0), Message = reader.GetString(1) });
        }

        return fortunes;
    }

    public async Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers)
    {
        var affected = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            _updateId.Value = ids[i];
            _updateNumber.Value = randomNumbers[i];
            affected += await _update.ExecuteNonQueryAsync();
        }

        return affected;
    }

    public async Task<int> InsertOneRowAsync(int randomNumber)
    {
        _insertNumber.Value = randomNumber;
        await using var reader = await _insert.ExecuteReaderAsync(CommandBehavior.SingleRow);
        await reader.ReadAsync();
        return reader.GetInt32(0);
    }

    public async Task<int> UpsertOneRowAsync(int id, int randomNumber)
    {
        _upsertId.Value = id;
        _upsertNumber.Value = randomNumber;
        await using var reader = await _upsert.ExecuteReaderAsync(CommandBehavior.SingleRow);
        await reader.ReadAsync();
        return reader.GetInt32(0);
    }

    public async Task<List<World>> Fetch1000RowsAsync()
    {
        await using var reader = await _upTo.ExecuteReaderAsync();
        var worlds = new List<World>();
        while (await reader.ReadAsync())
        {
            worlds.Add(new World { Id = reader.GetInt32(0), RandomNumber = reader.GetInt32(1) });
        }

        return worlds;
    }

    /// <summary>One transaction around the prepared INSERT, run once per row (SQLite has no COPY).</summary>
    public async Task<long> BulkInsertAsync()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        _bulk.Transaction = (SqliteTransaction)transaction;
        long written = 0;
        var numbers = BenchData.BulkRandomNumbers;
        for (var i = 0; i < numbers.Length; i++)
        {
            _bulkId.Value = i + 1;
            _bulkNumber.Value = numbers[i];
            written += await _bulk.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        _bulk.Transaction = null;
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _worldById, _fortunes, _update, _insert, _upTo, _upsert, _bulk })
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
