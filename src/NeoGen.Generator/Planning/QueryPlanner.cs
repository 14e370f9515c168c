using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NeoGen.Generator.Common;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Model;
using NeoGen.Generator.Parsing;
using NeoGen.Shared;
using NeoGen.Sql;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Generator.Planning;

/// <summary>
/// Plans one method for one dialect: writes its SQL (CRUD and derived intent) or takes the <c>[Query]</c>, binds it once
/// through <see cref="SqlBinder"/> over the schema the analyzers use too, checks it against the method (parameters,
/// result types and nullability), and rewrites it for the provider: placeholders, list parameters, and <c>SELECT *</c>
/// as the explicit column list read by ordinal.
/// </summary>
internal static class QueryPlanner
{
    public static PlannedMethod Plan(MethodModel method, TargetDialect target, SchemaSnapshot snapshot, EntityModel? repositoryEntity, DiagnosticBag diagnostics)
    {
        if (method.SortParameter is not null && method.SortIndex < 0)
        {
            return PlanSorted(method, target, snapshot, repositoryEntity, diagnostics);
        }

        if (method.Shape == ResultShape.Batch)
        {
            return PlanBatch(method, target, snapshot, repositoryEntity, diagnostics);
        }

        var planned = PlanOne(method, target, snapshot, repositoryEntity, diagnostics);
        return method.Switches.Count == 0 || planned.FailureReason is not null ? planned : PlanVariants(planned, target, snapshot, repositoryEntity, diagnostics);
    }

    /// <summary>
    /// A method whose order a <c>[SortOrders]</c> parameter picks: one statement per member of the enum (times the
    /// combinations of null arguments), each planned and checked like any other. The SQL as written is checked with the
    /// sort key standing in place, so every position reported is the user's; what only one order breaks is reported
    /// on the method, naming the order.
    /// </summary>
    private static PlannedMethod PlanSorted(MethodModel method, TargetDialect target, SchemaSnapshot snapshot, EntityModel? repositoryEntity, DiagnosticBag diagnostics)
    {
        var sort = method.Parameters.First(p => p.Name == method.SortParameter).Sort!;
        if (method.Source == MethodSource.Query)
        {
            var uses = SortUses(method.Sql!, method.SortParameter!);
            if (uses.Count != 1)
            {
                var failed = new PlannedMethod(method) { FailureReason = $"'@{method.SortParameter}' must stand once, as the key of the ORDER BY" };
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.SqlLocation ?? method.Location, method.Name,
                    $"'{method.SortParameter}' is a [SortOrders] parameter, so '@{method.SortParameter}' stands once in the SQL, where its order goes: ORDER BY @{method.SortParameter} (it is {(uses.Count == 0 ? "missing" : "there " + uses.Count + " times")})"));
                return failed;
            }

            // The statement as written, with a constant sort key of the same length in place: reported, not emitted.
            var placeholder = "1" + new string(' ', method.SortParameter!.Length);
            var written = Plan(method with { Sql = method.Sql!.Substring(0, uses[0]) + placeholder + method.Sql.Substring(uses[0] + placeholder.Length), SortIndex = 0 }, target, snapshot, repositoryEntity, diagnostics);
            if (written.FailureReason is not null)
            {
                return new PlannedMethod(method) { FailureReason = written.FailureReason };
            }
        }

        PlannedMethod? first = null;
        var statements = new List<PlannedMethod>();
        for (var s = 0; s < sort.Options.Count; s++)
        {
            var option = sort.Options[s];
            var sorted = WithSort(method, option, target) with { SortIndex = s };
            var reported = method.Source != MethodSource.Query && s == 0;
            var planned = Plan(sorted, target, snapshot, repositoryEntity, reported ? diagnostics : new DiagnosticBag());
            if (planned.FailureReason is not null)
            {
                if (!reported)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.Location, method.Name, $"the statement for the order {option.Member} cannot be written: {planned.FailureReason}"));
                }

                return new PlannedMethod(method) { FailureReason = $"the statement for the order {option.Member} cannot be written" };
            }

            first ??= planned;
            statements.AddRange(planned.Variants.Count > 0 ? planned.Variants.ToList() : new List<PlannedMethod> { planned });
        }

        first!.Variants.Clear();
        first.Variants.AddRange(statements);
        return first;
    }

    /// <summary>
    /// A tuple of results: one statement of the SQL per element, each planned and checked as a method of its own that
    /// returns that element (the other statements blanked out, so positions in the SQL stay the user's). The parts are
    /// sent in one round trip: a provider batch (<see cref="TargetDialect.BatchTypes"/>), or one command whose
    /// statements number their placeholders on from each other.
    /// </summary>
    private static PlannedMethod PlanBatch(MethodModel method, TargetDialect target, SchemaSnapshot snapshot, EntityModel? repositoryEntity, DiagnosticBag diagnostics)
    {
        var batch = new PlannedMethod(method) { Shape = ResultShape.Batch };
        var elements = method.Row!.Batch;
        var script = SqlParser.Parse(method.Sql, target.Sql);
        if (script.Errors.Count == 0 && script.Statements.Count != elements.Count)
        {
            Fail(batch, diagnostics, method, $"it returns a tuple of {elements.Count} results, one per statement, but its SQL has {script.Statements.Count} statement(s); separate them with ';'");
            return batch;
        }

        var offset = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var sql = script.Errors.Count == 0 ? Only(method.Sql!, script.Statements[i].Span) : method.Sql!;
            var part = PlanOne(method with { Shape = element.Shape, Row = element.Row, ReturnTypeName = element.TypeName, Sql = sql, PlaceholderOffset = target.BatchTypes is null ? offset : 0, IsBatchPart = true }, target, snapshot, repositoryEntity, diagnostics);
            if (part.FailureReason is not null)
            {
                batch.FailureReason = part.FailureReason;
                return batch;
            }

            if (!part.ReturnsRows || part.GroupChild is not null)
            {
                // A statement without a result set has no place among the results (providers skip it), and a list member
                // grouped from a join reads rows of its own loop.
                Fail(batch, diagnostics, method, part.GroupChild is not null
                    ? $"its statement {i + 1} fills a list member by grouping rows, which a batch element cannot; read it with a method of its own"
                    : $"its statement {i + 1} returns no rows, and a batch reads one result per statement; run writes with a method of their own");
                return batch;
            }

            if (part.ReturnsRows && part.Reads is null)
            {
                Fail(batch, diagnostics, method, $"its statement {i + 1} reads a table NeoGen knows no columns of with a star; a batch reads its results by ordinal, so list the columns");
                return batch;
            }

            part.Sql = part.Sql.Trim();
            offset += part.Parameters.Count;
            batch.BatchParts.Add(part);
            batch.Parameters.AddRange(part.Parameters);
        }

        ReportUnused(method, new HashSet<string>(batch.BatchParts.SelectMany(p => p.UsedMethodParameters), StringComparer.Ordinal), diagnostics);
        batch.Sql = string.Join(";\n", batch.BatchParts.Select(p => p.Sql));
        batch.IsScript = true;
        batch.Table = batch.BatchParts[0].Table;
        batch.StatementKind = batch.BatchParts[0].StatementKind;
        return batch;
    }

    /// <summary><paramref name="sql"/> with everything but <paramref name="keep"/> made blank, line breaks kept, so positions hold.</summary>
    private static string Only(string sql, NeoGen.Sql.Parsing.SqlSpan keep)
    {
        var chars = sql.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if ((i < keep.Start || i >= keep.Start + keep.Length) && chars[i] is not ('\n' or '\r'))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>The positions of <c>@name</c> in <paramref name="sql"/> (not inside a longer name).</summary>
    private static List<int> SortUses(string sql, string name)
    {
        var found = new List<int>();
        for (var at = sql.IndexOf("@" + name, StringComparison.OrdinalIgnoreCase); at >= 0; at = sql.IndexOf("@" + name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length + 1;
            if (end >= sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                found.Add(at);
            }
        }

        return found;
    }

    /// <summary>The method with one sort option's order: in place of <c>@sort</c> in SQL, or before the key of a derived query.</summary>
    private static MethodModel WithSort(MethodModel method, SortOption option, TargetDialect target)
    {
        if (method.Source == MethodSource.Query)
        {
            var at = SortUses(method.Sql!, method.SortParameter!)[0];
            var keys = string.Join(", ", option.Keys.Select(k => target.Quote(k.Column) + (k.Descending ? " DESC" : string.Empty)));
            return method with { Sql = method.Sql!.Substring(0, at) + keys + method.Sql.Substring(at + method.SortParameter!.Length + 1), SqlLiteralText = null };
        }

        var intent = method.Derived!;
        var order = option.Keys.Concat(intent.Order.Where(o => !option.Keys.Any(k => k.Column == o.Column))).ToEquatableArray();
        return method with { Derived = intent with { Order = order } };
    }

    /// <summary>
    /// A method whose statement depends on which arguments are null: one statement per combination, each planned and
    /// checked like any other. The method as written (every argument present) was planned and reported on; a
    /// combination can only lose conditions, so what it adds to report is that it could not be written at all.
    /// </summary>
    private static PlannedMethod PlanVariants(PlannedMethod full, TargetDialect target, SchemaSnapshot snapshot, EntityModel? repositoryEntity, DiagnosticBag diagnostics)
    {
        var method = full.Method;
        OptionalConditions? conditions = null;
        if (method.Source == MethodSource.Query)
        {
            conditions = SqlOptionalConditions.Find(SqlParser.Parse(method.Sql, target.Sql), method.Switches.ToList());
            if (conditions.Error is { } error)
            {
                var span = conditions.ErrorSpan!.Value;
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, SqlLocation(method, span.Start, span.Length), method.Name, error));
                full.FailureReason = "an optional filter is used where it cannot be left out";
                return full;
            }

            // With every optional argument null, an UPDATE or DELETE must still have a condition of its own.
            if (conditions.LeavesAWriteUnfiltered(conditions.ByParameter.Values.SelectMany(spans => spans).ToList()))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.SqlLocation ?? method.Location, method.Name,
                    "with every [OptionalFilter] argument null its WHERE clause would have no condition left, and the statement would change every row; keep a condition with a required parameter"));
                full.FailureReason = "with every optional filter null it would change every row";
                return full;
            }

            if (method.Switches.Count > DerivedQueryParser.MaxSwitches)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.Location, method.Name, $"{method.Switches.Count} parameters are [OptionalFilter], and each doubles the statements NeoGen writes and checks; at most {DerivedQueryParser.MaxSwitches} may be"));
                full.FailureReason = "too many optional filters";
                return full;
            }
        }

        full.Variants.Add(full);
        for (var mask = 1; mask < 1 << method.Switches.Count; mask++)
        {
            var absent = new HashSet<string>(method.Switches.Where((_, i) => (mask & (1 << i)) != 0), StringComparer.Ordinal);
            var variant = conditions is null
                ? method with { Derived = WithoutArguments(method.Derived!, absent) }
                : method with { Sql = SqlOptionalConditions.Omit(method.Sql!, conditions, absent.SelectMany(a => conditions.ByParameter.TryGetValue(a, out var spans) ? spans : Array.Empty<NeoGen.Sql.Parsing.SqlSpan>()).ToList(), keepPositions: false), SqlLiteralText = null };

            // Positions in a variant's SQL are not positions in the user's text: nothing reported there is reported.
            var planned = PlanOne(variant with { Switches = EquatableArray<string>.Empty }, target, snapshot, repositoryEntity, new DiagnosticBag());
            if (planned.FailureReason is not null)
            {
                var which = string.Join(", ", absent.Select(a => "'" + a + "'"));
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.Location, method.Name, $"the statement for {which} null cannot be written: {planned.FailureReason}"));
                full.FailureReason = $"the statement for {which} null cannot be written";
                full.Variants.Clear();
                return full;
            }

            full.Variants.Add(planned);
        }

        return full;
    }

    /// <summary>The derived query when <paramref name="absent"/> are null: optional filters left out, equalities as IS [NOT] NULL.</summary>
    private static DerivedIntent WithoutArguments(DerivedIntent intent, HashSet<string> absent)
    {
        var filters = new List<DerivedFilter>();
        foreach (var filter in intent.Filters)
        {
            if (filter.Switch is null || !absent.Contains(filter.Switch))
            {
                filters.Add(filter);
            }
            else if (!filter.Optional)
            {
                var test = filter.Operator == DerivedOperator.NotEqual ? DerivedOperator.IsNotNull : DerivedOperator.IsNull;
                filters.Add(filter with { Operator = test, Arguments = EquatableArray<string>.Empty, IgnoreCase = false, Switch = null });
            }
        }

        return intent with { Filters = filters.ToEquatableArray() };
    }

    private static PlannedMethod PlanOne(MethodModel method, TargetDialect target, SchemaSnapshot snapshot, EntityModel? repositoryEntity, DiagnosticBag diagnostics, string? alternateOf = null, (string Sql, IReadOnlyList<ExplicitBinding> Bindings)? expanded = null)
    {
        var planned = new PlannedMethod(method);
        var sql = method.Sql ?? string.Empty;
        string? alternateSql = null;
        IReadOnlyList<ExplicitBinding> bindings = Array.Empty<ExplicitBinding>();
        if (method.Source != MethodSource.Query)
        {
            var written = StatementWriter.Write(method, repositoryEntity, target);
            sql = alternateOf ?? written.Sql;
            bindings = written.Bindings;
            planned.ReadsKeysOneByOne = written.ReadsKeysOneByOne;
            alternateSql = alternateOf is null ? written.AlternateSql : null;
        }

        if (expanded is { } expansion)
        {
            sql = expansion.Sql;
            bindings = bindings.Concat(expansion.Bindings).ToList();
            alternateSql = null;
        }

        var schema = snapshot.For(target.Sql);

        // Every statement of the script is bound: the first one's columns are read, and the parameters of all are sent.
        var statements = SqlBinder.BindAll(sql, target.Sql, schema.Schema);
        // A written statement's rows come from its first statement; one NeoGen writes without RETURNING reads its
        // row back with a second one, whose columns are the result.
        var bound = statements.Count == 0 ? SqlBinder.Bind(sql, target.Sql, schema.Schema)
            : method.Source == MethodSource.Query ? statements[0]
            : statements.FirstOrDefault(s => s.ResultColumns.Count > 0) ?? statements[0];
        planned.ReadsLaterResult = statements.Count > 0 && !ReferenceEquals(bound, statements[0]);
        planned.IsScript = statements.Count > 1;
        var uses = statements.SelectMany(s => s.Parameters).OrderBy(p => p.Start).ToList();
        planned.Sql = sql;
        planned.Table = bound.TargetTable?.Name ?? bound.Tables.FirstOrDefault(t => !t.IsCte)?.Name ?? repositoryEntity?.Table;
        planned.StatementKind = statements.Count > 0 ? statements[0].Kind : bound.Kind;

        var errors = bound.Errors.Concat(SqlConformance.Check(bound.Script, target.Sql, sql)).ToList();
        if (errors.Count == 0 && bound.Statement is null)
        {
            errors.Add(new SqlError("SQL text is empty", 0, sql.Length));
        }

        if (errors.Count > 0)
        {
            var error = errors[0];
            if (method.Source == MethodSource.Query)
            {
                diagnostics.AddForDialect(Rules.SqlSyntax, SqlLocation(method, error.Start, error.Length), target.Sql, $"SQL of '{method.Name}' is not valid for {DiagnosticBag.DialectsPlaceholder}: {error.Message}");
            }
            else
            {
                // NeoGen wrote this SQL: a bug, reported as one rather than as the user's mistake.
                diagnostics.Add(DiagnosticInfo.Create(Rules.InternalError, method.Location, method.Name, $"the {target.DisplayName} SQL NeoGen wrote for it does not parse: {error.Message}: {sql}"));
            }

            planned.FailureReason = $"its SQL is not valid for {target.DisplayName}: {error.Message}";
            return planned;
        }

        // A statement NeoGen writes from a [Table] type names the type's columns; when the schema files renamed or
        // dropped one (NG2010 on the member), the statement would fail on its first run: an error here, not at run time.
        if (method.Source != MethodSource.Query && schema.HasFiles
            && statements.SelectMany(s => s.Problems).FirstOrDefault(p => p.Kind is SqlBindingProblemKind.UnknownColumn or SqlBindingProblemKind.UnknownTable) is { } missing)
        {
            var rule = missing.Kind == SqlBindingProblemKind.UnknownTable ? Rules.UnknownTable : Rules.UnknownColumn;
            var tableName = repositoryEntity?.Table ?? planned.Table ?? "?";
            var table = schema.Schema.FindTable(tableName, repositoryEntity?.Schema);
            var problem = missing.Kind == SqlBindingProblemKind.UnknownTable || table is null
                ? $"table '{tableName}' does not exist after them"
                : $"table '{tableName}' has no column '{missing.Name}' after them{SqlNames.DidYouMean(missing.Name, table.Columns.Select(c => c.Name))}";

            // One message for all the CRUD methods of a base interface (they share its location), one per derived query.
            var what = method.Crud != CrudOperation.None ? "the CRUD methods" : $"'{method.Name}'";
            diagnostics.AddForDialect(rule, method.Location, target.Sql,
                $"The {DiagnosticBag.DialectsPlaceholder} SQL NeoGen writes for {what} from the [Table] type cannot run against the schema files: {problem}; align the type's [Table]/[Column] names with the migrations (NG2010 on the type says where they differ)");
            planned.FailureReason = $"the statement it needs does not match the schema files: {problem}";
            return planned;
        }

        if (bound.Script.Statements.Count > 1 && method.Source == MethodSource.Query)
        {
            diagnostics.Add(DiagnosticInfo.Create(Rules.MultipleStatements, method.SqlLocation, method.Name, bound.Script.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // A foreign placeholder stands for a parameter NeoGen would otherwise call unused: check the rest once it is fixed.
        var ok = CheckPlaceholders(planned, bound, diagnostics) && BindParameters(planned, uses, bindings, target, diagnostics);
        if (!ok)
        {
            planned.FailureReason ??= "its SQL parameters do not match the method's parameters";
            return planned;
        }

        if (method.Source == MethodSource.Query)
        {
            CheckLiterals(method, statements.SelectMany(s => s.Literals), target, diagnostics);
        }

        var starExpansions = new List<(int Start, int Length, string Text)>();
        Shape(planned, bound, target, snapshot, diagnostics, starExpansions);
        // A lookup by a deterministic-encrypted column compares with its value under every readable key: the statement
        // is written again with the lookups expanded and planned like this one (what was reported above stays reported).
        if (planned.FailureReason is null && expanded is null && planned.Parameters.Any(p => p.Type.Protection is { IsLookup: true, Deterministic: true }))
        {
            var lookups = LookupExpansion.Expand(sql, uses, planned.Parameters);
            if (lookups.Error is { } error)
            {
                planned.FailureReason = error;
                return planned;
            }

            return PlanOne(method, target, snapshot, repositoryEntity, new DiagnosticBag(), alternateOf, (lookups.Sql!, lookups.Bindings));
        }

        planned.Sql = Rewrite(sql, uses, planned.Parameters, target, starExpansions, method.PlaceholderOffset);
        if (alternateSql is not null)
        {
            // The same write in one statement, for the servers that have it (MariaDB's INSERT ... RETURNING): planned
            // like this one, and kept only when it sends the same parameters in the same order.
            var alternate = PlanOne(method, target, snapshot, repositoryEntity, new DiagnosticBag(), alternateSql);
            if (alternate.FailureReason is null && alternate.Parameters.Count == planned.Parameters.Count
                && alternate.Parameters.Zip(planned.Parameters, (a, b) => a.Expression == b.Expression && a.Type == b.Type && a.IsCollection == b.IsCollection).All(same => same))
            {
                planned.AlternateSql = alternate.Sql;
            }
        }

        return planned;
    }

    /// <summary>
    /// NG2004 for literals: a number or boolean written in the SQL against a column its database will not compare or
    /// store it with (<c>done = 1</c> on a PostgreSQL boolean, <c>name = 1</c> anywhere), by the table parameters use.
    /// </summary>
    private static void CheckLiterals(MethodModel method, IEnumerable<BoundLiteral> literals, TargetDialect target, DiagnosticBag diagnostics)
    {
        foreach (var literal in literals)
        {
            var column = literal.Column;
            if (literal.Type == SqlType.Text)
            {
                // A quoted value is converted to the column's type by the database: only one that cannot be is wrong.
                if (StringLiteralFails(literal.Value, column.Type, target.Sql) is { } expected)
                {
                    diagnostics.AddForDialect(Rules.IncompatibleParameter, SqlLocation(method, literal.Start, literal.Length), target.Sql,
                        $"Literal '{literal.Value}'", "text", literal.Role is SqlParameterRole.Assignment or SqlParameterRole.InsertValue ? "assigned to" : "compared with",
                        $"{literal.Table.Name}.{column.Name}", column.DeclaredType ?? ColumnTypes.Describe(column.Type, column.ElementType),
                        $": it is not {expected}, a mismatch on {DiagnosticBag.DialectsPlaceholder}; write a value of the column's type");
                }

                continue;
            }

            var value = literal.Type switch
            {
                SqlType.Boolean => ScalarType.Boolean,
                SqlType.Integer => ScalarType.Int64,
                _ => ScalarType.Of("double", ScalarKind.Double, true),
            };
            if (column.Type == SqlType.Unknown || ColumnTypes.CanBind(target.Sql, value, column.Type, column.ElementType))
            {
                continue;
            }

            var text = TextOf(method, literal.Start, literal.Length) ?? "the literal";
            var how = literal.Role is SqlParameterRole.Assignment or SqlParameterRole.InsertValue ? "assigned to" : "compared with";
            var hint = column.Type == SqlType.Boolean ? "; write TRUE or FALSE"
                : literal.Type == SqlType.Boolean && column.Type == SqlType.Integer ? "; write 1 or 0"
                : column.Type == SqlType.Text ? "; quote it as text, or compare a number column"
                : "; write a value of the column's type";
            diagnostics.AddForDialect(Rules.IncompatibleParameter, SqlLocation(method, literal.Start, literal.Length), target.Sql,
                $"Literal {text}", ColumnTypes.Describe(literal.Type, SqlType.Unknown), how, $"{literal.Table.Name}.{column.Name}", column.DeclaredType ?? ColumnTypes.Describe(column.Type, column.ElementType),
                $", a mismatch on {DiagnosticBag.DialectsPlaceholder}{hint}");
        }
    }

    /// <summary>
    /// What a quoted value should have been for a column of <paramref name="column"/>'s type, when it is not: PostgreSQL
    /// refuses it, SQLite keeps it as text, which then equals no stored number.
    /// </summary>
    private static string? StringLiteralFails(string value, SqlType column, SqlDialect dialect)
    {
        var text = value.Trim();
        switch (column)
        {
            case SqlType.Integer:
                return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : "an integer";
            case SqlType.Decimal:
            case SqlType.Float:
                return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : "a number";
            case SqlType.Uuid:
                return Guid.TryParse(text, out _) ? null : "a uuid";
            case SqlType.Boolean:
                // SQLite and MySQL store booleans as 1/0 and convert only numeric text; PostgreSQL reads its boolean
                // spellings, SQL Server 'true' and 'false' into a bit.
                return text is "1" or "0"
                    || (dialect == SqlDialect.PostgreSql && text.ToLowerInvariant() is "t" or "f" or "true" or "false" or "y" or "n" or "yes" or "no" or "on" or "off")
                    || (dialect == SqlDialect.SqlServer && text.ToLowerInvariant() is "true" or "false") ? null : "a boolean";
            default:
                return null;
        }
    }

    /// <summary>NG1008: <c>$1</c>, <c>?</c> and <c>:name</c> would be bound by position or by a name NeoGen never sets.</summary>
    private static bool CheckPlaceholders(PlannedMethod planned, BoundStatement bound, DiagnosticBag diagnostics)
    {
        var method = planned.Method;
        var ok = true;
        foreach (var placeholder in bound.ForeignPlaceholders)
        {
            var text = TextOf(method, placeholder.Span.Start, placeholder.Span.Length) ?? placeholder.Name;
            var positional = placeholder.ParameterKind == SqlParameterKind.Positional || placeholder.Name.Length == 0 || placeholder.Name.All(char.IsDigit);
            var suggestion = Suggestion(method, placeholder, positional);
            diagnostics.Add(DiagnosticInfo.Create(Rules.ForeignPlaceholder, SqlLocation(method, placeholder.Span.Start, placeholder.Span.Length), text, method.Name,
                positional ? "a positional placeholder" : "a named placeholder of another syntax",
                suggestion is null ? "name it after the method parameter it stands for" : $"write '@{suggestion}'"));
            ok = false;
        }

        if (!ok)
        {
            planned.FailureReason = "its SQL uses placeholders that are not @name";
        }

        return ok;
    }

    /// <summary>The method parameter a foreign placeholder most likely stands for: its name, or for <c>$n</c> the n-th parameter.</summary>
    private static string? Suggestion(MethodModel method, ParameterExpression placeholder, bool positional)
    {
        var values = method.Parameters.Where(p => !p.IsCancellationToken).ToList();
        if (!positional)
        {
            return values.FirstOrDefault(p => string.Equals(p.Name, placeholder.Name, StringComparison.OrdinalIgnoreCase))?.Name;
        }

        return int.TryParse(placeholder.Name, out var n) && n >= 1 && n <= values.Count ? values[n - 1].Name : values.Count == 1 ? values[0].Name : null;
    }

    private static bool BindParameters(PlannedMethod planned, IReadOnlyList<BoundParameter> uses, IReadOnlyList<ExplicitBinding> bindings, TargetDialect target, DiagnosticBag diagnostics)
    {
        var method = planned.Method;
        var dialect = target.Sql;
        var byName = new Dictionary<string, PlannedParameter>(StringComparer.OrdinalIgnoreCase);
        var usedMethodParameters = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var use in uses)
        {
            var location = SqlLocation(method, use.Start, use.Length);
            if (use.Role == SqlParameterRole.SortKey)
            {
                Resolve(method, bindings, use.Name, usedMethodParameters);
                diagnostics.Add(DiagnosticInfo.Create(Rules.ParameterAsIdentifier, location, use.Name, method.Name,
                    "stands where SQL needs a sort or grouping key: a parameter is a value, so every row gets the same key and nothing is sorted; to sort dynamically, make it an enum marked [SortOrders(typeof(T))] whose members name the orders (EmailAsc, CreatedAtDesc): NeoGen writes one checked statement per member"));
                ok = false;
                continue;
            }

            var isList = use.ListSyntax != ParameterListSyntax.None;
            if (byName.TryGetValue(use.Name, out var known))
            {
                if (known.IsCollection != isList && !(known.Type.Kind == ScalarKind.Array && !isList))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, $"'@{use.Name}' is used both as a list (IN @{use.Name}) and as one value"));
                    ok = false;
                }
                else if (!known.IsCollection && !SameStorage(known, FollowColumnStorage(Resolve(method, bindings, use.Name, new HashSet<string>()) ?? known, use)))
                {
                    // One value is sent for every use of a name: it cannot be the clear value for one column and a
                    // ciphertext (or another column's ciphertext) for another.
                    diagnostics.Add(DiagnosticInfo.Create(Rules.DeterministicColumnMisuse, location, use.Table?.Name ?? "?", use.Column?.Name ?? "?",
                        $"'@{use.Name}' also meets a column stored differently (in clear, or encrypted for another column), and one parameter carries one value; use a parameter for each column"));
                    ok = false;
                }

                continue;
            }

            var resolved = Resolve(method, bindings, use.Name, usedMethodParameters);
            if (resolved is not null && method.Source == MethodSource.Query && string.Equals(use.Name, AmbientTenantParameter, StringComparison.OrdinalIgnoreCase)
                && use.Table?.TenantColumn is { } tenantColumn && use.Column is not null && string.Equals(use.Column.Name, tenantColumn, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.MissingTenantPredicate, location,
                    $"'@{use.Name}' meets tenant column '{use.Table.Name}.{tenantColumn}' but is the method's own parameter '{resolved.DisplayName}', so the caller would choose the tenant; remove the parameter, and NeoGen binds @{AmbientTenantParameter} to the ambient tenant"));
                ok = false;
                continue;
            }

            resolved ??= AmbientTenant(use);
            if (resolved is null)
            {
                var names = method.Parameters.Where(p => !p.IsCancellationToken).Select(p => p.Name)
                    .Concat(method.Parameters.Where(p => p.Complex is not null).SelectMany(p => p.Complex!.Members.Select(m => m.Name)));
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnknownSqlParameter, location, use.Name, method.Name, SqlNames.DidYouMean(use.Name, names, "@")));
                ok = false;
                continue;
            }

            if (isList)
            {
                if (!resolved.IsCollection && resolved.Type.Kind != ScalarKind.Array)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, $"'@{use.Name}' is used as a list (IN @{use.Name}{(target.HasArrays ? " / ANY(@" + use.Name + ")" : string.Empty)}) but '{resolved.DisplayName}' is not a collection"));
                    ok = false;
                    continue;
                }

                if (!resolved.IsCollection)
                {
                    resolved = resolved.With(resolved.Type.Element!, isCollection: true);
                }

                if (!target.CanListValuesOf(resolved.Type) && !planned.ReadsKeysOneByOne)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.DialectNotSupported, location, $"A collection of {resolved.Type.DisplayName} ('{resolved.DisplayName}')", target.DisplayName, "lists bind numbers, strings, booleans and enums"));
                    ok = false;
                    continue;
                }
            }
            else if (use.Role == SqlParameterRole.InListItem && (resolved.IsCollection || resolved.Type.Kind == ScalarKind.Array))
            {
                // 'IN (@ids)' is a list of one item, the whole collection; the same advice on every dialect.
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, $"'{resolved.DisplayName}' is a collection inside 'IN (...)', where each item is one value; write 'IN @{use.Name}', without the parentheses, to pass the list"));
                ok = false;
                continue;
            }
            else if (resolved.IsCollection)
            {
                // A collection where one value stands: a PostgreSQL array (SET tags = @tags, tags && @tags), else an error.
                if (!target.HasArrays || use.Type is not (SqlType.Array or SqlType.Unknown) || (use.Type == SqlType.Unknown && use.Column is not null))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, $"'{resolved.DisplayName}' is a collection; use it as 'IN @{use.Name}'{(target.HasArrays ? " or '= ANY(@" + use.Name + ")', or compare it with an array column" : string.Empty)}"));
                    ok = false;
                    continue;
                }

                resolved = resolved.With(ArrayOf(resolved.Type), isCollection: false);
            }
            else if (resolved.Type.Kind == ScalarKind.Array && !target.HasArrays)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, location, method.Name, $"'{resolved.DisplayName}' is a collection, which {target.DisplayName} cannot take as one value; use it as 'IN @{use.Name}'"));
                ok = false;
                continue;
            }

            resolved = FollowColumnStorage(resolved, use);
            if (method.Source == MethodSource.Query && use.Column is not null && use.Table is not null
                && use.Role is SqlParameterRole.Comparison or SqlParameterRole.InListItem or SqlParameterRole.InCollection or SqlParameterRole.Between or SqlParameterRole.Assignment or SqlParameterRole.InsertValue)
            {
                var value = resolved.Type.WithNullable(false);
                var column = use.Column;
                if (!ColumnTypes.CanBind(dialect, value, column.Type, column.ElementType))
                {
                    var how = use.Role is SqlParameterRole.Assignment or SqlParameterRole.InsertValue ? "assigned to" : "compared with";
                    var columnType = column.DeclaredType ?? ColumnTypes.Describe(column.Type, column.ElementType);
                    var hint = column.IsEncrypted && column.EncryptedFrom is { } from
                        ? $"; the column is encrypted from {from}, and a value of another type would be encoded differently: declare '{resolved.DisplayName}' as {from}"
                        : value.Kind == ScalarKind.Enum
                        ? (value.EnumAsString ? "; the column stores numbers, so drop EnumStorage.String from the parameter" : "; the column stores text, so the enum would need to travel by name")
                        : $"; declare '{resolved.DisplayName}' with the column's type";
                    diagnostics.Add(DiagnosticInfo.Create(Rules.IncompatibleParameter, location, $"Parameter '{resolved.DisplayName}'", (resolved.IsCollection ? "a collection of " : string.Empty) + resolved.Type.DisplayName, how, $"{use.Table.Name}.{column.Name}", columnType, hint));
                }
            }

            byName[use.Name] = resolved;
            planned.Parameters.Add(resolved);
        }

        planned.UsedMethodParameters.UnionWith(usedMethodParameters);
        if (method.Source == MethodSource.Query && !method.IsBatchPart)
        {
            ReportUnused(method, usedMethodParameters, diagnostics);
        }

        return ok;
    }

    /// <summary>NG1007 for each method parameter no statement uses.</summary>
    private static void ReportUnused(MethodModel method, HashSet<string> used, DiagnosticBag diagnostics)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.IsCancellationToken && parameter.Sort is null && !used.Contains(parameter.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnusedMethodParameter, parameter.Location ?? method.Location, parameter.Name, method.Name));
            }
        }
    }

    private static ScalarType ArrayOf(ScalarType element)
        => new($"{element.NullableTypeName}[]", ScalarKind.Array, false, false, ScalarKind.Unsupported, EquatableArray<string>.Empty, false, element, ArrayShape.Array);

    /// <summary>The parameter name that, in written SQL, stands for the ambient tenant (unless the method has a parameter of that name).</summary>
    public const string AmbientTenantParameter = "tenant";

    /// <summary><c>@tenant</c> compared with or written to a tenant column: the ambient tenant, never a caller's value.</summary>
    private static PlannedParameter? AmbientTenant(BoundParameter use)
    {
        if (!string.Equals(use.Name, AmbientTenantParameter, StringComparison.OrdinalIgnoreCase) || use.Table?.TenantColumn is not { } tenantColumn
            || use.Column is null || !string.Equals(use.Column.Name, tenantColumn, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = use.Column.Type switch
        {
            SqlType.Integer => ScalarType.Int64,
            SqlType.Uuid => ScalarType.Of("global::System.Guid", ScalarKind.Guid, true),
            _ => ScalarType.String,
        };
        return new PlannedParameter(use.Name, StatementWriter.TenantValue(type, use.Table.Name), type, false, "the ambient tenant");
    }

    private static PlannedParameter? Resolve(MethodModel method, IReadOnlyList<ExplicitBinding> bindings, string sqlName, HashSet<string> used)
    {
        foreach (var binding in bindings)
        {
            if (string.Equals(binding.SqlName, sqlName, StringComparison.OrdinalIgnoreCase))
            {
                if (binding.Uses is not null)
                {
                    used.Add(binding.Uses);
                }

                return new PlannedParameter(binding.SqlName, binding.Expression, binding.Type, binding.IsCollection, binding.SqlName);
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (!string.Equals(parameter.Name, sqlName, StringComparison.OrdinalIgnoreCase) || parameter.IsCancellationToken)
            {
                continue;
            }

            if (parameter.Scalar is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(parameter.Name, CSharpNames.Identifier(parameter.Name), parameter.Scalar, false, parameter.Name, parameter.Location);
            }

            if (parameter.CollectionElement is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(parameter.Name, CSharpNames.Identifier(parameter.Name), parameter.CollectionElement, true, parameter.Name, parameter.Location);
            }
        }

        // @Member of a record/class parameter, as Dapper users write it.
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Complex is null)
            {
                continue;
            }

            var member = parameter.Complex.Members.FirstOrDefault(m => string.Equals(m.Name, sqlName, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Column, sqlName, StringComparison.OrdinalIgnoreCase));
            if (member is not null)
            {
                used.Add(parameter.Name);
                return new PlannedParameter(sqlName, CSharpNames.Identifier(parameter.Name) + "." + member.Name, member.Type, false, parameter.Name + "." + member.Name, parameter.Location);
            }
        }

        return null;
    }

    /// <summary>An enum travels the way the column it meets stores it: by name into text (or a database enum), by number otherwise.</summary>
    /// <summary>Two uses of one parameter send the same value: both in clear, or both encrypted for the same column.</summary>
    private static bool SameStorage(PlannedParameter first, PlannedParameter again)
    {
        var a = first.Type.Protection;
        var b = again.Type.Protection;
        return (a is null && b is null)
            || (a is not null && b is not null && string.Equals(a.Table, b.Table, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Column, b.Column, StringComparison.OrdinalIgnoreCase) && a.IsLookup == b.IsLookup);
    }

    private static PlannedParameter FollowColumnStorage(PlannedParameter parameter, BoundParameter use)
    {
        if (use.Column is { IsEncrypted: true } encrypted && use.Table is not null)
        {
            return Encrypting(parameter, use, encrypted, use.Table);
        }

        var type = parameter.Type.Kind == ScalarKind.Array ? parameter.Type.Element : parameter.Type;
        var column = parameter.Type.Kind == ScalarKind.Array ? use.Column?.ElementType : use.Column?.Type;

        // A case-insensitive column compares as itself only with a value of its type (citext on PostgreSQL).
        if (parameter.Type is { Kind: ScalarKind.String, CaseInsensitive: false, Protection: null } && string.Equals(use.Column?.DeclaredType, "citext", StringComparison.OrdinalIgnoreCase))
        {
            return parameter.With(parameter.Type with { CaseInsensitive = true }, parameter.IsCollection);
        }

        // A database enum column takes the value typed as its enum (PostgreSQL refuses text there).
        if (type is { Kind: ScalarKind.Enum } && parameter.Type.Kind != ScalarKind.Array && column == SqlType.Enum && use.Column?.EnumTypeName is { } enumType)
        {
            return parameter.With(parameter.Type.WithEnumAsString(true) with { NativeEnum = enumType }, parameter.IsCollection);
        }

        if (type is not { Kind: ScalarKind.Enum, EnumAsString: false } || column is not (SqlType.Text or SqlType.Enum))
        {
            return parameter;
        }

        return parameter.With(parameter.Type.WithEnumAsString(true), parameter.IsCollection);
    }

    /// <summary>
    /// A parameter that meets an encrypted column travels encrypted: written under the current key, or, compared
    /// with the column, under each readable key in turn (a lookup). Collections and types with no encoding are left
    /// as they are, and the type rules then report them.
    /// </summary>
    private static PlannedParameter Encrypting(PlannedParameter parameter, BoundParameter use, SqlSchemaColumn column, SqlSchemaTable table)
    {
        // Encrypted from another type, the value would have another encoding: never equal, never readable. Left as it
        // is, the type rules report it (NG2004).
        if (parameter.Type.IsEncrypted || parameter.IsCollection || !ColumnProtection.CanEncrypt(parameter.Type.Kind)
            || (column.EncryptedFrom is { } from && from != parameter.Type.Kind.ToString()))
        {
            return parameter;
        }

        var type = ScalarType.Encrypted(parameter.Type, column.Encryption == SqlColumnEncryption.Deterministic, column.Type == SqlType.Text, column.EncryptedAs?.Table ?? table.Name, column.EncryptedAs?.Column ?? column.Name);
        var lookup = use.Role is SqlParameterRole.Comparison or SqlParameterRole.InListItem or SqlParameterRole.Between;
        return parameter.With(lookup ? type.AsLookup() : type, isCollection: false);
    }

    private sealed class ResultColumn
    {
        public string? Name;
        public SqlType Type;
        public SqlType ElementType;
        public bool Nullable;
        public bool Resolved;
        public int Start;
        public int Length;
        public bool FromStar;

        /// <summary>The schema column the value comes from, unchanged (an encrypted one is decrypted into the member).</summary>
        public SqlSchemaColumn? Source;

        public SqlSchemaTable? SourceTable;

        /// <summary>The alias of the FROM table the column was read from (<see cref="BoundResultColumn.SourceAlias"/>).</summary>
        public string? SourceAlias;

        public ResultColumn WithNullable(bool nullable)
        {
            var copy = (ResultColumn)MemberwiseClone();
            copy.Nullable = nullable;
            return copy;
        }
    }

    private static void Shape(PlannedMethod planned, BoundStatement bound, TargetDialect target, SchemaSnapshot snapshot, DiagnosticBag diagnostics, List<(int Start, int Length, string Text)> starExpansions)
    {
        var method = planned.Method;
        if (bound.ResultColumns.Count == 0 && bound.StarSpans.Count == 0)
        {
            // int / long / bool over a statement without result columns mean "rows affected".
            if (method.Shape == ResultShape.Scalar && method.Row?.Scalar is { IsNullable: false } scalar)
            {
                planned.Shape = scalar.Kind switch
                {
                    ScalarKind.Int32 => ResultShape.RowsAffected,
                    ScalarKind.Int64 => ResultShape.RowsAffectedLong,
                    ScalarKind.Boolean => ResultShape.AnyRowsAffected,
                    _ => planned.Shape,
                };
            }

            if (planned.ReturnsRows)
            {
                Fail(planned, diagnostics, method, "its SQL returns no columns; a method that returns rows needs a SELECT, or RETURNING on a write");
            }

            return;
        }

        if (!planned.ReturnsRows)
        {
            // Rows nobody reads: allowed (for example INSERT ... RETURNING id into a void method).
            return;
        }

        var columns = bound.ResultColumns.Select(c => new ResultColumn
        {
            Name = c.Name,
            Type = c.Type,
            ElementType = c.ElementType,
            Nullable = c.IsNullable,
            Resolved = c.IsResolved,
            Start = c.Start,
            Length = c.Length,
            FromStar = c.FromStar,
            Source = c.SourceColumn,
            SourceTable = c.SourceTable,
            SourceAlias = c.SourceAlias ?? c.StarQualifier,
        }).ToList();

        // A top-level star whose tables are all known becomes the explicit column list; one over an unknown table cannot.
        var unresolvedStar = false;
        var resultStars = bound.StarSpans.Where(s => s.Start >= 0 && IsTopLevelStar(bound, s)).ToList();
        foreach (var star in resultStars)
        {
            var expanded = bound.ResultColumns.Where(c => c.FromStar && c.Start == star.Start && c.Length == star.Length).ToList();
            if (expanded.Count == 0 || HasUnknownSource(bound, star))
            {
                unresolvedStar = true;
                continue;
            }

            var qualified = (TextOf(method, star.Start, star.Length) ?? "*").EndsWith(".*", StringComparison.Ordinal) || DistinctQualifiers(expanded) > 1;
            starExpansions.Add((star.Start, star.Length, string.Join(", ", expanded.Select(c => qualified && c.StarQualifier is not null ? Qualifier(c.StarQualifier) + "." + target.Quote(c.Name!) : target.Quote(c.Name!)))));
        }

        // string[] over one array column is that column's value, not a list of rows of strings.
        if (method.Row?.WholeValue is { } wholeValue && columns.Count == 1 && columns[0].Resolved && columns[0].Type == SqlType.Array && !unresolvedStar)
        {
            planned.ReadAsOneValue(wholeValue);
            method = planned.Method;
        }

        var row = method.Row!;
        var checks = method.Source == MethodSource.Query;
        var unknownTables = bound.Problems.Any(p => p.Kind == SqlBindingProblemKind.UnknownTable);
        // What NeoGen writes from a [Table] type reads the type's own columns: only schema files can make a column's
        // type differ from its member's, and a read that loses the value is then an error as in a [Query].
        var generatedReadChecks = !checks && snapshot.For(target.Sql).HasFiles;
        var reader = method.Crud != CrudOperation.None ? (method.Row?.Entity?.DisplayName ?? "entity") + " CRUD" : method.Name;
        void CheckRead(ResultColumn column, ScalarType targetType, string what, string memberName)
        {
            if (!(checks || generatedReadChecks) || !column.Resolved)
            {
                return;
            }

            var location = SqlLocation(method, column.Start, column.Length);
            var name = column.Name ?? TextOf(method, column.Start, column.Length) ?? "#" + (columns.IndexOf(column) + 1);
            if (!ColumnTypes.CanRead(target.Sql, column.Type, column.ElementType, targetType))
            {
                var hint = ColumnTypes.IsInteger(targetType.Kind) && column.Type == SqlType.Text ? "; a text column read as a number gives 0 on SQLite and fails elsewhere"
                    : column.Type == SqlType.Integer && targetType.Kind == ScalarKind.String ? "; select a text column, or cast it"
                    : "; select a column of that type, cast it, or change the member";
                diagnostics.AddForDialect(Rules.UnreadableColumn, location, target.Sql, name, reader, ColumnTypes.Describe(column.Type, column.ElementType), DiagnosticBag.DialectsPlaceholder, what, targetType.DisplayName, hint);
            }

            if (checks && column.Nullable && !targetType.IsNullable && !unknownTables)
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.NullableIntoNonNullable, location, name, string.Empty, what));
            }
        }

        if (row.Scalar is not null)
        {
            if (columns.Count == 0)
            {
                planned.Reads = new List<ColumnRead> { new(0, "column 0", "result", row.Scalar, !row.Scalar.IsNullable) };
                return;
            }

            var first = columns[0];
            var type = FollowColumn(row.Scalar, first);
            CheckRead(first, type, "the result", "result");
            if (checks && columns.Count > 1 && !unresolvedStar)
            {
                for (var i = 1; i < columns.Count; i++)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Rules.UnusedResultColumn, SqlLocation(method, columns[i].Start, columns[i].Length), columns[i].Name ?? "#" + (i + 1), method.Name, row.Scalar.DisplayName + " (a scalar result reads the first column)"));
                }
            }

            planned.Reads = new List<ColumnRead> { new(0, first.Name ?? "column 0", "result", type, !row.Scalar.IsNullable) };
            return;
        }

        if (row.IsTuple)
        {
            if (unresolvedStar)
            {
                // Columns of a table NeoGen does not know: read in order, unchecked.
                planned.Reads = row.TupleElements.Select((e, i) => new ColumnRead(i, "column " + i, "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Type, !e.Type.IsNullable)).ToList();
                return;
            }

            if (columns.Count != row.TupleElements.Count)
            {
                Fail(planned, diagnostics, method, $"it returns a tuple of {row.TupleElements.Count} elements but its SQL returns {columns.Count} columns");
                return;
            }

            var reads = new List<ColumnRead>();
            for (var i = 0; i < columns.Count; i++)
            {
                var element = row.TupleElements[i];
                var type = FollowColumn(element.Type, columns[i]);
                CheckRead(columns[i], type, $"tuple element {i + 1}{(element.Name is null ? string.Empty : " '" + element.Name + "'")}", element.Name ?? "Item" + (i + 1));
                reads.Add(new ColumnRead(i, columns[i].Name ?? "column " + i, "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), type, !element.Type.IsNullable));
            }

            planned.Reads = reads;
            return;
        }

        if (unresolvedStar)
        {
            if (row.Entity!.Nested.Count > 0)
            {
                Fail(planned, diagnostics, method, $"{row.Entity.DisplayName}.{row.Entity.Nested[0].Name} is filled from the columns of a join, which NeoGen must know at compile time, but the star reads a table without a [Table] type or schema file; list the columns");
                return;
            }

            // A star over a table with no [Table] type and no schema file: look the members up by name once per execution.
            planned.Reads = null;
            return;
        }

        // A result column naming no column of its table is NG2002 already (the analyzer's); it most likely meant one of
        // the members, so neither it nor the member it missed is reported again as NG2005/NG2006.
        var misspelled = new HashSet<int>(columns.Select((c, i) => (c, i))
            .Where(x => bound.Problems.Any(p => p.Kind == SqlBindingProblemKind.UnknownColumn && p.Start >= x.c.Start && p.Start < x.c.Start + x.c.Length))
            .Select(x => x.i));
        var entity = row.Entity!;
        var memberReads = new List<ColumnRead>();
        var usedColumns = new HashSet<int>();
        var owners = NestedOwners(entity, columns, bound);
        foreach (var member in entity.Members)
        {
            var ordinal = columns.FindIndex(c => c.Name is not null && owners[columns.IndexOf(c)] is null && Matches(c.Name, member));
            if (ordinal < 0)
            {
                if (member.ConstructorParameterIndex >= 0 || (member.IsRequired && !entity.ConstructorSetsRequiredMembers))
                {
                    if (misspelled.Count == 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Rules.MissingResultMember, method.SqlLocation, member.Name, entity.DisplayName, method.Name, member.Column));
                    }

                    planned.FailureReason = $"its SQL returns no column for required member '{member.Name}'";
                }

                continue;
            }

            usedColumns.Add(ordinal);
            var type = FollowColumn(member.Type, columns[ordinal]);
            CheckRead(columns[ordinal], type, $"member '{entity.DisplayName}.{member.Name}'", member.Name);
            memberReads.Add(new ColumnRead(ordinal, columns[ordinal].Name!, member.Name, type, !member.Type.IsNullable));
        }

        // Each nested row from the columns the join assigned it: by prefix (customer_name), by alias, or by its table.
        foreach (var nested in entity.Nested)
        {
            var nestedReads = new List<ColumnRead>();
            var missing = new List<MemberModel>();
            foreach (var member in nested.Type.Members)
            {
                var ordinal = -1;
                for (var i = 0; i < columns.Count && ordinal < 0; i++)
                {
                    if (owners[i] == nested && columns[i].Name is { } name && (Matches(name, member) || (name.StartsWith(nested.Prefix, StringComparison.OrdinalIgnoreCase) && Matches(name.Substring(nested.Prefix.Length), member))))
                    {
                        ordinal = i;
                    }
                }

                if (ordinal < 0)
                {
                    if (member.ConstructorParameterIndex >= 0 || (member.IsRequired && !nested.Type.ConstructorSetsRequiredMembers))
                    {
                        missing.Add(member);
                    }

                    continue;
                }

                usedColumns.Add(ordinal);
                var type = FollowColumn(member.Type, columns[ordinal]);

                // A nullable nested row is null when its key is NULL (an outer join found none), and its other columns are
                // then not read: the outer join makes none of them NULL where a row is read, only their own columns can.
                var column = !nested.IsNullable && !nested.IsCollection ? columns[ordinal]
                    : columns[ordinal].WithNullable(!IsNestedKey(nested, member) && (columns[ordinal].Source?.IsNullable ?? columns[ordinal].Nullable));
                CheckRead(column, type, $"member '{entity.DisplayName}.{nested.Name}.{member.Name}'", member.Name);
                nestedReads.Add(new ColumnRead(ordinal, columns[ordinal].Name!, member.Name, type, !member.Type.IsNullable, nested.Name));
            }

            if (nestedReads.Count > 0)
            {
                foreach (var member in missing)
                {
                    if (misspelled.Count == 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Rules.MissingResultMember, method.SqlLocation, member.Name, $"{entity.DisplayName}.{nested.Name} ({nested.Type.DisplayName})", method.Name, nested.Prefix + member.Column));
                    }

                    planned.FailureReason = $"its SQL returns no column for required member '{nested.Name}.{member.Name}'";
                }
            }

            if (nestedReads.Count == 0)
            {
                // Even a nullable one: a member no column can ever fill is a mistake in the SQL or the alias, not "no row".
                var tables = string.Join(", ", bound.Tables.Select(t => t.Alias is null ? t.Name : t.Name + " " + t.Alias).Distinct());
                diagnostics.Add(DiagnosticInfo.Create(Rules.MissingResultMember, method.SqlLocation, nested.Name, entity.DisplayName, method.Name,
                    $"{nested.Prefix}* (a column named with the prefix '{nested.Prefix}', or one of {(nested.Type.Table is { } table ? "table '" + table + "' or " : string.Empty)}a table aliased '{nested.Name}'; the statement reads {tables})"));
                planned.FailureReason = $"its SQL returns no column for nested member '{nested.Name}'";
                continue;
            }

            memberReads.AddRange(nestedReads);
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (!usedColumns.Contains(i) && checks && !misspelled.Contains(i))
            {
                diagnostics.Add(DiagnosticInfo.Create(Rules.UnusedResultColumn, SqlLocation(method, columns[i].Start, columns[i].Length), columns[i].Name ?? TextOf(method, columns[i].Start, columns[i].Length) ?? "#" + (i + 1), method.Name, entity.DisplayName));
            }
        }

        if (entity.Nested.Any(n => n.IsCollection) && !GroupsBy(planned, bound, entity, columns, memberReads, diagnostics))
        {
            return;
        }

        planned.Reads = memberReads;
    }

    /// <summary>
    /// Which nested member (if any) each result column belongs to, strongest claim first: a column of a table aliased
    /// like the member (<c>JOIN customers customer</c>); a column of the table the member's type maps to, when the
    /// statement reads that table once and no other nested member's type maps to it; a name with the member's prefix
    /// (<c>customer_name</c>, an expression or a column of another table) that names a member of its row. Everything
    /// else is the row's own.
    /// </summary>
    private static NestedModel?[] NestedOwners(EntityModel entity, List<ResultColumn> columns, BoundStatement bound)
    {
        var owners = new NestedModel?[columns.Count];
        if (entity.Nested.Count == 0)
        {
            return owners;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Name is not { } name)
            {
                continue;
            }

            // A column renamed in the SQL to a member of the row itself (t.name AS team_name into TeamName) is the row's.
            if (column.Source is { } source && !string.Equals(source.Name, name, StringComparison.OrdinalIgnoreCase) && entity.Members.Any(m => Matches(name, m)))
            {
                continue;
            }

            // A column the row itself has a member for (team_name into TeamName) is not taken by the prefix of Team, and
            // one read from another nested row's table (users.team_id) is that row's, whatever its name.
            owners[i] = entity.Nested.FirstOrDefault(n => column.SourceAlias is { } alias && (string.Equals(alias, n.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(alias, Naming.ToSnakeCase(n.Name), StringComparison.OrdinalIgnoreCase)))
                ?? ByTable(column)
                ?? entity.Nested.FirstOrDefault(n => name.StartsWith(n.Prefix, StringComparison.OrdinalIgnoreCase) && n.Type.Members.Any(m => Matches(name.Substring(n.Prefix.Length), m)) && !entity.Members.Any(m => Matches(name, m)));
        }

        return owners;

        NestedModel? ByTable(ResultColumn column)
        {
            if (column.SourceTable is not { } table || bound.Tables.Count(t => string.Equals(t.Name, table.Name, StringComparison.OrdinalIgnoreCase)) != 1)
            {
                return null;
            }

            var candidates = entity.Nested.Where(n => string.Equals(n.Type.Table, table.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            return candidates.Count == 1 ? candidates[0] : null;
        }
    }

    /// <summary>
    /// One-to-many: the rows are grouped by the parent's key in the reader, so the parent's key must be among its own
    /// columns (the primary key of its table, or a member marked [Key]) and the statement ordered by it first; one list
    /// member per result type; a list or one-row result.
    /// </summary>
    private static bool GroupsBy(PlannedMethod planned, BoundStatement bound, EntityModel entity, List<ResultColumn> columns, List<ColumnRead> reads, DiagnosticBag diagnostics)
    {
        var method = planned.Method;
        var lists = entity.Nested.Where(n => n.IsCollection).ToList();
        if (lists.Count > 1)
        {
            Fail(planned, diagnostics, method, $"{entity.DisplayName} has {lists.Count} list members ({string.Join(", ", lists.Select(l => l.Name))}); one join fills one list, so read the others with a batch");
            return false;
        }

        var list = lists[0];
        if (planned.Shape is not (ResultShape.List or ResultShape.ReadOnlyList or ResultShape.Array or ResultShape.Single))
        {
            Fail(planned, diagnostics, method, $"{entity.DisplayName}.{list.Name} is filled by grouping the rows of a join, which a list (or one row) of {entity.DisplayName} returns, not a stream or a scalar");
            return false;
        }

        if (planned.FailureReason is not null || !reads.Any(r => r.Nested == list.Name))
        {
            return false; // reported already (NG2006: no column fills the list)
        }

        if ((bound.Statement as SelectStatement)?.Query is { Limit: not null } or { Offset: not null })
        {
            Fail(planned, diagnostics, method, $"{entity.DisplayName}.{list.Name} is filled by grouping the rows of a join, and a LIMIT or OFFSET counts rows, not parents, so it would cut a parent's list short; page the parents in a subquery, or drop it");
            return false;
        }

        // The parent's key: a [Key] member, else the primary key of the table the statement reads first (FROM's).
        var root = bound.Tables.FirstOrDefault(t => !t.IsCte);
        var key = reads.Where(r => r.Nested is null).FirstOrDefault(r => entity.MemberNamed(r.Target)?.IsKey == true)
            ?? reads.Where(r => r.Nested is null).FirstOrDefault(r => columns[r.Ordinal].Source is { IsPrimaryKey: true } && root is not null
                && string.Equals(columns[r.Ordinal].SourceTable?.Name, root.Name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(columns[r.Ordinal].SourceAlias, root.Alias ?? root.Name, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            Fail(planned, diagnostics, method, $"{entity.DisplayName}.{list.Name} is filled by grouping the rows of a join by their parent, so {entity.DisplayName} needs the parent's key among its own columns: the primary key of the table the statement reads FROM, or a member marked [Key]");
            return false;
        }

        var column = columns[key.Ordinal];
        var first = (bound.Statement as SelectStatement)?.Query.OrderBy.FirstOrDefault()?.Expression as ColumnReferenceExpression;
        var ordered = first is not null
            && (string.Equals(first.Column, column.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(first.Column, column.Source?.Name, StringComparison.OrdinalIgnoreCase))
            && (first.Table is null || string.Equals(first.Table, column.SourceAlias, StringComparison.OrdinalIgnoreCase));
        if (!ordered)
        {
            var by = column.SourceAlias is null ? column.Name : column.SourceAlias + "." + (column.Source?.Name ?? column.Name);
            Fail(planned, diagnostics, method, $"{entity.DisplayName}.{list.Name} is filled by grouping the rows by {entity.DisplayName}.{key.Target}, so one parent's rows must come together: order the SQL by it first (ORDER BY {by}, ...)");
            return false;
        }

        planned.GroupKey = key;
        var childReads = reads.Where(r => r.Nested == list.Name).Select(r => new ColumnRead(r.Ordinal, r.Column, r.Target, r.Type, r.RequiredValue)).ToList();
        planned.GroupChild = new PlannedMethod(method with { Row = new RowModel(null, list.Type, EquatableArray<TupleElementModel>.Empty, false), Shape = ResultShape.List })
        {
            Shape = ResultShape.List,
            Reads = childReads,
            Table = list.Type.Table ?? planned.Table,
        };
        planned.GroupChildKeys = NullTest(list, childReads);
        return true;
    }

    /// <summary>The member whose NULL makes a nullable nested row null: its key (a row without one is null when all its columns are).</summary>
    public static bool IsNestedKey(NestedModel nested, MemberModel member)
        => member.IsKey && nested.Type.Members.First(m => m.IsKey) == member;

    /// <summary>
    /// The reads whose NULL says an outer join found no row: the key's, when it is read; else every read column (a row
    /// whose own columns are NULL one at a time is still a row).
    /// </summary>
    public static List<ColumnRead> NullTest(NestedModel nested, IReadOnlyList<ColumnRead> reads)
    {
        var key = reads.FirstOrDefault(r => nested.Type.MemberNamed(r.Target) is { } m && IsNestedKey(nested, m));
        return key is not null ? new List<ColumnRead> { key } : reads.OrderBy(r => r.Ordinal).ToList();
    }

    private static string Qualifier(string qualifier)
    {
        var plain = qualifier.Length > 0 && (char.IsLetter(qualifier[0]) || qualifier[0] == '_') && qualifier.All(c => char.IsLetterOrDigit(c) || c == '_');
        return plain ? qualifier : "\"" + qualifier.Replace("\"", "\"\"") + "\"";
    }

    private static int DistinctQualifiers(List<BoundResultColumn> columns) => columns.Select(c => c.StarQualifier).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>A star of the statement's own result (not one inside a CTE or subquery).</summary>
    private static bool IsTopLevelStar(BoundStatement bound, SqlSpan star)
    {
        var top = bound.Statement switch
        {
            SelectStatement select => FirstSelect(select.Query)?.Items.Select(i => i.Expression),
            InsertStatement insert => insert.Returning.Select(i => i.Expression),
            UpdateStatement update => update.Returning.Select(i => i.Expression),
            DeleteStatement delete => delete.Returning.Select(i => i.Expression),
            _ => null,
        };
        return top?.Any(e => e is StarExpression s && s.Span.Start == star.Start && s.Span.Length == star.Length) ?? false;
    }

    private static SelectQuery? FirstSelect(SqlQuery query) => query switch
    {
        SelectQuery select => select,
        ParenthesizedQuery parenthesized => FirstSelect(parenthesized.Inner),
        _ => null,
    };

    /// <summary>Whether the tables a star reads include one whose columns are not known.</summary>
    private static bool HasUnknownSource(BoundStatement bound, SqlSpan star)
    {
        if (bound.Statement is not SelectStatement select || FirstSelect(select.Query) is not { From: { } from })
        {
            return false;
        }

        var qualifier = FirstSelect(select.Query)!.Items.Select(i => i.Expression).OfType<StarExpression>().FirstOrDefault(s => s.Span.Start == star.Start)?.Qualifier?.Name;
        foreach (var table in bound.Tables)
        {
            if (table.Start < from.Span.Start || table.Start > from.Span.End || table.IsCte)
            {
                continue;
            }

            if (table.Table is null && (qualifier is null || string.Equals(qualifier, table.Alias ?? table.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An enum read from a text (or database enum) column is read by name, whatever the member says.</summary>
    /// <summary>
    /// The read of a result column into <paramref name="target"/>: an enum follows the column's storage, and a value of
    /// an encrypted column is decrypted into a member that holds it in clear (a result type, a tuple, a scalar).
    /// </summary>
    private static ScalarType FollowColumn(ScalarType target, ResultColumn column)
    {
        if (column.Source is { IsEncrypted: true } source && column.SourceTable is { } table && !target.IsEncrypted && ColumnProtection.CanEncrypt(target.Kind)
            && (source.EncryptedFrom is null || source.EncryptedFrom == target.Kind.ToString()))
        {
            return ScalarType.Encrypted(target, source.Encryption == SqlColumnEncryption.Deterministic, source.Type == SqlType.Text, source.EncryptedAs?.Table ?? table.Name, source.EncryptedAs?.Column ?? source.Name);
        }

        return FollowColumn(target, column.Type);
    }

    private static ScalarType FollowColumn(ScalarType target, SqlType column)
        => target.Kind == ScalarKind.Enum && !target.EnumAsString && column is SqlType.Text or SqlType.Enum ? target.WithEnumAsString(true) : target;

    /// <summary>A result column matches a member by its column name, or by the member's own name in any case.</summary>
    public static bool Matches(string column, MemberModel member)
        => string.Equals(column, member.Column, StringComparison.OrdinalIgnoreCase)
        || string.Equals(column, member.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(column.Replace("_", string.Empty), member.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the provider's SQL: placeholders, list parameters, and the explicit column list of each result star.</summary>
    private static string Rewrite(string sql, IReadOnlyList<BoundParameter> uses, List<PlannedParameter> parameters, TargetDialect target, List<(int Start, int Length, string Text)> starExpansions, int placeholderOffset)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parameters.Count; i++)
        {
            index[parameters[i].SqlName] = i;
            parameters[i].ProviderName = target.Placeholder(placeholderOffset + i);
        }

        var edits = new List<(int Start, int End, string Text)>();
        foreach (var use in uses)
        {
            if (!index.TryGetValue(use.Name, out var i))
            {
                continue;
            }

            var placeholder = parameters[i].ProviderName;
            if (use.ListSyntax == ParameterListSyntax.InList)
            {
                var start = use.ListStart;
                if (use.IsNegatedList)
                {
                    // "NOT IN @ids": the NOT belongs to the rewrite too.
                    var before = sql.Substring(0, Math.Min(start, sql.Length)).TrimEnd();
                    if (before.EndsWith("NOT", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetterOrDigit(before[before.Length - 4])))
                    {
                        start = before.Length - 3;
                    }
                }

                edits.Add((start, use.Start + use.Length, target.InList(placeholder, use.IsNegatedList, parameters[i].Type)));
            }
            else
            {
                edits.Add((use.Start, use.Start + use.Length, target.TypedPlaceholder(placeholder, parameters[i].Type)));
            }
        }

        foreach (var (start, length, text) in starExpansions)
        {
            edits.Add((start, start + length, text));
        }

        var builder = new StringBuilder(sql.Length + 16);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Start))
        {
            if (edit.Start < position || edit.End > sql.Length)
            {
                continue;
            }

            builder.Append(sql, position, edit.Start - position).Append(edit.Text);
            position = edit.End;
        }

        builder.Append(sql, position, sql.Length - position);
        return builder.ToString();
    }

    private static void Fail(PlannedMethod planned, DiagnosticBag diagnostics, MethodModel method, string reason)
    {
        diagnostics.Add(DiagnosticInfo.Create(Rules.UnsupportedSignature, method.SqlLocation ?? method.Location, method.Name, reason));
        planned.FailureReason = reason;
    }

    private static string? TextOf(MethodModel method, int start, int length)
    {
        var sql = method.Sql;
        return sql is not null && start >= 0 && length >= 0 && start + length <= sql.Length ? sql.Substring(start, length) : null;
    }

    private static LocationInfo? SqlLocation(MethodModel method, int start, int length)
        => method.SqlLiteralText is not null && method.SqlLocation is not null ? method.SqlLocation.Inside(method.SqlLiteralText, start, length) : method.SqlLocation ?? method.Location;
}
