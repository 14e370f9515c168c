namespace NeoGen.Generator.Parsing;

internal static class KnownNames
{
    public const string RepositoryAttribute = "NeoGen.RepositoryAttribute";
    public const string TableAttribute = "NeoGen.TableAttribute";
    public const string QueryAttribute = "NeoGen.QueryAttribute";
    public const string ColumnAttribute = "NeoGen.ColumnAttribute";
    public const string KeyAttribute = "NeoGen.KeyAttribute";
    public const string GeneratedAttribute = "NeoGen.GeneratedAttribute";
    public const string IgnoreAttribute = "NeoGen.IgnoreAttribute";
    public const string IndexAttribute = "NeoGen.IndexAttribute";
    public const string VersionAttribute = "NeoGen.VersionAttribute";
    public const string CreatedAtAttribute = "NeoGen.CreatedAtAttribute";
    public const string UpdatedAtAttribute = "NeoGen.UpdatedAtAttribute";

    // Entity Framework's data annotations, so existing EF-annotated types map unchanged.
    public const string DataAnnotationsKey = "System.ComponentModel.DataAnnotations.KeyAttribute";
    public const string DataAnnotationsTable = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
    public const string DataAnnotationsColumn = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
    public const string DataAnnotationsNotMapped = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";
    public const string DataAnnotationsConcurrencyCheck = "System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute";
    public const string DataAnnotationsDatabaseGenerated = "System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute";

    public const string ReadRepository = "NeoGen.IReadRepository<T, TKey>";
    public const string CrudRepository = "NeoGen.ICrudRepository<T, TKey>";
    public const string BulkRepository = "NeoGen.IBulkRepository<T>";

    public const string SqliteConnection = "Microsoft.Data.Sqlite.SqliteConnection";
    public const string NpgsqlConnection = "Npgsql.NpgsqlConnection";
}
