using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>What the generator writes and refuses for [Encrypted], [Masked], [TenantKey] and [Audited] members.</summary>
public sealed class ProtectionTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using NeoGen;

        namespace Clinic;

        [Table("patients")]
        [Audited]
        public sealed partial record Patient
        {
            [Key, Generated] public long Id { get; init; }
            [TenantKey] public string TenantId { get; init; } = "";
            public string Name { get; init; } = "";
            [Encrypted] public string? Diagnosis { get; init; }
            [Encrypted(Deterministic = true), Masked(MaskKind.Phone)] public string Phone { get; init; } = "";
            [Masked(MaskKind.Email)] public string Email { get; init; } = "";
        }

        """;

    private static GeneratorOutcome Run(string members, string model = Model)
        => GeneratorHarness.Run(model + "[Repository(Dialect.Sqlite)]\npublic partial interface IPatientRepository : ICrudRepository<Patient, long>\n{\n" + members + "\n}\n");

    private static void CompilesCleanly(GeneratorOutcome outcome)
    {
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Encrypted_members_are_encrypted_on_write_and_decrypted_on_read()
    {
        var outcome = Run("Patient? FindByPhone(string phone);");
        CompilesCleanly(outcome);
        var code = outcome.Source("IPatientRepository.Sqlite.g.cs");
        Assert.Contains("ColumnEncryption.Encrypt(_keys, entity.Diagnosis!, false, s_label_patients__diagnosis)", code);
        Assert.Contains("ColumnEncryption.Encrypt(_keys, entity.Phone, true, s_label_patients__phone)", code);
        Assert.Contains("ColumnEncryption.DecryptString(keys, reader.GetFieldValue<byte[]>(ordinal = 4), s_label_patients__phone)", code);

        // The lookup compares with its argument under each readable key, current first, in one statement.
        Assert.Contains("WHERE (phone IN (@p0, @p1, @p2)) AND tenant_id = @p3", code);
        Assert.Contains("ColumnEncryption.HasLookupKey(_keys, 2) ? global::NeoGen.Internal.ColumnEncryption.EncryptUnder(global::NeoGen.Internal.ColumnEncryption.LookupKey(_keys, 2), phone, s_label_patients__phone) : global::System.Array.Empty<byte>()", code);
        Assert.Contains("global::NeoGen.IReEncryptable", code);
    }

    [Fact]
    public void Every_statement_of_a_tenant_table_is_by_the_ambient_tenant()
    {
        var outcome = Run("List<Patient> FindByName(string name);\nint DeleteByName(string name);");
        CompilesCleanly(outcome);
        var code = outcome.Source("IPatientRepository.Sqlite.g.cs");
        foreach (var statement in new[] { "Sql_Get_0", "Sql_Exists_2", "Sql_Count_3", "Sql_Delete_6", "Sql_Update_5" })
        {
            var line = code.Split('\n').Single(l => l.Contains($"private const string {statement} ="));
            Assert.Contains("tenant_id = @p", line);
        }

        Assert.Contains("WHERE (name = @p0) AND tenant_id = @p1", code);
        Assert.Contains("TenantValues.Insert(_source, entity.TenantId, \"tenant_id\")", code);
        Assert.Contains("TenantValues.String(_source, \"patients\")", code);
    }

    [Fact]
    public void Audited_writes_run_in_an_audit_scope()
    {
        var outcome = Run(string.Empty);
        CompilesCleanly(outcome);
        var code = outcome.Source("IPatientRepository.Sqlite.g.cs");
        Assert.Contains("AuditScope.Enter(_source, _source.Rent())", code);
        Assert.Contains("__audit.Record(s_audit_Insert_0, global::NeoGen.Internal.AuditStatement.Key(__result.Id), \"Insert\");", code);
        Assert.Contains("var lease = global::NeoGen.Internal.AuditScope.Rent(_source);", code);
    }

    [Fact]
    public void Masked_types_get_ToMasked_and_a_ToString_that_masks()
    {
        var outcome = Run(string.Empty);
        var masking = outcome.Source("Patient.Masking.g.cs");
        Assert.Contains("public global::Clinic.Patient ToMasked() => IsNeoGenMaskedCopy ? this : this with { Diagnosis = global::NeoGen.Masking.Full(Diagnosis)!, Phone = global::NeoGen.Masking.Phone(Phone)!, Email = global::NeoGen.Masking.Email(Email)!, IsNeoGenMaskedCopy = true };", masking);
        Assert.Contains("private bool PrintMembers(global::System.Text.StringBuilder builder)", masking);
        Assert.Contains("builder.Append(IsNeoGenMaskedCopy ? (object?)Email : global::NeoGen.Masking.Email(Email));", masking);
    }

    [Fact]
    public void NG4001_and_NG4002_refuse_derived_queries_an_encrypted_column_cannot_answer()
    {
        var outcome = Run("""
            List<Patient> FindByDiagnosis(string diagnosis);
            List<Patient> FindByPhoneStartingWith(string prefix);
            List<Patient> FindByNameOrderByPhone(string name);
            List<Patient> FindByPhoneIn(List<string> phones);
            """);
        var randomized = Assert.Single(outcome.NeoGen("NG4001"));
        Assert.Contains("'patients.diagnosis' is encrypted with a random nonce", randomized.GetMessage());
        var deterministic = outcome.NeoGen("NG4002").Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, deterministic.Count);
        Assert.Contains(deterministic, m => m.Contains("'PhoneStartingWith' compares order or text patterns"));
        Assert.Contains(deterministic, m => m.Contains("'OrderByPhone' would sort by ciphertext"));
        Assert.Contains(deterministic, m => m.Contains("not encrypt element by element"));
        Assert.Empty(outcome.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("[Encrypted] public System.TimeSpan Wait { get; init; }", "cannot store TimeSpan")]
    [InlineData("[Key, Encrypted] public long Id { get; init; }", "a key, generated, version, timestamp or tenant column cannot be [Encrypted]")]
    [InlineData("[Masked(MaskKind.Email)] public int Count { get; init; }", "[Masked] applies to text members")]
    [InlineData("[TenantKey] public string? Tenant { get; init; }", "a [TenantKey] is a non-nullable string, int, long or Guid")]
    public void NG4005_protection_attribute_that_cannot_apply(string member, string reason)
    {
        var model = """
            using NeoGen;
            [Table("things")]
            public sealed partial record Thing
            {
                [Key] public long Key { get; init; }
            """ + "\n" + member.Replace("public long Id", "public long Other") + "\n}\n";
        var outcome = GeneratorHarness.Run(model);
        var diagnostic = Assert.Single(outcome.NeoGen("NG4005"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage());
    }

    [Fact]
    public void NG4005_encrypted_member_of_a_result_type()
    {
        var outcome = Run("""[Query("SELECT id, phone FROM patients WHERE id = @id AND tenant_id = @tenant")] List<PhoneRow> Phones(long id);""",
            Model + "public sealed record PhoneRow(long Id, [property: Encrypted] string Phone);\n");
        Assert.Contains("belongs on the member of the [Table] type", Assert.Single(outcome.NeoGen("NG4005")).GetMessage());
    }

    [Fact]
    public void NG4006_a_type_that_is_not_partial_prints_protected_members()
    {
        var outcome = GeneratorHarness.Run("""
            using NeoGen;
            [Table("people")]
            public sealed record Person
            {
                [Key] public long Id { get; init; }
                [Masked(MaskKind.Email)] public string Email { get; init; } = "";
            }
            """);
        var diagnostic = Assert.Single(outcome.NeoGen("NG4006"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("Person is not a partial, non-generic type", diagnostic.GetMessage());
        Assert.DoesNotContain(outcome.Sources.Keys, k => k.Contains("Masking"));
    }

    [Fact]
    public void A_method_parameter_named_tenant_cannot_choose_the_tenant()
    {
        var outcome = Run("""[Query("SELECT * FROM patients WHERE tenant_id = @tenant")] List<Patient> ForTenant(string tenant);""");
        Assert.Contains("the caller would choose the tenant", Assert.Single(outcome.NeoGen("NG4003")).GetMessage());
    }

    [Fact]
    public void One_parameter_cannot_meet_a_clear_and_an_encrypted_column()
    {
        var outcome = Run("""[Query("SELECT * FROM patients WHERE tenant_id = @tenant AND (name = @login OR phone = @login)")] List<Patient> ByLogin(string login);""");
        Assert.Contains("also meets a column stored differently", Assert.Single(outcome.NeoGen("NG4002")).GetMessage());
    }

    [Fact]
    public void A_lookup_argument_of_another_width_than_the_encrypted_member_is_NG2004()
    {
        var model = Model.Replace("public string Name { get; init; } = \"\";", "public string Name { get; init; } = \"\";\n    [Encrypted(Deterministic = true)] public int Badge { get; init; }");
        var outcome = Run("Patient? FindByBadge(long badge);\n[Query(\"SELECT * FROM patients WHERE tenant_id = @tenant AND badge = @badge\")] List<Patient> WithBadge(long badge);", model);
        var messages = outcome.NeoGen("NG2004").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("encrypted from Int32", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unique_index_on_a_randomized_column_is_NG4005_and_a_masked_result_type_is_NG4006()
    {
        var model = Model.Replace("[Audited]", "[Audited]\n[Index(nameof(Diagnosis), Unique = true)]") + "public sealed record Contact(long Id, [property: Masked(MaskKind.Email)] string Email);\n";
        var outcome = Run("""[Query("SELECT id, email FROM patients WHERE tenant_id = @tenant")] List<Contact> Contacts();""", model);
        Assert.Contains("a unique index on a randomized-encrypted column enforces nothing", Assert.Single(outcome.NeoGen("NG4005")).GetMessage());
        Assert.Contains("Contact.Email is [Masked], but ToMasked() and a masked ToString() are generated for [Table] types only", Assert.Single(outcome.NeoGen("NG4006")).GetMessage());
    }

    [Fact]
    public void A_view_shows_an_encrypted_column_decrypted_under_its_base_column_label_and_keeps_the_tenant()
    {
        var compilation = GeneratorHarness.Compilation(Model + """
            public sealed record PhoneRow(long Id, string Phone);

            [Repository(Dialect.Sqlite)]
            public partial interface IPatientRepository : ICrudRepository<Patient, long>
            {
                [Query("SELECT id, phone FROM patient_phones WHERE tenant_id = @tenant")]
                List<PhoneRow> Phones();
            }
            """);
        var files = new[]
        {
            (AdditionalText)new SqlFile("db/001_patients.sql", "CREATE TABLE patients (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, diagnosis BLOB, phone BLOB NOT NULL, email TEXT NOT NULL); CREATE VIEW patient_phones AS SELECT id, tenant_id, phone FROM patients;"),
        };
        GeneratorHarness.Driver().AddAdditionalTexts(files.ToImmutableArray()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var code = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("IPatientRepository.Sqlite.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("ColumnEncryption.DecryptString(keys, reader.GetFieldValue<byte[]>(ordinal = 1), s_label_patients__phone)", code);
    }

    private sealed class SqlFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    [Fact]
    public void Protected_types_without_problems_report_nothing()
    {
        var outcome = Run("Patient? FindByPhone(string phone);\nlong CountByPhone(string phone);");
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("NG4", StringComparison.Ordinal)));
    }
}
