using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>
/// One way of talking to the database. Each contender materializes its own entity types
/// (<typeparamref name="TWorld"/>, <typeparamref name="TFortune"/>), so NeoGen can use its annotated
/// records while the others share <see cref="World"/> and <see cref="Fortune"/>.
/// </summary>
public interface IContender<TWorld, TFortune> : IAsyncDisposable
    where TWorld : class
    where TFortune : class
{
    /// <summary>One <c>SELECT ... WHERE id = @id</c>.</summary>
    Task<TWorld?> SingleRowByKeyAsync(int id);

    /// <summary>One query per id, one after another (TechEmpower "multiple queries").</summary>
    Task<TWorld[]> TwentyRowsByKeyAsync(int[] ids);

    /// <summary>Every fortune (12 rows).</summary>
    Task<List<TFortune>> AllFortunesAsync();

    /// <summary>One <c>UPDATE world SET randomnumber = ... WHERE id = ...</c> per pair, no transaction; returns rows affected.</summary>
    Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers);

    /// <summary>Inserts into <c>world_insert</c> and returns the generated id.</summary>
    Task<int> InsertOneRowAsync(int randomNumber);

    /// <summary>Inserts world row <paramref name="id"/>, or updates it when it exists; returns the stored randomnumber.</summary>
    Task<int> UpsertOneRowAsync(int id, int randomNumber);

    /// <summary><c>SELECT id, randomnumber FROM world WHERE id &lt;= @count</c> with count 1000.</summary>
    Task<List<TWorld>> Fetch1000RowsAsync();

    /// <summary>
    /// Inserts <see cref="BenchData.BulkRows"/> rows (ids 1..N, <see cref="BenchData.BulkRandomNumbers"/>)
    /// into the emptied <c>world</c> table; returns rows written.
    /// </summary>
    Task<long> BulkInsertAsync();
}
