using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// ADO.NET as it is usually written: a new connection for every database call (the provider's pool
/// makes that cheap), a new command each time, <c>AddWithValue</c>, and columns looked up by name.
/// </summary>
public sealed class TypicalAdoNetContender : IContender<World, Fortune>
{
    private readonly Database _database;
    private readonly string _connectionString;

    public TypicalAdoNetContender(Database database, string connectionString)
    {
        _database = database;
        _connectionString = connectionString;
    }

    public async Task<World?> SingleRowByKeyAsync(int id)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        return await ReadWorldAsync(connection, id);
    }

    public async Task<World[]> TwentyRowsByKeyAsync(int[] ids)
    {
        var worlds = new World[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            await using var connection = CreateConnection();
            await connection.OpenAsync();
            worlds[i] = (await ReadWorldAsync(connection, ids[i]))!;
        }

        return worlds;
    }

    public async Task<List<Fortune>> AllFortunesAsync()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.AllFortunes;
        await using var reader = await command.ExecuteReaderAsync();
        var fortunes = new List<Fortune>();
        while (await reader.ReadAsync())
        {
            fortunes.Add(new Fortune
            {
                Id = reader.GetInt32(reader.GetOrdinal("id")),
                Message = reader.GetString(reader.GetOrdinal("message")),
            });
        }

        return fortunes;
    }

    public async Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers)
    {
        var affected = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            await using var connection = CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Sql.UpdateWorld;
            AddWithValue(command, "@randomNumber", randomNumbers[i]);
            AddWithValue(command, "@id", ids[i]);
            affected += await command.ExecuteNonQueryAsync();
        }

        return affected;
    }

    public async Task<int> InsertOneRowAsync(int randomNumber)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.InsertWorldInsert;
        AddWithValue(command, "@randomNumber", randomNumber);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public async Task<int> UpsertOneRowAsync(int id, int randomNumber)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.UpsertWorld(_database);
        AddWithValue(command, "@id", id);
        AddWithValue(command, "@randomNumber", randomNumber);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public async Task<List<World>> Fetch1000RowsAsync()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.WorldsUpTo;
        AddWithValue(command, "@count", BenchData.FetchCount);
        await using var reader = await command.ExecuteReaderAsync();
        var worlds = new List<World>();
        while (await reader.ReadAsync())
        {
            worlds.Add(new World
            {
                Id = reader.GetInt32(reader.GetOrdinal("id")),
                RandomNumber = Convert.ToInt32(reader["randomnumber"]),
            });
        }

        return worlds;
    }

    /// <summary>A transaction and one INSERT per row: what a typical user writes (no COPY).</summary>
    public async Task<long> BulkInsertAsync()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long written = 0;
        for (var i = 0; i < BenchData.BulkRows; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql.InsertWorld;
            AddWithValue(command, "@Id", i + 1);
            AddWithValue(command, "@RandomNumber", BenchData.BulkRandomNumbers[i]);
            written += await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return written;
    }

    public ValueTask DisposeAsync() => default;

    private static async Task<World?> ReadWorldAsync(DbConnection connection, int id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.WorldById;
        AddWithValue(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new World
        {
            Id = reader.GetInt32(reader.GetOrdinal("id")),
            RandomNumber = Convert.ToInt32(reader["randomnumber"]),
        };
    }

    private DbConnection CreateConnection() => _database switch
    {
        Database.Sqlite => new SqliteConnection(_connectionString),
        Database.MariaDb => new MySqlConnection(_connectionString),
        _ => new NpgsqlConnection(_connectionString),
    };

    // The user's code is written against one provider; this just picks that provider's AddWithValue.
    private static void AddWithValue(DbCommand command, string name, object value)
    {
        switch (command)
        {
            case SqliteCommand sqlite:
                sqlite.Parameters.AddWithValue(name, value);
                break;
            case NpgsqlCommand npgsql:
                npgsql.Parameters.AddWithValue(name, value);
                break;
            case MySqlCommand mysql:
                mysql.Parameters.AddWithValue(name, value);
                break;
            default:
                throw new NotSupportedException(command.GetType().FullName);
        }
    }
}
