using Microsoft.Data.Sqlite;
using NeoGen;
using Quickstart;

// An embedded SQLite file, created on first run.
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "neogen-quickstart", "todos.db");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await using var source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection($"Data Source={path}"));

// The tables of the [Table] types, created when missing (NeoGenSchema is generated from them).
await NeoGenSchema.EnsureCreatedAsync(source);

var todos = ITodoRepository.Create(source);
Console.WriteLine($"Database: {path} ({await todos.CountAsync()} todos from earlier runs)");

// Create
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var milk = await todos.InsertAsync(new Todo { Title = "Buy milk", Due = today.AddDays(-1) });
var talk = await todos.InsertAsync(new Todo { Title = "Write the talk", Due = today.AddDays(7) });
Console.WriteLine($"Inserted #{milk.Id} '{milk.Title}' and #{talk.Id} '{talk.Title}' (version {talk.Version})");

// Read
var found = await todos.GetAsync(milk.Id);
Console.WriteLine($"Get #{milk.Id}: {found?.Title}, due {found?.Due}");

// Update: optimistic concurrency through [Version]
var renamed = await todos.UpdateAsync(talk with { Title = "Write and rehearse the talk" });
Console.WriteLine($"Updated #{renamed.Id} to '{renamed.Title}' (version {renamed.Version})");
try
{
    await todos.UpdateAsync(talk with { Title = "A stale edit" });
}
catch (NeoGenConcurrencyException exception)
{
    Console.WriteLine($"Stale update refused: {exception.Message}");
}

// A custom query
var completed = await todos.CompleteOverdueAsync(today);
Console.WriteLine($"Completed {completed} overdue todo(s)");
foreach (var open in await todos.ByStateAsync(done: false))
{
    Console.WriteLine($"Open: #{open.Id} {open.Title} (due {open.Due})");
}

// A join into a nested record
var comments = ICommentRepository.Create(source);
await comments.InsertAsync(new Comment { TodoId = talk.Id, Text = "Ten minutes, not twenty" });
foreach (var comment in await comments.OnTodosAsync(done: false))
{
    Console.WriteLine($"Comment #{comment.Id} on '{comment.Todo.Title}' (due {comment.Todo.Due}): {comment.Text}");
}

// Streaming
await foreach (var done in todos.StreamByDoneOrderByTitleAsync(done: true))
{
    Console.WriteLine($"Done: #{done.Id} {done.Title}");
}

// A transaction: both inserts or neither
await using (var work = await source.BeginUnitOfWorkAsync())
{
    var inTransaction = ITodoRepository.Create(work);
    await inTransaction.InsertAsync(new Todo { Title = "Kept" });
    await inTransaction.InsertAsync(new Todo { Title = "Also kept" });
    await work.CommitAsync();
}

await using (var work = await source.BeginUnitOfWorkAsync())
{
    await ITodoRepository.Create(work).InsertAsync(new Todo { Title = "Rolled back" });
    await work.RollbackAsync();
}

Console.WriteLine($"Open todos now: {await todos.CountByDoneAsync(false)}; all todos: {await todos.CountAsync()}");

// Delete (the talk keeps its comment; the milk has none, so its foreign key does not hold it back)
Console.WriteLine($"Deleted #{milk.Id}: {await todos.DeleteAsync(milk.Id)}");
Console.WriteLine("Quickstart finished.");

