// One abstract class per workload, whose methods are the contenders, and one concrete class per
// database, named {Database}{Workload} so that --filter '*SingleRowByKey*' or '*Sqlite*' select them.
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace NeoGen.Benchmarks.Workloads;

/// <summary>A single SELECT by a random key.</summary>
public abstract class SingleRowByKeyBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.SingleRowByKey;

    [Benchmark(Baseline = true)]
    public Task<World?> HandTunedAdoNet() => Contenders.HandTunedAdoNet.SingleRowByKeyAsync(NextId());

    [Benchmark]
    public Task<World?> TypicalAdoNet() => Contenders.TypicalAdoNet.SingleRowByKeyAsync(NextId());

    [Benchmark]
    public Task<World?> Dapper() => Contenders.Dapper.SingleRowByKeyAsync(NextId());

    [Benchmark]
    public Task<World?> DapperAot() => Contenders.DapperAot.SingleRowByKeyAsync(NextId());

    [Benchmark]
    public Task<World?> EfCore() => Contenders.EfCore.SingleRowByKeyAsync(NextId());
#if NEOGEN

    [Benchmark]
    public Task<NeoGenModel.World?> NeoGen() => Contenders.NeoGen.SingleRowByKeyAsync(NextId());
#endif
}

[BenchmarkCategory(nameof(Workload.SingleRowByKey), nameof(Database.Sqlite))]
public class SqliteSingleRowByKey : SingleRowByKeyBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.SingleRowByKey), nameof(Database.PostgreSql))]
public class PostgreSqlSingleRowByKey : SingleRowByKeyBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.SingleRowByKey), nameof(Database.MariaDb))]
public class MariaDbSingleRowByKey : SingleRowByKeyBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>20 SELECTs by random keys, one after another.</summary>
public abstract class TwentyRowsByKeyBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.TwentyRowsByKey;

    [Benchmark(Baseline = true)]
    public Task<World[]> HandTunedAdoNet() => Contenders.HandTunedAdoNet.TwentyRowsByKeyAsync(NextIds());

    [Benchmark]
    public Task<World[]> TypicalAdoNet() => Contenders.TypicalAdoNet.TwentyRowsByKeyAsync(NextIds());

    [Benchmark]
    public Task<World[]> Dapper() => Contenders.Dapper.TwentyRowsByKeyAsync(NextIds());

    [Benchmark]
    public Task<World[]> DapperAot() => Contenders.DapperAot.TwentyRowsByKeyAsync(NextIds());

    [Benchmark]
    public Task<World[]> EfCore() => Contenders.EfCore.TwentyRowsByKeyAsync(NextIds());
#if NEOGEN

    [Benchmark]
    public Task<NeoGenModel.World[]> NeoGen() => Contenders.NeoGen.TwentyRowsByKeyAsync(NextIds());
#endif
}

[BenchmarkCategory(nameof(Workload.TwentyRowsByKey), nameof(Database.Sqlite))]
public class SqliteTwentyRowsByKey : TwentyRowsByKeyBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.TwentyRowsByKey), nameof(Database.PostgreSql))]
public class PostgreSqlTwentyRowsByKey : TwentyRowsByKeyBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.TwentyRowsByKey), nameof(Database.MariaDb))]
public class MariaDbTwentyRowsByKey : TwentyRowsByKeyBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>All 12 fortunes.</summary>
public abstract class AllFortunesBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.AllFortunes;

    [Benchmark(Baseline = true)]
    public Task<List<Fortune>> HandTunedAdoNet() => Contenders.HandTunedAdoNet.AllFortunesAsync();

    [Benchmark]
    public Task<List<Fortune>> TypicalAdoNet() => Contenders.TypicalAdoNet.AllFortunesAsync();

    [Benchmark]
    public Task<List<Fortune>> Dapper() => Contenders.Dapper.AllFortunesAsync();

    [Benchmark]
    public Task<List<Fortune>> DapperAot() => Contenders.DapperAot.AllFortunesAsync();

    [Benchmark]
    public Task<List<Fortune>> EfCore() => Contenders.EfCore.AllFortunesAsync();
#if NEOGEN

    [Benchmark]
    public Task<List<NeoGenModel.Fortune>> NeoGen() => Contenders.NeoGen.AllFortunesAsync();
#endif
}

[BenchmarkCategory(nameof(Workload.AllFortunes), nameof(Database.Sqlite))]
public class SqliteAllFortunes : AllFortunesBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.AllFortunes), nameof(Database.PostgreSql))]
public class PostgreSqlAllFortunes : AllFortunesBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.AllFortunes), nameof(Database.MariaDb))]
public class MariaDbAllFortunes : AllFortunesBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>20 UPDATEs of randomnumber by random keys (no transaction).</summary>
public abstract class UpdateTwentyRowsBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.UpdateTwentyRows;

    [Benchmark(Baseline = true)]
    public Task<int> HandTunedAdoNet() => Contenders.HandTunedAdoNet.UpdateTwentyRowsAsync(NextIds(), NextNumbers());

    [Benchmark]
    public Task<int> TypicalAdoNet() => Contenders.TypicalAdoNet.UpdateTwentyRowsAsync(NextIds(), NextNumbers());

    [Benchmark]
    public Task<int> Dapper() => Contenders.Dapper.UpdateTwentyRowsAsync(NextIds(), NextNumbers());

    [Benchmark]
    public Task<int> DapperAot() => Contenders.DapperAot.UpdateTwentyRowsAsync(NextIds(), NextNumbers());

    [Benchmark]
    public Task<int> EfCore() => Contenders.EfCore.UpdateTwentyRowsAsync(NextIds(), NextNumbers());
#if NEOGEN

    [Benchmark]
    public Task<int> NeoGen() => Contenders.NeoGen.UpdateTwentyRowsAsync(NextIds(), NextNumbers());
#endif
}

[BenchmarkCategory(nameof(Workload.UpdateTwentyRows), nameof(Database.Sqlite))]
public class SqliteUpdateTwentyRows : UpdateTwentyRowsBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.UpdateTwentyRows), nameof(Database.PostgreSql))]
public class PostgreSqlUpdateTwentyRows : UpdateTwentyRowsBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.UpdateTwentyRows), nameof(Database.MariaDb))]
public class MariaDbUpdateTwentyRows : UpdateTwentyRowsBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>One INSERT into world_insert, reading back the generated id.</summary>
public abstract class InsertOneRowBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.InsertOneRow;

    [Benchmark(Baseline = true)]
    public Task<int> HandTunedAdoNet() => Contenders.HandTunedAdoNet.InsertOneRowAsync(NextNumber());

    [Benchmark]
    public Task<int> TypicalAdoNet() => Contenders.TypicalAdoNet.InsertOneRowAsync(NextNumber());

    [Benchmark]
    public Task<int> Dapper() => Contenders.Dapper.InsertOneRowAsync(NextNumber());

    [Benchmark]
    public Task<int> DapperAot() => Contenders.DapperAot.InsertOneRowAsync(NextNumber());

    [Benchmark]
    public Task<int> EfCore() => Contenders.EfCore.InsertOneRowAsync(NextNumber());
#if NEOGEN

    [Benchmark]
    public Task<int> NeoGen() => Contenders.NeoGen.InsertOneRowAsync(NextNumber());
#endif
}

[BenchmarkCategory(nameof(Workload.InsertOneRow), nameof(Database.Sqlite))]
public class SqliteInsertOneRow : InsertOneRowBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.InsertOneRow), nameof(Database.PostgreSql))]
public class PostgreSqlInsertOneRow : InsertOneRowBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.InsertOneRow), nameof(Database.MariaDb))]
public class MariaDbInsertOneRow : InsertOneRowBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>One upsert of a world row by key (the row exists: the update path of an insert-or-update).</summary>
public abstract class UpsertOneRowBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.UpsertOneRow;

    [Benchmark(Baseline = true)]
    public Task<int> HandTunedAdoNet() => Contenders.HandTunedAdoNet.UpsertOneRowAsync(NextId(), NextNumber());

    [Benchmark]
    public Task<int> TypicalAdoNet() => Contenders.TypicalAdoNet.UpsertOneRowAsync(NextId(), NextNumber());

    [Benchmark]
    public Task<int> Dapper() => Contenders.Dapper.UpsertOneRowAsync(NextId(), NextNumber());

    [Benchmark]
    public Task<int> DapperAot() => Contenders.DapperAot.UpsertOneRowAsync(NextId(), NextNumber());

    [Benchmark]
    public Task<int> EfCore() => Contenders.EfCore.UpsertOneRowAsync(NextId(), NextNumber());
#if NEOGEN

    [Benchmark]
    public Task<int> NeoGen() => Contenders.NeoGen.UpsertOneRowAsync(NextId(), NextNumber());
#endif
}

[BenchmarkCategory(nameof(Workload.UpsertOneRow), nameof(Database.Sqlite))]
public class SqliteUpsertOneRow : UpsertOneRowBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.UpsertOneRow), nameof(Database.PostgreSql))]
public class PostgreSqlUpsertOneRow : UpsertOneRowBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.UpsertOneRow), nameof(Database.MariaDb))]
public class MariaDbUpsertOneRow : UpsertOneRowBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>SELECT id, randomnumber FROM world WHERE id <= 1000.</summary>
public abstract class Fetch1000RowsBenchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.Fetch1000Rows;

    [Benchmark(Baseline = true)]
    public Task<List<World>> HandTunedAdoNet() => Contenders.HandTunedAdoNet.Fetch1000RowsAsync();

    [Benchmark]
    public Task<List<World>> TypicalAdoNet() => Contenders.TypicalAdoNet.Fetch1000RowsAsync();

    [Benchmark]
    public Task<List<World>> Dapper() => Contenders.Dapper.Fetch1000RowsAsync();

    [Benchmark]
    public Task<List<World>> DapperAot() => Contenders.DapperAot.Fetch1000RowsAsync();

    [Benchmark]
    public Task<List<World>> EfCore() => Contenders.EfCore.Fetch1000RowsAsync();
#if NEOGEN

    [Benchmark]
    public Task<List<NeoGenModel.World>> NeoGen() => Contenders.NeoGen.Fetch1000RowsAsync();
#endif
}

[BenchmarkCategory(nameof(Workload.Fetch1000Rows), nameof(Database.Sqlite))]
public class SqliteFetch1000Rows : Fetch1000RowsBenchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.Fetch1000Rows), nameof(Database.PostgreSql))]
public class PostgreSqlFetch1000Rows : Fetch1000RowsBenchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.Fetch1000Rows), nameof(Database.MariaDb))]
public class MariaDbFetch1000Rows : Fetch1000RowsBenchmarks
{
    protected override Database Database => Database.MariaDb;
}

/// <summary>10,000 rows into the emptied world table (COPY on PostgreSQL where the contender can).</summary>
public abstract class BulkInsert10000Benchmarks : WorkloadBenchmarks
{
    protected sealed override Workload Workload => Workload.BulkInsert10000;

    /// <summary>Empties world before every iteration (each iteration is one invocation).</summary>
    [IterationSetup]
    public void EmptyWorld() => Fixture.ClearWorld();

    [Benchmark(Baseline = true)]
    public Task<long> HandTunedAdoNet() => Contenders.HandTunedAdoNet.BulkInsertAsync();

    [Benchmark]
    public Task<long> TypicalAdoNet() => Contenders.TypicalAdoNet.BulkInsertAsync();

    [Benchmark]
    public Task<long> Dapper() => Contenders.Dapper.BulkInsertAsync();

    [Benchmark]
    public Task<long> DapperAot() => Contenders.DapperAot.BulkInsertAsync();

    [Benchmark]
    public Task<long> EfCore() => Contenders.EfCore.BulkInsertAsync();
#if NEOGEN

    [Benchmark]
    public Task<long> NeoGen() => Contenders.NeoGen.BulkInsertAsync();
#endif
}

[BenchmarkCategory(nameof(Workload.BulkInsert10000), nameof(Database.Sqlite))]
[InvocationCount(1)]
public class SqliteBulkInsert10000 : BulkInsert10000Benchmarks
{
    protected override Database Database => Database.Sqlite;
}

[BenchmarkCategory(nameof(Workload.BulkInsert10000), nameof(Database.PostgreSql))]
[InvocationCount(1)]
public class PostgreSqlBulkInsert10000 : BulkInsert10000Benchmarks
{
    protected override Database Database => Database.PostgreSql;
}

[BenchmarkCategory(nameof(Workload.BulkInsert10000), nameof(Database.MariaDb))]
[InvocationCount(1)]
public class MariaDbBulkInsert10000 : BulkInsert10000Benchmarks
{
    protected override Database Database => Database.MariaDb;
}
