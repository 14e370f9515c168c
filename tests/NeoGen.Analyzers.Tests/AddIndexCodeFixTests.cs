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
}
