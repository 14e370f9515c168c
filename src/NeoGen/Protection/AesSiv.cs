using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;

namespace NeoGen.Internal;

/// <summary>
/// AES-SIV, RFC 5297: S2V over AES-CMAC with the left half of the key gives the synthetic IV, which is both the tag
/// and, with two bits cleared, the initial counter of AES-CTR under the right half. Equal inputs give equal outputs,
/// which is what makes equality lookups on encrypted columns possible. Key-size generic (32, 48 or 64 bytes:
/// AES-128, -192 or -256 halves) so that the RFC's own vectors run; NeoGen uses 64 bytes. Holds scratch buffers and
/// is not thread-safe: <see cref="NeoGen.ColumnKey"/> keeps one per thread.
/// </summary>
/// <remarks>
/// S2V is incremental here: <see cref="Start"/> and <see cref="Absorb"/> fold the associated data components into
/// the 16-byte state D, and <see cref="Seal"/> and <see cref="Open"/> finish it with the plaintext. A caller that
/// always passes the same leading components can keep D and start from it.
/// </remarks>
internal sealed class AesSiv : IDisposable
{
    /// <summary>The synthetic IV.</summary>
    public const int SivLength = 16;

    private const int ChunkLength = 256;

    private readonly AesCmac _mac;
    private readonly Aes _ctrAes;

    // AES-CTR is ECB over counter blocks: one transform call encrypts a whole chunk of them.
    private readonly ICryptoTransform _ctr;
    private readonly byte[] _zeroMac = new byte[SivLength];
    private readonly byte[] _counters = new byte[ChunkLength];
    private readonly byte[] _keystream = new byte[ChunkLength];

    /// <summary>An AES-SIV with <paramref name="key"/>: 32, 48 or 64 bytes, K1 (S2V) ‖ K2 (CTR).</summary>
    public AesSiv(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (32 or 48 or 64))
        {
            throw new ArgumentException($"An AES-SIV key has 32, 48 or 64 bytes, not {key.Length}.", nameof(key));
        }

        var half = key.Length / 2;
        _mac = new AesCmac(key[..half]);
        _ctrAes = Aes.Create();
        _ctrAes.Key = key[half..].ToArray();
        _ctrAes.Mode = CipherMode.ECB;
        _ctrAes.Padding = PaddingMode.None;
        _ctr = _ctrAes.CreateEncryptor();

        // S2V starts with D = CMAC(<zero>), the same for every input under this key.
        Span<byte> zero = stackalloc byte[SivLength];
        zero.Clear();
        _mac.Compute(zero, _zeroMac);
    }

    /// <summary>Sets <paramref name="state"/> to S2V's initial D.</summary>
    public void Start(Span<byte> state) => _zeroMac.CopyTo(state);

    /// <summary>Folds one associated data component into D: D = dbl(D) ⊕ CMAC(component).</summary>
    public void Absorb(Span<byte> state, ReadOnlySpan<byte> component)
    {
        Span<byte> mac = stackalloc byte[SivLength];
        _mac.Compute(component, mac);
        AesCmac.Double(state, state);
        AesCmac.Xor(state, mac, state);
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> into <paramref name="output"/> (V ‖ C, 16 bytes longer) with the
    /// associated data already folded into <paramref name="state"/>. The plaintext may be <c>output[16..]</c> itself.
    /// </summary>
    public void Seal(ReadOnlySpan<byte> state, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        Debug.Assert(output.Length == plaintext.Length + SivLength, "V ‖ C");
        Span<byte> siv = stackalloc byte[SivLength];
        FinishS2V(state, plaintext, siv);
        Ctr(siv, plaintext, output[SivLength..]);
        siv.CopyTo(output);
    }

    /// <summary>
    /// Decrypts V ‖ C from <paramref name="input"/> into <paramref name="plaintext"/> (16 bytes shorter) and checks
    /// V; on a mismatch the plaintext is zeroed and false returned, so nothing unauthenticated leaves.
    /// </summary>
    public bool Open(ReadOnlySpan<byte> state, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        Debug.Assert(input.Length == plaintext.Length + SivLength, "V ‖ C");
        Span<byte> siv = stackalloc byte[SivLength];
        Span<byte> expected = stackalloc byte[SivLength];
        input[..SivLength].CopyTo(siv);
        Ctr(siv, input[SivLength..], plaintext);
        FinishS2V(state, plaintext, expected);
        if (CryptographicOperations.FixedTimeEquals(siv, expected))
        {
            return true;
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _mac.Dispose();
        _ctr.Dispose();
        _ctrAes.Dispose();
    }

    // RFC 5297 §2.4, the last component: T = Sn xorend D when Sn has a block or more, else T = dbl(D) ⊕ pad(Sn);
    // V = CMAC(T).
    private void FinishS2V(ReadOnlySpan<byte> state, ReadOnlySpan<byte> last, Span<byte> siv)
    {
        if (last.Length >= SivLength)
        {
            _mac.ComputeXorEnd(last, state, siv);
            return;
        }

        Span<byte> t = stackalloc byte[SivLength];
        t.Clear();
        last.CopyTo(t);
        t[last.Length] = 0x80;
        Span<byte> doubled = stackalloc byte[SivLength];
        AesCmac.Double(state, doubled);
        AesCmac.Xor(doubled, t, t);
        _mac.Compute(t, siv);
        CryptographicOperations.ZeroMemory(t);
    }

    // RFC 5297 §2.6/§2.7: Q = V with bits 63 and 31 (counting from the right) cleared, so that implementations with
    // 64- or 32-bit counters agree; the counter blocks are Q, Q+1, ... as a 128-bit big-endian integer.
    private void Ctr(ReadOnlySpan<byte> siv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(siv);
        var low = BinaryPrimitives.ReadUInt64BigEndian(siv[8..]) & ~((1UL << 63) | (1UL << 31));
        for (var offset = 0; offset < input.Length; offset += ChunkLength)
        {
            var length = Math.Min(ChunkLength, input.Length - offset);
            var blocks = (length + AesCmac.BlockLength - 1) / AesCmac.BlockLength;
            for (var block = 0; block < blocks; block++)
            {
                var counter = _counters.AsSpan(block * AesCmac.BlockLength, AesCmac.BlockLength);
                BinaryPrimitives.WriteUInt64BigEndian(counter, high);
                BinaryPrimitives.WriteUInt64BigEndian(counter[8..], low);
                low++;
                if (low == 0)
                {
                    high++;
                }
            }

            _ctr.TransformBlock(_counters, 0, blocks * AesCmac.BlockLength, _keystream, 0);
            var source = input.Slice(offset, length);
            var destination = output.Slice(offset, length);
            for (var i = 0; i < length; i++)
            {
                destination[i] = (byte)(source[i] ^ _keystream[i]);
            }
        }

        CryptographicOperations.ZeroMemory(_keystream.AsSpan(0, Math.Min(ChunkLength, input.Length)));
    }
}
