using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace NeoGen.Benchmarks.Contenders;

/// <summary>Every contender for one database, built once per benchmark process in GlobalSetup.</summary>
public sealed class ContenderSet : IAsyncDisposable
{
    private ContenderSet(Database database, string connectionString)
    {
        TypicalAdoNet = new TypicalAdoNetContender(database, connectionString);
        HandTunedAdoNet = database switch
        {
            Database.Sqlite => new HandTunedSqliteContender(connectionString),
            Database.MariaDb => new HandTunedMySqlContender(connectionString),
            _ => new HandTunedNpgsqlContender(connectionString),
        };
        Dapper = new DapperContender(database, connectionString);
        DapperAot = new DapperAotContender(database, connectionString);
        EfCore = EfCoreContender.Create(database, connectionString) ?? new NotAvailableContender("EF Core on MariaDB: Pomelo.EntityFrameworkCore.MySql has no release for EF Core 10");
#if NEOGEN
        NeoGen = new NeoGenModel.NeoGenContender(database, connectionString);
#endif
    }

    public IContender<World, Fortune> TypicalAdoNet { get; }

    public IContender<World, Fortune> HandTunedAdoNet { get; }

    public IContender<World, Fortune> Dapper { get; }

    public IContender<World, Fortune> DapperAot { get; }

    public IContender<World, Fortune> EfCore { get; }

#if NEOGEN
    public IContender<NeoGenModel.World, NeoGenModel.Fortune> NeoGen { get; }
#endif

    public static ContenderSet Create(Database database, string connectionString) => new(database, connectionString);

    public async ValueTask DisposeAsync()
    {
        await TypicalAdoNet.DisposeAsync();
        await HandTunedAdoNet.DisposeAsync();
        await Dapper.DisposeAsync();
        await DapperAot.DisposeAsync();
        await EfCore.DisposeAsync();
#if NEOGEN
        await NeoGen.DisposeAsync();
#endif
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        MySqlConnection.ClearAllPools();
    }
}
