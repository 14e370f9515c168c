using System;
using System.ComponentModel;
using System.Data.Common;
using System.Globalization;

namespace NeoGen.Internal;

/// <summary>What the server behind a connection can do, where one dialect serves servers that differ. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFeatures
{
    /// <summary>
    /// Whether the open <paramref name="connection"/> is to MariaDB 10.5 or later, which has INSERT ... RETURNING
    /// (MySQL 8 has not). MySqlConnector reports MariaDB's version as the server sends it, for example
    /// <c>5.5.5-10.11.6-MariaDB-0+deb12u1</c>.
    /// Read when a command is first made on a connection, not per call.
    /// </summary>
    public static bool HasInsertReturning(DbConnection connection)
    {
        // The MySQL 8 path (an INSERT then a SELECT in one command) on MariaDB too: for tests of that path.
        if (AppContext.TryGetSwitch(WithoutInsertReturningSwitch, out var without) && without)
        {
            return false;
        }

        return IsMariaDbWithReturning(connection.ServerVersion);
    }

    /// <summary>The AppContext switch that makes <see cref="HasInsertReturning"/> false for every server.</summary>
    public const string WithoutInsertReturningSwitch = "NeoGen.MySql.WithoutInsertReturning";

    /// <summary>Whether a MySqlConnector server version string is MariaDB 10.5 or later.</summary>
    public static bool IsMariaDbWithReturning(string? version)
    {
        if (version is null || version.IndexOf("MariaDB", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        // MariaDB 10+ sends "5.5.5-" first, so that clients reading only the major version see a 5.5 server.
        if (version.StartsWith("5.5.5-", StringComparison.Ordinal))
        {
            version = version.Substring(6);
        }

        var dot = version.IndexOf('.');
        var end = dot < 0 ? -1 : version.IndexOfAny(new[] { '.', '-' }, dot + 1);
        return dot > 0 && end > dot
            && int.TryParse(version.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(version.AsSpan(dot + 1, end - dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major > 10 || (major == 10 && minor >= 5));
    }
}
