using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("NeoGen.Sql.Tests")]

namespace NeoGen.Sql;

internal static class SqlDiagnosticsSwitch
{
    /// <summary>Tests set this so that the never-throw safety nets rethrow, and fuzzing finds the bugs they would hide.</summary>
    internal static bool Rethrow;
}
