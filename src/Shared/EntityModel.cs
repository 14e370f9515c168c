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
    int ConstructorParameterIndex,
    MaskModel? Mask = null,
    bool IsTenantKey = false,
    ColumnFacets? Facets = null)
{
    /// <summary>Encrypted or masked: never printed, logged or audited in clear.</summary>
    public bool IsProtected => Type.IsEncrypted || Mask is not null;
}

/// <summary>
/// What only the schema NeoGen writes needs about a column: a declared length (<c>[Column(MaxLength)]</c>,
/// <c>[MaxLength]</c>, <c>[StringLength]</c>), a decimal's precision and scale, and the default a constant initializer
/// gives (<c>= 3</c>, <c>= "new"</c>, <c>= true</c>, <c>= Status.Open</c>) as invariant text: a number, <c>true</c>/<c>false</c>,
/// or the string itself (<see cref="DefaultIsText"/>).
/// </summary>
internal sealed record ColumnFacets(int MaxLength, int Precision, int Scale, string? Default, bool DefaultIsText)
{
    public static ColumnFacets? Of(int maxLength, int precision, int scale, string? @default, bool defaultIsText)
        => maxLength <= 0 && precision <= 0 && @default is null ? null : new ColumnFacets(System.Math.Max(0, maxLength), System.Math.Max(0, precision), System.Math.Max(0, scale), @default, defaultIsText);
}

/// <summary>A <c>[Masked]</c> member: the kind (the <c>MaskKind</c> member's name) and, for Partial, what is kept.</summary>
internal sealed record MaskModel(string Kind, int KeepStart, int KeepEnd);

/// <summary>
/// A public member that is not a column type and is not <c>[Ignore]</c>d: never read and never written, so it is
/// reported (NG0011) rather than silently left out.
/// </summary>
internal sealed record UnmappedMember(string Name, string TypeDisplay, string Reason);

/// <summary>
/// A member of a result type that holds a row of its own (<c>Customer Customer</c> on <c>OrderWithCustomer</c>), filled
/// from the columns of a join: those read from a table whose alias is the member's name (<c>JOIN customers customer</c>),
/// those of the one table <see cref="Type"/> maps to, or those named with <see cref="Prefix"/> (<c>customer_name</c>).
/// A nullable one is null when its key column (or, without a key, every column) is NULL, as after an outer join.
/// </summary>
/// <para>
/// A collection one (<c>List&lt;OrderLine&gt; Lines</c>, <see cref="IsCollection"/>) is one-to-many: the rows of a join
/// ordered by the parent's key are grouped in the generated reader, one parent per key, each child row added to it
/// unless its key is NULL (a parent with no children after an outer join).
/// </para>
internal sealed record NestedModel(string Name, string Prefix, EntityModel Type, bool IsNullable, int ConstructorParameterIndex, bool IsRequired, bool IsSettable, bool IsCollection = false, string? CollectionTypeName = null);

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
    EquatableArray<UnmappedMember> Unmapped,
    bool IsAudited = false,
    EquatableArray<UnmappedMember> ProtectionProblems = default,
    string? AuditTable = null,
    EquatableArray<NestedModel> Nested = default)
{
    public bool IsTable => Table is not null;

    /// <summary>The <c>[TenantKey]</c> member, if any.</summary>
    public MemberModel? TenantKey
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.IsTenantKey)
                {
                    return member;
                }
            }

            return null;
        }
    }

    /// <summary>Some member is encrypted.</summary>
    public bool HasEncryptedMembers
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Type.IsEncrypted)
                {
                    return true;
                }
            }

            return false;
        }
    }

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
