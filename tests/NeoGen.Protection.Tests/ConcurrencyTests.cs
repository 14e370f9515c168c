using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void ManyThreadsEncryptAndDecryptWithSharedKeys()
    {
        // One ring and label shared by every thread, as in a server: each thread gets its own cipher objects.
        var ring = ColumnKeyRing.Create(TestKeys.Key(1, 0x11)).AddKey();
        var labels = new[] { TestKeys.Email, TestKeys.Phone, new ColumnLabel("orders", "card") };
        var expectedDeterministic = labels.Select(l => ColumnEncryption.Encrypt(ring, "same value", true, l)).ToArray();
        var failures = 0;
        var nonces = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                for (var i = 0; i < 1500; i++)
                {
                    var label = labels[(t + i) % labels.Length];
                    var value = $"thread {t} value {i} " + new string('x', i % 40);
                    var randomized = ColumnEncryption.Encrypt(ring, value, false, label);
                    var deterministic = ColumnEncryption.Encrypt(ring, value, true, label);
                    var old = ColumnEncryption.EncryptUnder(ring.Keys[1], i, label);
                    if (ColumnEncryption.DecryptString(ring, randomized, label) != value
                        || ColumnEncryption.DecryptString(ring, deterministic, label) != value
                        || ColumnEncryption.DecryptInt32(ring, old, label) != i
                        || !ColumnEncryption.Encrypt(ring, "same value", true, label).AsSpan().SequenceEqual(expectedDeterministic[(t + i) % labels.Length])
                        || !nonces.TryAdd(Convert.ToHexString(randomized, 6, 12), 0))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, failures);
        Assert.Equal(8 * 1500, nonces.Count);
    }

    [Fact]
    public async Task ParallelTasksAgreeOnDeterministicCiphertexts()
    {
        var ring = TestKeys.Ring();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            Convert.ToHexString(ColumnEncryption.Encrypt(ring, i % 4, true, TestKeys.Email)))));
        Assert.Equal(4, results.Distinct().Count());
    }
}
