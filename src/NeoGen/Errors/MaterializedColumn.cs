using System.ComponentModel;

namespace NeoGen.Internal;

/// <summary>
/// One column a generated materializer reads, kept in a static table so that a failed read can be reported with
/// the column and member named, without generating a diagnosis routine per query. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MaterializedColumn
{
    /// <summary>Describes a column read.</summary>
    /// <param name="ordinal">The ordinal in the result, or for a result matched by name, the index into its ordinal map.</param>
    /// <param name="column">The column's name in the result.</param>
    /// <param name="member">The member or tuple element it is read into.</param>
    /// <param name="required">Whether a NULL cannot be stored in the member.</param>
    public MaterializedColumn(int ordinal, string column, string member, bool required)
    {
        Ordinal = ordinal;
        Column = column;
        Member = member;
        Required = required;
    }

    /// <summary>The ordinal in the result, or for a result matched by name, the index into its ordinal map.</summary>
    public int Ordinal { get; }

    /// <summary>The column's name in the result.</summary>
    public string Column { get; }

    /// <summary>The member or tuple element it is read into.</summary>
    public string Member { get; }

    /// <summary>Whether a NULL cannot be stored in the member.</summary>
    public bool Required { get; }
}
