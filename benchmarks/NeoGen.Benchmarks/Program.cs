using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace NeoGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet's command line (--filter, --job short|dry, --list flat, ...). Exits 1 when a
    /// selected benchmark failed (including a contender that failed validation, or PostgreSQL
    /// benchmarks without NEOGEN_POSTGRES), or when a --filter matched nothing.
    /// </summary>
    public static int Main(string[] args)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseFixture.PostgresEnvironmentVariable)))
        {
            Console.Error.WriteLine(
                $"*** {DatabaseFixture.PostgresEnvironmentVariable} is not set: every PostgreSQL benchmark selected will FAIL. " +
                "Use ./build.sh bench (it starts a throwaway server) or --filter '*Sqlite*'.");
        }

        // EF Core has no provider for MariaDB on EF Core 10 (Pomelo's latest targets EF Core 9): no such benchmark.
        var config = DefaultConfig.Instance
            .AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(benchmark =>
                !(benchmark.Descriptor.Type.Name.StartsWith("MariaDb", StringComparison.Ordinal) && benchmark.Descriptor.WorkloadMethod.Name == "EfCore")))
            .AddColumn(CategoriesColumn.Default)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

        var failed = summaries
            .SelectMany(summary => summary.BenchmarksCases.Select(benchmark => (summary, benchmark)))
            .Where(pair => pair.summary[pair.benchmark] is not { Success: true })
            .Select(pair => pair.benchmark.DisplayInfo)
            .ToList();
        if (summaries.Any(summary => summary.HasCriticalValidationErrors) || failed.Count > 0)
        {
            Console.Error.WriteLine("*** Benchmarks failed: " + (failed.Count > 0 ? string.Join(", ", failed) : "critical validation errors"));
            return 1;
        }

        if (summaries.Count == 0 && args.Any(arg => arg is "--filter" or "-f"))
        {
            Console.Error.WriteLine("*** The filter matched no benchmark.");
            return 1;
        }

        return 0;
    }
}
