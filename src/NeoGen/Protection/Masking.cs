using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NeoGen;

/// <summary>
/// Masks personal values for display and logs (what <see cref="MaskedAttribute"/> members show in <c>ToMasked()</c>
/// and <c>ToString()</c>). Masks never reveal more than half of a value and never its length beyond what a format
/// needs.
/// </summary>
/// <remarks>
/// <para>
/// Every method works on text elements (grapheme clusters, <see cref="StringInfo"/>), so an emoji, a letter with
/// combining marks or a CJK character is kept or hidden whole, never split. A null gives null and an empty string an
/// empty string; anything else gives a non-empty mask. The mask character is <c>*</c>.
/// </para>
/// <para>
/// Masking is for display; it is not encryption. <see cref="Hash(string?, ReadOnlySpan{byte})"/> is keyed so that a short value cannot be found by
/// hashing guesses without the key.
/// </para>
/// </remarks>
public static class Masking
{
    /// <summary>The character that stands for hidden text.</summary>
    public const char MaskCharacter = '*';

    /// <summary>What <see cref="Full"/> gives for any non-empty value: four stars, whatever the value's length.</summary>
    public const string FullMask = "****";

    // What stands for the hidden middle of Partial and the hidden local part of Email, whatever its length.
    private const string Hidden = "***";

    /// <summary>
    /// Hides the whole value: <see cref="FullMask"/> (<c>****</c>) for any non-empty value, so not even its length shows.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string? Full(string? value) => value is null ? null : value.Length == 0 ? "" : FullMask;

    /// <summary>
    /// Keeps the first <paramref name="keepStart"/> and last <paramref name="keepEnd"/> text elements and replaces the
    /// rest with <c>***</c> whatever its length: <c>Jonathan</c> → <c>J***n</c>. At most half of the value's text
    /// elements are kept, the start's first: a value of one element shows none (<c>***</c>), <c>Jo</c> shows
    /// <c>J***</c>.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="keepStart">Text elements kept at the start, zero or more.</param>
    /// <param name="keepEnd">Text elements kept at the end, zero or more.</param>
    public static string? Partial(string? value, int keepStart = 1, int keepEnd = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepStart);
        ArgumentOutOfRangeException.ThrowIfNegative(keepEnd);
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var elements = CountTextElements(value);
        var allowed = elements / 2;
        var start = Math.Min(keepStart, allowed);
        var end = Math.Min(keepEnd, allowed - start);
        var startLength = LengthOfFirst(value, start);
        var endStart = StartOfLast(value, elements, end);
        return string.Concat(value.AsSpan(0, startLength), Hidden, value.AsSpan(endStart));
    }

    /// <summary>
    /// Masks an e-mail address's local part and keeps its domain: <c>john.doe@example.com</c> →
    /// <c>j***@example.com</c>. A one-element local part is hidden whole (<c>***@example.com</c>). A value that is not
    /// an address (no <c>@</c>, nothing before or after the last one, or white space or control characters) is masked
    /// fully.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string? Email(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || HasSpaceOrControl(value))
        {
            return FullMask;
        }

        var local = value.AsSpan(0, at);
        var shown = CountTextElements(local) > 1 ? StringInfo.GetNextTextElementLength(local) : 0;
        return string.Concat(local[..shown], Hidden, value.AsSpan(at));
    }

    /// <summary>
    /// Masks a phone number's digits but the last four, keeping its separators (space, <c>-</c>, <c>.</c>, <c>(</c>,
    /// <c>)</c>, <c>+</c>, <c>/</c>) so its shape stays readable: <c>555-123-4567</c> → <c>***-***-4567</c>,
    /// <c>+44 20 7946 0958</c> → <c>+** ** **** 0958</c>. Never more than half of the digits show: a number of seven
    /// digits keeps three. Any other character becomes <c>*</c>; a value without digits is masked fully.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string? Phone(string? value) => MaskDigits(value, 4, " -.()+/");

    /// <summary>
    /// Masks a payment card number's digits but the last four, keeping spaces and hyphens:
    /// <c>4111 1111 1111 1111</c> → <c>**** **** **** 1111</c>. PCI DSS allows at most the first six and the last four
    /// digits to be shown; this shows less, the last four only, and never more than half of the digits, so a short
    /// number shows fewer. Any other character becomes <c>*</c>; a value without digits is masked fully.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string? CardNumber(string? value) => MaskDigits(value, 4, " -");

    /// <summary>
    /// <see cref="Hash(string?, ReadOnlySpan{byte})"/> under the process's masking key: the one given to
    /// <see cref="UseHashKey"/>, or else a random key made once per process (hashes then correlate within one process
    /// only). What generated <c>ToMasked()</c> and <c>ToString()</c> use for <c>[Masked(MaskKind.Hash)]</c>.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string? Hash(string? value) => Hash(value, s_hashKey ?? DefaultHashKey.Value);

    /// <summary>Sets the key of <see cref="Hash(string?)"/> (at least 16 bytes; keep it secret and the same across processes to correlate their logs).</summary>
    /// <param name="key">The HMAC key.</param>
    public static void UseHashKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException($"The masking hash key has {key.Length} bytes; it needs at least 16 (32 random bytes recommended).", nameof(key));
        }

        s_hashKey = key.ToArray();
    }

    private static byte[]? s_hashKey;

    private static class DefaultHashKey
    {
        public static readonly byte[] Value = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>
    /// Replaces the value with a stable keyed hash: <c>#</c> and the first 16 hex digits (64 bits) of the
    /// HMAC-SHA-256 of its UTF-8 under <paramref name="key"/>. Equal values give equal hashes, so masked logs can
    /// still be correlated, but without the key a hash cannot be checked against guesses.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="key">The HMAC key, at least 16 bytes (32 random bytes recommended); the same key gives the same hashes.</param>
    public static string? Hash(string? value, ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException($"The masking hash key has {key.Length} bytes; it needs at least 16 (32 random bytes recommended).", nameof(key));
        }

        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var utf8 = Encoding.UTF8.GetBytes(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, utf8, mac);
        Span<char> text = stackalloc char[17];
        text[0] = '#';
        for (var i = 0; i < 8; i++)
        {
            text[1 + (2 * i)] = HexDigit(mac[i] >> 4);
            text[2 + (2 * i)] = HexDigit(mac[i] & 0xF);
        }

        return new string(text);
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    // Digits (text elements whose first character is a Unicode decimal digit) are hidden except the last ones, at most
    // `keep` and at most half; separators stay; anything else is hidden.
    private static string? MaskDigits(string? value, int keep, string separators)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var digits = 0;
        for (var rest = value.AsSpan(); !rest.IsEmpty;)
        {
            var length = StringInfo.GetNextTextElementLength(rest);
            if (IsDigit(rest[..length]))
            {
                digits++;
            }

            rest = rest[length..];
        }

        if (digits == 0)
        {
            return FullMask;
        }

        var shown = Math.Min(keep, digits / 2);
        var builder = new StringBuilder(value.Length);
        var seen = 0;
        for (var rest = value.AsSpan(); !rest.IsEmpty;)
        {
            var length = StringInfo.GetNextTextElementLength(rest);
            var element = rest[..length];
            if (IsDigit(element))
            {
                seen++;
                if (seen > digits - shown)
                {
                    builder.Append(element);
                }
                else
                {
                    builder.Append(MaskCharacter);
                }
            }
            else if (length == 1 && separators.Contains(element[0]))
            {
                builder.Append(element[0]);
            }
            else
            {
                builder.Append(MaskCharacter);
            }

            rest = rest[length..];
        }

        return builder.ToString();
    }

    private static bool IsDigit(ReadOnlySpan<char> element)
        => Rune.DecodeFromUtf16(element, out var rune, out _) == System.Buffers.OperationStatus.Done && Rune.IsDigit(rune);

    private static bool HasSpaceOrControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountTextElements(ReadOnlySpan<char> value)
    {
        var count = 0;
        while (!value.IsEmpty)
        {
            value = value[StringInfo.GetNextTextElementLength(value)..];
            count++;
        }

        return count;
    }

    // The length in chars of the first `count` text elements.
    private static int LengthOfFirst(ReadOnlySpan<char> value, int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length += StringInfo.GetNextTextElementLength(value[length..]);
        }

        return length;
    }

    // The char index where the last `count` of the value's `elements` text elements start.
    private static int StartOfLast(ReadOnlySpan<char> value, int elements, int count) => LengthOfFirst(value, elements - count);
}
