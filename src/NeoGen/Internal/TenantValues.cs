using System;
using System.ComponentModel;
using System.Globalization;

namespace NeoGen.Internal;

/// <summary>
/// The ambient tenant as the generated repositories of <c>[TenantKey]</c> tables bind it: read from the connection
/// source's <see cref="ITenantContext"/> on every statement, converted to the column's type, never absent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TenantValues
{
    /// <summary>The tenant, for a text tenant column.</summary>
    public static string String(IConnectionSource source, string table) => Current(source, table, null);

    /// <summary>The tenant, for an <c>int</c> tenant column.</summary>
    public static int Int32(IConnectionSource source, string table) => ParseInt32(source, table, null);

    /// <summary>The tenant, for a <c>long</c> tenant column.</summary>
    public static long Int64(IConnectionSource source, string table) => ParseInt64(source, table, null);

    /// <summary>The tenant, for a <c>Guid</c> tenant column.</summary>
    public static Guid Guid(IConnectionSource source, string table) => ParseGuid(source, table, null);

    /// <summary>
    /// The tenant column of a row being written: the ambient tenant. A row that already names a tenant (not the
    /// default value) must name the same one; a row of another tenant is refused, never written.
    /// </summary>
    public static string Insert(IConnectionSource source, string? value, string column)
        => Written(Current(source, null, column), value, string.IsNullOrEmpty(value), column);

    /// <inheritdoc cref="Insert(IConnectionSource, string?, string)"/>
    public static int Insert(IConnectionSource source, int value, string column) => Written(ParseInt32(source, null, column), value, value == 0, column);

    /// <inheritdoc cref="Insert(IConnectionSource, string?, string)"/>
    public static long Insert(IConnectionSource source, long value, string column) => Written(ParseInt64(source, null, column), value, value == 0, column);

    /// <inheritdoc cref="Insert(IConnectionSource, string?, string)"/>
    public static Guid Insert(IConnectionSource source, Guid value, string column) => Written(ParseGuid(source, null, column), value, value == System.Guid.Empty, column);

    private static int ParseInt32(IConnectionSource source, string? table, string? column)
        => int.TryParse(Current(source, table, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotOfType(source, table, column, "an int");

    private static long ParseInt64(IConnectionSource source, string? table, string? column)
        => long.TryParse(Current(source, table, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotOfType(source, table, column, "a long");

    private static Guid ParseGuid(IConnectionSource source, string? table, string? column)
        => System.Guid.TryParse(Current(source, table, column), out var value) ? value : throw NotOfType(source, table, column, "a Guid");

    private static T Written<T>(T tenant, T? value, bool isDefault, string column)
        where T : IEquatable<T>
    {
        if (isDefault || tenant.Equals(value!))
        {
            return tenant;
        }

        throw new NeoGenTenantException($"The row names tenant '{value}' in column '{column}', but the current tenant is '{tenant}': a repository writes only the current tenant's rows.", null, column);
    }

    private static string Current(IConnectionSource source, string? table, string? column)
    {
        var what = table is not null ? $"Table '{table}'" : $"Tenant column '{column}'";
        var context = source.Tenant ?? throw new NeoGenTenantException(
            $"{what} is tenant-scoped ([TenantKey]) but the connection source has no tenant context: set NeoGenDataSourceOptions.Tenant, or use source.WithTenant(...).", table, column);
        var tenant = context.TenantId;
        if (string.IsNullOrEmpty(tenant))
        {
            throw new NeoGenTenantException($"{what} is tenant-scoped ([TenantKey]) and no tenant is set (TenantContext.Use(...), or the request's tenant).", table, column);
        }

        return tenant;
    }

    private static NeoGenTenantException NotOfType(IConnectionSource source, string? table, string? column, string type)
        => new($"The current tenant '{source.Tenant?.TenantId}' is not {type}, the type of the tenant column{(table is null ? " '" + column + "'" : " of '" + table + "'")}.", table, column);
}
