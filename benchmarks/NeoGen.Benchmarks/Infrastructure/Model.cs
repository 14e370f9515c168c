namespace NeoGen.Benchmarks;

// Entities shared by every contender except NeoGen, which has its own annotated records
// (Contenders/NeoGenContender.cs). Plain mutable classes: what Dapper, Dapper.AOT and EF Core all map.

/// <summary>A row of <c>world</c> (TechEmpower): <c>id int primary key, randomnumber int</c>.</summary>
public sealed class World
{
    public int Id { get; set; }

    public int RandomNumber { get; set; }
}

/// <summary>A row of <c>fortune</c> (TechEmpower): <c>id int primary key, message text</c>.</summary>
public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = "";
}

/// <summary>A row of <c>world_insert</c>, whose id the database generates (EF Core needs a type for it).</summary>
public sealed class WorldInsert
{
    public int Id { get; set; }

    public int RandomNumber { get; set; }
}
