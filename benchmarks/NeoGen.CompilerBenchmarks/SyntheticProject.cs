using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NeoGen.CompilerBenchmarks;

/// <summary>
/// The source text of a synthetic NeoGen project, generated deterministically (no randomness, no clock):
/// 50 [Table] records with 7-10 columns, 200 [Repository] interfaces with 10 queries each, and a few
/// files of plain ADO.NET code with no NeoGen attributes, spread over 55 files like a real project.
/// </summary>
public static class SyntheticProject
{
    public const int TableCount = 50;
    public const int RepositoryCount = 200;
    public const int QueriesPerRepository = 10;
    public const int TablesPerFile = 5;
    public const int RepositoriesPerFile = 5;
    public const int ServiceFileCount = 5;

    /// <summary>The repository whose streaming query the one-line edit changes: the last one in its file.</summary>
    /// <remarks>
    /// It is the last declaration of its file on purpose: the generator's models carry source spans, so an edit
    /// that changes a line's length also moves every declaration after it in the same file, and those
    /// repositories are re-parsed too (their model differs by the span). See README.
    /// </remarks>
    public const int EditedRepository = 104;

    /// <summary>The service file the unrelated edit changes.</summary>
    public const int EditedService = 2;

    public static int TableFileCount => TableCount / TablesPerFile;

    public static int RepositoryFileCount => RepositoryCount / RepositoriesPerFile;

    public static string TableFilePath(int file) => $"/synthetic/Model/Tables{file:D2}.cs";

    public static string RepositoryFilePath(int file) => $"/synthetic/Data/Repositories{file:D2}.cs";

    public static string ServiceFilePath(int file) => $"/synthetic/Services/Service{file:D2}.cs";

    public static int RepositoryFileOf(int repository) => repository / RepositoriesPerFile;

    /// <summary>Every file of the unedited project: (path, text).</summary>
    public static IEnumerable<(string Path, string Text)> Files()
    {
        for (var f = 0; f < TableFileCount; f++)
        {
            yield return (TableFilePath(f), TableFile(f));
        }

        for (var f = 0; f < RepositoryFileCount; f++)
        {
            yield return (RepositoryFilePath(f), RepositoryFile(f, editedRepository: null));
        }

        for (var f = 0; f < ServiceFileCount; f++)
        {
            yield return (ServiceFilePath(f), ServiceFile(f, edited: false));
        }
    }

    public static string TableFile(int file)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;");
        s.AppendLine("using NeoGen;");
        s.AppendLine();
        s.AppendLine("namespace Synthetic.Model;");
        for (var i = file * TablesPerFile; i < (file + 1) * TablesPerFile; i++)
        {
            s.AppendLine();
            s.AppendLine(Inv($"[Table(\"entity_{i}\")]"));
            if (i % 2 == 0)
            {
                s.AppendLine("[Index(nameof(Name))]");
            }

            s.AppendLine(Inv($"public sealed record Entity{i}"));
            s.AppendLine("{");
            s.AppendLine("    [Key, Generated] public long Id { get; init; }");
            s.AppendLine("    public required string Name { get; init; }");
            s.AppendLine("    public int Qty { get; init; }");
            s.AppendLine("    public decimal Price { get; init; }");
            s.AppendLine("    public bool Active { get; init; }");
            s.AppendLine("    public DateTime CreatedAt { get; init; }");
            s.AppendLine(Inv($"    [ForeignKey(typeof(Entity{Parent(i)}))] public long? ParentId {{ get; init; }}"));
            var extras = Extras(i);
            if (extras >= 1)
            {
                s.AppendLine("    public string? Note { get; init; }");
            }

            if (extras >= 2)
            {
                s.AppendLine("    public DateOnly? Day { get; init; }");
            }

            if (extras >= 3)
            {
                s.AppendLine("    public Guid ExternalId { get; init; }");
            }

            s.AppendLine("}");
        }

        return s.ToString();
    }

    public static string RepositoryFile(int file, int? editedRepository)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;");
        s.AppendLine("using System.Collections.Generic;");
        s.AppendLine("using System.Threading;");
        s.AppendLine("using System.Threading.Tasks;");
        s.AppendLine("using NeoGen;");
        s.AppendLine("using Synthetic.Model;");
        s.AppendLine();
        s.AppendLine("namespace Synthetic.Data;");
        for (var r = file * RepositoriesPerFile; r < (file + 1) * RepositoriesPerFile; r++)
        {
            s.AppendLine();
            AppendRepository(s, r, edited: r == editedRepository);
        }

        return s.ToString();
    }

    private static void AppendRepository(StringBuilder s, int r, bool edited)
    {
        var e = r % TableCount;
        var p = Parent(e);
        var entity = Inv($"Entity{e}");
        var table = Inv($"entity_{e}");
        var parentTable = Inv($"entity_{p}");
        var columns = string.Join(", ", Columns(e));

        // Half of the repositories target both dialects, the others one each.
        switch (r % 4)
        {
            case 0:
            case 2:
                s.AppendLine("[Repository(Dialect.Sqlite)]");
                s.AppendLine("[Repository(Dialect.PostgreSql)]");
                break;
            case 1:
                s.AppendLine("[Repository(Dialect.Sqlite)]");
                break;
            default:
                s.AppendLine("[Repository(Dialect.PostgreSql)]");
                break;
        }

        s.AppendLine(Inv($"public partial interface IRepository{r:D3} : IReadRepository<{entity}, long>"));
        s.AppendLine("{");

        // 1. single row by key
        s.AppendLine(Inv($"    [Query(\"SELECT {columns} FROM {table} WHERE id = @id\")]"));
        s.AppendLine(Inv($"    Task<{entity}?> LoadAsync(long id, CancellationToken cancellationToken = default);"));
        s.AppendLine();

        // 2. list with a join of two tables, tuple rows
        s.AppendLine(Inv($"    [Query(\"SELECT a.id, a.name, p.name AS parent_name, p.price FROM {table} a JOIN {parentTable} p ON p.id = a.parent_id WHERE a.active = @active ORDER BY a.name\")]"));
        s.AppendLine("    List<(long Id, string Name, string ParentName, decimal Price)> WithParents(bool active);");
        s.AppendLine();

        // 3. IN-list
        s.AppendLine(Inv($"    [Query(\"SELECT * FROM {table} WHERE id IN @ids\")]"));
        s.AppendLine(Inv($"    Task<List<{entity}>> ManyAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);"));
        s.AppendLine();

        // 4. UPDATE
        s.AppendLine(Inv($"    [Query(\"UPDATE {table} SET name = @name, qty = @qty WHERE id = @id\")]"));
        s.AppendLine("    Task<int> RenameAsync(long id, string name, int qty);");
        s.AppendLine();

        // 5. INSERT ... RETURNING (every NOT NULL column without a default)
        var hasExternalId = Extras(e) >= 3;
        var insertColumns = "name, qty, price, active, created_at" + (hasExternalId ? ", external_id" : string.Empty);
        var insertValues = "@name, @qty, @price, @active, @createdAt" + (hasExternalId ? ", @externalId" : string.Empty);
        var insertParameters = "string name, int qty, decimal price, bool active, DateTime createdAt" + (hasExternalId ? ", Guid externalId" : string.Empty);
        s.AppendLine(Inv($"    [Query(\"INSERT INTO {table} ({insertColumns}) VALUES ({insertValues}) RETURNING id\")]"));
        s.AppendLine(Inv($"    Task<long> AddAsync({insertParameters});"));
        s.AppendLine();

        // 6. COUNT
        s.AppendLine(Inv($"    [Query(\"SELECT COUNT(*) FROM {table} WHERE active = @active AND qty > @minQty\")]"));
        s.AppendLine("    long CountActive(bool active, int minQty);");
        s.AppendLine();

        // 7. derived query: FindByXAndYOrderByZ
        s.AppendLine(Inv($"    Task<List<{entity}>> FindByQtyAndActiveOrderByNameAsync(int qty, bool active);"));
        s.AppendLine();

        // 8. tuple results
        s.AppendLine(Inv($"    [Query(\"SELECT name, qty FROM {table} WHERE price > @minPrice\")]"));
        s.AppendLine("    IReadOnlyList<(string Name, int Qty)> NamesAbove(decimal minPrice);");
        s.AppendLine();

        // 9. derived query with operators, descending order and a limit
        s.AppendLine(Inv($"    List<{entity}> FindByCreatedAtAfterAndPriceLessThanOrderByCreatedAtDesc(DateTime after, decimal price, int limit);"));
        s.AppendLine();

        // 10. IAsyncEnumerable, streamed; the one-line edit target (ORDER BY id -> ORDER BY id DESC)
        s.AppendLine(Inv($"    [Query(\"SELECT * FROM {table} WHERE created_at > @since ORDER BY id{(edited ? " DESC" : string.Empty)}\")]"));
        s.AppendLine(Inv($"    IAsyncEnumerable<{entity}> StreamSinceAsync(DateTime since, CancellationToken cancellationToken = default);"));
        s.AppendLine("}");
    }

    /// <summary>Plain ADO.NET code with no NeoGen attributes (NG1001 looks at it; the generator must not care).</summary>
    public static string ServiceFile(int file, bool edited)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;");
        s.AppendLine("using Microsoft.Data.Sqlite;");
        s.AppendLine("using Npgsql;");
        s.AppendLine();
        s.AppendLine("namespace Synthetic.Services;");
        s.AppendLine();
        s.AppendLine(Inv($"public sealed class Service{file}"));
        s.AppendLine("{");
        // The unrelated edit: one line, a constant changes.
        s.AppendLine(Inv($"    public int Revision => {(edited ? 2 : 1)};"));
        for (var m = 0; m < 10; m++)
        {
            var table = Inv($"entity_{(file * 10 + m) % TableCount}");
            s.AppendLine();
            s.AppendLine(Inv($"    public long CountActive{m}(SqliteConnection connection, bool active)"));
            s.AppendLine("    {");
            s.AppendLine("        using var command = connection.CreateCommand();");
            s.AppendLine(Inv($"        command.CommandText = \"SELECT COUNT(*) FROM {table} WHERE active = @active\";"));
            s.AppendLine("        command.Parameters.AddWithValue(\"@active\", active);");
            s.AppendLine("        return (long)command.ExecuteScalar()!;");
            s.AppendLine("    }");
            s.AppendLine();
            s.AppendLine(Inv($"    public string? NameOf{m}(NpgsqlConnection connection, long id)"));
            s.AppendLine("    {");
            s.AppendLine(Inv($"        using var command = new NpgsqlCommand(\"SELECT name FROM {table} WHERE id = $1\", connection);"));
            s.AppendLine("        command.Parameters.AddWithValue(id);");
            s.AppendLine("        return command.ExecuteScalar() as string;");
            s.AppendLine("    }");
        }

        s.AppendLine("}");
        return s.ToString();
    }

    /// <summary>The column list of a table, in declaration order.</summary>
    public static IEnumerable<string> Columns(int table)
    {
        var columns = new List<string> { "id", "name", "qty", "price", "active", "created_at", "parent_id" };
        var extras = Extras(table);
        if (extras >= 1)
        {
            columns.Add("note");
        }

        if (extras >= 2)
        {
            columns.Add("day");
        }

        if (extras >= 3)
        {
            columns.Add("external_id");
        }

        return columns;
    }

    /// <summary>7 + 0..3 columns.</summary>
    private static int Extras(int table) => table % 4;

    private static int Parent(int table) => (table + 1) % TableCount;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lines two texts differ in (used to prove an edit is one line).</summary>
    public static int DifferingLines(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        if (left.Length != right.Length)
        {
            return int.MaxValue;
        }

        return left.Zip(right).Count(pair => pair.First != pair.Second);
    }
}
