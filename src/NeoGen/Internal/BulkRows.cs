using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace NeoGen.Internal;

/// <summary>
/// Entities as a forward-only data reader for the providers' bulk loaders (SqlBulkCopy, MySqlBulkCopy). The generated
/// code names the columns and fills one row's values; no reflection, so it works under Native AOT. Each row's values
/// are computed once, on <see cref="Read"/>, into one buffer reused for every row. Not for direct use.
/// </summary>
/// <typeparam name="T">The entity.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BulkRows<T> : DbDataReader
{
    private readonly IEnumerator<T> _rows;
    private readonly string[] _names;
    private readonly Type[] _types;
    private readonly Action<T, object?[]> _fill;
    private readonly object?[] _values;
    private bool _closed;

    /// <param name="rows">The entities, each one row.</param>
    /// <param name="names">The column names, in ordinal order.</param>
    /// <param name="types">The CLR type of each column's values.</param>
    /// <param name="fill">Writes one entity's values, in ordinal order (null for NULL).</param>
    public BulkRows(IEnumerable<T> rows, string[] names, Type[] types, Action<T, object?[]> fill)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.GetEnumerator();
        _names = names;
        _types = types;
        _fill = fill;
        _values = new object?[names.Length];
    }

    /// <summary>The number of rows handed out so far: after a failure, the index of the row being loaded, or beyond it.</summary>
    public long RowsRead { get; private set; }

    /// <inheritdoc />
    public override int FieldCount => _names.Length;

    /// <inheritdoc />
    public override bool HasRows => true;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <inheritdoc />
    public override int RecordsAffected => -1;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        if (_closed || !_rows.MoveNext())
        {
            return false;
        }

        var row = _rows.Current ?? throw new ArgumentNullException("entities", $"The entity at index {RowsRead} is null.");
        _fill(row, _values);
        RowsRead++;
        return true;
    }

    /// <inheritdoc />
    public override bool NextResult() => false;

    /// <inheritdoc />
    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    /// <inheritdoc />
    public override string GetName(int ordinal) => _names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"No column '{name}'.");
    }

    /// <inheritdoc />
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    [UnconditionalSuppressMessage("Trimming", "IL2063", Justification = "The column types are the BCL types of column values (int, string, DateTime, Guid, byte[] ...); the bulk loaders read their values, not their members.")]
    public override Type GetFieldType(int ordinal) => _types[ordinal];

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    /// <inheritdoc />
    public override object GetValue(int ordinal) => _values[ordinal] ?? DBNull.Value;

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _values.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => _values[ordinal] is null;

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    /// <inheritdoc />
    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
        => Copy((byte[])GetValue(ordinal), dataOffset, buffer, bufferOffset, length);

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
        => Copy(((string)GetValue(ordinal)).ToCharArray(), dataOffset, buffer, bufferOffset, length);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    private static long Copy<TItem>(TItem[] source, long offset, TItem[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null)
        {
            return source.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, source.Length - offset));
        Array.Copy(source, offset, buffer, bufferOffset, count);
        return count;
    }
}
