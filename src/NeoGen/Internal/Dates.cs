using System;
using System.ComponentModel;

namespace NeoGen.Internal;

/// <summary>
/// NeoGen's one date and time policy, applied by generated code on every database: a <see cref="DateTime"/> is an
/// instant in UTC. A local time is converted to UTC when written (the instant is kept, never shifted); an unspecified
/// one is taken as UTC; every DateTime read back is <see cref="DateTimeKind.Utc"/>. A <see cref="DateTimeOffset"/> is
/// written as the same instant at offset zero, because PostgreSQL's timestamptz keeps the instant and not the offset,
/// and one policy means the same value comes back from every database. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Dates
{
    /// <summary>The value as written: UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>The value as written: UTC.</summary>
    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    /// <summary>The same instant at offset zero.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.Offset == TimeSpan.Zero ? value : value.ToUniversalTime();

    /// <summary>The same instant at offset zero.</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? value) => value is { } v ? Utc(v) : null;

    /// <summary>A value read back: providers give Unspecified for columns without a zone (SQLite text, PostgreSQL timestamp); it is UTC.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
