using System;
using System.Security.Cryptography;

namespace NeoGen.Internal;

/// <summary>
/// Random AES-GCM nonces from <see cref="RandomNumberGenerator"/>, drawn a buffer at a time. A call to the system
/// generator costs about the same for 12 bytes as for a kilobyte (it was most of the cost of an encryption), so each
/// thread fills a buffer and hands out each 12-byte slice of it exactly once.
/// </summary>
internal static class NonceSource
{
    private const int BufferLength = CiphertextFormat.NonceLength * 64;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_next;

    /// <summary>Fills <paramref name="nonce"/> with random bytes not handed out before.</summary>
    public static void Fill(Span<byte> nonce)
    {
        var buffer = t_buffer;
        var next = t_next;
        if (buffer is null || next + nonce.Length > buffer.Length)
        {
            buffer ??= t_buffer = new byte[BufferLength];
            RandomNumberGenerator.Fill(buffer);
            next = 0;
        }

        buffer.AsSpan(next, nonce.Length).CopyTo(nonce);
        t_next = next + nonce.Length;
    }
}
