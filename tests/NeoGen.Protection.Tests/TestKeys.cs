using NeoGen.Internal;

namespace NeoGen.Protection.Tests;

internal static class TestKeys
{
    public static readonly ColumnLabel Email = new("users", "email");

    public static readonly ColumnLabel Phone = new("users", "phone");

    public static ColumnKey Key(int id, byte fill) => new(id, Enumerable.Repeat(fill, ColumnKey.MaterialLength).ToArray());

    public static ColumnKeyRing Ring() => ColumnKeyRing.Create(Key(1, 0x11));
}
