using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Emitting;
using NeoGen.Shared;

namespace NeoGen.Generator.Dialects;

/// <summary>How a dialect loads many rows.</summary>
internal enum BulkLoadKind
{
    /// <summary>A prepared INSERT per row, in one transaction (the emitter's generic path).</summary>
    PreparedInserts,

    /// <summary>The provider's bulk API, always.</summary>
    Always,

    /// <summary>The provider's bulk API when the connection allows it, else the prepared INSERTs.</summary>
    WhenAllowed,
}

/// <summary>
/// What a dialect's bulk loader writes from: the entity's inserted columns, the quoted table, and the value each
/// column gets (the same an INSERT would write: timestamps of this call, versions starting at 1). The generated method
/// has <c>entities</c>, <c>lease</c>, <c>ownTransaction</c> (when <see cref="TargetDialect.BulkLoadInTransaction"/>)
/// and the cancellation token in scope.
/// </summary>
internal sealed class BulkLoadContext
{
    public BulkLoadContext(EntityModel entity, IReadOnlyList<MemberModel> columns, string table, bool isAsync, string cancellationToken, string repositoryLiteral, string methodLiteral, string tableLiteral)
    {
        Entity = entity;
        Columns = columns;
        Table = table;
        IsAsync = isAsync;
        CancellationToken = cancellationToken;
        RepositoryLiteral = repositoryLiteral;
        MethodLiteral = methodLiteral;
        TableLiteral = tableLiteral;
    }

    /// <summary>The repository, method and table as C# literals, for the exceptions the load throws.</summary>
    public string RepositoryLiteral { get; }

    public string MethodLiteral { get; }

    public string TableLiteral { get; }

    public EntityModel Entity { get; }

    public IReadOnlyList<MemberModel> Columns { get; }

    public string Table { get; }

    public bool IsAsync { get; }

    public string CancellationToken { get; }

    /// <summary>The stored value of <paramref name="member"/> for the entity in <paramref name="entity"/> (a C# expression).</summary>
    public static string ValueOf(MemberModel member, string entity)
    {
        var expression = member.IsVersion ? $"({member.Type.TypeName})1"
            : (member.IsCreatedAt || member.IsUpdatedAt) && member.Type.Kind == ScalarKind.DateTime ? "__now"
            : (member.IsCreatedAt || member.IsUpdatedAt) && member.Type.Kind == ScalarKind.DateTimeOffset ? "__nowOffset"
            : member.IsTenantKey ? $"global::NeoGen.Internal.TenantValues.Insert(_source, {entity}.{member.Name}, {CodeWriter.Literal(member.Column)})"
            : entity + "." + member.Name;
        return TargetDialect.Stored(member.Type, expression);
    }

    /// <summary>The CLR type the provider receives for <paramref name="member"/>, as <c>typeof(...)</c>.</summary>
    public static string TypeOf(MemberModel member)
    {
        var stored = member.Type.Kind == ScalarKind.DateOnly ? "global::System.DateOnly" : ScalarTypes.StoredTypeName(member.Type.WithNullable(false));
        return $"typeof({stored})";
    }

    /// <summary>
    /// Declares <c>rows</c>: the entities as a <c>BulkRows</c> reader over the columns (for SqlBulkCopy and MySqlBulkCopy).
    /// </summary>
    public void WriteRowsReader(CodeWriter w)
    {
        w.Line($"var rows = new global::NeoGen.Internal.BulkRows<{Entity.TypeName}>(");
        w.Indent();
        w.Line("entities,");
        w.Line($"new[] {{ {string.Join(", ", Columns.Select(c => CodeWriter.Literal(c.Column)))} }},");
        w.Line($"new[] {{ {string.Join(", ", Columns.Select(TypeOf))} }},");
        w.Line("(entity, values) =>");
        w.Line("{");
        w.Indent();
        for (var i = 0; i < Columns.Count; i++)
        {
            w.Line($"values[{i}] = {ValueOf(Columns[i], "entity")};");
        }

        w.Outdent();
        w.Line("});");
        w.Outdent();
    }
}
