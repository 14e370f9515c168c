using System;
using System.Collections;
using System.Collections.Generic;

namespace NeoGen.Sql.Schema;

/// <summary>
/// The schema's tables in declaration order, with a by-name index: every CREATE TABLE looks its name up first, which
/// over a list alone is quadratic in the number of tables (a megabyte of small CREATE TABLEs took seconds). The index
/// keeps, per name (case-insensitively), the tables of that name in list order, so lookups see what a scan would.
/// </summary>
internal sealed class TableCollection : IReadOnlyList<SqlSchemaTable>
{
    private static readonly List<SqlSchemaTable> None = new();

    private readonly List<SqlSchemaTable> _tables = new();
    private readonly Dictionary<string, List<SqlSchemaTable>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _tables.Count;

    public SqlSchemaTable this[int index]
    {
        get => _tables[index];
        set
        {
            _tables[index] = value;
            Reindex();
        }
    }

    /// <summary>The tables named <paramref name="name"/>, in declaration order.</summary>
    public List<SqlSchemaTable> Named(string name) => _byName.TryGetValue(name, out var tables) ? tables : None;

    public void Add(SqlSchemaTable table)
    {
        _tables.Add(table);
        if (!_byName.TryGetValue(table.Name, out var tables))
        {
            _byName[table.Name] = tables = new List<SqlSchemaTable>(1);
        }

        tables.Add(table);
    }

    public bool Remove(SqlSchemaTable table)
    {
        var removed = _tables.Remove(table);
        Reindex();
        return removed;
    }

    public int IndexOf(SqlSchemaTable table) => _tables.IndexOf(table);

    /// <summary>After a table's name changed.</summary>
    public void Reindex()
    {
        _byName.Clear();
        foreach (var table in _tables)
        {
            if (!_byName.TryGetValue(table.Name, out var tables))
            {
                _byName[table.Name] = tables = new List<SqlSchemaTable>(1);
            }

            tables.Add(table);
        }
    }

    public List<SqlSchemaTable>.Enumerator GetEnumerator() => _tables.GetEnumerator();

    IEnumerator<SqlSchemaTable> IEnumerable<SqlSchemaTable>.GetEnumerator() => _tables.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _tables.GetEnumerator();
}
