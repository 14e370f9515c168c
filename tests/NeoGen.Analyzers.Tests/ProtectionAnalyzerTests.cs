using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static NeoGen.Analyzers.Tests.QueryVerify;

namespace NeoGen.Analyzers.Tests;

/// <summary>NG4001-NG4004 in written SQL: what encrypted and tenant-scoped columns allow, each rule on its exact span, and silence on correct SQL.</summary>
public sealed class ProtectionAnalyzerTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using NeoGen;

        [Table("patients")]
        [Index(nameof(TenantId), nameof(Phone))]
        [Index(nameof(Name))]
        public sealed record Patient
        {
            [Key, Generated] public long Id { get; init; }
            [TenantKey] public string TenantId { get; init; } = "";
            public string Name { get; init; } = "";
            [Encrypted] public string? Diagnosis { get; init; }
            [Encrypted(Deterministic = true)] public string Phone { get; init; } = "";
            [Encrypted(Deterministic = true)] public string Email { get; init; } = "";
        }

        [Table("notes")]
        [Index(nameof(Phone))]
        public sealed record Note
        {
            [Key, Generated] public long Id { get; init; }
            public long PatientId { get; init; }
            [Encrypted(Deterministic = true)] public string Phone { get; init; } = "";
        }

        """;

    private static string Repo(string members)
        => Model + "[Repository(Dialect.Sqlite)]\npublic partial interface IPatientRepository : ICrudRepository<Patient, long>\n{\n" + members + "\n}\n";

    [Fact]
    public Task Equality_with_parameters_null_tests_and_the_tenant_predicate_are_silent() => Analyzer(Repo("""
            [Query("SELECT id, name, diagnosis, phone FROM patients WHERE phone = @phone AND tenant_id = @tenant")]
            Task<List<Patient>> ByPhoneAsync(string phone);
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND (phone IN (@a, @b) OR diagnosis IS NULL) AND phone <> @c")]
            Task<List<long>> SomeAsync(string a, string b, string c);
            [Query("SELECT phone, COUNT(diagnosis) AS n FROM patients WHERE tenant_id = @tenant GROUP BY phone")]
            Task<List<(string Phone, long N)>> ByPhoneCountAsync();
            [Query("UPDATE patients SET diagnosis = @diagnosis WHERE id = @id AND tenant_id = @tenant")]
            Task<int> DiagnoseAsync(long id, string? diagnosis);
            [Query("INSERT INTO patients (tenant_id, name, phone, email) VALUES (@tenant, @name, @phone, @email)")]
            Task<int> AddAsync(string name, string phone, string email);
            [Query("DELETE FROM patients WHERE tenant_id = @tenant AND phone = @phone")]
            Task<int> ForgetAsync(string phone);
            [Query("SELECT a.id FROM patients a JOIN patients b ON b.id = a.id WHERE a.tenant_id = @tenant AND b.tenant_id = @tenant")]
            Task<List<long>> SelfJoinAsync();
            [Query("INSERT INTO patients (id, tenant_id, name, phone, email) VALUES (@id, @tenant, @name, @phone, @email) ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE patients.tenant_id = @tenant")]
            Task<int> PutAsync(long id, string name, string phone, string email);
            """));

    [Fact]
    public Task A_randomized_column_in_a_filter_or_a_sort_is_NG4001() => Analyzer(Repo("""
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND {|#0:diagnosis|} = @d")]
            Task<List<long>> WithDiagnosisAsync(string d);
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant ORDER BY {|#1:diagnosis|}")]
            Task<List<long>> SortedAsync();
            [Query("UPDATE patients SET diagnosis = {|#2:'flu'|} WHERE id = @id AND tenant_id = @tenant")]
            Task<int> DiagnoseAsync(long id);
            """),
        Diagnostic("NG4001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("patients", "diagnosis", "a WHERE condition compares or sorts ciphertexts that never repeat; mark the member [Encrypted(Deterministic = true)] to look rows up by it (equality only), or filter on another column"),
        Diagnostic("NG4001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("patients", "diagnosis", "ORDER BY compares or sorts ciphertexts that never repeat; sort or group the decrypted values in C#"),
        Diagnostic("NG4001", DiagnosticSeverity.Error).WithLocation(2).WithArguments("patients", "diagnosis", "a literal assigned to it would be stored in clear; pass the value as a parameter, which NeoGen encrypts"));

    [Fact]
    public Task A_deterministic_column_with_order_patterns_joins_or_literals_is_NG4002() => Analyzer(Repo("""
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND {|#0:phone|} > @p")]
            Task<List<long>> AfterAsync(string p);
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND {|#1:phone|} LIKE @p")]
            Task<List<long>> LikeAsync(string p);
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND phone = {|#2:'555'|}")]
            Task<List<long>> LiteralAsync();
            [Query("SELECT p.id FROM patients p JOIN notes n ON {|#3:n.phone|} = {|#4:p.phone|} WHERE p.tenant_id = @tenant")]
            Task<List<long>> JoinedAsync();
            """),
        Diagnostic("NG4002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("patients", "phone", "an order comparison (<, >, BETWEEN) compares ciphertexts, whose order is unrelated to the values"),
        Diagnostic("NG4002", DiagnosticSeverity.Error).WithLocation(1).WithArguments("patients", "phone", "LIKE matches text patterns, which a ciphertext does not keep"),
        Diagnostic("NG4002", DiagnosticSeverity.Error).WithLocation(2).WithArguments("patients", "phone", "a literal is not encrypted and never equals a ciphertext; pass the value as a parameter, which NeoGen encrypts"),
        Diagnostic("NG4002", DiagnosticSeverity.Error).WithLocation(3).WithArguments("notes", "phone", "each column's ciphertexts are bound to that column, so it equals no other column; join on a key"),
        Diagnostic("NG4002", DiagnosticSeverity.Error).WithLocation(4).WithArguments("patients", "phone", "each column's ciphertexts are bound to that column, so it equals no other column; join on a key"));

    [Fact]
    public Task A_function_on_an_encrypted_column_is_NG4004() => Analyzer(Repo("""
            [Query("SELECT id FROM patients WHERE tenant_id = @tenant AND {|#0:lower(email)|} = @e")]
            Task<List<long>> ByEmailAsync(string e);
            [Query("SELECT {|#1:length(diagnosis)|} AS n FROM patients WHERE tenant_id = @tenant")]
            Task<List<long>> LengthsAsync();
            """),
        Diagnostic("NG4004", DiagnosticSeverity.Error).WithLocation(0).WithArguments("lower", "patients", "email"),
        Diagnostic("NG4004", DiagnosticSeverity.Error).WithLocation(1).WithArguments("length", "patients", "diagnosis"));

    [Fact]
    public Task A_value_written_to_an_encrypted_column_must_be_a_bare_parameter() => Analyzer(Repo("""
            [Query("UPDATE patients SET email = {|#0:lower(@email)|} WHERE id = @id AND tenant_id = @tenant")]
            Task<int> SetEmailAsync(long id, string email);
            [Query("UPDATE patients SET phone = {|#1:email|} WHERE id = @id AND tenant_id = @tenant")]
            Task<int> CopyAsync(long id);
            [Query("UPDATE patients SET phone = @phone, email = (@email) WHERE id = @id AND tenant_id = @tenant")]
            Task<int> SetBothAsync(long id, string phone, string email);
            """),
        Diagnostic("NG4004", DiagnosticSeverity.Error).WithLocation(0).WithArguments("lower(@email)", "patients", "email"),
        Diagnostic("NG4004", DiagnosticSeverity.Error).WithLocation(1).WithArguments("email", "patients", "phone"));

    [Fact]
    public Task A_tenant_table_without_its_predicate_is_NG4003() => Analyzer(Repo("""
            [Query("SELECT id FROM {|#0:patients|} WHERE name = @name")]
            Task<List<long>> ByNameAsync(string name);
            [Query("SELECT id FROM {|#1:patients|} WHERE tenant_id = @tenant OR name = @name")]
            Task<List<long>> LeakyAsync(string name);
            [Query("DELETE FROM {|#2:patients|} WHERE tenant_id = @other")]
            Task<int> ForgetAsync(string other);
            [Query("INSERT INTO {|#3:patients|} (tenant_id, name, phone, email) VALUES (@t, @name, @phone, @email)")]
            Task<int> AddAsync(string t, string name, string phone, string email);
            [Query("DELETE FROM {|#4:patients|} WHERE id = @id AND EXISTS (SELECT 1 FROM patients p2 WHERE p2.tenant_id = @tenant)")]
            Task<int> SneakyAsync(long id);
            [Query("INSERT INTO {|#5:patients|} (id, tenant_id, name, phone, email) VALUES (@id, @tenant, @name, @phone, @email) ON CONFLICT (id) DO UPDATE SET name = excluded.name")]
            Task<int> PutAsync(long id, string name, string phone, string email);
            """),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(0).WithArguments("The query of tenant table 'patients' has no condition 'tenant_id = @tenant' (outside any OR), so it would reach every tenant's rows; add it, and NeoGen binds @tenant to the ambient tenant"),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(1).WithArguments("The query of tenant table 'patients' has no condition 'tenant_id = @tenant' (outside any OR), so it would reach every tenant's rows; add it, and NeoGen binds @tenant to the ambient tenant"),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(2).WithArguments("The DELETE from tenant table 'patients' has no condition 'tenant_id = @tenant' (outside any OR), so it would reach every tenant's rows; add it, and NeoGen binds @tenant to the ambient tenant"),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(3).WithArguments("INSERT into tenant table 'patients' must write @tenant to its tenant column 'tenant_id', so the row is the current tenant's"),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(4).WithArguments("The DELETE from tenant table 'patients' has no condition 'tenant_id = @tenant' (outside any OR), so it would reach every tenant's rows; add it, and NeoGen binds @tenant to the ambient tenant"),
        Diagnostic("NG4003", DiagnosticSeverity.Error).WithLocation(5).WithArguments("The upsert into tenant table 'patients' updates the row it conflicts with, which may be another tenant's; guard the update with 'tenant_id = @tenant' (ON CONFLICT ... DO UPDATE ... WHERE), or use the generated Upsert"));
}
