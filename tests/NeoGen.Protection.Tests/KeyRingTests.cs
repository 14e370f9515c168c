using System.Security.Cryptography;
using System.Text.Json;
using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

public sealed class KeyRingTests : IDisposable
{
    private static readonly ColumnLabel Label = TestKeys.Email;

    private readonly string _directory = Directory.CreateTempSubdirectory("neogen-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TheCurrentKeyWritesAndOlderKeysRead()
    {
        var one = ColumnKeyRing.Create(TestKeys.Key(1, 0x11));
        var written = ColumnEncryption.Encrypt(one, "old", false, Label);
        var two = one.AddKey();

        Assert.Equal(2, two.CurrentKey.Id);
        Assert.Equal([2, 1], two.Keys.Select(k => k.Id));
        Assert.Equal(2, ColumnEncryption.KeyIdOf(ColumnEncryption.Encrypt(two, "new", false, Label)));
        Assert.Equal("old", ColumnEncryption.DecryptString(two, written, Label));

        // Rings are immutable: the old one is unchanged.
        Assert.Equal(1, one.CurrentKey.Id);
        Assert.Single(one.Keys);
    }

    [Fact]
    public void CreateTakesTheHighestIdUnlessTold()
    {
        Assert.Equal(5, ColumnKeyRing.Create(TestKeys.Key(2, 2), TestKeys.Key(5, 5), TestKeys.Key(3, 3)).CurrentKey.Id);
        var ring = ColumnKeyRing.Create(3, TestKeys.Key(2, 2), TestKeys.Key(5, 5), TestKeys.Key(3, 3));
        Assert.Equal(3, ring.CurrentKey.Id);
        Assert.Equal([3, 5, 2], ring.Keys.Select(k => k.Id));
    }

    [Fact]
    public void CreateRefusesBadRings()
    {
        Assert.Throws<ArgumentException>(() => ColumnKeyRing.Create());
        Assert.Contains("appears more than once", Assert.Throws<ArgumentException>(() => ColumnKeyRing.Create(TestKeys.Key(1, 1), TestKeys.Key(1, 2))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ColumnKeyRing.Create(9, TestKeys.Key(1, 1)));
    }

    [Fact]
    public void AStagedKeyIsReadableBeforeItIsCurrent()
    {
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11));
        var staged = ring.AddKey(makeCurrent: false);
        Assert.Equal(1, staged.CurrentKey.Id);
        Assert.True(staged.TryGetKey(2, out _));

        var promoted = staged.WithCurrentKey(2);
        var written = ColumnEncryption.Encrypt(promoted, "x", true, Label);
        Assert.Equal(2, ColumnEncryption.KeyIdOf(written));
        Assert.Equal("x", ColumnEncryption.DecryptString(staged, written, Label));
        Assert.Throws<ArgumentException>(() => staged.WithCurrentKey(9));
    }

    [Fact]
    public void RemoveKeyDropsAnOldKeyButRefusesTheCurrentOne()
    {
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11)).AddKey();
        var old = ColumnEncryption.Encrypt(ring.WithCurrentKey(1), "old", false, Label);
        var trimmed = ring.RemoveKey(1);

        Assert.Equal([2], trimmed.Keys.Select(k => k.Id));
        Assert.False(trimmed.TryGetKey(1, out _));
        var e = Assert.Throws<DecryptionException>(() => ColumnEncryption.DecryptString(trimmed, old, Label));
        Assert.Equal(1, e.KeyId);
        Assert.Contains("current key", Assert.Throws<InvalidOperationException>(() => trimmed.RemoveKey(2)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => trimmed.RemoveKey(42));
    }

    [Fact]
    public void WrapAndUnwrapKeepTheDataKeys()
    {
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11)).AddKey().AddKey();
        var stored = ColumnEncryption.Encrypt(ring, "value", true, Label);
        var kek = LocalKeyEncryptionKey.Generate();

        var wrapped = ring.Wrap(kek);
        Assert.Equal([3, 2, 1], wrapped.Select(w => w.Id));
        Assert.All(wrapped, w => Assert.Equal(kek.Id, w.KekId));
        Assert.All(wrapped, w => Assert.False(w.Wrapped.AsSpan().IndexOf(ring.Keys.Single(k => k.Id == w.Id).Material) >= 0));

        var back = ColumnKeyRing.Unwrap(kek, wrapped, 3);
        Assert.Equal(3, back.CurrentKey.Id);
        Assert.Equal(stored, ColumnEncryption.Encrypt(back, "value", true, Label));
        Assert.Equal("value", ColumnEncryption.DecryptString(back, stored, Label));
    }

    [Fact]
    public void RotatingTheKekKeepsEveryValueReadable()
    {
        var path = Path.Combine(_directory, "keys.json");
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11)).AddKey();
        var oldKek = LocalKeyEncryptionKey.Generate();
        var newKek = LocalKeyEncryptionKey.Generate();
        var stored = ColumnEncryption.Encrypt(ring, "survives", false, Label);
        ring.SaveFile(path, oldKek);

        // Unwrap with the old KEK, wrap with the new: no data key and no row changes.
        ColumnKeyRing.FromFile(path, oldKek).SaveFile(path, newKek);
        var rotated = ColumnKeyRing.FromFile(path, newKek);

        Assert.Equal("survives", ColumnEncryption.DecryptString(rotated, stored, Label));
        Assert.Equal(2, rotated.CurrentKey.Id);
        var e = Assert.Throws<CryptographicException>(() => ColumnKeyRing.FromFile(path, oldKek));
        Assert.Contains(oldKek.Id, e.Message, StringComparison.Ordinal);
        Assert.Contains(newKek.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongKekWithTheSameIdFailsClearly()
    {
        var ring = TestKeys.Ring();
        var wrapped = ring.Wrap(LocalKeyEncryptionKey.Generate("prod-kek"));
        var e = Assert.Throws<CryptographicException>(() => ColumnKeyRing.Unwrap(LocalKeyEncryptionKey.Generate("prod-kek"), wrapped, 1));
        Assert.Contains("could not be unwrapped", e.Message, StringComparison.Ordinal);
        Assert.Contains("prod-kek", e.Message, StringComparison.Ordinal);

        var other = Assert.Throws<CryptographicException>(() => ColumnKeyRing.Unwrap(LocalKeyEncryptionKey.Generate("other"), wrapped, 1));
        Assert.Contains("'prod-kek'", other.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrappedKeyIsBoundToItsIdAndKek()
    {
        var kekBytes = RandomNumberGenerator.GetBytes(32);
        var kek = new LocalKeyEncryptionKey(kekBytes);
        var material = RandomNumberGenerator.GetBytes(32);
        var wrapped = kek.WrapKey(1, material);
        Assert.Equal(material, kek.UnwrapKey(1, wrapped));
        Assert.Throws<CryptographicException>(() => kek.UnwrapKey(2, wrapped));

        var altered = (byte[])wrapped.Clone();
        altered[20] ^= 1;
        Assert.Throws<CryptographicException>(() => kek.UnwrapKey(1, altered));
        Assert.Throws<CryptographicException>(() => kek.UnwrapKey(1, wrapped.AsSpan(0, 10)));

        // The same key under another id does not open it either: the id is authenticated.
        var renamed = new LocalKeyEncryptionKey(kekBytes, "renamed");
        Assert.Throws<CryptographicException>(() => renamed.UnwrapKey(1, wrapped));
    }

    [Fact]
    public void FileRoundTrip()
    {
        var path = Path.Combine(_directory, "ring.json");
        var kek = LocalKeyEncryptionKey.Generate();
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11)).AddKey().AddKey(makeCurrent: false);
        ring.SaveFile(path, kek);

        using (var document = JsonDocument.Parse(File.ReadAllText(path)))
        {
            var root = document.RootElement;
            Assert.Equal(kek.Id, root.GetProperty("kek").GetString());
            Assert.Equal(2, root.GetProperty("current").GetInt32());
            Assert.Equal([2, 3, 1], root.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("id").GetInt32()));
            Assert.All(root.GetProperty("keys").EnumerateArray(), k => Convert.FromBase64String(k.GetProperty("wrapped").GetString()!));
        }

        var back = ColumnKeyRing.FromFile(path, kek);
        Assert.Equal(2, back.CurrentKey.Id);
        foreach (var key in ring.Keys)
        {
            Assert.True(back.TryGetKey(key.Id, out var loaded));
            Assert.Equal(key.Material.ToArray(), loaded.Material.ToArray());
        }

        // Saving again replaces the file in one move and leaves no temporary file behind.
        back.AddKey().SaveFile(path, kek);
        Assert.Equal(4, ColumnKeyRing.FromFile(path, kek).CurrentKey.Id);
        Assert.Equal(["ring.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{ \"kek\": \"k\", \"current\": 1, \"keys\": [] }")]
    [InlineData("{ \"kek\": \"k\", \"current\": 1, \"keys\": [ { \"id\": 1 } ] }")]
    [InlineData("{ \"kek\": \"k\", \"current\": 1, \"keys\": [ { \"id\": 0, \"wrapped\": \"AAAA\" } ] }")]
    [InlineData("{ \"kek\": \"k\", \"current\": 1, \"keys\": [ { \"id\": 1, \"wrapped\": \"not base64\" } ] }")]
    [InlineData("{ \"kek\": \"k\", \"current\": 2, \"keys\": [ { \"id\": 1, \"wrapped\": \"AAAA\" } ] }")]
    [InlineData("{ \"kek\": \"k\", \"current\": 1, \"keys\": [ { \"id\": 1, \"wrapped\": \"AAAA\" }, { \"id\": 1, \"wrapped\": \"AAAA\" } ] }")]
    public void MalformedFilesAreRefused(string content)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InvalidDataException>(() => ColumnKeyRing.FromFile(path, LocalKeyEncryptionKey.Generate("k")));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedSaveReportsItsOwnError()
    {
        var path = Path.Combine(_directory, "missing", "ring.json");
        Assert.Throws<DirectoryNotFoundException>(() => TestKeys.Ring().SaveFile(path, LocalKeyEncryptionKey.Generate()));
        Assert.Throws<FileNotFoundException>(() => ColumnKeyRing.FromFile(Path.Combine(_directory, "none.json"), LocalKeyEncryptionKey.Generate()));
    }

    [Fact]
    public void FromEnvironmentReadsTheUnwrappedRing()
    {
        var one = RandomNumberGenerator.GetBytes(32);
        var two = RandomNumberGenerator.GetBytes(32);
        var ring = WithVariable($" 1:{Convert.ToBase64String(one)} ; *2:{Convert.ToBase64String(two)};", ColumnKeyRing.FromEnvironment);
        Assert.Equal(2, ring.CurrentKey.Id);
        Assert.Equal(two, ring.CurrentKey.Material.ToArray());
        Assert.True(ring.TryGetKey(1, out var first));
        Assert.Equal(one, first.Material.ToArray());

        var marked = WithVariable($"*1:{Convert.ToBase64String(one)};2:{Convert.ToBase64String(two)}", ColumnKeyRing.FromEnvironment);
        Assert.Equal(1, marked.CurrentKey.Id);

        var single = WithVariable($"7:{Convert.ToBase64String(one)}", ColumnKeyRing.FromEnvironment);
        Assert.Equal(7, single.CurrentKey.Id);
    }

    [Theory]
    [InlineData("1:{0};2:{1}", "marks none as current")]
    [InlineData("*1:{0};*2:{1}", "already marked")]
    [InlineData("1{0}", "entry 1 has no ':'")]
    [InlineData("x:{0}", "entry 1 does not start with a positive integer key id")]
    [InlineData("0:{0}", "positive integer key id")]
    [InlineData("-1:{0}", "positive integer key id")]
    [InlineData("*1:{0};2:AAAA", "entry 2 (key 2) does not hold 32 bytes")]
    [InlineData("*1:{0};2:not base64!", "entry 2 (key 2) does not hold 32 bytes")]
    [InlineData("*1:{0};1:{1}", "repeats key id 1")]
    [InlineData("*1:{0};;2:{1}", "entry 2 is empty")]
    [InlineData(";", "entry 1 is empty")]
    public void FromEnvironmentExplainsMalformedValues(string pattern, string expected)
    {
        var one = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var two = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, one, two);
        var e = Assert.Throws<FormatException>(() => WithVariable(value, ColumnKeyRing.FromEnvironment));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);

        // Never the key material in an error.
        Assert.DoesNotContain(one, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(two, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironmentNeedsTheVariable()
    {
        var name = "NEOGEN_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        Assert.Contains(name, Assert.Throws<InvalidOperationException>(() => ColumnKeyRing.FromEnvironment(name)).Message, StringComparison.Ordinal);
        Assert.Contains(name, Assert.Throws<InvalidOperationException>(() => LocalKeyEncryptionKey.FromEnvironment(name)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalKekFromEnvironment()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var kek = WithVariable(Convert.ToBase64String(bytes), FromEnvironment);
        var same = new LocalKeyEncryptionKey(bytes);
        Assert.Equal(same.Id, kek.Id);
        Assert.StartsWith("local:", kek.Id, StringComparison.Ordinal);
        Assert.Equal(new byte[32], same.UnwrapKey(5, kek.WrapKey(5, new byte[32])));
        Assert.Equal("mine", WithVariable(Convert.ToBase64String(bytes), n => LocalKeyEncryptionKey.FromEnvironment(n, "mine")).Id);

        Assert.Throws<FormatException>(() => WithVariable(Convert.ToBase64String(new byte[31]), FromEnvironment));
        Assert.Throws<FormatException>(() => WithVariable(Convert.ToBase64String(new byte[33]), FromEnvironment));
        Assert.Throws<FormatException>(() => WithVariable("not base64", FromEnvironment));
    }

    [Fact]
    public void KeysRefuseBadInputAndNeverPrintTheirMaterial()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnKey(0, new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnKey(-1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new ColumnKey(1, new byte[16]));
        Assert.Throws<ArgumentException>(() => new LocalKeyEncryptionKey(new byte[16]));

        var key = ColumnKey.Generate(4);
        var material = key.Material.ToArray();
        Assert.Equal("ColumnKey 4", key.ToString());
        var ring = ColumnKeyRing.Create(key);
        foreach (var text in new[] { key.ToString(), ring.ToString() })
        {
            Assert.DoesNotContain(Convert.ToBase64String(material), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(material), text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotEqual(material, ColumnKey.Generate(4).Material.ToArray());
    }

    private static T WithVariable<T>(string value, Func<string, T> read)
    {
        var name = "NEOGEN_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return read(name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    private static LocalKeyEncryptionKey FromEnvironment(string variable) => LocalKeyEncryptionKey.FromEnvironment(variable);
}
