using System;
using System.Collections.Generic;

namespace NeoGen;

/// <summary>
/// Which page of a derived query to read: <see cref="Number"/> counts from zero, as in Spring Data. The rows are
/// ordered by the query's OrderBy and then by the key (by the key alone when it has none), so that no row is on two
/// pages or on none while the table does not change.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>Page <paramref name="number"/> (from zero) of <paramref name="size"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number, or a size below one.</exception>
    public PageRequest(int number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Number = number;
        Size = size;
    }

    /// <summary>The page, counting from zero.</summary>
    public int Number { get; }

    /// <summary>The largest number of rows on the page.</summary>
    public int Size { get; }

    /// <summary>How many rows come before the page.</summary>
    /// <exception cref="OverflowException">A page past the last representable row.</exception>
    public int Offset => checked(Number * Size);

    /// <summary>The page after this one.</summary>
    public PageRequest Next() => new(Number + 1, Size);

    /// <summary>The first page of <paramref name="size"/> rows.</summary>
    public static PageRequest First(int size) => new(0, size);
}

/// <summary>One page of rows and the number of rows of every page together.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class Page<T>
{
    /// <summary>A page of <paramref name="items"/> out of <paramref name="total"/> rows, read for <paramref name="request"/>.</summary>
    public Page(IReadOnlyList<T> items, long total, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        Total = total;
        Request = request;
    }

    /// <summary>The rows of this page, in the query's order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The number of rows that match the query, on all pages.</summary>
    public long Total { get; }

    /// <summary>The request this page answers.</summary>
    public PageRequest Request { get; }

    /// <summary>The number of pages of <see cref="PageRequest.Size"/> rows.</summary>
    public long TotalPages => Request.Size <= 0 ? 0 : (Total + Request.Size - 1) / Request.Size;

    /// <summary>Whether a later page has rows.</summary>
    public bool HasNext => (long)Request.Offset + Items.Count < Total;
}
