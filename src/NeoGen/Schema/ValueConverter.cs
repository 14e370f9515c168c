namespace NeoGen;

/// <summary>
/// Converts a member's value to the value its column stores, and back: named by <c>[Column(Converter = typeof(X))]</c>
/// and called by the generated code directly (static, so no instance, no reflection, nothing boxed).
/// <code>
/// public sealed class MoneyConverter : IValueConverter&lt;Money, decimal&gt;
/// {
///     public static decimal ToStore(Money value) =&gt; value.Amount;
///     public static Money FromStore(decimal value) =&gt; new(value);
/// }
/// </code>
/// </summary>
/// <typeparam name="TModel">The member's type.</typeparam>
/// <typeparam name="TStore">A column type: what the database holds.</typeparam>
public interface IValueConverter<TModel, TStore>
{
    /// <summary>The stored value of <paramref name="value"/> (never called with null).</summary>
    static abstract TStore ToStore(TModel value);

    /// <summary>The member's value for the stored <paramref name="value"/> (never called with NULL).</summary>
    static abstract TModel FromStore(TStore value);
}
