using System;
using System.Data.Common;

namespace NeoGen;

/// <summary>Options of a <see cref="NeoGenDataSource"/>.</summary>
public sealed class NeoGenDataSourceOptions
{
    /// <summary>How many open connections (with their prepared commands) are kept between operations. Default: 4 × processor count.</summary>
    public int MaxIdleConnections { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>Runs once on every newly opened connection (for example to set PRAGMAs).</summary>
    public Action<DbConnection>? ConnectionOpened { get; set; }

    /// <summary>
    /// On PostgreSQL (<c>SET TIME ZONE 'UTC'</c>) and MySQL/MariaDB (<c>SET time_zone = '+00:00'</c>), runs each new
    /// session in UTC, so that <c>timestamp</c> columns and <c>NOW()</c> agree with NeoGen, which writes and reads every
    /// DateTime as UTC, whatever the server's time zone. Default: true.
    /// </summary>
    public bool UtcSessions { get; set; } = true;

    /// <summary>The key ring of <c>[Encrypted]</c> columns (for example <see cref="ColumnKeyRing"/>).</summary>
    public IColumnKeyProvider? ColumnKeys { get; set; }

    /// <summary>
    /// The tenant of <c>[TenantKey]</c> tables, asked on every operation: <see cref="TenantContext.Ambient"/> (set with
    /// <see cref="TenantContext.Use"/> around a request), or a DI-scoped implementation. A per-request source with a
    /// fixed tenant is <c>dataSource.WithTenant("acme")</c>.
    /// </summary>
    public ITenantContext? Tenant { get; set; }

    /// <summary>Who the audit trail of <c>[Audited]</c> tables records.</summary>
    public IAuditActor? AuditActor { get; set; }

    /// <summary>
    /// PostgreSQL only: a session setting (for example <c>app.tenant_id</c>, <see cref="TenantSecurity.DefaultSetting"/>)
    /// that NeoGen sets to the current tenant on a connection before an operation uses it, so that row-level security
    /// policies (<see cref="TenantSecurity.PostgresPolicySql"/>) hold even for SQL NeoGen does not write. Null (the
    /// default) sets nothing.
    /// </summary>
    public string? TenantSessionSetting { get; set; }
}
