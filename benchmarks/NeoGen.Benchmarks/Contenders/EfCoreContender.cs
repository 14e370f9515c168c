using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>The EF Core model: the three tables, mapped with the fluent API.</summary>
public abstract class BenchDbContext : DbContext
{
    protected BenchDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<World> Worlds => Set<World>();

    public DbSet<Fortune> Fortunes => Set<Fortune>();

    public DbSet<WorldInsert> WorldInserts => Set<WorldInsert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<World>(entity =>
        {
            entity.ToTable("world");
            entity.HasKey(w => w.Id);
            entity.Property(w => w.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(w => w.RandomNumber).HasColumnName("randomnumber");
        });
        modelBuilder.Entity<Fortune>(entity =>
        {
            entity.ToTable("fortune");
            entity.HasKey(f => f.Id);
            entity.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(f => f.Message).HasColumnName("message");
        });
        modelBuilder.Entity<WorldInsert>(entity =>
        {
            entity.ToTable("world_insert");
            entity.HasKey(w => w.Id);
            entity.Property(w => w.Id).HasColumnName("id").ValueGeneratedOnAdd();
            entity.Property(w => w.RandomNumber).HasColumnName("randomnumber");
        });
    }
}

public sealed class SqliteBenchDbContext : BenchDbContext
{
    public SqliteBenchDbContext(DbContextOptions<SqliteBenchDbContext> options)
        : base(options)
    {
    }
}

public sealed class NpgsqlBenchDbContext : BenchDbContext
{
    public NpgsqlBenchDbContext(DbContextOptions<NpgsqlBenchDbContext> options)
        : base(options)
    {
    }
}

/// <summary>Compiled queries, one set per context type (a compiled query binds to one model and provider).</summary>
public static class EfQueries<TContext>
    where TContext : BenchDbContext
{
    public static readonly Func<TContext, int, Task<World?>> WorldById =
        EF.CompileAsyncQuery((TContext context, int id) => context.Worlds.AsNoTracking().FirstOrDefault(w => w.Id == id));

    public static readonly Func<TContext, IAsyncEnumerable<Fortune>> AllFortunes =
        EF.CompileAsyncQuery((TContext context) => context.Fortunes.AsNoTracking());

    public static readonly Func<TContext, int, IAsyncEnumerable<World>> WorldsUpTo =
        EF.CompileAsyncQuery((TContext context, int count) => context.Worlds.AsNoTracking().Where(w => w.Id <= count));
}

/// <summary>
/// EF Core as its performance guidance says: DbContext pooling (one context per request, rented from
/// the pool), compiled no-tracking queries, ExecuteUpdate for updates by key, Add + SaveChanges for
/// inserts (EF batches the bulk insert into multi-row statements; it has no COPY).
/// </summary>
public sealed class EfCoreContender<TContext> : IContender<World, Fortune>
    where TContext : BenchDbContext
{
    private readonly PooledDbContextFactory<TContext> _factory;
    private readonly IAsyncDisposable? _dataSource;
    private List<World>? _bulkRows;

    private EfCoreContender(PooledDbContextFactory<TContext> factory, IAsyncDisposable? dataSource)
    {
        _factory = factory;
        _dataSource = dataSource;
    }

    public async Task<World?> SingleRowByKeyAsync(int id)
    {
        await using var context = _factory.CreateDbContext();
        return await EfQueries<TContext>.WorldById(context, id);
    }

    public async Task<World[]> TwentyRowsByKeyAsync(int[] ids)
    {
        await using var context = _factory.CreateDbContext();
        var worlds = new World[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            worlds[i] = (await EfQueries<TContext>.WorldById(context, ids[i]))!;
        }

        return worlds;
    }

    public async Task<List<Fortune>> AllFortunesAsync()
    {
        await using var context = _factory.CreateDbContext();
        var fortunes = new List<Fortune>();
        await foreach (var fortune in EfQueries<TContext>.AllFortunes(context))
        {
            fortunes.Add(fortune);
        }

        return fortunes;
    }

    public async Task<int> UpdateTwentyRowsAsync(int[] ids, int[] randomNumbers)
    {
        await using var context = _factory.CreateDbContext();
        var affected = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var randomNumber = randomNumbers[i];
            affected += await context.Worlds
                .Where(w => w.Id == id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(w => w.RandomNumber, randomNumber));
        }

        return affected;
    }

    public async Task<int> InsertOneRowAsync(int randomNumber)
    {
        await using var context = _factory.CreateDbContext();
        var row = new WorldInsert { RandomNumber = randomNumber };
        context.WorldInserts.Add(row);
        await context.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>EF Core has no upsert: ExecuteUpdate by key, and Add + SaveChanges when it matched no row.</summary>
    public async Task<int> UpsertOneRowAsync(int id, int randomNumber)
    {
        await using var context = _factory.CreateDbContext();
        var updated = await context.Worlds
            .Where(w => w.Id == id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(w => w.RandomNumber, randomNumber));
        if (updated == 0)
        {
            context.Worlds.Add(new World { Id = id, RandomNumber = randomNumber });
            await context.SaveChangesAsync();
        }

        return randomNumber;
    }

    public async Task<List<World>> Fetch1000RowsAsync()
    {
        await using var context = _factory.CreateDbContext();
        var worlds = new List<World>();
        await foreach (var world in EfQueries<TContext>.WorldsUpTo(context, BenchData.FetchCount))
        {
            worlds.Add(world);
        }

        return worlds;
    }

    public async Task<long> BulkInsertAsync()
    {
        var rows = _bulkRows ??= ProviderConnection.MakeBulkRows();
        await using var context = _factory.CreateDbContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        context.Worlds.AddRange(rows);
        return await context.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? default;

    internal static EfCoreContender<TContext> Create(DbContextOptions<TContext> options, IAsyncDisposable? dataSource)
        => new(new PooledDbContextFactory<TContext>(options), dataSource);
}

public static class EfCoreContender
{
    /// <summary>The EF Core contender; null on MariaDB, whose provider (Pomelo) has no release for EF Core 10.</summary>
    public static IContender<World, Fortune>? Create(Database database, string connectionString)
    {
        if (database == Database.MariaDb)
        {
            return null;
        }

        if (database == Database.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteBenchDbContext>()
                .UseSqlite(connectionString)
                .Options;
            return EfCoreContender<SqliteBenchDbContext>.Create(options, null);
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        var npgsqlOptions = new DbContextOptionsBuilder<NpgsqlBenchDbContext>()
            .UseNpgsql(dataSource)
            .Options;
        return EfCoreContender<NpgsqlBenchDbContext>.Create(npgsqlOptions, dataSource);
    }
}
