using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NeoGen.Analyzers.Query;
using NeoGen.CodeFixes;

namespace NeoGen.Analyzers.Tests;

/// <summary>The NeoGen attributes and base interfaces the query analyzer looks for (same names and shapes as src/NeoGen).</summary>
internal static class NeoGenStubs
{
    public const string Source = """
        #nullable enable
        namespace NeoGen
        {
            using System;
            public enum Dialect { Sqlite = 0, PostgreSql = 1, MySql = 2, SqlServer = 3 }
            [AttributeUsage(AttributeTargets.Interface, AllowMultiple = true)]
            public sealed class RepositoryAttribute : Attribute { public RepositoryAttribute(Dialect dialect = Dialect.Sqlite) { } }
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class QueryAttribute : Attribute { public QueryAttribute(string sql) { } }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
            public sealed class TableAttribute : Attribute { public TableAttribute() { } public TableAttribute(string name) { } public string? Schema { get; set; } }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class ColumnAttribute : Attribute { public ColumnAttribute() { } public ColumnAttribute(string name) { } }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class KeyAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class GeneratedAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class IgnoreAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class ForeignKeyAttribute : Attribute { public ForeignKeyAttribute(Type principal) { } }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true)]
            public sealed class IndexAttribute : Attribute { public IndexAttribute(params string[] members) { } public bool Unique { get; set; } public string? Name { get; set; } }
            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class OptionalFilterAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class EncryptedAttribute : Attribute { public bool Deterministic { get; set; } public bool StoreAsText { get; set; } }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class TenantKeyAttribute : Attribute { }
            public interface IReadRepository<T, TKey> { }
            public interface ICrudRepository<T, TKey> : IReadRepository<T, TKey> { }
            public interface IBulkRepository<T> { }
        }
        """;
}

internal sealed class QueryAnalyzerTest : CSharpAnalyzerTest<SqlQueryAnalyzer, DefaultVerifier>
{
    public QueryAnalyzerTest(string source)
    {
        TestCode = source;
        TestState.Sources.Add(("/0/NeoGenStubs.cs", NeoGenStubs.Source));
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, SolutionTransforms);
    }
}

internal sealed class IndexCodeFixTest : CSharpCodeFixTest<SqlQueryAnalyzer, AddIndexCodeFixProvider, DefaultVerifier>
{
    public IndexCodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        TestState.Sources.Add(("/0/NeoGenStubs.cs", NeoGenStubs.Source));
        FixedState.Sources.Add(("/0/NeoGenStubs.cs", NeoGenStubs.Source));
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, SolutionTransforms);
    }
}

internal static class QueryVerify
{
    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new(id, severity);

    public static Task Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new QueryAnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
