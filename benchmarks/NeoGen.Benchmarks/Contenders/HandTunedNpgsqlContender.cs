using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// The provider's limit on PostgreSQL: one long-lived open connection, every command prepared once
/// (server-side prepared statements) and reused, <see cref="NpgsqlParameter{T}"/> so values are never
/// boxed, reads by ordinal with typed getters, and COPY for the bulk insert.
/// </summary>
public sealed class HandTunedNpgsqlContender : IContender<World, Fortune>
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _worldById;
    private readonly NpgsqlParameter<int> _worldByIdId = new("id", NpgsqlDbType.Integer);
    private readonly NpgsqlCommand _fortunes;
    private readonly NpgsqlCommand _update;
    private readonly NpgsqlParameter<int> _updateId = new("id", NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<int> _updateNumber = new("randomNumber", NpgsqlDbType.Integer);
    private readonly NpgsqlCommand _insert;
    private readonly NpgsqlParameter<int> _insertNumber = new("randomNumber", NpgsqlDbType.Integer);
    private readonly NpgsqlCommand _upTo;
    private readonly NpgsqlCommand _upsert;
    private readonly NpgsqlParameter<int> _upsertId = new("id", NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<int> _upsertNumber = new("randomNumber", NpgsqlDbType.Integer);

    public HandTunedNpgsqlContender(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _connection = _dataSource.OpenConnection();

        _worldById = Command(Sql.WorldById, _worldByIdId);
        _fortunes = Command(Sql.AllFortunes);
        _update = Command(Sql.UpdateWorld, _updateNumber, _updateId);
        _insert = Command(Sql.InsertWorldInsert, _insertNumber);
        _upTo = Command(Sql.WorldsUpTo, new NpgsqlParameter<int>("count", NpgsqlDbType.Integer) { TypedValue = BenchData.FetchCount });
        _upsert = Command(Sql.UpsertWorld(Database.PostgreSql), _upsertId, _upsertNumber);

        foreach (var command in new[] { _worldById, _fortunes, _update, _insert, _upTo, _upsert })
        {
            command.Prepare();
        }
    }

    public async Task<World?> SingleRowByKeyAsync(int id)
    {
        _worldByIdId.TypedValue = id;
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
            _updateId.TypedValue = ids[i];
            _updateNumber.TypedValue = randomNumbers[i];
            affected += await _update.ExecuteNonQueryAsync();
        }

        return affected;
    }

    public async Task<int> InsertOneRowAsync(int randomNumber)
    {
        _insertNumber.TypedValue = randomNumber;
        await using var reader = await _insert.ExecuteReaderAsync(CommandBehavior.SingleRow);
        await reader.ReadAsync();
        return reader.GetInt32(0);
    }

    public async Task<int> UpsertOneRowAsync(int id, int randomNumber)
    {
        _upsertId.TypedValue = id;
        _upsertNumber.TypedValue = randomNumber;
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

    /// <summary>Binary COPY.</summary>
    public async Task<long> BulkInsertAsync()
    {
        await using var importer = await _connection.BeginBinaryImportAsync(Sql.CopyWorld);
        var numbers = BenchData.BulkRandomNumbers;
        for (var i = 0; i < numbers.Length; i++)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(i + 1, NpgsqlDbType.Integer);
            await importer.WriteAsync(numbers[i], NpgsqlDbType.Integer);
        }

        return (long)await importer.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _worldById, _fortunes, _update, _insert, _upTo, _upsert })
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        return command;
    }
}
