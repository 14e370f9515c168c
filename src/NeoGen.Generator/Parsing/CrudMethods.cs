using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeoGen.Generator.Common;
using NeoGen.Generator.Diagnostics;
using NeoGen.Generator.Model;

namespace NeoGen.Generator.Parsing;

/// <summary>
/// The methods of IReadRepository / ICrudRepository / IBulkRepository, as models with their SQL, so they
/// go through the same planning and emitting as written queries.
/// </summary>
internal static class CrudMethods
{
    private const string Ct = "cancellationToken";

    public static IEnumerable<MethodModel> Create(INamedTypeSymbol repository, EntityModel entity, ITypeSymbol? keyType, int crudLevel, bool bulk, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var methods = new List<MethodModel>();
        var entityType = entity.TypeName;
        var row = new RowModel(null, entity, EquatableArray<TupleElementModel>.Empty, false);
        var nullableRow = row with { IsNullable = true };
        var table = SqlText.Quote(entity.Table!);
        var columns = string.Join(", ", entity.Members.Select(m => SqlText.Quote(m.Column)));
        var keys = entity.Members.Where(m => m.IsKey).ToList();

        if (crudLevel > 0)
        {
            if (keys.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoKey, location, repository.Name, "IReadRepository<" + entity.DisplayName + ", ...>", entity.DisplayName));
                return methods;
            }

            var keyTypeName = TypeMapper.Display(keyType!);
            var keyScalar = TypeMapper.Map(keyType!);
            var keyElements = (keyType as INamedTypeSymbol)?.IsTupleType == true ? ((INamedTypeSymbol)keyType!).TupleElements.Length : 1;
            if ((keys.Count == 1 && keyScalar is null) || (keys.Count > 1 && keyElements != keys.Count))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, location, repository.Name,
                    keys.Count == 1
                        ? $"the key type {keyType!.ToDisplayString()} does not match the key member {keys[0].Name} ({keys[0].Type.TypeName})"
                        : $"{entity.DisplayName} has a composite key of {keys.Count} members ({string.Join(", ", keys.Select(k => k.Name))}); the key type must be a tuple of {keys.Count} elements"));
                return methods;
            }

            // Key bindings: "key" itself for one key, key.Item1.. for a composite key.
            var keyBindings = keys.Count == 1
                ? new[] { new ExplicitBinding("key", "key", keys[0].Type, false) }
                : keys.Select((k, i) => new ExplicitBinding("key" + i, "key.Item" + (i + 1), k.Type, false)).ToArray();
            var keyPredicate = string.Join(" AND ", keys.Select((k, i) => SqlText.Quote(k.Column) + " = @" + keyBindings[i].SqlName));
            var keyParameter = new ParameterModel("key", keyTypeName, keyScalar, null, null, false, false);
            var ctParameter = new ParameterModel(Ct, "global::System.Threading.CancellationToken", null, null, null, true, true);
            EquatableArray<ParameterModel> Params(bool isAsync, params ParameterModel[] parameters)
                => (isAsync ? parameters.Concat(new[] { ctParameter }) : parameters).ToEquatableArray();

            foreach (var isAsync in new[] { false, true })
            {
                var suffix = isAsync ? "Async" : string.Empty;
                var asyncKind = isAsync ? AsyncKind.ValueTask : AsyncKind.Sync;
                string Returns(string type) => isAsync ? $"global::System.Threading.Tasks.ValueTask<{type}>" : type;
                var ct = isAsync ? Ct : null;

                methods.Add(new MethodModel("Get" + suffix, Returns(entityType + "?"), asyncKind, ResultShape.Single, nullableRow, Params(isAsync, keyParameter),
                    MethodSource.Crud, $"SELECT {columns} FROM {table} WHERE {keyPredicate}", null, location, location, CrudOperation.Get, ct, keyBindings.ToEquatableArray()));

                var keysParameter = new ParameterModel("keys", $"global::System.Collections.Generic.IEnumerable<{keyTypeName}>", null, keys.Count == 1 ? keys[0].Type : null, null, false, false);
                methods.Add(new MethodModel("GetMany" + suffix, Returns($"global::System.Collections.Generic.List<{entityType}>"), asyncKind, ResultShape.List, row, Params(isAsync, keysParameter),
                    MethodSource.Crud, keys.Count == 1 ? $"SELECT {columns} FROM {table} WHERE {SqlText.Quote(keys[0].Column)} IN @keys" : $"SELECT {columns} FROM {table} WHERE {keyPredicate}", null, location, location, CrudOperation.GetMany, ct,
                    keys.Count == 1 ? EquatableArray<ExplicitBinding>.Empty : keyBindings.ToEquatableArray()));

                var boolRow = new RowModel(new ScalarType("bool", ScalarKind.Boolean, false, true, ScalarKind.Unsupported, EquatableArray<string>.Empty, false), null, EquatableArray<TupleElementModel>.Empty, false);
                methods.Add(new MethodModel("Exists" + suffix, Returns("bool"), asyncKind, ResultShape.Scalar, boolRow, Params(isAsync, keyParameter),
                    MethodSource.Crud, $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {keyPredicate})", null, location, location, CrudOperation.Exists, ct, keyBindings.ToEquatableArray()));

                var longRow = new RowModel(new ScalarType("long", ScalarKind.Int64, false, true, ScalarKind.Unsupported, EquatableArray<string>.Empty, false), null, EquatableArray<TupleElementModel>.Empty, false);
                methods.Add(new MethodModel("Count" + suffix, Returns("long"), asyncKind, ResultShape.Scalar, longRow, Params(isAsync),
                    MethodSource.Crud, $"SELECT COUNT(*) FROM {table}", null, location, location, CrudOperation.Count, ct, EquatableArray<ExplicitBinding>.Empty));

                if (crudLevel < 2)
                {
                    continue;
                }

                var entityParameter = new ParameterModel("entity", entityType, null, null, entity, false, false);
                var (insertSql, insertBindings) = Insert(entity, table, columns);
                methods.Add(new MethodModel("Insert" + suffix, Returns(entityType), asyncKind, ResultShape.Single, row, Params(isAsync, entityParameter),
                    MethodSource.Crud, insertSql, null, location, location, CrudOperation.Insert, ct, insertBindings));

                var (updateSql, updateBindings) = Update(entity, table, columns, keys);
                methods.Add(new MethodModel("Update" + suffix, Returns(entityType), asyncKind, ResultShape.Single, row, Params(isAsync, entityParameter),
                    MethodSource.Crud, updateSql, null, location, location, CrudOperation.Update, ct, updateBindings));

                methods.Add(new MethodModel("Delete" + suffix, Returns("bool"), asyncKind, ResultShape.AnyRowsAffected, null, Params(isAsync, keyParameter),
                    MethodSource.Crud, $"DELETE FROM {table} WHERE {keyPredicate}", null, location, location, CrudOperation.Delete, ct, keyBindings.ToEquatableArray()));

                var (upsertSql, upsertBindings) = Upsert(entity, table, columns, keys);
                methods.Add(new MethodModel("Upsert" + suffix, Returns(entityType), asyncKind, ResultShape.Single, row, Params(isAsync, entityParameter),
                    MethodSource.Crud, upsertSql, null, location, location, CrudOperation.Upsert, ct, upsertBindings));
            }
        }

        if (bulk)
        {
            var entitiesParameter = new ParameterModel("entities", $"global::System.Collections.Generic.IEnumerable<{entityType}>", null, null, null, false, false);
            var ctParameter = new ParameterModel(Ct, "global::System.Threading.CancellationToken", null, null, null, true, true);
            var (insertSql, insertBindings) = Insert(entity, table, columns, returning: false);
            var longRow = new RowModel(new ScalarType("long", ScalarKind.Int64, false, true, ScalarKind.Unsupported, EquatableArray<string>.Empty, false), null, EquatableArray<TupleElementModel>.Empty, false);
            methods.Add(new MethodModel("BulkInsert", "long", AsyncKind.Sync, ResultShape.RowsAffectedLong, longRow, new[] { entitiesParameter }.ToEquatableArray(),
                MethodSource.Crud, insertSql, null, location, location, CrudOperation.BulkInsert, null, insertBindings));
            methods.Add(new MethodModel("BulkInsertAsync", "global::System.Threading.Tasks.ValueTask<long>", AsyncKind.ValueTask, ResultShape.RowsAffectedLong, longRow, new[] { entitiesParameter, ctParameter }.ToEquatableArray(),
                MethodSource.Crud, insertSql, null, location, location, CrudOperation.BulkInsert, Ct, insertBindings));
        }

        return methods;
    }

    /// <summary>The columns an INSERT writes: all but database-generated ones.</summary>
    public static IEnumerable<MemberModel> InsertedMembers(EntityModel entity) => entity.Members.Where(m => !m.IsGenerated);

    private static (string, EquatableArray<ExplicitBinding>) Insert(EntityModel entity, string table, string columns, bool returning = true)
    {
        var inserted = InsertedMembers(entity).ToList();
        var bindings = inserted.Select(m => Binding(m, insert: true)).ToList();
        var values = string.Join(", ", bindings.Select(b => "@" + b.SqlName));
        var sql = inserted.Count == 0
            ? $"INSERT INTO {table} DEFAULT VALUES"
            : $"INSERT INTO {table} ({string.Join(", ", inserted.Select(m => SqlText.Quote(m.Column)))}) VALUES ({values})";
        return (returning ? sql + " RETURNING " + columns : sql, Distinct(bindings));
    }

    private static (string, EquatableArray<ExplicitBinding>) Update(EntityModel entity, string table, string columns, List<MemberModel> keys)
    {
        var bindings = new List<ExplicitBinding>();
        var set = new List<string>();
        foreach (var member in entity.Members.Where(m => !m.IsKey && !m.IsGenerated && !m.IsCreatedAt))
        {
            if (member.IsVersion)
            {
                set.Add($"{SqlText.Quote(member.Column)} = {SqlText.Quote(member.Column)} + 1");
                continue;
            }

            var binding = Binding(member, insert: false);
            bindings.Add(binding);
            set.Add($"{SqlText.Quote(member.Column)} = @{binding.SqlName}");
        }

        if (set.Count == 0)
        {
            set.Add($"{SqlText.Quote(keys[0].Column)} = {SqlText.Quote(keys[0].Column)}");
        }

        var where = new List<string>();
        foreach (var member in keys.Concat(entity.Members.Where(m => m.IsVersion)))
        {
            var binding = new ExplicitBinding("w_" + member.Column, "entity." + member.Name, member.Type, false);
            bindings.Add(binding);
            where.Add($"{SqlText.Quote(member.Column)} = @{binding.SqlName}");
        }

        return ($"UPDATE {table} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)} RETURNING {columns}", Distinct(bindings));
    }

    private static (string, EquatableArray<ExplicitBinding>) Upsert(EntityModel entity, string table, string columns, List<MemberModel> keys)
    {
        // Every column is written, keys included; an entity whose generated key is unset is inserted instead (emitter).
        var written = entity.Members.Where(m => !m.IsGenerated || m.IsKey).ToList();
        var bindings = written.Select(m => Binding(m, insert: true)).ToList();
        var updates = written.Where(m => !m.IsKey && !m.IsCreatedAt).Select(m => m.IsVersion
            ? $"{SqlText.Quote(m.Column)} = {table}.{SqlText.Quote(m.Column)} + 1"
            : $"{SqlText.Quote(m.Column)} = excluded.{SqlText.Quote(m.Column)}").ToList();
        var conflict = updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        var sql = $"INSERT INTO {table} ({string.Join(", ", written.Select(m => SqlText.Quote(m.Column)))}) VALUES ({string.Join(", ", bindings.Select(b => "@" + b.SqlName))}) "
            + $"ON CONFLICT ({string.Join(", ", keys.Select(k => SqlText.Quote(k.Column)))}) {conflict} RETURNING {columns}";
        return (sql, Distinct(bindings));
    }

    private static ExplicitBinding Binding(MemberModel member, bool insert)
    {
        if (member.IsCreatedAt || member.IsUpdatedAt)
        {
            // One timestamp per statement: created and updated agree on insert.
            var now = member.Type.Kind == ScalarKind.DateTimeOffset ? "global::System.DateTimeOffset.UtcNow" : "global::System.DateTime.UtcNow";
            if (member.Type.Kind is ScalarKind.DateTime or ScalarKind.DateTimeOffset && (insert || member.IsUpdatedAt))
            {
                return new ExplicitBinding("now_" + member.Type.Kind.ToString().ToLowerInvariant(), "__now_" + member.Type.Kind.ToString().ToLowerInvariant(), member.Type.WithNullable(false), false) with { Expression = now };
            }
        }

        if (member.IsVersion && insert)
        {
            return new ExplicitBinding("v_" + member.Column, $"({member.Type.TypeName})1", member.Type.WithNullable(false), false);
        }

        return new ExplicitBinding("p_" + member.Column, "entity." + member.Name, member.Type, false);
    }

    private static EquatableArray<ExplicitBinding> Distinct(IEnumerable<ExplicitBinding> bindings)
        => bindings.GroupBy(b => b.SqlName).Select(g => g.First()).ToEquatableArray();
}
