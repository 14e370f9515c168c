using System.Buffers.Binary;
using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

/// <summary>Every way a stored value can be wrong ends in a DecryptionException naming the column and key, never in a value.</summary>
public sealed class TamperTests
{
    private static readonly ColumnLabel Label = new("customers", "ssn");

    private readonly ColumnKeyRing _ring = ColumnKeyRing.Create(TestKeys.Key(3, 0x33));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryFlippedBitIsRefused(bool deterministic)
    {
        var stored = ColumnEncryption.Encrypt(_ring, "123-45-6789", deterministic, Label);
        for (var bit = 0; bit < stored.Length * 8; bit++)
        {
            var altered = (byte[])stored.Clone();
            altered[bit / 8] ^= (byte)(1 << (bit % 8));
            var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, altered, Label));
            AssertNames(e, BinaryPrimitives.ReadInt32BigEndian(altered.AsSpan(2)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryTruncationIsRefused(bool deterministic)
    {
        var stored = ColumnEncryption.Encrypt(_ring, "123-45-6789", deterministic, Label);
        for (var length = 0; length < stored.Length; length++)
        {
            var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, stored[..length], Label));
            if (length < 6)
            {
                Assert.Null(e.KeyId);
                Assert.Contains("key id unknown", e.Message, StringComparison.Ordinal);
                Assert.Equal("customers", e.Table);
                Assert.Equal("ssn", e.Column);
            }
            else
            {
                AssertNames(e, 3);
            }
        }

        AssertNames(Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, [.. stored, 0], Label)), 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnknownKeyIdIsRefused(bool deterministic)
    {
        var other = ColumnKeyRing.Create(TestKeys.Key(7, 0x77));
        var stored = ColumnEncryption.Encrypt(other, 12345, deterministic, Label);
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptInt32(_ring, stored, Label));
        AssertNames(e, 7);
        Assert.Contains("does not hold", e.Message, StringComparison.Ordinal);
        Assert.Contains("keys 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWrongKeyWithTheSameIdIsRefused(bool deterministic)
    {
        var impostor = ColumnKeyRing.Create(TestKeys.Key(3, 0x34));
        var stored = ColumnEncryption.Encrypt(_ring, 12345L, deterministic, Label);
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptInt64(impostor, stored, Label));
        AssertNames(e, 3);
        Assert.Contains("failed authentication", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AValueMovedToAnotherColumnIsRefused(bool deterministic)
    {
        var stored = ColumnEncryption.Encrypt(_ring, "123-45-6789", deterministic, Label);
        var elsewhere = new ColumnLabel("customers", "notes");
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, stored, elsewhere));
        Assert.Equal("notes", e.Column);
        Assert.Contains("'notes'", e.Message, StringComparison.Ordinal);
        Assert.Contains("key id 3", e.Message, StringComparison.Ordinal);

        // The same column name in another table is another column too.
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, stored, new ColumnLabel("employees", "ssn")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TextValuesAreCheckedTheSameWay(bool deterministic)
    {
        var text = ColumnEncryption.EncryptToText(_ring, "123-45-6789", deterministic, Label);
        for (var i = 0; i < text.Length; i++)
        {
            var chars = text.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var altered = new string(chars);
            if (altered == text)
            {
                continue;
            }

            Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptStringFromText(_ring, altered, Label));
        }

        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptStringFromText(_ring, "not base64!", Label));
        Assert.Contains("'ssn'", e.Message, StringComparison.Ordinal);
        Assert.Contains("base64", e.Message, StringComparison.Ordinal);
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptStringFromText(_ring, "", Label));
    }

    [Fact]
    public void LongValuesAreCheckedToo()
    {
        var value = new string('7', 2000);
        foreach (var deterministic in new[] { false, true })
        {
            var stored = ColumnEncryption.Encrypt(_ring, value, deterministic, Label);
            foreach (var position in new[] { 30, 1000, stored.Length - 1 })
            {
                var altered = (byte[])stored.Clone();
                altered[position] ^= 0x80;
                Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, altered, Label));
            }

            Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, stored[..^1], Label));
        }
    }

    [Fact]
    public void LabelsNeedBothNames()
    {
        Assert.Throws<ArgumentException>(() => new ColumnLabel("", "ssn"));
        Assert.Throws<ArgumentNullException>(() => new ColumnLabel("customers", null!));
        Assert.Equal("customers.ssn", Label.ToString());
        Assert.Equal("customers.ssn"u8.ToArray(), Label.Utf8.ToArray());
    }

    private static void AssertNames(DecryptionException e, int keyId)
    {
        Assert.IsAssignableFrom<NeoGenException>(e);
        Assert.Equal("customers", e.Table);
        Assert.Equal("ssn", e.Column);
        Assert.Equal(keyId, e.KeyId);
        Assert.Contains("'customers'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'ssn'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"key id {keyId}", e.Message, StringComparison.Ordinal);
    }
}
