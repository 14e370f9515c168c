using System;
using BenchmarkDotNet.Attributes;
using NeoGen.Benchmarks.Contenders;

namespace NeoGen.Benchmarks.Workloads;

/// <summary>
/// Base of every benchmark class: one workload on one database, with every contender as a
/// benchmark method and hand-tuned ADO.NET as the baseline (so Ratio and Alloc Ratio compare to it).
/// BenchmarkDotNet runs each method in its own process, and GlobalSetup there builds a fresh
/// database, the contenders, and validates all of them on this workload before anything is timed.
/// </summary>
[MemoryDiagnoser]
public abstract class WorkloadBenchmarks
{
    private Random _random = new(BenchData.KeySeed);

    protected abstract Database Database { get; }

    protected abstract Workload Workload { get; }

    protected DatabaseFixture Fixture { get; private set; } = null!;

    protected ContenderSet Contenders { get; private set; } = null!;

    /// <summary>Key buffer, refilled for each invocation.</summary>
    protected int[] Ids { get; } = new int[BenchData.QueriesPerRequest];

    /// <summary>New randomnumber values, refilled for each invocation.</summary>
    protected int[] Numbers { get; } = new int[BenchData.QueriesPerRequest];

    [GlobalSetup]
    public void GlobalSetup()
    {
        Fixture = DatabaseFixture.Create(Database);
        Contenders = ContenderSet.Create(Database, Fixture.ConnectionString);
        Validator.ValidateAsync(Workload, Fixture, Contenders).GetAwaiter().GetResult();
        _random = new Random(BenchData.KeySeed);
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        Contenders?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Fixture?.Dispose();
    }

    protected int NextId() => BenchData.NextId(_random);

    protected int NextNumber() => BenchData.NextNumber(_random);

    protected int[] NextIds()
    {
        for (var i = 0; i < Ids.Length; i++)
        {
            Ids[i] = BenchData.NextId(_random);
        }

        return Ids;
    }

    protected int[] NextNumbers()
    {
        for (var i = 0; i < Numbers.Length; i++)
        {
            Numbers[i] = BenchData.NextNumber(_random);
        }

        return Numbers;
    }
}
