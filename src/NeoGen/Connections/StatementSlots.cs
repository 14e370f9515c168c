using System.ComponentModel;
using System.Threading;

namespace NeoGen.Internal;

/// <summary>Numbers generated statements so each can find its prepared command on a lease. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StatementSlots
{
    private static int s_next = -1;

    /// <summary>A new slot number, unique in the process.</summary>
    public static int Allocate() => Interlocked.Increment(ref s_next);
}
