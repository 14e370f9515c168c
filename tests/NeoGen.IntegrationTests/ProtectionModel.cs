namespace NeoGen.IntegrationTests;

// A tenant-scoped table with randomized and deterministic encrypted columns of several types, and masked members.
[Table("patients")]
public sealed partial record Patient
{
    [Key]
    [Generated]
    public long Id { get; init; }

    [TenantKey]
    public string TenantId { get; init; } = "";

    public string Name { get; init; } = "";

    [Encrypted]
    public string? Diagnosis { get; init; }

    [Encrypted(Deterministic = true)]
    [Masked(MaskKind.Phone)]
    public string Phone { get; init; } = "";

    [Encrypted]
    public decimal Balance { get; init; }

    [Encrypted]
    public DateOnly? BirthDate { get; init; }

    [Encrypted(StoreAsText = true)]
    public long? Ssn { get; init; }

    [Masked(MaskKind.Email)]
    public string Email { get; init; } = "";
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IPatientRepository : ICrudRepository<Patient, long>
{
    Patient? FindByPhone(string phone);

    Task<Patient?> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default);

    List<Patient> FindByName(string name);

    long CountByPhone(string phone);

    long CountByPhoneNot(string phone);

    List<Patient> FindByPhoneOrNameOrderByName(string phone, string name);

    bool ExistsByPhone(string phone);

    int DeleteByPhone(string phone);

    [Query("SELECT * FROM patients WHERE phone = @phone AND tenant_id = @tenant")]
    List<Patient> WithPhone(string phone);

    [Query("SELECT * FROM patients WHERE tenant_id = @tenant ORDER BY name")]
    List<Patient> All();

    [Query("UPDATE patients SET diagnosis = @diagnosis WHERE id = @id AND tenant_id = @tenant")]
    int SetDiagnosis(long id, string? diagnosis);

    // Result types, tuples and scalars that read an encrypted column get it decrypted.
    [Query("SELECT id, phone FROM patients WHERE tenant_id = @tenant ORDER BY id")]
    List<(long Id, string Phone)> Phones();

    [Query("SELECT diagnosis FROM patients WHERE id = @id AND tenant_id = @tenant")]
    string? DiagnosisOf(long id);

    [Query("SELECT ssn FROM patients WHERE id = @id AND tenant_id = @tenant")]
    long? SsnOf(long id);

    [Query("SELECT name, balance AS amount FROM patients WHERE tenant_id = @tenant ORDER BY name")]
    List<Balance> Balances();
}

public sealed record Balance(string Name, decimal Amount);

// An audited table whose writes also record who changed which row, never its values.
[Table("prescriptions")]
[Audited(Table = "prescription_audit")]
public sealed partial record Prescription
{
    [Key]
    [Generated]
    public long Id { get; init; }

    public string Drug { get; init; } = "";

    [Encrypted]
    public string? Note { get; init; }
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
[Repository(Dialect.SqlServer)]
public partial interface IPrescriptionRepository : ICrudRepository<Prescription, long>, IBulkRepository<Prescription>
{
    int DeleteByDrug(string drug);
}
