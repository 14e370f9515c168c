using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NeoGen.Internal;

/// <summary>
/// The fixed, culture-independent encoding of one type as the plaintext of an encrypted column. Part of the stored
/// format: changing an encoding makes existing values unreadable.
/// </summary>
internal interface IValueCodec<T>
{
    /// <summary>The type's name, for errors.</summary>
    static abstract string TypeName { get; }

    /// <summary>The exact length of the encoding of <paramref name="value"/>.</summary>
    static abstract int SizeOf(T value);

    /// <summary>Writes the encoding, exactly <see cref="SizeOf"/> bytes.</summary>
    static abstract void Write(T value, Span<byte> destination);

    /// <summary>Reads an encoding; false when the bytes are not one (the column's type changed).</summary>
    static abstract bool TryRead(ReadOnlySpan<byte> source, [MaybeNullWhen(false)] out T value);
}

/// <summary>UTF-8, strict both ways: a lone surrogate is refused rather than silently replaced.</summary>
internal readonly struct StringCodec : IValueCodec<string>
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string TypeName => "string";

    public static int SizeOf(string value) => s_strict.GetByteCount(value);

    public static void Write(string value, Span<byte> destination) => s_strict.GetBytes(value, destination);

    public static bool TryRead(ReadOnlySpan<byte> source, [MaybeNullWhen(false)] out string value)
    {
        try
        {
            value = s_strict.GetString(source);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = null;
            return false;
        }
    }
}

/// <summary>The bytes as they are.</summary>
internal readonly struct BytesCodec : IValueCodec<byte[]>
{
    public static string TypeName => "byte[]";

    public static int SizeOf(byte[] value) => value.Length;

    public static void Write(byte[] value, Span<byte> destination) => value.CopyTo(destination);

    public static bool TryRead(ReadOnlySpan<byte> source, [MaybeNullWhen(false)] out byte[] value)
    {
        value = source.ToArray();
        return true;
    }
}

/// <summary>One byte, 0 or 1.</summary>
internal readonly struct BooleanCodec : IValueCodec<bool>
{
    public static string TypeName => "bool";

    public static int SizeOf(bool value) => 1;

    public static void Write(bool value, Span<byte> destination) => destination[0] = value ? (byte)1 : (byte)0;

    public static bool TryRead(ReadOnlySpan<byte> source, out bool value)
    {
        value = source.Length == 1 && source[0] == 1;
        return source.Length == 1 && source[0] <= 1;
    }
}

/// <summary>One byte.</summary>
internal readonly struct ByteCodec : IValueCodec<byte>
{
    public static string TypeName => "byte";

    public static int SizeOf(byte value) => 1;

    public static void Write(byte value, Span<byte> destination) => destination[0] = value;

    public static bool TryRead(ReadOnlySpan<byte> source, out byte value)
    {
        value = source.Length == 1 ? source[0] : (byte)0;
        return source.Length == 1;
    }
}

/// <summary>Two bytes, big-endian two's complement.</summary>
internal readonly struct Int16Codec : IValueCodec<short>
{
    public static string TypeName => "short";

    public static int SizeOf(short value) => 2;

    public static void Write(short value, Span<byte> destination) => BinaryPrimitives.WriteInt16BigEndian(destination, value);

    public static bool TryRead(ReadOnlySpan<byte> source, out short value)
    {
        value = source.Length == 2 ? BinaryPrimitives.ReadInt16BigEndian(source) : (short)0;
        return source.Length == 2;
    }
}

/// <summary>Four bytes, big-endian two's complement.</summary>
internal readonly struct Int32Codec : IValueCodec<int>
{
    public static string TypeName => "int";

    public static int SizeOf(int value) => 4;

    public static void Write(int value, Span<byte> destination) => BinaryPrimitives.WriteInt32BigEndian(destination, value);

    public static bool TryRead(ReadOnlySpan<byte> source, out int value)
    {
        value = source.Length == 4 ? BinaryPrimitives.ReadInt32BigEndian(source) : 0;
        return source.Length == 4;
    }
}

/// <summary>Eight bytes, big-endian two's complement.</summary>
internal readonly struct Int64Codec : IValueCodec<long>
{
    public static string TypeName => "long";

    public static int SizeOf(long value) => 8;

    public static void Write(long value, Span<byte> destination) => BinaryPrimitives.WriteInt64BigEndian(destination, value);

    public static bool TryRead(ReadOnlySpan<byte> source, out long value)
    {
        value = source.Length == 8 ? BinaryPrimitives.ReadInt64BigEndian(source) : 0;
        return source.Length == 8;
    }
}

/// <summary>
/// Sixteen bytes: the four 32-bit integers of <see cref="decimal.GetBits(decimal)"/> (low, middle and high words of
/// the 96-bit integer, then the flags holding the sign and scale), each big-endian. The scale is kept, so 1.0 and
/// 1.00 encrypt differently.
/// </summary>
internal readonly struct DecimalCodec : IValueCodec<decimal>
{
    public static string TypeName => "decimal";

    public static int SizeOf(decimal value) => 16;

    public static void Write(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination[(i * 4)..], bits[i]);
        }
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out decimal value)
    {
        value = 0m;
        if (source.Length != 16)
        {
            return false;
        }

        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32BigEndian(source[(i * 4)..]);
        }

        // Valid flags: only the sign bit (31) and a scale of 0..28 in bits 16..23.
        var flags = bits[3];
        if ((flags & 0x7F00FFFF) != 0 || ((flags >> 16) & 0xFF) > 28)
        {
            return false;
        }

        value = new decimal(bits);
        return true;
    }
}

/// <summary>The 16 bytes in RFC 4122 (big-endian) order, as the string form reads, not .NET's mixed-endian layout.</summary>
internal readonly struct GuidCodec : IValueCodec<Guid>
{
    public static string TypeName => "Guid";

    public static int SizeOf(Guid value) => 16;

    public static void Write(Guid value, Span<byte> destination) => value.TryWriteBytes(destination, bigEndian: true, out _);

    public static bool TryRead(ReadOnlySpan<byte> source, out Guid value)
    {
        value = source.Length == 16 ? new Guid(source, bigEndian: true) : Guid.Empty;
        return source.Length == 16;
    }
}

/// <summary>
/// Nine bytes: the ticks of the value in UTC (big-endian int64), then the kind, always <see cref="DateTimeKind.Utc"/>.
/// NeoGen's date policy applies (<see cref="Dates.Utc(DateTime)"/>): a local time is converted to UTC, an unspecified
/// one is taken as UTC, and every value reads back as UTC.
/// </summary>
internal readonly struct DateTimeCodec : IValueCodec<DateTime>
{
    public static string TypeName => "DateTime";

    public static int SizeOf(DateTime value) => 9;

    public static void Write(DateTime value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, Dates.Utc(value).Ticks);
        destination[8] = (byte)DateTimeKind.Utc;
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out DateTime value)
    {
        value = default;
        if (source.Length != 9 || source[8] != (byte)DateTimeKind.Utc)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(source);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}

/// <summary>
/// Ten bytes: the UTC ticks (big-endian int64), then the offset in minutes (big-endian int16). The offset is kept, so
/// the same instant at two offsets encrypts differently.
/// </summary>
internal readonly struct DateTimeOffsetCodec : IValueCodec<DateTimeOffset>
{
    private const int MaxOffsetMinutes = 14 * 60;

    public static string TypeName => "DateTimeOffset";

    public static int SizeOf(DateTimeOffset value) => 10;

    public static void Write(DateTimeOffset value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, value.UtcTicks);
        BinaryPrimitives.WriteInt16BigEndian(destination[8..], (short)value.TotalOffsetMinutes);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out DateTimeOffset value)
    {
        value = default;
        if (source.Length != 10)
        {
            return false;
        }

        var utcTicks = BinaryPrimitives.ReadInt64BigEndian(source);
        var minutes = BinaryPrimitives.ReadInt16BigEndian(source[8..]);
        var offset = TimeSpan.FromMinutes(minutes);
        var localTicks = utcTicks + offset.Ticks;
        if (minutes is < -MaxOffsetMinutes or > MaxOffsetMinutes
            || utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks
            || localTicks < 0 || localTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, offset);
        return true;
    }
}

/// <summary>Four bytes: <see cref="DateOnly.DayNumber"/>, big-endian.</summary>
internal readonly struct DateOnlyCodec : IValueCodec<DateOnly>
{
    public static string TypeName => "DateOnly";

    public static int SizeOf(DateOnly value) => 4;

    public static void Write(DateOnly value, Span<byte> destination) => BinaryPrimitives.WriteInt32BigEndian(destination, value.DayNumber);

    public static bool TryRead(ReadOnlySpan<byte> source, out DateOnly value)
    {
        value = default;
        if (source.Length != 4)
        {
            return false;
        }

        var day = BinaryPrimitives.ReadInt32BigEndian(source);
        if (day < 0 || day > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        value = DateOnly.FromDayNumber(day);
        return true;
    }
}

/// <summary>Eight bytes: <see cref="TimeOnly.Ticks"/>, big-endian.</summary>
internal readonly struct TimeOnlyCodec : IValueCodec<TimeOnly>
{
    public static string TypeName => "TimeOnly";

    public static int SizeOf(TimeOnly value) => 8;

    public static void Write(TimeOnly value, Span<byte> destination) => BinaryPrimitives.WriteInt64BigEndian(destination, value.Ticks);

    public static bool TryRead(ReadOnlySpan<byte> source, out TimeOnly value)
    {
        value = default;
        if (source.Length != 8)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(source);
        if (ticks < 0 || ticks >= TimeSpan.TicksPerDay)
        {
            return false;
        }

        value = new TimeOnly(ticks);
        return true;
    }
}

/// <summary>
/// Eight bytes: the IEEE 754 binary64 bits, big-endian. Every bit is kept, so 0.0 and -0.0 (and NaNs with different
/// payloads) encrypt differently.
/// </summary>
internal readonly struct DoubleCodec : IValueCodec<double>
{
    public static string TypeName => "double";

    public static int SizeOf(double value) => 8;

    public static void Write(double value, Span<byte> destination) => BinaryPrimitives.WriteDoubleBigEndian(destination, value);

    public static bool TryRead(ReadOnlySpan<byte> source, out double value)
    {
        value = source.Length == 8 ? BinaryPrimitives.ReadDoubleBigEndian(source) : 0;
        return source.Length == 8;
    }
}
