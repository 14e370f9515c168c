#if NEOGEN
using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using NeoGen.Internal;

namespace NeoGen.Benchmarks.Workloads;

// The same table twice on SQLite, once with its text column [Encrypted]: what encryption adds to an insert and to a
// read by key through the generated repository (the difference is the cost of one encrypted value), and what the
// cipher alone costs per value.

[Table("plain_notes")]
public sealed record PlainNote
{
    [Key, Generated]
    public long Id { get; init; }

    public string Body { get; init; } = "";
}

[Table("secret_notes")]
public sealed partial record SecretNote
{
    [Key, Generated]
    public long Id { get; init; }

    [Encrypted]
    public string Body { get; init; } = "";
}

[Repository(Dialect.Sqlite)]
public partial interface IPlainNoteRepository : ICrudRepository<PlainNote, long>
{
}

[Repository(Dialect.Sqlite)]
public partial interface ISecretNoteRepository : ICrudRepository<SecretNote, long>
{
}

/// <summary>Insert and read by key, with and without one encrypted column (baseline: without).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EncryptedColumnBenchmarks
{
    private const string Body = "a note of forty characters, or about so";
    private string _directory = "";
    private NeoGenDataSource _source = null!;
    private IPlainNoteRepository _plain = null!;
    private ISecretNoteRepository _secret = null!;
    private long _plainId;
    private long _secretId;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "neogen-bench-encryption-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var connectionString = $"Data Source={Path.Combine(_directory, "notes.db")};Pooling=true";
        _source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection(connectionString), new NeoGenDataSourceOptions
        {
            ColumnKeys = ColumnKeyRing.Create(ColumnKey.Generate(1)),
            ConnectionOpened = connection =>
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF";
                pragma.ExecuteNonQuery();
            },
        });
        var lease = _source.Rent();
        try
        {
            using var command = lease.Connection.CreateCommand();
            command.CommandText = "CREATE TABLE plain_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL); CREATE TABLE secret_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL)";
            command.ExecuteNonQuery();
        }
        finally
        {
            lease.Release();
        }

        _plain = IPlainNoteRepository.Create(_source);
        _secret = ISecretNoteRepository.Create(_source);
        _plainId = _plain.Insert(new PlainNote { Body = Body }).Id;
        _secretId = _secret.Insert(new SecretNote { Body = Body }).Id;
        if (_secret.Get(_secretId)?.Body != Body || _plain.Get(_plainId)?.Body != Body)
        {
            throw new InvalidOperationException("the repositories do not round-trip the note");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ReadByKey")]
    public PlainNote? ReadPlain() => _plain.Get(_plainId);

    [Benchmark, BenchmarkCategory("ReadByKey")]
    public SecretNote? ReadEncrypted() => _secret.Get(_secretId);

    [Benchmark(Baseline = true), BenchmarkCategory("Insert")]
    public PlainNote InsertPlain() => _plain.Insert(new PlainNote { Body = Body });

    [Benchmark, BenchmarkCategory("Insert")]
    public SecretNote InsertEncrypted() => _secret.Insert(new SecretNote { Body = Body });
}

/// <summary>The cipher alone: one 40-character value encrypted and decrypted, randomized and deterministic.</summary>
[MemoryDiagnoser]
public class ColumnCipherBenchmarks
{
    private const string Value = "a note of forty characters, or about so";
    private static readonly ColumnLabel Label = new("notes", "body");
    private readonly ColumnKeyRing _keys = ColumnKeyRing.Create(ColumnKey.Generate(1));
    private byte[] _randomized = Array.Empty<byte>();
    private byte[] _deterministic = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _randomized = ColumnEncryption.Encrypt(_keys, Value, false, Label);
        _deterministic = ColumnEncryption.Encrypt(_keys, Value, true, Label);
    }

    [Benchmark]
    public byte[] EncryptRandomized() => ColumnEncryption.Encrypt(_keys, Value, false, Label);

    [Benchmark]
    public string DecryptRandomized() => ColumnEncryption.DecryptString(_keys, _randomized, Label);

    [Benchmark]
    public byte[] EncryptDeterministic() => ColumnEncryption.Encrypt(_keys, Value, true, Label);

    [Benchmark]
    public string DecryptDeterministic() => ColumnEncryption.DecryptString(_keys, _deterministic, Label);
}
#endif
