using System;
using System.Data.Common;

namespace NeoGen;

/// <summary>
/// An open connection lent to one operation, with the commands prepared on it. Commands are cached by a
/// slot number that each generated statement takes once (<see cref="Internal.StatementSlots"/>), so a
/// repeated call finds its prepared command with one array read.
/// </summary>
public sealed class ConnectionLease : IDisposable
{
    private readonly NeoGenDataSource? _owner;
    private readonly bool _ownsConnection;
    private DbCommand?[] _commands = new DbCommand?[16];
    private object?[]? _state;

    internal ConnectionLease(NeoGenDataSource? owner, DbConnection connection, bool ownsConnection)
    {
        _owner = owner;
        Connection = connection;
        _ownsConnection = ownsConnection;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction commands must join, when a unit of work pinned this lease.</summary>
    public DbTransaction? Transaction { get; internal set; }

    internal bool IsPinned { get; set; }

    /// <summary>The tenant session setting's value on this connection, when NeoGen set it outside a transaction.</summary>
    internal string? SessionTenant { get; set; }

    /// <summary>The command cached in <paramref name="slot"/>, or null.</summary>
    public DbCommand? GetCommand(int slot)
    {
        var commands = _commands;
        return (uint)slot < (uint)commands.Length ? commands[slot] : null;
    }

    /// <summary>Caches <paramref name="command"/> in <paramref name="slot"/> for the life of the connection.</summary>
    public void SetCommand(int slot, DbCommand command)
    {
        if (slot >= _commands.Length)
        {
            Array.Resize(ref _commands, Math.Max(slot + 1, _commands.Length * 2));
        }

        _commands[slot]?.Dispose();
        _commands[slot] = command;
        if (_state is not null && slot < _state.Length)
        {
            _state[slot] = null;
        }
    }

    /// <summary>Data cached with the command in <paramref name="slot"/> (for example result ordinals looked up by name), or null.</summary>
    public object? GetState(int slot)
    {
        var state = _state;
        return state is not null && (uint)slot < (uint)state.Length ? state[slot] : null;
    }

    /// <summary>Caches <paramref name="value"/> with the command in <paramref name="slot"/>.</summary>
    public void SetState(int slot, object value)
    {
        _state ??= new object?[Math.Max(slot + 1, _commands.Length)];
        if (slot >= _state.Length)
        {
            Array.Resize(ref _state, Math.Max(slot + 1, _state.Length * 2));
        }

        _state[slot] = value;
    }

    /// <summary>Gives the connection back; a pinned lease stays with its unit of work.</summary>
    public void Release()
    {
        if (IsPinned)
        {
            return;
        }

        if (_owner is null)
        {
            Dispose();
            return;
        }

        _owner.Return(this);
    }

    /// <summary>Disposes the cached commands, and the connection when the lease owns it.</summary>
    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command?.Dispose();
        }

        Array.Clear(_commands, 0, _commands.Length);
        _state = null;
        if (_ownsConnection)
        {
            Connection.Dispose();
        }
    }
}
