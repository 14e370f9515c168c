// Linked into the generator and the analyzers: what a record or class means as a table or a row, read once by
// EntityReader. Records of strings, enums and EquatableArray only, so the generator's pipeline caches them.
namespace NeoGen.Shared;

/// <summary>A mapped member of an entity or result type.</summary>
internal sealed record MemberModel(
    string Name,
    string Column,
    ScalarType Type,
    bool IsKey,
    bool IsGenerated,
    bool IsVersion,
    bool IsCreatedAt,
    bool IsUpdatedAt,
    bool IsRequired,
    bool IsSettable,
    int ConstructorParameterIndex);

/// <summary>
/// A public member that is not a column type and is not <c>[Ignore]</c>d: never read and never written, so it is
/// reported (NG0011) rather than silently left out.
/// </summary>
internal sealed record UnmappedMember(string Name, string TypeDisplay, string Reason);

/// <summary>A declared index (<c>[Index]</c>), by column names.</summary>
internal sealed record IndexModel(string? Name, EquatableArray<string> Columns, bool Unique);

/// <summary>A declared foreign key (<c>[ForeignKey(typeof(T))]</c>): the column and the table it references.</summary>
internal sealed record ForeignKeyModel(string Column, string PrincipalTable);

/// <summary>A record or class rows are read into; a table when <see cref="Table"/> is set.</summary>
internal sealed record EntityModel(
    string TypeName,
    string DisplayName,
    string? Table,
    string? Schema,
    bool IsValueType,
    EquatableArray<MemberModel> Members,
    int ConstructorParameterCount,
    bool HasParameterlessConstructor,
    bool ConstructorSetsRequiredMembers,
    string? MaterializationError,
    EquatableArray<IndexModel> Indexes,
    EquatableArray<ForeignKeyModel> ForeignKeys,
    EquatableArray<UnmappedMember> Unmapped)
{
    public bool IsTable => Table is not null;

    public MemberModel? MemberForColumn(string column)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Column, column, System.StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    public MemberModel? MemberNamed(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }
}
