using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Dapper;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// Runs every contender once on the benchmark's workload and checks its result against the database
/// (read back independently) or the seed data; throws on any mismatch, so a wrong contender is never timed.
/// Also proves that the Dapper.AOT contender ran the generated interceptors and not Dapper's runtime.
/// </summary>
public static class Validator
{
    public static async Task ValidateAsync(Workload workload, DatabaseFixture fixture, ContenderSet set)
    {
        var checker = new Checker(workload, fixture);
        await checker.CheckAsync(nameof(set.HandTunedAdoNet), set.HandTunedAdoNet, Shared, Shared);
        await checker.CheckAsync(nameof(set.TypicalAdoNet), set.TypicalAdoNet, Shared, Shared);

        // Dapper caches an entry per query it has bound and materialized through reflection. The
        // interceptors Dapper.AOT generates bypass that runtime, so the cache must not grow while the
        // Dapper.AOT contender runs (and must grow for plain Dapper, which proves the probe works).
        var cachedBefore = SqlMapper.GetCachedSQLCount();
        await checker.CheckAsync(nameof(set.DapperAot), set.DapperAot, Shared, Shared);
        var cachedAfterAot = SqlMapper.GetCachedSQLCount();
        if (cachedAfterAot != cachedBefore)
        {
            throw new InvalidOperationException(
                $"{workload}: the DapperAot contender went through Dapper's reflection runtime ({cachedAfterAot - cachedBefore} query cache entries added); " +
                "the Dapper.AOT interceptors were not applied to this call.");
        }

        await checker.CheckAsync(nameof(set.Dapper), set.Dapper, Shared, Shared);
        if (SqlMapper.GetCachedSQLCount() == cachedAfterAot)
        {
            throw new InvalidOperationException($"{workload}: plain Dapper left no entry in Dapper's query cache; the Dapper.AOT probe is not meaningful.");
        }

        if (set.EfCore is not NotAvailableContender)
        {
            await checker.CheckAsync(nameof(set.EfCore), set.EfCore, Shared, Shared);
        }
#if NEOGEN
        await checker.CheckAsync(nameof(set.NeoGen), set.NeoGen, w => (w.Id, w.RandomNumber), f => (f.Id, f.Message));
#endif
    }

    private static (int Id, int RandomNumber) Shared(World world) => (world.Id, world.RandomNumber);

    private static (int Id, string Message) Shared(Fortune fortune) => (fortune.Id, fortune.Message);

    private sealed class Checker
    {
        private readonly Workload _workload;
        private readonly DatabaseFixture _fixture;
        private readonly HashSet<int> _insertedIds = new();
        private int _round;

        public Checker(Workload workload, DatabaseFixture fixture)
        {
            _workload = workload;
            _fixture = fixture;
        }

        public async Task CheckAsync<TWorld, TFortune>(
            string name,
            IContender<TWorld, TFortune> contender,
            Func<TWorld, (int Id, int RandomNumber)> world,
            Func<TFortune, (int Id, string Message)> fortune)
            where TWorld : class
            where TFortune : class
        {
            _round++;
            var random = new Random(1000 + _round);
            try
            {
                switch (_workload)
                {
                    case Workload.SingleRowByKey:
                        foreach (var id in new[] { 1, 4321, BenchData.WorldRows })
                        {
                            var row = await contender.SingleRowByKeyAsync(id);
                            Expect(row is not null, $"no row for id {id}");
                            ExpectWorld(world(row!), id, _fixture.ReadWorld(id));
                        }

                        Expect(await contender.SingleRowByKeyAsync(BenchData.WorldRows + 1) is null, "a row for a missing id");
                        break;

                    case Workload.TwentyRowsByKey:
                        {
                            var ids = Enumerable.Range(0, BenchData.QueriesPerRequest).Select(_ => BenchData.NextId(random)).ToArray();
                            var rows = await contender.TwentyRowsByKeyAsync(ids);
                            Expect(rows.Length == ids.Length, $"{rows.Length} rows for {ids.Length} ids");
                            for (var i = 0; i < ids.Length; i++)
                            {
                                ExpectWorld(world(rows[i]), ids[i], _fixture.ReadWorld(ids[i]));
                            }

                            break;
                        }

                    case Workload.AllFortunes:
                        {
                            var fortunes = (await contender.AllFortunesAsync()).Select(fortune).OrderBy(f => f.Id).ToList();
                            Expect(fortunes.SequenceEqual(BenchData.Fortunes), "fortunes differ from the seeded ones");
                            break;
                        }

                    case Workload.UpdateTwentyRows:
                        {
                            var ids = Enumerable.Range(0, 20_000).Select(_ => BenchData.NextId(random)).Distinct().Take(BenchData.QueriesPerRequest).ToArray();
                            var numbers = ids.Select(id => (_fixture.ReadWorld(id) ?? 0) % 10_000 + 1).ToArray();
                            var affected = await contender.UpdateTwentyRowsAsync(ids, numbers);
                            Expect(affected == ids.Length, $"{affected} rows affected, expected {ids.Length}");
                            for (var i = 0; i < ids.Length; i++)
                            {
                                var stored = _fixture.ReadWorld(ids[i]);
                                Expect(stored == numbers[i], $"id {ids[i]} holds {stored} after update, expected {numbers[i]}");
                            }

                            break;
                        }

                    case Workload.InsertOneRow:
                        {
                            var number = 7000 + _round;
                            var id = await contender.InsertOneRowAsync(number);
                            Expect(id > 0 && _insertedIds.Add(id), $"generated id {id} is not new");
                            var stored = _fixture.ReadWorldInsert(id);
                            Expect(stored == number, $"world_insert id {id} holds {stored}, expected {number}");
                            break;
                        }

                    case Workload.UpsertOneRow:
                        {
                            // The update path on an existing row, then the insert path on a new one (removed again).
                            var id = BenchData.NextId(random);
                            var number = (_fixture.ReadWorld(id) ?? 0) % 10_000 + 1;
                            var stored = await contender.UpsertOneRowAsync(id, number);
                            Expect(stored == number && _fixture.ReadWorld(id) == number, $"id {id} holds {_fixture.ReadWorld(id)} after upsert (returned {stored}), expected {number}");
                            var fresh = BenchData.WorldRows + 1000 + _round;
                            stored = await contender.UpsertOneRowAsync(fresh, 4242);
                            Expect(stored == 4242 && _fixture.ReadWorld(fresh) == 4242, $"new id {fresh} holds {_fixture.ReadWorld(fresh)} after upsert, expected 4242");
                            _fixture.DeleteWorld(fresh);
                            break;
                        }

                    case Workload.Fetch1000Rows:
                        {
                            var rows = (await contender.Fetch1000RowsAsync()).Select(world).OrderBy(r => r.Id).ToList();
                            Expect(rows.Count == BenchData.FetchCount, $"{rows.Count} rows, expected {BenchData.FetchCount}");
                            for (var i = 0; i < rows.Count; i++)
                            {
                                ExpectWorld(rows[i], i + 1, BenchData.WorldRandomNumbers[i]);
                            }

                            break;
                        }

                    case Workload.BulkInsert10000:
                        {
                            _fixture.ClearWorld();
                            var written = await contender.BulkInsertAsync();
                            Expect(written == BenchData.BulkRows, $"{written} rows reported written, expected {BenchData.BulkRows}");
                            long fingerprint = 0;
                            for (var i = 0; i < BenchData.BulkRows; i++)
                            {
                                fingerprint += (long)(i + 1) * BenchData.BulkRandomNumbers[i];
                            }

                            var actual = _fixture.WorldFingerprint();
                            Expect(actual == (BenchData.BulkRows, fingerprint), $"world holds {actual}, expected {(BenchData.BulkRows, fingerprint)}");
                            break;
                        }

                    default:
                        throw new ArgumentOutOfRangeException(nameof(_workload), _workload, null);
                }
            }
            catch (Exception exception) when (exception is not ValidationException)
            {
                throw new ValidationException($"{_workload} on {_fixture.Database}: contender {name} failed: {exception.Message}", exception);
            }

            void Expect(bool condition, string message)
            {
                if (!condition)
                {
                    throw new ValidationException($"{_workload} on {_fixture.Database}: contender {name} returned a wrong result: {message}.");
                }
            }

            void ExpectWorld((int Id, int RandomNumber) actual, int id, int? randomNumber)
                => Expect(actual == (id, randomNumber ?? -1), $"got {actual} for id {id}, the database holds ({id}, {randomNumber})");
        }
    }

    private sealed class ValidationException : Exception
    {
        public ValidationException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
