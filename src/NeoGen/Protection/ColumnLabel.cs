using System;
using System.ComponentModel;
using System.Text;

namespace NeoGen.Internal;

/// <summary>
/// The identity of one encrypted column: its table and column names, and the UTF-8 label <c>table.column</c> that is
/// authenticated with every value, so a value copied into another column (or another table's column of the same
/// name) fails to decrypt instead of being read as that column's. Generated code creates one per column, once, as a
/// static field; errors name the column from it. Not for direct use.
/// </summary>
/// <remarks>
/// Renaming a table or column changes the label, and values written under the old label no longer decrypt: keep the
/// label's names when renaming, or re-encrypt.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ColumnLabel
{
    private readonly byte[] _utf8;

    /// <summary>The label of <paramref name="column"/> in <paramref name="table"/>.</summary>
    /// <param name="table">The table name, as the generated code names it (with its schema, if it has one).</param>
    /// <param name="column">The column name.</param>
    public ColumnLabel(string table, string column)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentException.ThrowIfNullOrEmpty(column);
        Table = table;
        Column = column;
        _utf8 = Encoding.UTF8.GetBytes(table + "." + column);
    }

    /// <summary>The table name.</summary>
    public string Table { get; }

    /// <summary>The column name.</summary>
    public string Column { get; }

    /// <summary>The label authenticated with each value: <c>table.column</c> in UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>The S2V states of deterministic encryption under this label, per key.</summary>
    internal SivPrefixCache SivPrefixes { get; } = new();

    /// <summary><c>table.column</c>.</summary>
    public override string ToString() => Table + "." + Column;
}
