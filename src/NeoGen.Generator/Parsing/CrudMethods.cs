using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// The methods of IReadRepository / ICrudRepository / IBulkRepository, as intent (an operation on the entity); the
/// statement writer spells their SQL per dialect, and they are planned like written queries from there.
/// </summary>
internal static class CrudMethods
{
    private const string Ct = "cancellationToken";

    /// <summary>The methods, or null (with a diagnostic and <paramref name="failure"/>) when the entity or key cannot serve them.</summary>
    public static List<MethodModel>? Create(INamedTypeSymbol repository, INamedTypeSymbol baseInterface, EntityModel entity, ITypeSymbol? keyType, int crudLevel, bool bulk, LocationInfo? location, List<DiagnosticInfo> diagnostics, out string? failure)
    {
        failure = null;
        var methods = new List<MethodModel>();
        var entityType = entity.TypeName;
        var row = new RowModel(null, entity, EquatableArray<TupleElementModel>.Empty, false);
        var ctParameter = new ParameterModel(Ct, "global::System.Threading.CancellationToken", null, null, null, true);
        var keys = entity.Members.Where(m => m.IsKey).ToList();

        if (crudLevel > 0)
        {
            if (keys.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.NoKey, location, repository.Name, baseInterface.ToDisplayString(), entity.DisplayName));
                failure = $"NG0005: {entity.DisplayName} has no [Key] member";
                return null;
            }

            if (KeyMismatch(keyType!, keys) is { } expected)
            {
                var declared = baseInterface.OriginalDefinition.Name + "<" + entity.DisplayName + ", " + expected + ">";
                diagnostics.Add(DiagnosticInfo.Create(Rules.KeyTypeMismatch, location, repository.Name, baseInterface.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    keyType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), entity.DisplayName,
                    keys.Count == 1 ? $"{expected} ({keys[0].Name})" : $"{expected} ({string.Join(", ", keys.Select(k => k.Name))})", declared));
                failure = $"NG0010: the key type argument is {keyType!.ToDisplayString()} but the key of {entity.DisplayName} is {expected}";
                return null;
            }

            var keyTypeName = ColumnTypes.Display(keyType!);
            var keyParameter = new ParameterModel("key", keyTypeName, keys.Count == 1 ? ColumnTypes.Map(keyType!) : null, null, null, false);
            var keysParameter = new ParameterModel("keys", $"global::System.Collections.Generic.IEnumerable<{keyTypeName}>", null, keys.Count == 1 ? keys[0].Type.WithNullable(false) : null, null, false);
            EquatableArray<ParameterModel> Params(bool isAsync, params ParameterModel[] parameters)
                => (isAsync ? parameters.Concat(new[] { ctParameter }) : parameters).ToEquatableArray();

            foreach (var isAsync in new[] { false, true })
            {
                var suffix = isAsync ? "Async" : string.Empty;
                var asyncKind = isAsync ? AsyncKind.ValueTask : AsyncKind.Sync;
                string Returns(string type) => isAsync ? $"global::System.Threading.Tasks.ValueTask<{type}>" : type;
                var ct = isAsync ? Ct : null;
                MethodModel Crud(string name, string returns, ResultShape shape, RowModel? result, EquatableArray<ParameterModel> parameters, CrudOperation operation)
                    => new(name + suffix, Returns(returns), asyncKind, shape, result, parameters, MethodSource.Crud, null, null, location, location, operation, ct, null);

                methods.Add(Crud("Get", entityType + "?", ResultShape.Single, row with { IsNullable = true }, Params(isAsync, keyParameter), CrudOperation.Get));
                methods.Add(Crud("GetMany", $"global::System.Collections.Generic.List<{entityType}>", ResultShape.List, row, Params(isAsync, keysParameter), CrudOperation.GetMany));
                methods.Add(Crud("Exists", "bool", ResultShape.Scalar, new RowModel(ScalarType.Boolean, null, EquatableArray<TupleElementModel>.Empty, false), Params(isAsync, keyParameter), CrudOperation.Exists));
                methods.Add(Crud("Count", "long", ResultShape.Scalar, new RowModel(ScalarType.Int64, null, EquatableArray<TupleElementModel>.Empty, false), Params(isAsync), CrudOperation.Count));
                if (crudLevel < 2)
                {
                    continue;
                }

                var entityParameter = new ParameterModel("entity", entityType, null, null, entity, false);
                methods.Add(Crud("Insert", entityType, ResultShape.Single, row, Params(isAsync, entityParameter), CrudOperation.Insert));
                methods.Add(Crud("Update", entityType, ResultShape.Single, row, Params(isAsync, entityParameter), CrudOperation.Update));
                methods.Add(Crud("Delete", "bool", ResultShape.AnyRowsAffected, null, Params(isAsync, keyParameter), CrudOperation.Delete));
                methods.Add(Crud("Upsert", entityType, ResultShape.Single, row, Params(isAsync, entityParameter), CrudOperation.Upsert));
                var entitiesParameter = new ParameterModel("entities", $"global::System.Collections.Generic.IEnumerable<{entityType}>", null, null, null, false);
                var affected = new RowModel(ScalarType.Int64, null, EquatableArray<TupleElementModel>.Empty, false);
                methods.Add(Crud("UpdateMany", "long", ResultShape.RowsAffectedLong, affected, Params(isAsync, entitiesParameter), CrudOperation.UpdateMany));
                methods.Add(Crud("DeleteMany", "long", ResultShape.RowsAffectedLong, affected, Params(isAsync, keysParameter), CrudOperation.DeleteMany));
            }
        }

        if (bulk)
        {
            var entitiesParameter = new ParameterModel("entities", $"global::System.Collections.Generic.IEnumerable<{entityType}>", null, null, null, false);
            var longRow = new RowModel(ScalarType.Int64, null, EquatableArray<TupleElementModel>.Empty, false);
            methods.Add(new MethodModel("BulkInsert", "long", AsyncKind.Sync, ResultShape.RowsAffectedLong, longRow, new[] { entitiesParameter }.ToEquatableArray(),
                MethodSource.Crud, null, null, location, location, CrudOperation.BulkInsert, null, null));
            methods.Add(new MethodModel("BulkInsertAsync", "global::System.Threading.Tasks.ValueTask<long>", AsyncKind.ValueTask, ResultShape.RowsAffectedLong, longRow, new[] { entitiesParameter, ctParameter }.ToEquatableArray(),
                MethodSource.Crud, null, null, location, location, CrudOperation.BulkInsert, Ct, null));
        }

        return methods;
    }

    /// <summary>The key type the base interface should name, or null when <paramref name="keyType"/> is it.</summary>
    private static string? KeyMismatch(ITypeSymbol keyType, List<MemberModel> keys)
    {
        static bool Same(ScalarType? declared, ScalarType member) => declared is not null && declared.Kind == member.Kind && declared.TypeName == member.TypeName;

        if (keys.Count == 1)
        {
            return Same(ColumnTypes.Map(keyType), keys[0].Type) && ColumnTypes.Map(keyType)!.IsNullable == keys[0].Type.IsNullable ? null : keys[0].Type.DisplayName;
        }

        var expected = "(" + string.Join(", ", keys.Select(k => k.Type.DisplayName + " " + k.Name)) + ")";
        if (keyType is not INamedTypeSymbol { IsTupleType: true } tuple || tuple.TupleElements.Length != keys.Count)
        {
            return expected;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (!Same(ColumnTypes.Map(tuple.TupleElements[i].Type), keys[i].Type))
            {
                return expected;
            }
        }

        return null;
    }

    /// <summary>The columns an INSERT writes: all but database-generated ones.</summary>
    public static IEnumerable<MemberModel> InsertedMembers(EntityModel entity) => entity.Members.Where(m => !m.IsGenerated);
}
