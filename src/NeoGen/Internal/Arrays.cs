using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace NeoGen.Internal;

/// <summary>Collection parameters as the arrays Npgsql sends, without a copy when they already are one. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Arrays
{
    /// <summary>The values as an array: the same array when it is one.</summary>
    public static T[] Of<T>(IEnumerable<T> values) => values as T[] ?? values.ToArray();
}
