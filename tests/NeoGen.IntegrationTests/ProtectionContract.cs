using System.Data.Common;
using NeoGen.Internal;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// Encrypted, masked and tenant-scoped columns on a real database per dialect: the stored bytes are read back with
/// plain ADO.NET, tampered with, rotated and re-encrypted, and every generated method is tried across tenants.
/// </summary>
public abstract class ProtectionContract
{
    private readonly TestDatabase _database;

    protected ProtectionContract(TestDatabase database, string createPatients, string createPrescriptions)
    {
        _database = database;
        database.Execute("DROP TABLE IF EXISTS patients");
        database.Execute(createPatients);
        database.Execute("DROP TABLE IF EXISTS prescriptions");
        database.Execute(createPrescriptions);
        database.Execute("DROP TABLE IF EXISTS prescription_audit");
        database.Execute(AuditTrail.CreateTableSql(database.Dialect, "prescription_audit"));
        Keys = ColumnKeyRing.Create(ColumnKey.Generate(1));
    }

    private List<(string Table, string? Key, string Operation, string Columns, string? Actor, DateTime At)> AuditRows()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, row_key, operation, columns, actor, at_utc FROM prescription_audit ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, string, string, string?, DateTime)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDateTime(5)));
        }

        return rows;
    }

    [Fact]
    public async Task Audited_writes_record_table_key_operation_columns_actor_and_time_in_the_same_transaction()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        var source = _database.Source.WithColumnKeys(Keys).WithAuditActor(AuditActor.Fixed("dr-house"));
        var prescriptions = IPrescriptionRepository.Create(source);
        var first = prescriptions.Insert(new Prescription { Drug = "aspirin", Note = "secret-note" });
        var updated = await prescriptions.UpdateAsync(first with { Drug = "ibuprofen" });
        Assert.True(prescriptions.Delete(first.Id));
        var second = prescriptions.Insert(new Prescription { Drug = "vicodin" });
        Assert.Equal(1, prescriptions.DeleteByDrug("vicodin"));
        Assert.Equal(0, prescriptions.DeleteByDrug("none"));

        var key = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = AuditRows();
        Assert.Equal(new[] { "Insert", "Update", "Delete", "Insert", "Delete" }, rows.Select(r => r.Operation));
        Assert.Equal(new[] { key, key, key, second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null }, rows.Select(r => r.Key));
        Assert.All(rows, r => Assert.Equal("prescriptions", r.Table));
        Assert.All(rows, r => Assert.Equal("dr-house", r.Actor));
        Assert.All(rows, r => Assert.InRange(r.At, before, DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal("drug,note", rows[0].Columns);
        Assert.DoesNotContain(rows, r => r.Columns.Contains("secret", StringComparison.Ordinal) || (r.Key ?? string.Empty).Contains("secret", StringComparison.Ordinal));
        Assert.Equal("ibuprofen", updated.Drug);
    }

    [Fact]
    public void A_failed_audit_insert_rolls_the_write_back()
    {
        var prescriptions = IPrescriptionRepository.Create(_database.Source.WithColumnKeys(Keys));
        _database.Execute("DROP TABLE prescription_audit");
        Assert.ThrowsAny<Exception>(() => prescriptions.Insert(new Prescription { Drug = "aspirin" }));
        Assert.ThrowsAny<Exception>(() => prescriptions.BulkInsert(new[] { new Prescription { Drug = "a" }, new Prescription { Drug = "b" } }));
        Assert.Equal(0L, Convert.ToInt64(_database.Scalar("SELECT COUNT(*) FROM prescriptions"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Audit_rows_of_a_unit_of_work_commit_or_roll_back_with_it()
    {
        using (var work = _database.Source.BeginUnitOfWork())
        {
            var prescriptions = IPrescriptionRepository.Create(work.WithColumnKeys(Keys));
            prescriptions.Insert(new Prescription { Drug = "kept-out" });
            prescriptions.BulkInsert(new[] { new Prescription { Drug = "a" }, new Prescription { Drug = "b" } });
            work.Rollback();
        }

        Assert.Empty(AuditRows());
        using (var work = _database.Source.BeginUnitOfWork())
        {
            var prescriptions = IPrescriptionRepository.Create(work.WithColumnKeys(Keys));
            prescriptions.Insert(new Prescription { Drug = "kept" });
            prescriptions.BulkInsert(new[] { new Prescription { Drug = "a" }, new Prescription { Drug = "b" } });
            work.Commit();
        }

        Assert.Equal(new[] { "Insert", "Insert", "Insert" }, AuditRows().Select(r => r.Operation));
        Assert.Equal(3L, Convert.ToInt64(_database.Scalar("SELECT COUNT(*) FROM prescriptions"), System.Globalization.CultureInfo.InvariantCulture));
    }

    protected ColumnKeyRing Keys { get; set; }

    private IPatientRepository For(string tenant) => IPatientRepository.Create(_database.Source.WithColumnKeys(Keys).WithTenant(tenant));

    private static Patient NewPatient(string name, string phone, string? diagnosis = "flu") => new()
    {
        Name = name,
        Phone = phone,
        Diagnosis = diagnosis,
        Balance = 1234.56m,
        BirthDate = new DateOnly(1980, 2, 29),
        Ssn = 123456789,
        Email = name.ToLowerInvariant() + "@example.com",
    };

    private (byte[]? Diagnosis, byte[] Phone, byte[] Balance, string? Ssn) Stored(long id)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT diagnosis, phone, balance, ssn FROM patients WHERE id = @id";
        Add(command, "@id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.IsDBNull(0) ? null : (byte[])reader[0], (byte[])reader[1], (byte[])reader[2], reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private void Overwrite(long id, string column, object value)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = column switch
        {
            "diagnosis" => "UPDATE patients SET diagnosis = @value WHERE id = @id",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        Add(command, "@value", value);
        Add(command, "@id", id);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [Fact]
    public void Values_are_stored_as_ciphertext_with_the_header_and_read_back_in_clear()
    {
        var patients = For("acme");
        var inserted = patients.Insert(NewPatient("Ann", "555-0100"));
        Assert.Equal("acme", inserted.TenantId);
        Assert.Equal("flu", inserted.Diagnosis);
        Assert.Equal(1234.56m, inserted.Balance);

        var stored = Stored(inserted.Id);
        foreach (var value in new[] { stored.Diagnosis!, stored.Phone, stored.Balance })
        {
            Assert.Equal(1, value[0]);
            Assert.Equal(1, ColumnEncryption.KeyIdOf(value));
        }

        Assert.Equal(1, stored.Diagnosis![1]);
        Assert.Equal(2, stored.Phone[1]);
        Assert.DoesNotContain("flu"u8.ToArray(), Windows(stored.Diagnosis));
        Assert.Equal(1, ColumnEncryption.KeyIdOfText(stored.Ssn!));

        var read = patients.Get(inserted.Id)!;
        Assert.Equal(inserted, read);
        Assert.Equal(new DateOnly(1980, 2, 29), read.BirthDate);
        Assert.Equal(123456789, read.Ssn);
    }

    [Fact]
    public void Randomized_values_differ_and_deterministic_values_repeat()
    {
        var patients = For("acme");
        var first = patients.Insert(NewPatient("Ann", "555-0100", "same"));
        var second = patients.Insert(NewPatient("Bob", "555-0100", "same"));
        var a = Stored(first.Id);
        var b = Stored(second.Id);
        Assert.NotEqual(a.Diagnosis, b.Diagnosis);
        Assert.NotEqual(a.Balance, b.Balance);
        Assert.Equal(a.Phone, b.Phone);
    }

    [Fact]
    public async Task Lookups_by_a_deterministic_column_encrypt_the_parameter()
    {
        var patients = For("acme");
        var ann = patients.Insert(NewPatient("Ann", "555-0100"));
        patients.Insert(NewPatient("Bob", "555-0199"));

        Assert.Equal(ann, patients.FindByPhone("555-0100"));
        Assert.Equal(ann, await patients.FindByPhoneAsync("555-0100"));
        Assert.Null(patients.FindByPhone("555-0000"));
        Assert.Equal(1L, patients.CountByPhone("555-0199"));
        Assert.True(patients.ExistsByPhone("555-0199"));
        Assert.Equal(new[] { ann }, patients.WithPhone("555-0100"));
        Assert.Equal(1, patients.SetDiagnosis(ann.Id, "cold"));
        Assert.Equal("cold", patients.Get(ann.Id)!.Diagnosis);
        Assert.Equal(new[] { (ann.Id, "555-0100") }, patients.Phones().Take(1));
        Assert.Equal("cold", patients.DiagnosisOf(ann.Id));
        Assert.Equal(123456789, patients.SsnOf(ann.Id));
        Assert.Equal(1234.56m, patients.Balances().First().Amount);
        Assert.Equal(1, patients.DeleteByPhone("555-0199"));
        Assert.Equal(new[] { "Ann" }, patients.All().Select(p => p.Name));
    }

    [Fact]
    public void A_flipped_bit_a_truncated_value_and_an_unknown_key_are_each_detected()
    {
        var patients = For("acme");
        var ann = patients.Insert(NewPatient("Ann", "555-0100"));
        var original = Stored(ann.Id).Diagnosis!;

        var flipped = (byte[])original.Clone();
        flipped[^3] ^= 0x04;
        Overwrite(ann.Id, "diagnosis", flipped);
        var error = Assert.Throws<DecryptionException>(() => patients.Get(ann.Id));
        Assert.Equal("patients", error.Table);
        Assert.Equal("diagnosis", error.Column);
        Assert.Equal(1, error.KeyId);

        Overwrite(ann.Id, "diagnosis", original[..^5]);
        Assert.Throws<DecryptionException>(() => patients.Get(ann.Id));

        // The same bytes under a key id the ring does not have.
        var foreign = (byte[])original.Clone();
        foreign[5] = 9;
        Overwrite(ann.Id, "diagnosis", foreign);
        error = Assert.Throws<DecryptionException>(() => patients.Get(ann.Id));
        Assert.Equal(9, error.KeyId);
        Assert.Contains("patients", error.Message);

        // A value moved from another column does not decrypt here either.
        Overwrite(ann.Id, "diagnosis", Stored(ann.Id).Balance);
        Assert.Throws<DecryptionException>(() => patients.Get(ann.Id));
    }

    [Fact]
    public async Task Rotation_keeps_old_rows_readable_and_re_encryption_resumes_after_a_stop()
    {
        var names = Enumerable.Range(0, 40).Select(i => "P" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var name in names)
        {
            For("acme").Insert(NewPatient(name, "555-" + name));
        }

        For("other").Insert(NewPatient("Zed", "555-0001"));

        Keys = Keys.AddKey();
        Assert.Equal(2, Keys.CurrentKey.Id);

        // Old rows read, and a lookup finds rows under either key while both are in the ring.
        var added = For("acme").Insert(NewPatient("New", "555-P05"));
        Assert.Equal(2, ColumnEncryption.KeyIdOf(Stored(added.Id).Phone));
        Assert.Equal(1, ColumnEncryption.KeyIdOf(Stored(For("acme").FindByName("P05").Single().Id).Phone));
        Assert.Equal(2L, For("acme").CountByPhone("555-P05"));
        Assert.Equal(new[] { "New", "P05" }, For("acme").WithPhone("555-P05").Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));

        // One statement compares with the value under each key: an OR, a NOT and an order keep their meaning.
        Assert.Equal(new[] { "New", "P05", "P06" }, For("acme").FindByPhoneOrNameOrderByName("555-P05", "P06").Select(p => p.Name));
        Assert.Equal(41L - 2, For("acme").CountByPhoneNot("555-P05"));

        // Stopped after the first rows, then run again to the end: every value under the new key, none lost.
        var job = (IReEncryptable)IPatientRepository.Create(_database.Source.WithColumnKeys(Keys));
        using (var stop = new CancellationTokenSource())
        {
            var progress = 0;
            var stopping = new StoppingKeys(Keys, () => ++progress == 7, stop);
            var stopped = (IReEncryptable)IPatientRepository.Create(_database.Source.WithColumnKeys(stopping));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.ReEncryptAsync(batchSize: 5, stop.Token));
        }

        var result = await job.ReEncryptAsync(batchSize: 5);
        Assert.Equal(42L, result.RowsRead);
        Assert.True(result.ValuesReEncrypted > 0);

        var again = await job.ReEncryptAsync(batchSize: 5);
        Assert.Equal(0L, again.ValuesReEncrypted);

        Keys = Keys.RemoveKey(1);
        Assert.Equal(new[] { "New" }.Concat(names), For("acme").All().Select(p => p.Name));
        Assert.All(For("acme").All(), p => Assert.Equal("flu", p.Diagnosis));
        Assert.Equal("Zed", For("other").All().Single().Name);
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT diagnosis, phone, balance, birth_date FROM patients";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(2, ColumnEncryption.KeyIdOf((byte[])reader[i]));
            }
        }
    }

    [Fact]
    public void One_tenant_cannot_read_change_or_delete_another_tenants_rows()
    {
        var acme = For("acme");
        var other = For("other");
        var ann = acme.Insert(NewPatient("Ann", "555-0100"));
        var zed = other.Insert(NewPatient("Zed", "555-0100"));

        Assert.Null(other.Get(ann.Id));
        Assert.False(other.Exists(ann.Id));
        Assert.Equal(1L, other.Count());
        Assert.Equal(new[] { zed.Id }, other.GetMany(new[] { ann.Id, zed.Id }).Select(p => p.Id));
        Assert.Equal(zed.Id, other.FindByPhone("555-0100")!.Id);
        Assert.Equal(1L, other.CountByPhone("555-0100"));
        Assert.Equal(new[] { zed.Id }, other.WithPhone("555-0100").Select(p => p.Id));
        Assert.Empty(other.FindByName("Ann"));
        Assert.Equal(0, other.SetDiagnosis(ann.Id, "hacked"));
        Assert.Throws<NeoGenConcurrencyException>(() => other.Update(ann with { TenantId = "other", Name = "Hacked" }));
        Assert.False(other.Delete(ann.Id));
        Assert.Equal(1, other.DeleteByPhone("555-0100"));

        // Writing a row that names another tenant is refused, not written.
        Assert.Throws<NeoGenTenantException>(() => other.Insert(NewPatient("Eve", "555-0102") with { TenantId = "acme" }));
        Assert.Throws<NeoGenTenantException>(() => other.Upsert(ann));
        Assert.Throws<NeoGenTenantException>(() => IPatientRepository.Create(_database.Source.WithColumnKeys(Keys)).Get(ann.Id));

        var still = acme.Get(ann.Id)!;
        Assert.Equal("Ann", still.Name);
        Assert.Equal("flu", still.Diagnosis);
        Assert.Equal(new[] { "Ann" }, acme.All().Select(p => p.Name));
    }

    [Fact]
    public void A_tenant_comes_from_the_ambient_context()
    {
        var repository = IPatientRepository.Create(_database.Source.WithColumnKeys(Keys).WithTenant(TenantContext.Ambient));
        Patient ann;
        using (TenantContext.Use("acme"))
        {
            ann = repository.Insert(NewPatient("Ann", "555-0100"));
        }

        using (TenantContext.Use("other"))
        {
            Assert.Null(repository.Get(ann.Id));
        }

        Assert.Throws<NeoGenTenantException>(() => repository.Get(ann.Id));
    }

    [Fact]
    public void Masked_copies_and_ToString_never_show_protected_values()
    {
        var ann = For("acme").Insert(NewPatient("Ann", "555-0100-1234"));
        var text = ann.ToString();
        Assert.DoesNotContain("flu", text);
        Assert.DoesNotContain("ann@example.com", text);
        Assert.DoesNotContain("555-0100", text);
        Assert.Contains("Name = Ann", text);
        var masked = ann.ToMasked();
        Assert.Equal(text, masked.ToString());
        Assert.Same(masked, masked.ToMasked());
        Assert.Equal("a***@example.com", masked.Email);
        Assert.EndsWith("1234", masked.Phone);
        Assert.DoesNotContain("0100", masked.Phone);
        Assert.Equal(default, masked.Balance);
        Assert.NotEqual("flu", masked.Diagnosis);
    }

    [Fact]
    public void A_repository_that_encrypts_refuses_a_source_without_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => IPatientRepository.Create(_database.Source.WithTenant("acme")));
        Assert.Contains("patients.diagnosis", error.Message);
    }

    private static IEnumerable<byte[]> Windows(byte[] value)
    {
        for (var i = 0; i + 3 <= value.Length; i++)
        {
            yield return value[i..(i + 3)];
        }
    }

    /// <summary>Keys that cancel a run after a number of re-encrypted values, as a process stopped mid-way would.</summary>
    private sealed class StoppingKeys : IColumnKeyProvider
    {
        private readonly IColumnKeyProvider _inner;
        private readonly Func<bool> _stopNow;
        private readonly CancellationTokenSource _stop;

        public StoppingKeys(IColumnKeyProvider inner, Func<bool> stopNow, CancellationTokenSource stop)
        {
            _inner = inner;
            _stopNow = stopNow;
            _stop = stop;
        }

        public ColumnKey CurrentKey
        {
            get
            {
                if (_stopNow())
                {
                    _stop.Cancel();
                }

                return _inner.CurrentKey;
            }
        }

        public IReadOnlyList<ColumnKey> Keys => _inner.Keys;

        public bool TryGetKey(int keyId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ColumnKey key) => _inner.TryGetKey(keyId, out key);
    }
}

public sealed class SqliteProtectionTests : ProtectionContract, IClassFixture<SqliteDatabase>
{
    public SqliteProtectionTests(SqliteDatabase database)
        : base(
            database,
            "CREATE TABLE patients (id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, name TEXT NOT NULL, diagnosis BLOB, phone BLOB NOT NULL, balance BLOB NOT NULL, birth_date BLOB, ssn TEXT, email TEXT NOT NULL)",
            "CREATE TABLE prescriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, drug TEXT NOT NULL, note BLOB)")
    {
    }
}

public sealed class PostgresProtectionTests : ProtectionContract, IClassFixture<PostgresDatabase>
{
    public PostgresProtectionTests(PostgresDatabase database)
        : base(
            database,
            "CREATE TABLE patients (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, tenant_id text NOT NULL, name text NOT NULL, diagnosis bytea, phone bytea NOT NULL, balance bytea NOT NULL, birth_date bytea, ssn text, email text NOT NULL)",
            "CREATE TABLE prescriptions (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, drug text NOT NULL, note bytea)")
    {
    }
}

public sealed class MariaDbProtectionTests : ProtectionContract, IClassFixture<MariaDbDatabase>
{
    public MariaDbProtectionTests(MariaDbDatabase database)
        : base(
            database,
            "CREATE TABLE patients (id BIGINT AUTO_INCREMENT PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, diagnosis VARBINARY(1024), phone VARBINARY(512) NOT NULL, balance VARBINARY(256) NOT NULL, birth_date VARBINARY(256), ssn VARCHAR(512), email VARCHAR(320) NOT NULL)",
            "CREATE TABLE prescriptions (id BIGINT AUTO_INCREMENT PRIMARY KEY, drug VARCHAR(100) NOT NULL, note VARBINARY(1024))")
    {
    }
}
