using NeoGen;

namespace AotService;

public enum OrderState
{
    Open = 0,
    Paid = 1,
    Shipped = 2,
}

// The indexes the queries below need; without them the analyzers report NG3001 (with a code fix).
[Table("orders")]
[Index(nameof(Customer))]
[Index(nameof(State))]
public sealed record Order
{
    [Key, Generated]
    public long Id { get; init; }

    public required string Customer { get; init; }

    public decimal Total { get; init; }

    [Column(EnumStorage = EnumStorage.String)]
    public OrderState State { get; init; }

    public Guid Reference { get; init; }

    public DateTime? PaidAt { get; init; }

    [Version]
    public int Version { get; init; }
}

public sealed record CustomerTotal(string Customer, decimal Total);

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IOrderRepository : ICrudRepository<Order, long>, IBulkRepository<Order>
{
    [Query("SELECT customer, SUM(total) AS total FROM orders GROUP BY customer ORDER BY customer")]
    Task<List<CustomerTotal>> TotalsAsync(CancellationToken cancellationToken = default);

    [Query("UPDATE orders SET state = 'Paid', paid_at = @at WHERE id IN @ids AND state = 'Open'")]
    Task<int> MarkPaidAsync(IEnumerable<long> ids, DateTime at, CancellationToken cancellationToken = default);

    Task<List<Order>> FindByStateOrderByIdAsync(OrderState state);

    IAsyncEnumerable<Order> StreamByCustomerAsync(string customer, CancellationToken cancellationToken = default);
}

// Encrypted and masked columns: the e-mail is looked up by its deterministic ciphertext, the balance is randomized.
[Table("accounts")]
[Index(nameof(Email), Unique = true)]
public sealed partial record Account
{
    [Key, Generated]
    public long Id { get; init; }

    [Encrypted(Deterministic = true)]
    [Masked(MaskKind.Email)]
    public required string Email { get; init; }

    [Encrypted]
    public decimal Balance { get; init; }

    [Masked(MaskKind.CardNumber)]
    public string? Card { get; init; }
}

[Repository(Dialect.Sqlite)]
[Repository(Dialect.PostgreSql)]
[Repository(Dialect.MySql)]
public partial interface IAccountRepository : ICrudRepository<Account, long>
{
    Task<Account?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}
