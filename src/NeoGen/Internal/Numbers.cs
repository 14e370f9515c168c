using System;
using System.ComponentModel;
using System.Data.Common;

namespace NeoGen.Internal;

/// <summary>
/// Numeric columns read whatever their width: SqlClient's typed getters accept only the exact type (GetInt64 throws
/// on an <c>int</c> column, as <c>COUNT(*)</c> is), while the schema only tells an integer from a decimal. Widening is
/// exact; narrowing is checked, so a value that does not fit is an <see cref="OverflowException"/> naming the column,
/// never a wrapped number. No boxing. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Numbers
{
    /// <summary>The column as a long, from any integer or whole decimal column.</summary>
    public static long Int64(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(long))
        {
            return reader.GetInt64(ordinal);
        }

        if (type == typeof(int))
        {
            return reader.GetInt32(ordinal);
        }

        if (type == typeof(short))
        {
            return reader.GetInt16(ordinal);
        }

        if (type == typeof(byte))
        {
            return reader.GetByte(ordinal);
        }

        if (type == typeof(decimal))
        {
            return decimal.ToInt64(decimal.Truncate(Whole(reader.GetDecimal(ordinal))));
        }

        return reader.GetInt64(ordinal);
    }

    /// <summary>The column as an int (checked).</summary>
    public static int Int32(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(int) ? reader.GetInt32(ordinal) : checked((int)Int64(reader, ordinal));

    /// <summary>The column as a short (checked).</summary>
    public static short Int16(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(short) ? reader.GetInt16(ordinal) : checked((short)Int64(reader, ordinal));

    /// <summary>The column as a byte (checked).</summary>
    public static byte Byte(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(byte) ? reader.GetByte(ordinal) : checked((byte)Int64(reader, ordinal));

    /// <summary>The column as a double, from a float, real, decimal or integer column.</summary>
    public static double Double(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(double))
        {
            return reader.GetDouble(ordinal);
        }

        if (type == typeof(float))
        {
            return reader.GetFloat(ordinal);
        }

        return type == typeof(decimal) ? (double)reader.GetDecimal(ordinal) : Int64(reader, ordinal);
    }

    /// <summary>The column as a float.</summary>
    public static float Single(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(float) ? reader.GetFloat(ordinal) : (float)Double(reader, ordinal);

    /// <summary>The column as a decimal, from a decimal, float or integer column.</summary>
    public static decimal Decimal(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(decimal))
        {
            return reader.GetDecimal(ordinal);
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return (decimal)reader.GetDouble(ordinal);
        }

        return Int64(reader, ordinal);
    }

    // An integer member never silently drops a fraction: 2.5 in a decimal column is an overflow of the member, not 2.
    private static decimal Whole(decimal value) => decimal.Truncate(value) == value ? value : throw new OverflowException($"{value} is not a whole number.");
}
