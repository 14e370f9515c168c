namespace NeoGen.Generator.Tests;

/// <summary>Declarations the tests feed to the generator.</summary>
internal static class Sources
{
    public const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using NeoGen;

        namespace Shop;

        public enum Status { Active = 0, Archived = 1 }

        [Table("customers")]
        [Index(nameof(Email), Unique = true)]
        public sealed record Customer
        {
            [Key, Generated] public long Id { get; init; }
            public required string Email { get; init; }
            public string? Name { get; init; }
            public Status Status { get; init; }
            [Column("tier_name", EnumStorage = EnumStorage.String)] public Status Tier { get; init; }
            public decimal Balance { get; init; }
            public Guid? ExternalId { get; init; }
            public DateOnly? Birthday { get; init; }
            public byte[]? Avatar { get; init; }
            [Version] public int Version { get; init; }
            [CreatedAt] public DateTime CreatedAt { get; init; }
            [UpdatedAt] public DateTime UpdatedAt { get; init; }
            [Ignore] public string? Display { get; init; }
        }

        [Table("order_lines")]
        public sealed record OrderLine([property: Key] long OrderId, [property: Key] int Line, long CustomerId, decimal Amount);

        public sealed class CustomerName
        {
            public long Id { get; set; }
            public string Email { get; set; } = "";
            public string? Name { get; set; }
        }
        """;

    public const string Repositories = Model + """

        [Repository(Dialect.Sqlite)]
        [Repository(Dialect.PostgreSql)]
        [Repository(Dialect.MySql)]
        [Repository(Dialect.SqlServer)]
        public partial interface ICustomerRepository : ICrudRepository<Customer, long>, IBulkRepository<Customer>
        {
            [Query("SELECT * FROM customers WHERE email = @email")]
            Task<Customer?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

            [Query("SELECT id, email, name FROM customers WHERE id IN @ids")]
            List<CustomerName> Names(IEnumerable<long> ids);

            [Query("SELECT c.id, c.email, SUM(l.amount) AS total FROM customers c LEFT JOIN order_lines l ON l.customer_id = c.id GROUP BY c.id, c.email")]
            IReadOnlyList<(long Id, string Email, decimal? Total)> Totals();

            [Query("UPDATE customers SET name = @name WHERE id = @id")]
            Task<int> RenameAsync(long id, string? name, CancellationToken cancellationToken = default);

            [Query("SELECT COUNT(*) FROM customers WHERE status = @status")]
            long CountWith(Status status);

            [Query("SELECT name FROM customers WHERE id = @id")]
            ValueTask<string?> NameOf(long id);

            [Query("DELETE FROM customers WHERE status = @status")]
            void Purge(Status status);

            [Query("SELECT * FROM customers ORDER BY id")]
            IAsyncEnumerable<Customer> StreamAsync(CancellationToken cancellationToken = default);

            Task<List<Customer>> FindByStatusAndCreatedAtAfterOrderByCreatedAtDescAsync(Status status, DateTime after, int limit);

            Task<bool> ExistsByEmailAsync(string email);

            int CountByTier(Status tier);

            List<Customer> FindByNameContaining(string fragment);
        }

        [Repository(Dialect.PostgreSql)]
        public partial interface IOrderLineRepository : ICrudRepository<OrderLine, (long OrderId, int Line)>
        {
            List<OrderLine> FindByCustomerIdOrderByOrderIdDescLineAsc(long customerId);
        }
        """;
}
