using Microsoft.Data.Sqlite;
using NeoGen;
using ProtectionSample;

// Encrypted, masked and tenant-scoped columns end to end on embedded SQLite: what the database stores beside what
// the application reads, one tenant's view of another's rows, a key rotation, and the audit trail.
var path = Path.Combine(Path.GetTempPath(), $"neogen-protection-{Environment.ProcessId}.db");
var failures = 0;
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    failures += condition ? 0 : 1;
}

// In production the ring comes from a file wrapped by a key-encryption key (ColumnKeyRing.FromFile) or from the
// environment (ColumnKeyRing.FromEnvironment); here it is made on the spot.
var keys = ColumnKeyRing.Create(ColumnKey.Generate(1));
await using (var source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection($"Data Source={path}"), new NeoGenDataSourceOptions
{
    Tenant = TenantContext.Ambient,
    AuditActor = AuditActor.Fixed("sample"),
}))
{
    Execute(source, "CREATE TABLE patients (id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, name TEXT NOT NULL, ssn BLOB, phone BLOB NOT NULL, email TEXT NOT NULL)");
    Execute(source, "CREATE INDEX ix_patients_tenant_phone ON patients (tenant_id, phone)");
    Execute(source, AuditTrail.CreateTableSql(Dialect.Sqlite));

    var patients = IPatientRepository.Create(source.WithColumnKeys(keys));
    Patient ann;
    using (TenantContext.Use("clinic-a"))
    {
        ann = await patients.InsertAsync(new Patient { Name = "Ann", Ssn = "078-05-1120", Phone = "+1 555 0100", Email = "ann@example.com" });
        await patients.InsertAsync(new Patient { Name = "Bob", Ssn = "219-09-9999", Phone = "+1 555 0199", Email = "bob@example.com" });
    }

    using (TenantContext.Use("clinic-b"))
    {
        await patients.InsertAsync(new Patient { Name = "Zoe", Ssn = "457-55-5462", Phone = "+1 555 0100", Email = "zoe@example.com" });
    }

    Console.WriteLine();
    Console.WriteLine("Stored by the database (plain ADO.NET)      | read through the repository");
    using (TenantContext.Use("clinic-a"))
    {
        foreach (var (id, ssn, phone) in Raw(source))
        {
            var patient = await patients.GetAsync(id);
            Console.WriteLine($"ssn   {Hex(ssn),-40} | {patient?.Ssn ?? "(another tenant's row)"}");
            Console.WriteLine($"phone {Hex(phone),-40} | {patient?.Phone ?? "(another tenant's row)"}");
        }

        Console.WriteLine();
        Console.WriteLine($"ToString(): {ann}");
        Console.WriteLine($"ToMasked(): {ann.ToMasked().Email}, {ann.ToMasked().Phone}");
        Console.WriteLine();

        Check(Raw(source).All(r => r.Ssn is null || r.Ssn[0] == 1), "every stored value starts with the format header, never the clear text");
        Check(!ann.ToString().Contains("ann@", StringComparison.Ordinal) && !ann.ToString().Contains("078-05", StringComparison.Ordinal), "ToString() shows no protected value");
        Check((await patients.FindByPhoneAsync("+1 555 0100"))?.Name == "Ann", "a deterministic lookup finds this tenant's row, not the other tenant's with the same phone");
        Check((await patients.AllAsync()).Select(p => p.Name).SequenceEqual(new[] { "Ann", "Bob" }), "a tenant sees only its own rows");
    }

    using (TenantContext.Use("clinic-b"))
    {
        Check(await patients.GetAsync(ann.Id) is null, "another tenant cannot read Ann by her key");
        Check(!await patients.DeleteAsync(ann.Id), "nor delete her");
    }

    // Rotation: a new current key; old rows stay readable; ReEncryptAsync moves them; then the old key can go.
    keys = keys.AddKey();
    var rotated = (IReEncryptable)IPatientRepository.Create(source.WithColumnKeys(keys));
    var result = await rotated.ReEncryptAsync();
    Console.WriteLine($"re-encrypted {result.ValuesReEncrypted} values in {result.RowsRead} rows under key {keys.CurrentKey.Id}");
    keys = keys.RemoveKey(1);
    using (TenantContext.Use("clinic-a"))
    {
        Check((await IPatientRepository.Create(source.WithColumnKeys(keys)).GetAsync(ann.Id))?.Ssn == "078-05-1120", "after the rotation every row reads under the new key alone");
    }

    Check(Convert.ToInt64(Scalar(source, "SELECT COUNT(*) FROM neogen_audit WHERE operation = 'Insert' AND actor = 'sample'"), System.Globalization.CultureInfo.InvariantCulture) == 3, "the audit trail recorded each insert, with its actor");
}

SqliteConnection.ClearAllPools();
File.Delete(path);
Console.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;

static string Hex(byte[]? value) => value is null ? "NULL" : Convert.ToHexString(value.AsSpan(0, Math.Min(value.Length, 18))) + "...";

static List<(long Id, byte[]? Ssn, byte[] Phone)> Raw(NeoGenDataSource source)
{
    var lease = source.Rent();
    try
    {
        using var command = lease.Connection.CreateCommand();
        command.CommandText = "SELECT id, ssn, phone FROM patients ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[]?, byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : (byte[])reader[1], (byte[])reader[2]));
        }

        return rows;
    }
    finally
    {
        lease.Release();
    }
}

static object? Scalar(NeoGenDataSource source, string sql)
{
    var lease = source.Rent();
    try
    {
        using var command = lease.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
    finally
    {
        lease.Release();
    }
}

static void Execute(NeoGenDataSource source, string sql)
{
    var lease = source.Rent();
    try
    {
        using var command = lease.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
    finally
    {
        lease.Release();
    }
}
