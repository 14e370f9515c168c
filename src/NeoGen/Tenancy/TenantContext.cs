using System;
using System.Threading;

namespace NeoGen;

/// <summary>
/// Whose rows the repositories of <c>[TenantKey]</c> tables show and change. Asked on every operation, so one
/// singleton data source serves every tenant: <see cref="TenantContext.Ambient"/>, a DI-scoped implementation
/// (for example one that reads the tenant from the request), or a fixed tenant through
/// <see cref="ConnectionSourceExtensions.WithTenant(IConnectionSource, string)"/>.
/// </summary>
public interface ITenantContext
{
    /// <summary>The current tenant, or null when there is none (a tenant-scoped operation then throws).</summary>
    string? TenantId { get; }
}

/// <summary>The tenant contexts NeoGen provides.</summary>
public static class TenantContext
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The tenant set by <see cref="Use"/> on this asynchronous flow.</summary>
    public static ITenantContext Ambient { get; } = new AmbientTenantContext();

    /// <summary>Always <paramref name="tenantId"/>.</summary>
    public static ITenantContext Fixed(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return new FixedTenantContext(tenantId);
    }

    /// <summary>
    /// Makes <paramref name="tenantId"/> the <see cref="Ambient"/> tenant of this asynchronous flow (and the tasks it
    /// starts) until the returned scope is disposed; scopes nest.
    /// </summary>
    public static IDisposable Use(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var scope = new Scope(Current.Value);
        Current.Value = tenantId;
        return scope;
    }

    private sealed class AmbientTenantContext : ITenantContext
    {
        public string? TenantId => Current.Value;
    }

    private sealed class FixedTenantContext : ITenantContext
    {
        public FixedTenantContext(string tenantId) => TenantId = tenantId;

        public string? TenantId { get; }
    }

    private sealed class Scope : IDisposable
    {
        private readonly string? _outer;
        private bool _disposed;

        public Scope(string? outer) => _outer = outer;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Current.Value = _outer;
            }
        }
    }
}
