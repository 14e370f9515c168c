using System;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen;

/// <summary>
/// A connection source with other keys, tenant or audit actor than the one it wraps: the same connections, pool and
/// transaction. Cheap to make per request or per unit of work.
/// </summary>
public static class ConnectionSourceExtensions
{
    /// <summary><paramref name="source"/> with the key ring of <c>[Encrypted]</c> columns.</summary>
    public static IConnectionSource WithColumnKeys(this IConnectionSource source, IColumnKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new ScopedConnectionSource(source, keys, Unwrap(source).Tenant, Unwrap(source).AuditActor);
    }

    /// <summary><paramref name="source"/> whose tenant is always <paramref name="tenantId"/>.</summary>
    public static IConnectionSource WithTenant(this IConnectionSource source, string tenantId)
        => source.WithTenant(TenantContext.Fixed(tenantId));

    /// <summary><paramref name="source"/> whose tenant comes from <paramref name="tenant"/>.</summary>
    public static IConnectionSource WithTenant(this IConnectionSource source, ITenantContext tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new ScopedConnectionSource(source, Unwrap(source).ColumnKeys, tenant, Unwrap(source).AuditActor);
    }

    /// <summary><paramref name="source"/> whose audit trail records <paramref name="actor"/>.</summary>
    public static IConnectionSource WithAuditActor(this IConnectionSource source, IAuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new ScopedConnectionSource(source, Unwrap(source).ColumnKeys, Unwrap(source).Tenant, actor);
    }

    private static IConnectionSource Unwrap(IConnectionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source;
    }

    private sealed class ScopedConnectionSource : IConnectionSource
    {
        private readonly IConnectionSource _inner;

        public ScopedConnectionSource(IConnectionSource inner, IColumnKeyProvider? keys, ITenantContext? tenant, IAuditActor? actor)
        {
            _inner = inner is ScopedConnectionSource scoped ? scoped._inner : inner;
            ColumnKeys = keys;
            Tenant = tenant;
            AuditActor = actor;
        }

        public Dialect Dialect => _inner.Dialect;

        public IColumnKeyProvider? ColumnKeys { get; }

        public ITenantContext? Tenant { get; }

        public IAuditActor? AuditActor { get; }

        // With row-level security on PostgreSQL, the connection's tenant setting follows this source's tenant.
        public ConnectionLease Rent()
            => Internal.TenantSessions.SettingOf(_inner) is { } setting && Tenant is { } tenant
                ? Internal.TenantSessions.Apply(_inner.Rent(), setting, tenant)
                : _inner.Rent();

        public ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default)
            => Internal.TenantSessions.SettingOf(_inner) is { } setting && Tenant is { } tenant
                ? Internal.TenantSessions.ApplyAsync(_inner.RentAsync(cancellationToken), setting, tenant, cancellationToken)
                : _inner.RentAsync(cancellationToken);
    }
}
