using System;
using System.Collections;
using System.Collections.Generic;

namespace NeoGen.Sql.Schema;

/// <summary>
/// A table's columns in order, with a by-name index: a CREATE TABLE checks every new column against the ones before
/// it, which over a list alone is quadratic (a generated 60,000-column table took minutes). The index maps each name
/// (case-insensitively) to the first column with that name, as a scan of the list would find it.
/// </summary>
internal sealed class ColumnCollection : IReadOnlyList<SqlSchemaColumn>
{
    private readonly List<SqlSchemaColumn> _columns = new();
    private readonly Dictionary<string, SqlSchemaColumn> _byName = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _columns.Count;

    public SqlSchemaColumn this[int index] => _columns[index];

    public SqlSchemaColumn? Find(string name) => _byName.TryGetValue(name, out var column) ? column : null;

    public void Add(SqlSchemaColumn column)
    {
        _columns.Add(column);
        if (!_byName.ContainsKey(column.Name))
        {
            _byName[column.Name] = column;
        }
    }

    public void Insert(int index, SqlSchemaColumn column)
    {
        if (index >= _columns.Count)
        {
            Add(column);
            return;
        }

        _columns.Insert(index, column);
        Reindex();
    }

    public void RemoveAt(int index)
    {
        _columns.RemoveAt(index);
        Reindex();
    }

    public bool Remove(SqlSchemaColumn column)
    {
        var removed = _columns.Remove(column);
        Reindex();
        return removed;
    }

    public int IndexOf(SqlSchemaColumn column) => _columns.IndexOf(column);

    /// <summary>After a column's name changed.</summary>
    public void Reindex()
    {
        _byName.Clear();
        foreach (var column in _columns)
        {
            if (!_byName.ContainsKey(column.Name))
            {
                _byName[column.Name] = column;
            }
        }
    }

    public List<SqlSchemaColumn>.Enumerator GetEnumerator() => _columns.GetEnumerator();

    IEnumerator<SqlSchemaColumn> IEnumerable<SqlSchemaColumn>.GetEnumerator() => _columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _columns.GetEnumerator();
}
