using System;
using System.Collections;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;
using MySqlConnector;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// The provider's limit on MariaDB: one long-lived open connection, every command prepared once and reused, typed
/// parameters (MySqlConnector boxes their values, as every caller's do), reads by ordinal with typed getters, and
/// MySqlBulkCopy (LOAD DATA LOCAL) over a minimal data reader for the bulk insert.
/// </summary>
public sealed class HandTunedMySqlContender : IContender<World, Fortune>
{
    private readonly MySqlConnection _connection;
    private readonly MySqlCommand _worldById;
    private readonly MySqlParameter _worldByIdId = new("@id", MySqlDbType.Int32);
    private readonly MySqlCommand _fortunes;
    private readonly MySqlCommand _update;
    private readonly MySqlParameter _updateId = new("@id", MySqlDbType.Int32);
    private readonly MySqlParameter _updateNumber = new("@randomNumber", MySqlDbType.Int32);
    private readonly MySqlCommand _insert;
    private readonly MySqlParameter _insertNumber = new("@randomNumber", MySqlDbType.Int32);
    private readonly MySqlCommand _upTo;
    private readonly MySqlCommand _upsert;
    private readonly MySqlParameter _upsertId = new("@id", MySqlDbType.Int32);
    private readonly MySqlParameter _upsertNumber = new("@randomNumber", MySqlDbType.Int32);

    public HandTunedMySqlContender(string connectionString)
    {
        _connection = new MySqlConnection(connectionString);
        _connection.Open();
        _worldById = Command(Sql.WorldById, _worldByIdId);
        _fortunes = Command(Sql.AllFortunes);
        _update = Command(Sql.UpdateWorld, _updateNumber, _updateId);

        // MariaDB has INSERT ... RETURNING (MySQL 8 would read LAST_INSERT_ID()).
        _insert = Command(Sql.InsertWorldInsert, _insertNumber);
        _upTo = Command(Sql.WorldsUpTo, new MySqlParameter("@count", MySqlDbType.Int32) { Value = BenchData.FetchCount });
        _upsert = Command(Sql.UpsertWorld(Database.MariaDb), _upsertId, _upsertNumber);
        foreach (var command in new[] { _worldById, _fortunes, _update, _insert, _upTo, _upsert })
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

    /// <summary>MySqlBulkCopy (LOAD DATA LOCAL) in one transaction, with warnings checked.</summary>
    public async Task<long> BulkInsertAsync()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        var bulk = new MySqlBulkCopy(_connection, transaction) { DestinationTableName = "world" };
        bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(0, "id"));
        bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(1, "randomnumber"));
        var result = await bulk.WriteToServerAsync(new WorldRows());
        if (result.Warnings.Count > 0)
        {
            throw new InvalidOperationException(result.Warnings[0].Message);
        }

        await transaction.CommitAsync();
        return result.RowsInserted;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private MySqlCommand Command(string sql, params MySqlParameter[] parameters)
    {
        var command = new MySqlCommand(sql, _connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>The bulk rows as the two-column reader MySqlBulkCopy reads: values straight from the seed arrays.</summary>
    private sealed class WorldRows : DbDataReader
    {
        private int _row = -1;

        public override int FieldCount => 2;

        public override bool HasRows => true;

        public override bool IsClosed => false;

        public override int RecordsAffected => -1;

        public override int Depth => 0;

        public override object this[int ordinal] => GetValue(ordinal);

        public override object this[string name] => GetValue(GetOrdinal(name));

        public override bool Read() => ++_row < BenchData.BulkRows;

        public override bool NextResult() => false;

        public override int GetInt32(int ordinal) => ordinal == 0 ? _row + 1 : BenchData.BulkRandomNumbers[_row];

        public override object GetValue(int ordinal) => GetInt32(ordinal);

        public override bool IsDBNull(int ordinal) => false;

        public override string GetName(int ordinal) => ordinal == 0 ? "id" : "randomnumber";

        public override int GetOrdinal(string name) => name == "id" ? 0 : 1;

        public override Type GetFieldType(int ordinal) => typeof(int);

        public override string GetDataTypeName(int ordinal) => "INT";

        public override int GetValues(object[] values)
        {
            values[0] = GetValue(0);
            values[1] = GetValue(1);
            return 2;
        }

        public override bool GetBoolean(int ordinal) => throw new NotSupportedException();

        public override byte GetByte(int ordinal) => throw new NotSupportedException();

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

        public override char GetChar(int ordinal) => throw new NotSupportedException();

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

        public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

        public override decimal GetDecimal(int ordinal) => GetInt32(ordinal);

        public override double GetDouble(int ordinal) => GetInt32(ordinal);

        public override float GetFloat(int ordinal) => GetInt32(ordinal);

        public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

        public override short GetInt16(int ordinal) => checked((short)GetInt32(ordinal));

        public override long GetInt64(int ordinal) => GetInt32(ordinal);

        public override string GetString(int ordinal) => GetInt32(ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override IEnumerator GetEnumerator() => new DbEnumerator(this);
    }
}
