using System.Collections.Generic;
using System.Linq;
using System.Text;
using NeoGen.Generator.Common;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Emitting;
using NeoGen.Generator.Model;
using NeoGen.Generator.Parsing;
using NeoGen.Shared;

namespace NeoGen.Generator.Planning;

/// <summary>A statement written for one dialect, with the C# values of its parameters that are not method parameters.</summary>
/// <param name="Sql">The statement (or script) in NeoGen's SQL.</param>
/// <param name="Bindings">Values of parameters that are not method parameters.</param>
/// <param name="ReadsKeysOneByOne">One statement per key (composite keys, or keys a list cannot carry).</param>
/// <param name="AlternateSql">The same write as one statement with RETURNING, for the servers of the dialect that have it.</param>
internal sealed record WrittenStatement(string Sql, IReadOnlyList<ExplicitBinding> Bindings, bool ReadsKeysOneByOne = false, string? AlternateSql = null);

/// <summary>
/// Writes the SQL of CRUD and derived-query intent for one target dialect, in NeoGen's own SQL (<c>@name</c>
/// parameters): the planner then binds, checks and rewrites it exactly like a written <c>[Query]</c>.
/// </summary>
internal static class StatementWriter
{
    public static WrittenStatement Write(MethodModel method, EntityModel? entity, TargetDialect target)
        => method.Source == MethodSource.Derived ? Derived(method.Derived!, target) : Crud(method, entity!, target);

    private static string Table(TargetDialect target, string table, string? schema)
        => schema is null ? target.Quote(table) : target.Quote(schema) + "." + target.Quote(table);

    private static WrittenStatement Crud(MethodModel method, EntityModel entity, TargetDialect target)
    {
        var table = Table(target, entity.Table!, entity.Schema);
        var columns = string.Join(", ", entity.Members.Select(m => target.Quote(m.Column)));
        var keys = entity.Members.Where(m => m.IsKey).ToList();
        var keyBindings = keys.Count == 1
            ? new List<ExplicitBinding>()
            : keys.Select((k, i) => new ExplicitBinding("key" + i, "key.Item" + (i + 1), k.Type, false, "key")).ToList();
        var keyPredicate = string.Join(" AND ", keys.Select((k, i) => target.Quote(k.Column) + " = @" + (keys.Count == 1 ? "key" : "key" + i)));
        var returned = target.HasReturning ? entity.Members.Select(m => target.Quote(m.Column)).ToList() : new List<string>();

        // A tenant table: every statement is also by the ambient tenant, so no method reaches another tenant's rows.
        var tenant = TenantBinding(entity);
        var tenantPredicate = tenant is null ? string.Empty : " AND " + target.Quote(entity.TenantKey!.Column) + " = @" + tenant.SqlName;
        if (tenant is not null)
        {
            keyPredicate += tenantPredicate;
            keyBindings.Add(tenant);
        }

        var tenantOnly = tenant is null ? new List<ExplicitBinding>() : new List<ExplicitBinding> { tenant };
        var tenantWhere = tenant is null ? string.Empty : " WHERE " + tenantPredicate.Substring(" AND ".Length);

        // The entity parameter: 'entity' for the base interfaces' methods, the declared name for UpsertBy....
        var item = method.Parameters.FirstOrDefault(p => p.Complex is not null)?.Name ?? "entity";
        switch (method.Crud)
        {
            case CrudOperation.Get:
                return new WrittenStatement($"SELECT {columns} FROM {table} WHERE {keyPredicate}", keyBindings);
            case CrudOperation.GetMany:
                if (keys.Count == 1 && target.CanListValuesOf(keys[0].Type))
                {
                    return new WrittenStatement($"SELECT {columns} FROM {table} WHERE {target.Quote(keys[0].Column)} IN @keys{tenantPredicate}", tenantOnly);
                }

                // Composite keys, or keys a list parameter cannot carry: one prepared Get per key.
                return new WrittenStatement($"SELECT {columns} FROM {table}", new List<ExplicitBinding>(), ReadsKeysOneByOne: true);
            case CrudOperation.Exists:
                return new WrittenStatement(target.Exists($"SELECT 1 FROM {table} WHERE {keyPredicate}"), keyBindings);
            case CrudOperation.Count:
                return new WrittenStatement($"SELECT {target.CountAll} FROM {table}{tenantWhere}", tenantOnly);
            case CrudOperation.Delete:
                return new WrittenStatement($"DELETE FROM {table} WHERE {keyPredicate}", keyBindings);
            case CrudOperation.Insert:
                var insert = ReadBack(Insert(entity, table, target, returned, item), target, columns, table, keys, generatedKey: true, changedRowsOnly: false);
                return target.ReturningWhenTheServerHasIt
                    ? insert with { AlternateSql = Insert(entity, table, target, entity.Members.Select(m => target.Quote(m.Column)).ToList(), item).Sql }
                    : insert;
            case CrudOperation.BulkInsert:
                return Insert(entity, table, target, new List<string>(), item);
            case CrudOperation.Update:
                // With a version the UPDATE changes the row whenever it matches, so the rows it changed say whether it
                // matched, whatever the connection counts (found or changed rows); without one, the row is read by key.
                return ReadBack(Update(entity, table, target, keys, returned, item), target, columns, table, keys, generatedKey: false, changedRowsOnly: entity.Members.Any(m => m.IsVersion), entity.TenantKey?.Column);
            case CrudOperation.UpdateMany:
                // Each entity by its key and version; the count of each statement says whether it matched.
                return Update(entity, table, target, keys, new List<string>(), item);
            case CrudOperation.DeleteMany:
                if (keys.Count == 1 && target.CanListValuesOf(keys[0].Type))
                {
                    return new WrittenStatement($"DELETE FROM {table} WHERE {target.Quote(keys[0].Column)} IN @keys{tenantPredicate}", tenantOnly);
                }

                // Composite keys: one prepared DELETE per key, in one transaction.
                var eachKey = keys.Count == 1 ? new List<ExplicitBinding> { new("key", "key", keys[0].Type, false, "keys") }.Concat(tenantOnly).ToList() : keyBindings;
                return new WrittenStatement($"DELETE FROM {table} WHERE {keyPredicate}", eachKey, ReadsKeysOneByOne: true);
            case CrudOperation.Upsert:
                // By the key, or (UpsertBy...) by a unique index, whose row is then also read back by it.
                var match = method.ConflictColumns.Count == 0 ? keys : method.ConflictColumns.Select(c => entity.MemberForColumn(c)!).ToList();
                return ReadBack(Upsert(entity, table, target, match, returned, item, byKey: method.ConflictColumns.Count == 0), target, columns, table, match, generatedKey: false, changedRowsOnly: false, entity.TenantKey?.Column);
            default:
                return new WrittenStatement(string.Empty, new List<ExplicitBinding>());
        }
    }

    /// <summary>
    /// Without RETURNING, the written row is read back by a SELECT in the same command: by the generated key of the
    /// INSERT, or by the key values sent; after an UPDATE only when it changed a row, so a stale version reads nothing.
    /// </summary>
    private static WrittenStatement ReadBack(WrittenStatement write, TargetDialect target, string columns, string table, List<MemberModel> keys, bool generatedKey, bool changedRowsOnly, string? tenantColumn = null)
    {
        if (target.HasReturning)
        {
            return write;
        }

        var predicate = string.Join(" AND ", keys.Select(k => target.Quote(k.Column) + " = " + (generatedKey && k.IsGenerated && keys.Count == 1
            ? target.InsertedKey
            : "@" + (write.Bindings.Any(b => b.SqlName == "w_" + k.Column) ? "w_" : "p_") + k.Column)));
        if (write.Bindings.FirstOrDefault(b => b.SqlName == TenantParameter) is not null && tenantColumn is not null)
        {
            predicate += $" AND {target.Quote(tenantColumn)} = @{TenantParameter}";
        }

        if (changedRowsOnly)
        {
            predicate += $" AND {target.RowsChanged} > 0";
        }

        return write with { Sql = $"{write.Sql}; SELECT {columns} FROM {table} WHERE {predicate}" };
    }

    private static WrittenStatement Insert(EntityModel entity, string table, TargetDialect target, List<string> returned, string item)
    {
        var inserted = CrudMethods.InsertedMembers(entity).ToList();
        var bindings = inserted.Select(m => Binding(m, insert: true, item)).ToList();
        var sql = target.InsertInto(table, inserted.Select(m => target.Quote(m.Column)).ToList(), bindings.Select(b => "@" + b.SqlName).ToList(), returned);
        return new WrittenStatement(sql, Distinct(bindings));
    }

    private static WrittenStatement Update(EntityModel entity, string table, TargetDialect target, List<MemberModel> keys, List<string> returned, string item)
    {
        var bindings = new List<ExplicitBinding>();
        var set = new List<string>();
        foreach (var member in entity.Members.Where(m => !m.IsKey && !m.IsGenerated && !m.IsCreatedAt && !m.IsTenantKey))
        {
            var column = target.Quote(member.Column);
            if (member.IsVersion)
            {
                set.Add($"{column} = {column} + 1");
                continue;
            }

            var binding = Binding(member, insert: false, item);
            bindings.Add(binding);
            set.Add($"{column} = @{binding.SqlName}");
        }

        if (set.Count == 0)
        {
            set.Add($"{target.Quote(keys[0].Column)} = {target.Quote(keys[0].Column)}");
        }

        var where = new List<string>();
        foreach (var member in keys.Concat(entity.Members.Where(m => m.IsVersion)))
        {
            var binding = new ExplicitBinding("w_" + member.Column, Access(item, member), member.Type, false, item);
            bindings.Add(binding);
            where.Add($"{target.Quote(member.Column)} = @{binding.SqlName}");
        }

        if (TenantBinding(entity) is { } tenant)
        {
            bindings.Add(tenant);
            where.Add($"{target.Quote(entity.TenantKey!.Column)} = @{tenant.SqlName}");
        }

        return new WrittenStatement(target.UpdateSet(table, set, string.Join(" AND ", where), returned), Distinct(bindings));
    }

    private static WrittenStatement Upsert(EntityModel entity, string table, TargetDialect target, List<MemberModel> keys, List<string> returned, string item, bool byKey)
    {
        // By the key every column is written, keys included (an entity whose generated key is unset is inserted
        // instead, by the emitter); by a unique index the generated key is the database's, and an existing row keeps it.
        var written = entity.Members.Where(m => !m.IsGenerated || (byKey && m.IsKey)).ToList();
        if (target.UpsertsByUpdateThenInsert)
        {
            return UpdateThenInsert(table, target, keys, written, item, entity.TenantKey);
        }

        var bindings = written.Select(m => Binding(m, insert: true, item)).ToList();
        var updates = written.Where(m => !m.IsKey && !keys.Contains(m) && !m.IsCreatedAt && !m.IsTenantKey).Select(m => (target.Quote(m.Column), m.IsVersion)).ToList();
        var sql = target.Upsert(
            table,
            written.Select(m => target.Quote(m.Column)).ToList(),
            bindings.Select(b => "@" + b.SqlName).ToList(),
            keys.Select(k => target.Quote(k.Column)).ToList(),
            written.Where(m => m.IsGenerated).Select(m => target.Quote(m.Column)).ToList(),
            updates,
            returned,
            entity.TenantKey is { } tenantKey ? (target.Quote(tenantKey.Column), "@" + TenantParameter) : null);
        return new WrittenStatement(sql ?? string.Empty, Distinct(bindings));
    }

    /// <summary>
    /// The upsert of a dialect whose single-statement form is not by key: update the row with the key, and insert
    /// the entity only when no row matched. A conflict on another unique index then fails as a duplicate, as it should.
    /// </summary>
    private static WrittenStatement UpdateThenInsert(string table, TargetDialect target, List<MemberModel> keys, List<MemberModel> written, string item, MemberModel? tenant)
    {
        var bindings = written.Select(m => Binding(m, insert: true, item)).ToList();
        var set = new List<string>();
        foreach (var member in written.Where(m => !m.IsKey && !keys.Contains(m) && !m.IsCreatedAt && !m.IsTenantKey))
        {
            var column = target.Quote(member.Column);
            set.Add(member.IsVersion ? $"{column} = {column} + 1" : $"{column} = @{Binding(member, insert: true, item).SqlName}");
        }

        if (set.Count == 0)
        {
            set.Add($"{target.Quote(keys[0].Column)} = {target.Quote(keys[0].Column)}");
        }

        var keyPredicate = string.Join(" AND ", keys.Select(k => target.Quote(k.Column) + " = @" + Binding(k, insert: true, item).SqlName));
        var update = $"UPDATE {table} SET {string.Join(", ", set)} WHERE {keyPredicate}{(tenant is null ? string.Empty : $" AND {target.Quote(tenant.Column)} = @{TenantParameter}")}";

        // Guarded by the key's absence, not by the UPDATE's row count: an update to the same values changes no row
        // on a connection that counts changed rows, and the row must not then be inserted a second time.
        var insert = $"INSERT INTO {table} ({string.Join(", ", written.Select(m => target.Quote(m.Column)))}) "
            + target.SelectWhere(string.Join(", ", bindings.Select(b => "@" + b.SqlName)), $"NOT EXISTS (SELECT 1 FROM {table} WHERE {keyPredicate})");
        return new WrittenStatement(update + "; " + insert, Distinct(bindings));
    }

    private static string Access(string item, MemberModel member) => CSharpNames.Identifier(item) + "." + member.Name;

    private static ExplicitBinding Binding(MemberModel member, bool insert, string item)
    {
        if ((member.IsCreatedAt || member.IsUpdatedAt) && member.Type.Kind is ScalarKind.DateTime or ScalarKind.DateTimeOffset && (insert || member.IsUpdatedAt))
        {
            // One timestamp per statement, in UTC: created and updated agree on insert.
            var kind = member.Type.Kind == ScalarKind.DateTimeOffset ? "offset" : "time";
            var now = member.Type.Kind == ScalarKind.DateTimeOffset ? "global::System.DateTimeOffset.UtcNow" : "global::System.DateTime.UtcNow";
            return new ExplicitBinding("now_" + kind, now, member.Type.WithNullable(false), false);
        }

        if (member.IsTenantKey)
        {
            // Written as the ambient tenant; an entity that names another tenant is refused.
            return new ExplicitBinding(TenantParameter, $"global::NeoGen.Internal.TenantValues.Insert(_source, {Access(item, member)}, {CodeWriter.Literal(member.Column)})", member.Type.WithNullable(false), false, item);
        }

        if (member.IsVersion && insert)
        {
            return new ExplicitBinding("v_" + member.Column, $"({member.Type.TypeName})1", member.Type.WithNullable(false), false);
        }

        return new ExplicitBinding("p_" + member.Column, Access(item, member), member.Type, false, item);
    }

    /// <summary>The SQL parameter that carries the ambient tenant.</summary>
    public const string TenantParameter = "tenant__id";

    /// <summary>The ambient tenant as a parameter of the type of <paramref name="entity"/>'s <c>[TenantKey]</c>, or null.</summary>
    private static ExplicitBinding? TenantBinding(EntityModel? entity)
        => entity?.TenantKey is { } tenant ? new ExplicitBinding(TenantParameter, TenantValue(tenant.Type, entity.Table!), tenant.Type.WithNullable(false), false) : null;

    /// <summary>The C# that reads the ambient tenant (and throws, naming the table, when there is none).</summary>
    public static string TenantValue(ScalarType type, string table)
        => $"global::NeoGen.Internal.TenantValues.{type.Kind}(_source, {CodeWriter.Literal(table)})";

    private static List<ExplicitBinding> Distinct(IEnumerable<ExplicitBinding> bindings)
        => bindings.GroupBy(b => b.SqlName).Select(g => g.First()).ToList();

    private static WrittenStatement Derived(DerivedIntent intent, TargetDialect target)
    {
        var table = Table(target, intent.Table, intent.Schema);
        var bindings = new List<ExplicitBinding>();
        var where = new StringBuilder();
        foreach (var filter in intent.Filters)
        {
            if (where.Length > 0)
            {
                where.Append(filter.OrWithPrevious ? " OR " : " AND ");
            }

            // IgnoreCase lowers both sides, which every database does the same way (SQLite: ASCII letters only).
            var column = filter.IgnoreCase ? "LOWER(" + target.Quote(filter.Column) + ")" : target.Quote(filter.Column);
            var argument = filter.Arguments.Count > 0 ? filter.Arguments[0] : string.Empty;
            string Value(string name) => filter.IgnoreCase ? "LOWER(@" + name + ")" : "@" + name;
            switch (filter.Operator)
            {
                case DerivedOperator.Equal:
                    where.Append(column).Append(" = ").Append(Value(argument));
                    break;
                case DerivedOperator.NotEqual:
                    where.Append(column).Append(" <> ").Append(Value(argument));
                    break;
                case DerivedOperator.GreaterThan:
                    where.Append(column).Append(" > @").Append(argument);
                    break;
                case DerivedOperator.GreaterThanOrEqual:
                    where.Append(column).Append(" >= @").Append(argument);
                    break;
                case DerivedOperator.LessThan:
                    where.Append(column).Append(" < @").Append(argument);
                    break;
                case DerivedOperator.LessThanOrEqual:
                    where.Append(column).Append(" <= @").Append(argument);
                    break;
                case DerivedOperator.Between:
                    where.Append(column).Append(" BETWEEN @").Append(argument).Append(" AND @").Append(filter.Arguments[1]);
                    break;
                case DerivedOperator.In:
                    where.Append(column).Append(" IN @").Append(argument);
                    break;
                case DerivedOperator.NotIn:
                    where.Append(column).Append(" NOT IN @").Append(argument);
                    break;
                case DerivedOperator.Like:
                    where.Append(column).Append(" LIKE ").Append(Value(argument));
                    break;
                case DerivedOperator.NotLike:
                    where.Append(column).Append(" NOT LIKE ").Append(Value(argument));
                    break;
                case DerivedOperator.StartingWith:
                case DerivedOperator.EndingWith:
                case DerivedOperator.Containing:
                    var helper = filter.Operator switch
                    {
                        DerivedOperator.StartingWith => "StartsWith",
                        DerivedOperator.EndingWith => "EndsWith",
                        _ => "Contains",
                    };
                    var name = argument + "__" + helper.ToLowerInvariant();
                    bindings.Add(new ExplicitBinding(name, target.LikePatternHelper(helper, argument), ScalarType.String, false, argument));
                    where.Append(column).Append(" LIKE ").Append(Value(name)).Append(target.LikeEscape);
                    break;
                case DerivedOperator.IsNull:
                    where.Append(column).Append(" IS NULL");
                    break;
                case DerivedOperator.IsNotNull:
                    where.Append(column).Append(" IS NOT NULL");
                    break;
                case DerivedOperator.True:
                    where.Append(column).Append(" = ").Append(target.Boolean(true));
                    break;
                case DerivedOperator.False:
                    where.Append(column).Append(" = ").Append(target.Boolean(false));
                    break;
            }
        }

        if (intent.Tenant is { } tenantKey)
        {
            // The caller's filters in parentheses (an OR among them must not escape the tenant), then the tenant.
            var own = where.Length > 0 ? "(" + where + ") AND " : string.Empty;
            where.Clear().Append(own).Append(target.Quote(tenantKey.Column)).Append(" = @").Append(TenantParameter);
            bindings.Add(new ExplicitBinding(TenantParameter, TenantValue(tenantKey.Type, intent.Table), tenantKey.Type.WithNullable(false), false));
        }

        var whereClause = where.Length > 0 ? " WHERE " + where : string.Empty;
        switch (intent.Verb)
        {
            case DerivedVerb.Count:
                return new WrittenStatement($"SELECT {target.CountAll} FROM {table}{whereClause}", bindings);
            case DerivedVerb.Exists:
                return new WrittenStatement(target.Exists($"SELECT 1 FROM {table}{whereClause}"), bindings);
            case DerivedVerb.Delete:
                return new WrittenStatement($"DELETE FROM {table}{whereClause}", bindings);
            case DerivedVerb.Update:
                // The members named, then the [UpdatedAt] stamp and the [Version] bump an Update of the entity makes too.
                var set = intent.Assignments.Select(a => target.Quote(a.Column) + " = @" + a.Parameter).ToList();
                foreach (var member in intent.Stamped)
                {
                    var column = target.Quote(member.Column);
                    if (member.IsVersion)
                    {
                        set.Add($"{column} = {column} + 1");
                    }
                    else
                    {
                        var stamp = Binding(member, insert: false, "entity");
                        bindings.Add(stamp);
                        set.Add($"{column} = @{stamp.SqlName}");
                    }
                }

                return new WrittenStatement(target.UpdateSet(table, set, where.ToString(), new List<string>()), Distinct(bindings));
        }

        var orderBy = intent.Order.Count == 0 ? string.Empty : " ORDER BY " + string.Join(", ", intent.Order.Select(o => target.Quote(o.Column) + (o.Descending ? " DESC" : string.Empty)));
        var sql = $"SELECT {(intent.Distinct ? "DISTINCT " : string.Empty)}{string.Join(", ", intent.Columns.Select(target.Quote))} FROM {table}{whereClause}{orderBy}";
        var count = intent.LimitParameter is not null ? "@" + intent.LimitParameter
            : intent.FixedLimit is { } limit ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        if (intent.PageParameter is { } page)
        {
            var request = CSharpNames.Identifier(page);
            bindings.Add(new ExplicitBinding("page__size", request + ".Size", ScalarType.Int32, false, page));
            bindings.Add(new ExplicitBinding("page__offset", request + ".Offset", ScalarType.Int32, false, page));
            sql = target.LimitOffset(sql, "@page__size", "@page__offset");
        }
        else if (intent.OffsetParameter is not null)
        {
            sql = target.LimitOffset(sql, count!, "@" + intent.OffsetParameter);
        }
        else if (count is not null)
        {
            sql = target.Limit(sql, count);
        }

        return new WrittenStatement(sql, bindings);
    }
}
