using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>Opens connections of the right provider, and holds a contender's copy of the bulk rows.</summary>
public sealed class ProviderConnection : IAsyncDisposable
{
    private readonly Database _database;
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _dataSource;
    private List<World>? _bulkRows;

    public ProviderConnection(Database database, string connectionString)
    {
        _database = database;
        _connectionString = connectionString;
        if (database == Database.PostgreSql)
        {
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }
    }

    public DbConnection OpenConnection()
    {
        if (_dataSource is not null)
        {
            return _dataSource.OpenConnection();
        }

        DbConnection connection = _database == Database.MariaDb ? new MySqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The rows of the bulk insert, built once.</summary>
    public List<World> BulkRows => _bulkRows ??= MakeBulkRows();

    public static List<World> MakeBulkRows()
    {
        var rows = new List<World>(BenchData.BulkRows);
        for (var i = 0; i < BenchData.BulkRows; i++)
        {
            rows.Add(new World { Id = i + 1, RandomNumber = BenchData.BulkRandomNumbers[i] });
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? default;
}
