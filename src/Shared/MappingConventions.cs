using System.Text;

// Linked into both the generator and the analyzers: they must agree on which attributes map a type and
// how member names become column names, or the analyzers would check columns the generator never reads.
namespace NeoGen.Shared;

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
    public const string ForeignKeyAttribute = "NeoGen.ForeignKeyAttribute";
    public const string OptionalFilterAttribute = "NeoGen.OptionalFilterAttribute";
    public const string EncryptedAttribute = "NeoGen.EncryptedAttribute";
    public const string MaskedAttribute = "NeoGen.MaskedAttribute";
    public const string TenantKeyAttribute = "NeoGen.TenantKeyAttribute";
    public const string AuditedAttribute = "NeoGen.AuditedAttribute";
    public const string SortOrdersAttribute = "NeoGen.SortOrdersAttribute";
    public const string JsonColumnAttribute = "NeoGen.JsonColumnAttribute";
    public const string PageRequest = "NeoGen.PageRequest";
    public const string Page = "NeoGen.Page<T>";

    // Entity Framework's data annotations, so existing EF-annotated types map unchanged.
    public const string DataAnnotationsKey = "System.ComponentModel.DataAnnotations.KeyAttribute";
    public const string DataAnnotationsTable = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
    public const string DataAnnotationsColumn = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
    public const string DataAnnotationsNotMapped = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";
    public const string DataAnnotationsConcurrencyCheck = "System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute";
    public const string DataAnnotationsDatabaseGenerated = "System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute";
    public const string DataAnnotationsMaxLength = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    public const string DataAnnotationsStringLength = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
    public const string EntityFrameworkIndex = "Microsoft.EntityFrameworkCore.IndexAttribute";

    public const string ReadRepository = "NeoGen.IReadRepository<T, TKey>";
    public const string CrudRepository = "NeoGen.ICrudRepository<T, TKey>";
    public const string BulkRepository = "NeoGen.IBulkRepository<T>";

    public const string SqliteConnection = "Microsoft.Data.Sqlite.SqliteConnection";
    public const string NpgsqlConnection = "Npgsql.NpgsqlConnection";
}

internal static class Naming
{
    /// <summary>snake_case of a PascalCase name: <c>DisplayName</c> → <c>display_name</c>, <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (builder.Length > 0 && builder[builder.Length - 1] != '_' && (previousIsLowerOrDigit || acronymEnds))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
