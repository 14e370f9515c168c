using System;
using System.Collections.Generic;

namespace NeoGen.Benchmarks;

/// <summary>The data set: fixed seeds, so every run and every contender sees the same rows and keys.</summary>
public static class BenchData
{
    public const int WorldRows = 10_000;
    public const int QueriesPerRequest = 20;
    public const int FetchCount = 1000;
    public const int BulkRows = 10_000;
    public const int KeySeed = 20_241_127;

    /// <summary>randomnumber of world row <c>id</c> is <c>WorldRandomNumbers[id - 1]</c>.</summary>
    public static readonly int[] WorldRandomNumbers = MakeNumbers(WorldRows, seed: 1);

    /// <summary>randomnumber of bulk-inserted row <c>id</c> is <c>BulkRandomNumbers[id - 1]</c>.</summary>
    public static readonly int[] BulkRandomNumbers = MakeNumbers(BulkRows, seed: 2);

    /// <summary>The TechEmpower fortunes, id 1 to 12.</summary>
    public static readonly IReadOnlyList<(int Id, string Message)> Fortunes = new (int, string)[]
    {
        (1, "fortune: No such file or directory"),
        (2, "A computer scientist is someone who fixes things that aren't broken."),
        (3, "After enough decimal places, nobody gives a damn."),
        (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
        (5, "A computer program does what you tell it to do, not what you want it to do."),
        (6, "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen"),
        (7, "Any program that runs right is obsolete."),
        (8, "A list is only as strong as its weakest link. \u2014 Donald Knuth"),
        (9, "Feature: A bug with seniority."),
        (10, "Computers make very fast, very accurate mistakes."),
        (11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
        (12, "\u30D5\u30EC\u30FC\u30E0\u30EF\u30FC\u30AF\u306E\u30D9\u30F3\u30C1\u30DE\u30FC\u30AF"),
    };

    /// <summary>A random world id, 1 to <see cref="WorldRows"/>.</summary>
    public static int NextId(Random random) => random.Next(1, WorldRows + 1);

    /// <summary>A random randomnumber value, 1 to 10,000 (as in TechEmpower).</summary>
    public static int NextNumber(Random random) => random.Next(1, 10_001);

    private static int[] MakeNumbers(int count, int seed)
    {
        var random = new Random(seed);
        var numbers = new int[count];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = NextNumber(random);
        }

        return numbers;
    }
}
