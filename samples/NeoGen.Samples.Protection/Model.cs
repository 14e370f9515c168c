using NeoGen;

namespace ProtectionSample;

// A tenant-scoped, audited table: the SSN is encrypted with a random nonce, the phone deterministically (so it can be
// looked up), the e-mail is masked wherever the record is printed.
[Table("patients")]
[Index(nameof(TenantId), nameof(Phone))]
[Audited]
public sealed partial record Patient
{
    [Key, Generated]
    public long Id { get; init; }

    [TenantKey]
    public string TenantId { get; init; } = "";

    public required string Name { get; init; }

    [Encrypted]
    public string? Ssn { get; init; }

    [Encrypted(Deterministic = true)]
    [Masked(MaskKind.Phone)]
    public required string Phone { get; init; }

    [Masked(MaskKind.Email)]
    public required string Email { get; init; }
}

[Repository(Dialect.Sqlite)]
public partial interface IPatientRepository : ICrudRepository<Patient, long>
{
    Task<Patient?> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default);

    [Query("SELECT * FROM patients WHERE tenant_id = @tenant ORDER BY name")]
    Task<List<Patient>> AllAsync(CancellationToken cancellationToken = default);
}
