#if NEOGEN
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NeoGen.Benchmarks.Workloads;

// A many-to-one join of 1,000 orders, each with its customer (100 customers), read into nested objects on SQLite:
// hand-tuned ADO.NET (the baseline), NeoGen's nested record, Dapper's multi-mapping (splitOn) and EF Core's Include
// with no tracking. Every contender builds one order and one customer object per row, and the list.

[Table("join_customers")]
public sealed record JoinCustomer([property: Key] long Id, string Name, string City);

public sealed record JoinOrder(long Id, decimal Total, JoinCustomer Customer);

[Repository(Dialect.Sqlite)]
public partial interface IJoinRepository
{
    [Query("SELECT o.id, o.total, c.id, c.name, c.city FROM join_orders o JOIN join_customers c ON c.id = o.customer_id ORDER BY o.id")]
    List<JoinOrder> OrdersWithCustomers();
}

[Table("join_orders")]
[Index(nameof(CustomerId))]
public sealed record JoinOrderRow([property: Key] long Id, [property: ForeignKey(typeof(JoinCustomer))] long CustomerId, decimal Total);

/// <summary>1,000 rows of a two-table join into nested objects (baseline: hand-tuned ADO.NET).</summary>
[MemoryDiagnoser]
public class ManyToOneJoinBenchmarks
{
    private const string Sql = "SELECT o.id, o.total, c.id, c.name, c.city FROM join_orders o JOIN join_customers c ON c.id = o.customer_id ORDER BY o.id";
    private string _directory = "";
    private string _connectionString = "";
    private NeoGenDataSource _source = null!;
    private IJoinRepository _neoGen = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _command = null!;
    private JoinContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "neogen-bench-join-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _connectionString = $"Data Source={Path.Combine(_directory, "join.db")};Pooling=true";
        _source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection(_connectionString));
        NeoGenSchema.EnsureCreated(_source);
        using (var seed = new SqliteConnection(_connectionString))
        {
            seed.Open();
            using var transaction = seed.BeginTransaction();
            for (var c = 1; c <= 100; c++)
            {
                seed.Execute("INSERT INTO join_customers (id, name, city) VALUES (@id, @name, @city)", new { id = c, name = "customer " + c, city = "city " + (c % 7) }, transaction);
            }

            for (var o = 1; o <= 1000; o++)
            {
                seed.Execute("INSERT INTO join_orders (id, customer_id, total) VALUES (@id, @customer, @total)", new { id = o, customer = 1 + (o % 100), total = o * 1.25m }, transaction);
            }

            transaction.Commit();
        }

        _neoGen = IJoinRepository.Create(_source);
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = Sql;
        _command.Prepare();
        _context = new JoinContext(_connectionString);

        // Every contender reads the same 1,000 orders with the same customers.
        var expected = HandTuned();
        Check(expected.Count == 1000 && expected[999].Customer.Id == 1, "hand-tuned");
        Check(NeoGen().SequenceEqual(expected), "NeoGen");
        Check(Dapper().Select(o => new JoinOrder(o.Id, o.Total, new JoinCustomer(o.Customer!.Id, o.Customer.Name, o.Customer.City))).SequenceEqual(expected), "Dapper");
        Check(EfCore().Select(o => new JoinOrder(o.Id, o.Total, new JoinCustomer(o.Customer!.Id, o.Customer.Name, o.Customer.City))).SequenceEqual(expected), "EF Core");
    }

    private static void Check(bool condition, string contender)
    {
        if (!condition)
        {
            throw new InvalidOperationException(contender + " does not read the join as the baseline does");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        _command.Dispose();
        _connection.Dispose();
        _source.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public List<JoinOrder> HandTuned()
    {
        var list = new List<JoinOrder>();
        using var reader = _command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new JoinOrder(reader.GetInt64(0), reader.GetDecimal(1), new JoinCustomer(reader.GetInt64(2), reader.GetString(3), reader.GetString(4))));
        }

        return list;
    }

    [Benchmark]
    public List<JoinOrder> NeoGen() => _neoGen.OrdersWithCustomers();

    [Benchmark]
    public List<DapperOrder> Dapper()
        => _connection.Query<DapperOrder, DapperCustomer, DapperOrder>(Sql, static (order, customer) =>
        {
            order.Customer = customer;
            return order;
        }, splitOn: "id").AsList();

    [Benchmark]
    public List<EfOrder> EfCore() => _context.Orders.AsNoTracking().Include(o => o.Customer).OrderBy(o => o.Id).ToList();

    public sealed class DapperOrder
    {
        public long Id { get; set; }

        public decimal Total { get; set; }

        public DapperCustomer? Customer { get; set; }
    }

    public sealed class DapperCustomer
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string City { get; set; } = "";
    }

    public sealed class EfOrder
    {
        public long Id { get; set; }

        public long CustomerId { get; set; }

        public decimal Total { get; set; }

        public EfCustomer? Customer { get; set; }
    }

    public sealed class EfCustomer
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string City { get; set; } = "";
    }

    private sealed class JoinContext(string connectionString) : DbContext
    {
        public DbSet<EfOrder> Orders => Set<EfOrder>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite(connectionString);

        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<EfCustomer>(customer =>
            {
                customer.ToTable("join_customers");
                customer.Property(c => c.Id).HasColumnName("id");
                customer.Property(c => c.Name).HasColumnName("name");
                customer.Property(c => c.City).HasColumnName("city");
            });
            model.Entity<EfOrder>(order =>
            {
                order.ToTable("join_orders");
                order.Property(o => o.Id).HasColumnName("id");
                order.Property(o => o.CustomerId).HasColumnName("customer_id");
                order.Property(o => o.Total).HasColumnName("total");
                order.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId);
            });
        }
    }
}
#endif
