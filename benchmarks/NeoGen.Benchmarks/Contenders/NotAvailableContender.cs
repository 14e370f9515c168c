using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>A contender that does not exist for a database; Program filters its benchmarks out.</summary>
public sealed class NotAvailableContender : IContender<World, Fortune>
{
    private readonly string _why;

    public NotAvailableContender(string why) => _why = why;

    public Task<World?> SingleRowByKeyAsync(int id) => throw new NotSupportedException(_why);

    public Task<World[]> TwentyRowsByKeyAsync(int[] ids) => throw new NotSupportedException(_why);

    public Task<List<Fortune>> AllFortunesAsync() => throw new NotSupportedException(_why);

    public Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers) => throw new NotSupportedException(_why);

    public Task<int> InsertOneRowAsync(int randomNumber) => throw new NotSupportedException(_why);

    public Task<int> UpsertOneRowAsync(int id, int randomNumber) => throw new NotSupportedException(_why);

    public Task<List<World>> Fetch1000RowsAsync() => throw new NotSupportedException(_why);

    public Task<long> BulkInsertAsync() => throw new NotSupportedException(_why);

    public ValueTask DisposeAsync() => default;
}
