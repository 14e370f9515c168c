using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace NeoGen
{
    /// <summary>Row-level security on PostgreSQL, as defence in depth behind the tenant predicates NeoGen writes.</summary>
    public static class TenantSecurity
    {
        /// <summary>The default session setting that holds the tenant (<see cref="NeoGenDataSourceOptions.TenantSessionSetting"/>).</summary>
        public const string DefaultSetting = "app.tenant_id";

        /// <summary>
        /// PostgreSQL DDL that lets a session see and write only the rows of the tenant in <paramref name="setting"/>:
        /// row-level security enabled and forced (the owner is bound too; a superuser and a role with BYPASSRLS are not),
        /// and one policy whose USING and WITH CHECK compare <paramref name="tenantColumn"/> with the setting. With no
        /// tenant set the setting is empty and no row matches. Put it in your migrations; run the application as a role
        /// that is not a superuser.
        /// </summary>
        /// <param name="table">The table (quote it yourself if it needs quotes).</param>
        /// <param name="tenantColumn">Its <c>[TenantKey]</c> column.</param>
        /// <param name="columnType">The column's type when it is not text (<c>bigint</c>, <c>uuid</c>): the setting is cast to it.</param>
        /// <param name="setting">The session setting.</param>
        public static string PostgresPolicySql(string table, string tenantColumn, string columnType = "text", string setting = DefaultSetting)
        {
            ArgumentException.ThrowIfNullOrEmpty(table);
            ArgumentException.ThrowIfNullOrEmpty(tenantColumn);
            var current = columnType == "text"
                ? $"current_setting('{setting}', true)"
                : $"NULLIF(current_setting('{setting}', true), '')::{columnType}";
            return $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY; ALTER TABLE {table} FORCE ROW LEVEL SECURITY; "
                + $"CREATE POLICY neogen_tenant ON {table} USING ({tenantColumn} = {current}) WITH CHECK ({tenantColumn} = {current})";
        }
    }
}

namespace NeoGen.Internal
{
    /// <summary>
    /// Sets the tenant session setting (<see cref="NeoGenDataSourceOptions.TenantSessionSetting"/>) on a lent
    /// PostgreSQL connection before an operation uses it, when it differs from what the connection has: one statement
    /// when a pooled connection changes tenant, none otherwise. Inside a transaction it is set every time, since a
    /// rollback undoes a setting the transaction changed.
    /// </summary>
    internal static class TenantSessions
    {
        private const string Sql = "SELECT set_config($1, $2, false)";

        public static string? SettingOf(IConnectionSource source) => source switch
        {
            NeoGenDataSource dataSource => dataSource.TenantSessionSetting,
            UnitOfWork unitOfWork => unitOfWork.TenantSessionSetting,
            _ => null,
        };

        public static ConnectionLease Apply(ConnectionLease lease, string setting, ITenantContext tenant)
        {
            var value = tenant.TenantId ?? string.Empty;
            if (lease.SessionTenant == value && lease.Transaction is null)
            {
                return lease;
            }

            try
            {
                using var command = Command(lease, setting, value);
                command.ExecuteNonQuery();
            }
            catch
            {
                lease.Release();
                throw;
            }

            lease.SessionTenant = lease.Transaction is null ? value : null;
            return lease;
        }

        public static async ValueTask<ConnectionLease> ApplyAsync(ValueTask<ConnectionLease> renting, string setting, ITenantContext tenant, CancellationToken cancellationToken)
        {
            var lease = await renting.ConfigureAwait(false);
            var value = tenant.TenantId ?? string.Empty;
            if (lease.SessionTenant == value && lease.Transaction is null)
            {
                return lease;
            }

            try
            {
                using var command = Command(lease, setting, value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                lease.Release();
                throw;
            }

            lease.SessionTenant = lease.Transaction is null ? value : null;
            return lease;
        }

        private static DbCommand Command(ConnectionLease lease, string setting, string value)
        {
            var command = lease.Connection.CreateCommand();
            command.CommandText = Sql;
            command.Transaction = lease.Transaction;
            var name = command.CreateParameter();
            name.Value = setting;
            command.Parameters.Add(name);
            var tenant = command.CreateParameter();
            tenant.Value = value;
            command.Parameters.Add(tenant);
            return command;
        }
    }
}
