namespace NeoGen;

/// <summary>A data key as stored: its id, the KEK that wrapped it and the wrapped material.</summary>
/// <param name="Id">The data key id.</param>
/// <param name="KekId">The <see cref="IKeyEncryptionKey.Id"/> of the KEK that wrapped it.</param>
/// <param name="Wrapped">The wrapped material, opaque; only that KEK can unwrap it.</param>
public sealed record WrappedColumnKey(int Id, string KekId, byte[] Wrapped);
