using System;
using System.Collections.Generic;

namespace NeoGen.Sql.Parsing;

public readonly struct SqlSpan : IEquatable<SqlSpan>
{
    public SqlSpan(int start, int length)
    {
        Start = start;
        Length = length < 0 ? 0 : length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public static SqlSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Equals(SqlSpan other) => Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SqlSpan other && Equals(other);

    public override int GetHashCode() => unchecked((Start * 397) ^ Length);

    public static bool operator ==(SqlSpan left, SqlSpan right) => left.Equals(right);

    public static bool operator !=(SqlSpan left, SqlSpan right) => !left.Equals(right);

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>
/// Base of the syntax tree. Every node knows its span in the original text. Left-deep chains (long AND/OR lists, many
/// joins or UNIONs) can make a tree tall, so consumers should walk it with <see cref="DescendantsAndSelf"/> (an explicit
/// stack) rather than unbounded recursion.
/// </summary>
public abstract class SqlNode
{
    protected SqlNode(SqlSpan span)
    {
        Span = span;
    }

    public SqlSpan Span { get; internal set; }

    internal abstract void CollectChildren(List<SqlNode> sink);

    public IReadOnlyList<SqlNode> GetChildren()
    {
        var list = new List<SqlNode>();
        CollectChildren(list);
        return list;
    }

    /// <summary>Pre-order, in source order, without recursion.</summary>
    public IEnumerable<SqlNode> DescendantsAndSelf()
    {
        var stack = new Stack<SqlNode>();
        var buffer = new List<SqlNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            buffer.Clear();
            node.CollectChildren(buffer);
            for (var i = buffer.Count - 1; i >= 0; i--)
            {
                stack.Push(buffer[i]);
            }
        }
    }

    internal static void Add(List<SqlNode> sink, SqlNode? node)
    {
        if (node != null)
        {
            sink.Add(node);
        }
    }

    internal static void AddAll<T>(List<SqlNode> sink, IReadOnlyList<T>? nodes)
        where T : SqlNode
    {
        if (nodes == null)
        {
            return;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            sink.Add(nodes[i]);
        }
    }
}

/// <summary>One name part, unquoted.</summary>
public sealed class SqlIdentifier : SqlNode
{
    public SqlIdentifier(string value, bool isQuoted, SqlSpan span)
        : base(span)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    public string Value { get; }

    public bool IsQuoted { get; }

    internal override void CollectChildren(List<SqlNode> sink)
    {
    }

    public override string ToString() => Value;
}

/// <summary>A dotted name: <c>t</c>, <c>s.t</c>, <c>db.s.t</c>.</summary>
public sealed class SqlObjectName : SqlNode
{
    public SqlObjectName(IReadOnlyList<SqlIdentifier> parts, SqlSpan span)
        : base(span)
    {
        Parts = parts;
    }

    public IReadOnlyList<SqlIdentifier> Parts { get; }

    /// <summary>The last part.</summary>
    public string Name => Parts.Count == 0 ? string.Empty : Parts[Parts.Count - 1].Value;

    /// <summary>The part before the last, if any.</summary>
    public string? Qualifier => Parts.Count >= 2 ? Parts[Parts.Count - 2].Value : null;

    public string? SecondQualifier => Parts.Count >= 3 ? Parts[Parts.Count - 3].Value : null;

    internal override void CollectChildren(List<SqlNode> sink) => AddAll(sink, Parts);

    public override string ToString() => string.Join(".", Parts);
}
