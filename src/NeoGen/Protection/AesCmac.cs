using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace NeoGen.Internal;

/// <summary>
/// AES-CMAC as RFC 4493 (NIST SP 800-38B) defines it, over the BCL's AES block cipher. One instance holds one key and
/// scratch buffers, so it is not thread-safe: <see cref="NeoGen.ColumnKey"/> keeps one per thread.
/// </summary>
internal sealed class AesCmac : IDisposable
{
    /// <summary>The AES block length.</summary>
    public const int BlockLength = 16;

    // A CBC one-shot costs about five single-block ECB transforms, so the chain of a long message goes through CBC
    // (CBC with a zero IV is the CBC-MAC that CMAC is defined on) and a short one block by block.
    private const int CbcThresholdBlocks = 6;
    private const int ChunkLength = 256;

    private readonly Aes _aes;

    // The ECB transform keeps its native context and key schedule between calls; Aes.EncryptEcb, the one-shot, was
    // measured at about five times the cost of TransformBlock per block on OpenSSL 3.
    private readonly ICryptoTransform _ecb;
    private readonly byte[] _k1 = new byte[BlockLength];
    private readonly byte[] _k2 = new byte[BlockLength];
    private readonly byte[] _input = new byte[BlockLength];
    private readonly byte[] _state = new byte[BlockLength];
    private readonly byte[] _chunk = new byte[ChunkLength];

    /// <summary>A CMAC with <paramref name="key"/>, 16, 24 or 32 bytes.</summary>
    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"An AES key has 16, 24 or 32 bytes, not {key.Length}.", nameof(key));
        }

        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _ecb = _aes.CreateEncryptor();

        // RFC 4493 §2.3: L = AES-K(0^128), K1 = dbl(L), K2 = dbl(K1).
        Span<byte> l = stackalloc byte[BlockLength];
        l.Clear();
        EncryptBlock(l, l);
        Double(l, _k1);
        Double(_k1, _k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>AES-K of one block.</summary>
    public void EncryptBlock(ReadOnlySpan<byte> block, Span<byte> destination)
    {
        block.CopyTo(_input);
        _ecb.TransformBlock(_input, 0, BlockLength, _input, 0);
        _input.CopyTo(destination);
    }

    /// <summary>The 16-byte CMAC of <paramref name="message"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> tag)
    {
        // Every block but the last one goes through the chain; the last (possibly empty or partial) one is finished
        // with a subkey.
        var bodyLength = message.Length == 0 ? 0 : (message.Length - 1) / BlockLength * BlockLength;
        _state.AsSpan().Clear();
        Chain(message[..bodyLength]);
        Finish(message[bodyLength..], tag);
    }

    /// <summary>
    /// The CMAC of <paramref name="message"/> with its last 16 bytes xored with <paramref name="end"/>: S2V's
    /// "Sn xorend D" (RFC 5297 §2.4). Only the one or two blocks those bytes fall in are copied.
    /// </summary>
    public void ComputeXorEnd(ReadOnlySpan<byte> message, ReadOnlySpan<byte> end, Span<byte> tag)
    {
        Debug.Assert(message.Length >= BlockLength && end.Length == BlockLength, "xorend needs a message of a block or more");
        var bodyLength = (message.Length - BlockLength) / BlockLength * BlockLength;
        var source = message[bodyLength..];
        Span<byte> tail = stackalloc byte[2 * BlockLength];
        tail = tail[..source.Length];
        source.CopyTo(tail);
        Xor(tail[^BlockLength..], end, tail[^BlockLength..]);

        _state.AsSpan().Clear();
        Chain(message[..bodyLength]);
        var tailBody = (tail.Length - 1) / BlockLength * BlockLength;
        Chain(tail[..tailBody]);
        Finish(tail[tailBody..], tag);
        CryptographicOperations.ZeroMemory(tail);
    }

    /// <summary>x·2 in GF(2^128) as RFC 4493 and RFC 5297 define dbl; branch-free, since its inputs derive from the key.</summary>
    public static void Double(ReadOnlySpan<byte> value, Span<byte> result)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(value);
        var low = BinaryPrimitives.ReadUInt64BigEndian(value[8..]);
        var carry = high >> 63;
        high = (high << 1) | (low >> 63);
        low = (low << 1) ^ (0x87UL & (0UL - carry));
        BinaryPrimitives.WriteUInt64BigEndian(result, high);
        BinaryPrimitives.WriteUInt64BigEndian(result[8..], low);
    }

    /// <summary>result = a ⊕ b, one block.</summary>
    public static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result)
        => (Vector128.Create(a) ^ Vector128.Create(b)).CopyTo(result);

    /// <inheritdoc/>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
        _ecb.Dispose();
        _aes.Dispose();
    }

    // state = AES-K(state ⊕ block) for each whole block.
    private void Chain(ReadOnlySpan<byte> blocks)
    {
        Debug.Assert(blocks.Length % BlockLength == 0, "whole blocks only");
        while (blocks.Length >= CbcThresholdBlocks * BlockLength)
        {
            var length = Math.Min(blocks.Length, ChunkLength);
            _aes.EncryptCbc(blocks[..length], _state, _chunk, PaddingMode.None);
            _chunk.AsSpan(length - BlockLength, BlockLength).CopyTo(_state);
            blocks = blocks[length..];
        }

        for (var offset = 0; offset < blocks.Length; offset += BlockLength)
        {
            Xor(_state, blocks.Slice(offset, BlockLength), _input);
            _ecb.TransformBlock(_input, 0, BlockLength, _state, 0);
        }
    }

    // RFC 4493 §2.4 steps 4 and 6: a complete last block is xored with K1; an incomplete one is padded with 10* and
    // xored with K2.
    private void Finish(ReadOnlySpan<byte> last, Span<byte> tag)
    {
        Debug.Assert(last.Length <= BlockLength, "one block at most");
        Span<byte> block = stackalloc byte[BlockLength];
        if (last.Length == BlockLength)
        {
            Xor(last, _k1, block);
        }
        else
        {
            block.Clear();
            last.CopyTo(block);
            block[last.Length] = 0x80;
            Xor(block, _k2, block);
        }

        Xor(_state, block, _input);
        _ecb.TransformBlock(_input, 0, BlockLength, _state, 0);
        _state.AsSpan().CopyTo(tag);
        CryptographicOperations.ZeroMemory(block);
    }
}
