using System.Buffers.Binary;
using System.Globalization;
using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

public sealed class ColumnEncryptionTests
{
    private static readonly ColumnLabel Label = TestKeys.Email;

    private readonly ColumnKeyRing _ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11), TestKeys.Key(2, 0x22));

    [Fact]
    public void RandomizedEncryptionsDifferAndBothDecrypt()
    {
        var a = ColumnEncryption.Encrypt(_ring, "alice@example.com", false, Label);
        var b = ColumnEncryption.Encrypt(_ring, "alice@example.com", false, Label);
        Assert.NotEqual(a, b);
        Assert.Equal("alice@example.com", ColumnEncryption.DecryptString(_ring, a, Label));
        Assert.Equal("alice@example.com", ColumnEncryption.DecryptString(_ring, b, Label));
    }

    [Fact]
    public void DeterministicEncryptionsOfEqualValuesAreEqual()
    {
        var a = ColumnEncryption.Encrypt(_ring, "alice@example.com", true, Label);
        var b = ColumnEncryption.Encrypt(_ring, "alice@example.com", true, Label);
        Assert.Equal(a, b);
        Assert.Equal(
            ColumnEncryption.EncryptToText(_ring, "alice@example.com", true, Label),
            ColumnEncryption.EncryptToText(_ring, "alice@example.com", true, Label));
        Assert.NotEqual(a, ColumnEncryption.Encrypt(_ring, "bob@example.com", true, Label));
    }

    [Fact]
    public void DeterministicCiphertextsDependOnTheColumnAndTheKey()
    {
        var email = ColumnEncryption.Encrypt(_ring, "x", true, TestKeys.Email);
        Assert.NotEqual(email, ColumnEncryption.Encrypt(_ring, "x", true, TestKeys.Phone));
        Assert.NotEqual(email, ColumnEncryption.Encrypt(_ring, "x", true, new ColumnLabel("customers", "email")));
        Assert.NotEqual(email, ColumnEncryption.EncryptUnder(_ring.Keys[1], "x", Label));
    }

    [Fact]
    public void EncryptUnderTheCurrentKeyIsTheDeterministicEncryption()
    {
        Assert.Equal(ColumnEncryption.Encrypt(_ring, 42L, true, Label), ColumnEncryption.EncryptUnder(_ring.CurrentKey, 42L, Label));
        Assert.Equal(ColumnEncryption.EncryptToText(_ring, 42L, true, Label), ColumnEncryption.EncryptToTextUnder(_ring.CurrentKey, 42L, Label));
    }

    [Fact]
    public void EncryptUnderAnOldKeyDecryptsWithTheRing()
    {
        var old = _ring.Keys.Single(k => k.Id == 1);
        var stored = ColumnEncryption.EncryptUnder(old, "kept", Label);
        Assert.Equal(1, ColumnEncryption.KeyIdOf(stored));
        Assert.Equal("kept", ColumnEncryption.DecryptString(_ring, stored, Label));
    }

    [Theory]
    [InlineData(false, 1 + 1 + 4 + 12 + 5 + 16, 1)]
    [InlineData(true, 1 + 1 + 4 + 16 + 5, 2)]
    public void TheLayoutIsHeaderThenNonceOrSiv(bool deterministic, int length, byte algorithm)
    {
        var stored = ColumnEncryption.Encrypt(_ring, "hello", deterministic, Label);
        Assert.Equal(length, stored.Length);
        Assert.Equal(1, stored[0]);
        Assert.Equal(algorithm, stored[1]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(stored.AsSpan(2)));
    }

    [Fact]
    public void TextColumnsHoldTheBase64OfTheBinaryForm()
    {
        var text = ColumnEncryption.EncryptToText(_ring, "hello", true, Label);
        Assert.Equal(ColumnEncryption.Encrypt(_ring, "hello", true, Label), Convert.FromBase64String(text));
    }

    [Fact]
    public void KeyIdsAreReadFromTheHeader()
    {
        var stored = ColumnEncryption.Encrypt(_ring, 5, false, Label);
        var text = ColumnEncryption.EncryptToText(_ring, 5, false, Label);
        Assert.Equal(2, ColumnEncryption.KeyIdOf(stored));
        Assert.Equal(2, ColumnEncryption.KeyIdOfText(text));
        Assert.True(ColumnEncryption.IsUnderKey(stored, 2));
        Assert.False(ColumnEncryption.IsUnderKey(stored, 1));
        Assert.True(ColumnEncryption.IsUnderKeyText(text, 2));
        Assert.True(ColumnEncryption.IsUnderCurrentKey(_ring, stored));
        Assert.True(ColumnEncryption.IsUnderCurrentKeyText(_ring, text));

        var rotated = _ring.AddKey();
        Assert.False(ColumnEncryption.IsUnderCurrentKey(rotated, stored));
        Assert.False(ColumnEncryption.IsUnderCurrentKeyText(rotated, text));
    }

    [Fact]
    public void KeyIdOfRefusesWhatIsNotACiphertext()
    {
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.KeyIdOf([1, 1, 0], Label));
        Assert.Contains("'email'", e.Message, StringComparison.Ordinal);
        Assert.Null(e.KeyId);
        Assert.Throws<DecryptionException>(() => ColumnEncryption.KeyIdOf([9, 1, 0, 0, 0, 1]));
        Assert.Throws<DecryptionException>(() => ColumnEncryption.KeyIdOfText("AQE"));
        Assert.Throws<DecryptionException>(() => ColumnEncryption.KeyIdOfText("!!!!!!!!!!!!"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReencryptMovesAValueToTheCurrentKeyInTheSameMode(bool deterministic)
    {
        var old = ColumnKeyRing.Create(TestKeys.Key(1, 0x11));
        var stored = ColumnEncryption.Encrypt(old, "rotate me", deterministic, Label);
        var rotated = ColumnKeyRing.Create(TestKeys.Key(1, 0x11), TestKeys.Key(2, 0x22));

        var moved = ColumnEncryption.Reencrypt(rotated, stored, Label);
        Assert.Equal(2, ColumnEncryption.KeyIdOf(moved));
        Assert.Equal(stored[1], moved[1]);
        Assert.Equal("rotate me", ColumnEncryption.DecryptString(rotated, moved, Label));
        if (deterministic)
        {
            Assert.Equal(ColumnEncryption.Encrypt(rotated, "rotate me", true, Label), moved);
        }

        var text = ColumnEncryption.ReencryptText(rotated, Convert.ToBase64String(stored), Label);
        Assert.Equal("rotate me", ColumnEncryption.DecryptStringFromText(rotated, text, Label));
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(old, moved, Label));
    }

    [Fact]
    public void Strings()
    {
        var long300 = new string('x', 300);
        var values = new[] { "", "a", "héllo wörld", "日本語のテキスト", "👩‍👩‍👧‍👦 family", "e\u0301", "\0", long300, string.Concat(Enumerable.Repeat("ab€𝄞", 500)) };
        Check(values, ColumnEncryption.Encrypt, ColumnEncryption.DecryptString, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptStringFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);
    }

    [Fact]
    public void LoneSurrogatesAreRefusedRatherThanAltered()
    {
        var e = Assert.Throws<ArgumentException>(() => ColumnEncryption.Encrypt(_ring, "a\uD800b", false, Label));
        Assert.Contains("'email'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ColumnEncryption.EncryptToText(_ring, "\uDC00", true, Label));
    }

    [Fact]
    public void ByteArrays()
    {
        var values = new[] { Array.Empty<byte>(), [0], [255, 0, 1], Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray() };
        Check(values, ColumnEncryption.Encrypt, ColumnEncryption.DecryptBytes, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptBytesFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder, Convert.ToHexString);
    }

    [Fact]
    public void Booleans()
        => Check([false, true], ColumnEncryption.Encrypt, ColumnEncryption.DecryptBoolean, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptBooleanFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Bytes()
        => Check<byte>([0, 1, 127, 128, 255], ColumnEncryption.Encrypt, ColumnEncryption.DecryptByte, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptByteFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Int16s()
        => Check<short>([0, 1, -1, short.MinValue, short.MaxValue], ColumnEncryption.Encrypt, ColumnEncryption.DecryptInt16, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptInt16FromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Int32s()
        => Check([0, 1, -1, -123456789, int.MinValue, int.MaxValue], ColumnEncryption.Encrypt, ColumnEncryption.DecryptInt32, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptInt32FromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Int64s()
        => Check([0L, 1L, -1L, long.MinValue, long.MaxValue, -9_007_199_254_740_993L], ColumnEncryption.Encrypt, ColumnEncryption.DecryptInt64, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptInt64FromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Decimals()
    {
        // The scale survives (the invariant string shows it): 1.00 comes back as 1.00, not 1.
        var values = new[] { 0m, 0.0m, 1.00m, -1.5m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -79228162514264337593543950.335m, 123456789.123456789m };
        Check(values, ColumnEncryption.Encrypt, ColumnEncryption.DecryptDecimal, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptDecimalFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder, d => d.ToString(CultureInfo.InvariantCulture));
        Assert.NotEqual(ColumnEncryption.Encrypt(_ring, 1.0m, true, Label), ColumnEncryption.Encrypt(_ring, 1.00m, true, Label));
    }

    [Fact]
    public void Guids()
        => Check([Guid.Empty, new Guid("00112233-4455-6677-8899-aabbccddeeff"), Guid.NewGuid(), new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff")], ColumnEncryption.Encrypt, ColumnEncryption.DecryptGuid, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptGuidFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void DateTimesComeBackAsTheSameInstantInUtc()
    {
        var utc = new DateTime(2024, 2, 29, 13, 45, 30, 123, DateTimeKind.Utc).AddTicks(4567);
        var local = new DateTime(2024, 7, 1, 8, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var cases = new (DateTime Value, DateTime Expected)[]
        {
            (utc, utc),
            (local, local.ToUniversalTime()),
            (unspecified, DateTime.SpecifyKind(unspecified, DateTimeKind.Utc)),
            (DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)),
            (DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)),
            (DateTime.MinValue, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)),
        };
        foreach (var (value, expected) in cases)
        {
            foreach (var deterministic in new[] { false, true })
            {
                var back = ColumnEncryption.DecryptDateTime(_ring, ColumnEncryption.Encrypt(_ring, value, deterministic, Label), Label);
                Assert.Equal(DateTimeKind.Utc, back.Kind);
                Assert.Equal(expected.Ticks, back.Ticks);
                var text = ColumnEncryption.DecryptDateTimeFromText(_ring, ColumnEncryption.EncryptToText(_ring, value, deterministic, Label), Label);
                Assert.Equal(expected.Ticks, text.Ticks);
                Assert.Equal(DateTimeKind.Utc, text.Kind);
            }
        }

        // The kind does not change a deterministic ciphertext: an unspecified time is the same instant as UTC.
        Assert.Equal(ColumnEncryption.Encrypt(_ring, utc, true, Label), ColumnEncryption.Encrypt(_ring, DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), true, Label));
    }

    [Fact]
    public void DateTimeOffsets()
    {
        var values = new[]
        {
            new DateTimeOffset(2024, 3, 10, 2, 30, 0, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(2024, 3, 10, 2, 30, 0, TimeSpan.FromHours(-8)),
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)),
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            DateTimeOffset.UtcNow,
        };
        Check(values, ColumnEncryption.Encrypt, ColumnEncryption.DecryptDateTimeOffset, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptDateTimeOffsetFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder, v => (v.UtcTicks, v.Offset));
    }

    [Fact]
    public void DateOnlys()
        => Check([DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2024, 2, 29), new DateOnly(1970, 1, 1)], ColumnEncryption.Encrypt, ColumnEncryption.DecryptDateOnly, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptDateOnlyFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void TimeOnlys()
        => Check([TimeOnly.MinValue, TimeOnly.MaxValue, new TimeOnly(12, 34, 56, 789), new TimeOnly(23, 59, 59)], ColumnEncryption.Encrypt, ColumnEncryption.DecryptTimeOnly, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptTimeOnlyFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder);

    [Fact]
    public void Doubles()
    {
        // Every bit survives: -0.0 stays negative, NaN stays NaN.
        var values = new[] { 0.0, -0.0, 1.5, -3.25e-300, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.PI };
        Check(values, ColumnEncryption.Encrypt, ColumnEncryption.DecryptDouble, ColumnEncryption.EncryptToText, ColumnEncryption.DecryptDoubleFromText, ColumnEncryption.EncryptUnder, ColumnEncryption.EncryptToTextUnder, d => BitConverter.DoubleToInt64Bits(d));
    }

    [Fact]
    public void NullsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.Encrypt(_ring, (string)null!, false, Label));
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.Encrypt(_ring, (byte[])null!, true, Label));
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.Encrypt(null!, 1, true, Label));
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.Encrypt(_ring, 1, true, null!));
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.DecryptInt32(_ring, null!, Label));
        Assert.Throws<ArgumentNullException>(() => ColumnEncryption.DecryptInt32FromText(_ring, null!, Label));
    }

    [Fact]
    public void AValueOfAnotherTypeIsADecryptionError()
    {
        var stored = ColumnEncryption.Encrypt(_ring, 7, false, Label);
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptInt64(_ring, stored, Label));
        Assert.Contains("long", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.KeyId);
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptBoolean(_ring, ColumnEncryption.Encrypt(_ring, (byte)2, false, Label), Label));
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(_ring, ColumnEncryption.Encrypt(_ring, new byte[] { 0xFF, 0xFE }, false, Label), Label));
        Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptDecimal(_ring, ColumnEncryption.Encrypt(_ring, Enumerable.Repeat((byte)0xFF, 16).ToArray(), false, Label), Label));
    }

    [Fact]
    public void TheEncodingsAreFixed()
    {
        // Part of the stored format: these bytes must never change.
        Assert.Equal("00112233445566778899aabbccddeeff", Encoded<GuidCodec, Guid>(new Guid("00112233-4455-6677-8899-aabbccddeeff")));
        Assert.Equal("fffffffe", Encoded<Int32Codec, int>(-2));
        Assert.Equal("8000", Encoded<Int16Codec, short>(short.MinValue));
        Assert.Equal("00000000000000ff", Encoded<Int64Codec, long>(255));
        Assert.Equal("01", Encoded<BooleanCodec, bool>(true));
        Assert.Equal("c3a9", Encoded<StringCodec, string>("é"));

        // 1.50m: integer 150, scale 2; -1.5m: integer 15, scale 1, sign bit.
        Assert.Equal("00000096" + "00000000" + "00000000" + "00020000", Encoded<DecimalCodec, decimal>(1.50m));
        Assert.Equal("0000000f" + "00000000" + "00000000" + "80010000", Encoded<DecimalCodec, decimal>(-1.5m));

        var instant = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(instant.Ticks.ToString("x16", CultureInfo.InvariantCulture) + "01", Encoded<DateTimeCodec, DateTime>(instant));
        Assert.Equal(instant.Ticks.ToString("x16", CultureInfo.InvariantCulture) + "ff4c", Encoded<DateTimeOffsetCodec, DateTimeOffset>(new DateTimeOffset(instant).ToOffset(TimeSpan.FromHours(-3))));
        Assert.Equal("000b4680", Encoded<DateOnlyCodec, DateOnly>(new DateOnly(2024, 2, 29)));
        Assert.Equal("0000000000000000", Encoded<TimeOnlyCodec, TimeOnly>(TimeOnly.MinValue));
        Assert.Equal("3ff8000000000000", Encoded<DoubleCodec, double>(1.5));
    }

    private static string Encoded<TCodec, T>(T value)
        where TCodec : IValueCodec<T>
    {
        var bytes = new byte[TCodec.SizeOf(value)];
        TCodec.Write(value, bytes);
        return Hex.Of(bytes);
    }

    private void Check<T>(
        T[] values,
        Func<IColumnKeyProvider, T, bool, ColumnLabel, byte[]> encrypt,
        Func<IColumnKeyProvider, byte[], ColumnLabel, T> decrypt,
        Func<IColumnKeyProvider, T, bool, ColumnLabel, string> encryptToText,
        Func<IColumnKeyProvider, string, ColumnLabel, T> decryptFromText,
        Func<ColumnKey, T, ColumnLabel, byte[]> encryptUnder,
        Func<ColumnKey, T, ColumnLabel, string> encryptToTextUnder,
        Func<T, object?>? observe = null)
    {
        observe ??= v => v;
        foreach (var value in values)
        {
            foreach (var deterministic in new[] { false, true })
            {
                var stored = encrypt(_ring, value, deterministic, Label);
                Assert.Equal(observe(value), observe(decrypt(_ring, stored, Label)));
                var text = encryptToText(_ring, value, deterministic, Label);
                Assert.Equal(observe(value), observe(decryptFromText(_ring, text, Label)));
            }

            foreach (var key in _ring.Keys)
            {
                var stored = encryptUnder(key, value, Label);
                Assert.Equal(key.Id, ColumnEncryption.KeyIdOf(stored));
                Assert.Equal(observe(value), observe(decrypt(_ring, stored, Label)));
                Assert.Equal(observe(value), observe(decryptFromText(_ring, encryptToTextUnder(key, value, Label), Label)));
            }
        }
    }
}
