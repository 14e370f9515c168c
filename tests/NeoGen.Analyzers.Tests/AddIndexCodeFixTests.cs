using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NeoGen.Analyzers.Tests;

/// <summary>NG3001 / NG3002 code fix: adds the [Index] the diagnostic asks for to the entity type.</summary>
public sealed class AddIndexCodeFixTests
{
    [Fact]
    public async Task Foreign_key_gets_an_index()
    {
        var test = new IndexCodeFixTest("""
            using NeoGen;
            [Table("teams")] public sealed record Team { [Key] public long Id { get; init; } }

            [Table("members")]
            public sealed record Member
            {
                [Key] public long Id { get; init; }
                [ForeignKey(typeof(Team))] public long {|NG3002:TeamId|} { get; init; }
            }
            """, """
            using NeoGen;
            [Table("teams")] public sealed record Team { [Key] public long Id { get; init; } }

            [Table("members")]
            [Index(nameof(TeamId))]
            public sealed record Member
            {
                [Key] public long Id { get; init; }
                [ForeignKey(typeof(Team))] public long TeamId { get; init; }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Composite_filter_gets_a_composite_index_in_predicate_order()
    {
        var test = new IndexCodeFixTest(QueryAnalyzerTests.Repo("""
            [Query("SELECT id FROM users WHERE {|NG3001:active|} = @active AND score = @score")]
            Task<List<long>> TopAsync(bool active, int score);
            """), QueryAnalyzerTests.Repo("""
            [Query("SELECT id FROM users WHERE active = @active AND score = @score")]
            Task<List<long>> TopAsync(bool active, int score);
            """).Replace("[Index(nameof(TeamId), nameof(CreatedAt))]\n", "[Index(nameof(TeamId), nameof(CreatedAt))]\n[Index(nameof(Active), nameof(Score))]\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Type_without_attributes_gets_one_without_using()
    {
        var test = new IndexCodeFixTest("""
            namespace App
            {
                [NeoGen.Table("teams")] public sealed record Team { [NeoGen.Key] public long Id { get; init; } }

                public sealed record Plain { }

                [NeoGen.Table("members")]
                public sealed record Member
                {
                    [NeoGen.Key] public long Id { get; init; }
                    [NeoGen.ForeignKey(typeof(Team))] public long {|NG3002:TeamId|} { get; init; }
                }
            }
            """, """
            namespace App
            {
                [NeoGen.Table("teams")] public sealed record Team { [NeoGen.Key] public long Id { get; init; } }

                public sealed record Plain { }

                [NeoGen.Table("members")]
                [NeoGen.Index(nameof(TeamId))]
                public sealed record Member
                {
                    [NeoGen.Key] public long Id { get; init; }
                    [NeoGen.ForeignKey(typeof(Team))] public long TeamId { get; init; }
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Derived_query_gets_an_index_on_its_filter_properties()
    {
        var test = new IndexCodeFixTest(QueryAnalyzerTests.Repo("""
            Task<List<User>> {|NG3001:FindByScoreAndActiveAsync|}(int score, bool active);
            """), QueryAnalyzerTests.Repo("""
            Task<List<User>> FindByScoreAndActiveAsync(int score, bool active);
            """).Replace("[Index(nameof(TeamId), nameof(CreatedAt))]\n", "[Index(nameof(TeamId), nameof(CreatedAt))]\n[Index(nameof(Score), nameof(Active))]\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Table_declared_only_in_a_schema_file_gets_no_fix()
    {
        // 'orders' has no [Table] type: there is no C# declaration to put [Index] on, so no fix is offered.
        const string Source = """
            using System.Threading.Tasks;
            using NeoGen;
            [Table("users")] public sealed record User { [Key] public long Id { get; init; } }
            [Repository]
            public partial interface IOrders
            {
                [Query("SELECT id FROM orders WHERE {|NG3001:total|} > @min")]
                Task<long> LargeAsync(decimal min);
            }
            """;
        var test = new IndexCodeFixTest(Source, Source);
        test.TestState.AdditionalFiles.Add(("/001_init.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total DECIMAL(10,2));\n"));
        await test.RunAsync();
    }
}
