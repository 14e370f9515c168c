using NeoGen;

namespace Quickstart;

[Table("todos")]
[Index(nameof(Done), nameof(Due))]
public sealed record Todo
{
    [Key, Generated]
    public long Id { get; init; }

    public required string Title { get; init; }

    public bool Done { get; init; }

    public DateOnly? Due { get; init; }

    [Version]
    public int Version { get; init; }

    [CreatedAt]
    public DateTime CreatedAt { get; init; }
}

[Repository(Dialect.Sqlite)]
public partial interface ITodoRepository : ICrudRepository<Todo, long>
{
    // Checked and mapped at compile time; @parameters bind to the method's parameters.
    [Query("SELECT id, title, done, due, version, created_at FROM todos WHERE done = @done ORDER BY due")]
    Task<List<Todo>> ByStateAsync(bool done, CancellationToken cancellationToken = default);

    [Query("UPDATE todos SET done = TRUE WHERE due < @day AND done = FALSE")]
    Task<int> CompleteOverdueAsync(DateOnly day, CancellationToken cancellationToken = default);

    // Derived from the method name.
    IAsyncEnumerable<Todo> StreamByDoneOrderByTitleAsync(bool done, CancellationToken cancellationToken = default);

    Task<int> CountByDoneAsync(bool done);
}

[Table("comments")]
[Index(nameof(TodoId))]
public sealed record Comment
{
    [Key, Generated]
    public long Id { get; init; }

    [ForeignKey(typeof(Todo))]
    public long TodoId { get; init; }

    public required string Text { get; init; }
}

// A row of a join with the row it refers to: Todo is filled from the todos columns.
public sealed record CommentOnTodo(long Id, string Text, Todo Todo);

[Repository(Dialect.Sqlite)]
public partial interface ICommentRepository : ICrudRepository<Comment, long>
{
    [Query("SELECT c.id, c.text, t.* FROM comments c JOIN todos t ON t.id = c.todo_id WHERE t.done = @done ORDER BY c.id")]
    Task<List<CommentOnTodo>> OnTodosAsync(bool done, CancellationToken cancellationToken = default);
}
