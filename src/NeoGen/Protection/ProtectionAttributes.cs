using System;

namespace NeoGen;

/// <summary>
/// The column is stored encrypted by the generated repositories: randomized AES-256-GCM by default (a fresh nonce per
/// value: nothing but reading and writing works on it), or deterministic AES-SIV for equality lookups. The key ring is
/// the connection source's <see cref="IConnectionSource.ColumnKeys"/>; the column holds bytes, or base64 text with
/// <see cref="StoreAsText"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class EncryptedAttribute : Attribute
{
    /// <summary>
    /// Encrypt with AES-SIV (RFC 5297, a synthetic IV computed from the key, the column and the value) instead of
    /// randomized AES-256-GCM: equal values give equal ciphertexts, so equality lookups and unique indexes work on the
    /// column. It reveals which rows hold equal values.
    /// </summary>
    public bool Deterministic { get; set; }

    /// <summary>Store base64 text in a text column instead of bytes in a binary column (BLOB, bytea, varbinary).</summary>
    public bool StoreAsText { get; set; }
}

/// <summary>How a personal value is masked.</summary>
public enum MaskKind
{
    /// <summary>Every character replaced.</summary>
    Full = 0,

    /// <summary>Only the first and last characters kept.</summary>
    Partial = 1,

    /// <summary>The local part of an e-mail address masked.</summary>
    Email = 2,

    /// <summary>All but the last digits of a phone number masked.</summary>
    Phone = 3,

    /// <summary>All but the last four digits of a card number masked.</summary>
    CardNumber = 4,

    /// <summary>Replaced by a stable hash.</summary>
    Hash = 5,
}

/// <summary>The member holds personal data and is masked in <c>ToMasked()</c> and <c>ToString()</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class MaskedAttribute : Attribute
{
    /// <summary>Masks the member as <paramref name="kind"/>.</summary>
    public MaskedAttribute(MaskKind kind = MaskKind.Full) => Kind = kind;

    /// <summary>How the value is masked.</summary>
    public MaskKind Kind { get; }

    /// <summary>For <see cref="MaskKind.Partial"/>, the text elements kept at the start (at most half the value's); 1 by default.</summary>
    public int KeepStart { get; set; } = 1;

    /// <summary>For <see cref="MaskKind.Partial"/>, the text elements kept at the end (within the same half); 1 by default.</summary>
    public int KeepEnd { get; set; } = 1;
}

/// <summary>The column holds the tenant of the row; generated queries filter by the ambient tenant.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class TenantKeyAttribute : Attribute
{
}

/// <summary>
/// Writes to this table through its generated repository are also recorded in an audit table, in the same
/// transaction: the table, the row's key, the operation, the columns written, the actor
/// (<see cref="IConnectionSource.AuditActor"/>) and the UTC time; never a value. A failed audit insert rolls the write back.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class AuditedAttribute : Attribute
{
    /// <summary>The audit table (default <c>neogen_audit</c>; its DDL is <see cref="AuditTrail.CreateTableSql"/>).</summary>
    public string Table { get; set; } = "neogen_audit";
}

/// <summary>Results of this query are cached for <see cref="Seconds"/> seconds.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CachedAttribute : Attribute
{
    /// <summary>Caches results for <paramref name="seconds"/> seconds.</summary>
    public CachedAttribute(int seconds) => Seconds = seconds;

    /// <summary>How long a result is kept.</summary>
    public int Seconds { get; }
}
