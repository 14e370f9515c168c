using System.Collections.Generic;

namespace NeoGen.Generator.Parsing;

/// <summary>Writes identifiers into generated SQL: quoted only when a bare name would be folded or is reserved.</summary>
internal static class SqlText
{
    private static readonly HashSet<string> Reserved = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "as", "asc", "between", "by", "case", "check", "column", "constraint", "create", "cross", "default",
        "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full",
        "group", "having", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key", "left", "like", "limit",
        "not", "null", "offset", "on", "or", "order", "outer", "primary", "references", "right", "select", "set", "table", "then",
        "to", "true", "union", "unique", "update", "user", "using", "values", "when", "where", "with", "window", "value", "type",
    };

    public static string Quote(string identifier)
    {
        var plain = identifier.Length > 0 && (identifier[0] == '_' || (identifier[0] >= 'a' && identifier[0] <= 'z'));
        for (var i = 1; plain && i < identifier.Length; i++)
        {
            var c = identifier[i];
            plain = c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }

        return plain && !Reserved.Contains(identifier) ? identifier : "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
