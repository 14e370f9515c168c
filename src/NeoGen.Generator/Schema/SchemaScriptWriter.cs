using System;
using System.Collections.Generic;
using System.Linq;
using NeoGen.Generator.Dialects;
using NeoGen.Generator.Planning;
using NeoGen.Shared;

namespace NeoGen.Generator.Schema;

/// <summary>The DDL of every <c>[Table]</c> type for one database, and what it left out.</summary>
/// <param name="Dialect">The <c>NeoGen.Dialect</c> member.</param>
/// <param name="Statements">In order: schemas, then tables (each principal before the tables that reference it), then indexes.</param>
/// <param name="AuditTables">The audit tables of <c>[Audited]</c> types, which the runtime's <c>AuditTrail</c> defines.</param>
/// <param name="LeftOut">Tables this database cannot store, with why (arrays outside PostgreSQL).</param>
/// <param name="CreatesEnumTypes">Some statement creates a database enum type or an extension's types (PostgreSQL), which a provider that lists types at first connection must reload.</param>
internal sealed record DialectScript(string Dialect, EquatableArray<string> Statements, EquatableArray<string> AuditTables, EquatableArray<string> LeftOut, bool CreatesEnumTypes = false);

/// <summary>
/// Writes, per database, the CREATE statements of the tables the <c>[Table]</c> types declare: column types as NeoGen
/// writes and reads each member, NOT NULL from nullability, defaults from constant initializers and generated members,
/// the key, <c>[Index]</c>es and foreign keys. Every statement runs only
/// when its object is missing, so running the script again changes nothing. What a database cannot be given is reported
/// (NG0012) rather than written wrong.
/// </summary>
internal static class SchemaScriptWriter
{
    /// <summary>The longest identifier every database keeps as written (PostgreSQL truncates past 63 bytes, MySQL refuses past 64).</summary>
    private const int MaxIdentifier = 63;

    public static DialectScript Write(IReadOnlyList<TableDeclaration> declarations, TargetDialect dialect, DiagnosticBag diagnostics)
    {
        var groups = declarations.Where(d => d.Entity.IsTable)
            .GroupBy(d => (d.Entity.Schema ?? string.Empty, d.Entity.Table!.ToLowerInvariant()))
            .ToList();
        foreach (var group in groups.Where(g => g.Select(d => d.Entity.Members).Distinct().Count() > 1))
        {
            // Two types of one table: the script creates the first one's columns; say so rather than drop the other's.
            var first = group.First();
            foreach (var other in group.Skip(1).Where(d => !d.Entity.Members.Equals(first.Entity.Members)))
            {
                diagnostics.AddForDialect(Rules.SchemaScriptIncomplete, other.Location, dialect.Sql,
                    $"{other.Entity.DisplayName} and {first.Entity.DisplayName} both map to table '{first.Entity.Table}' with different members, so the script for {DiagnosticBag.DialectsPlaceholder} creates it from {first.Entity.DisplayName}'s");
            }
        }

        var tables = groups
            .Select(g => g.First())
            .OrderBy(d => d.Entity.Schema ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Entity.Table, StringComparer.Ordinal)
            .ToList();

        var leftOut = new List<string>();
        var storable = new List<TableDeclaration>();
        foreach (var table in tables)
        {
            var unstorable = table.Entity.Members.FirstOrDefault(m => !ColumnTypes.IsStorable(m.Type, dialect.Sql));
            if (unstorable is null)
            {
                storable.Add(table);
            }
            else
            {
                leftOut.Add($"{table.Entity.Table} ({table.Entity.DisplayName}.{unstorable.Name} is {unstorable.Type.DisplayName}; {dialect.DisplayName} has no array columns)");
            }
        }

        // By name: a foreign key names its principal's table (without a schema); the first of a name in two schemas wins.
        var byTable = new Dictionary<string, TableDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in storable)
        {
            if (!byTable.ContainsKey(table.Entity.Table!))
            {
                byTable[table.Entity.Table!] = table;
            }
        }
        var statements = new List<string>();
        foreach (var schema in storable.Select(t => t.Entity.Schema).Where(s => s is not null).Distinct(StringComparer.Ordinal))
        {
            if (dialect.CreateSchema(schema!) is { } create)
            {
                statements.Add(create);
            }
        }

        // Extensions and database enum types before the tables whose columns have them (both add types a provider that
        // lists types at first connection must reload).
        var enumTypes = 0;
        foreach (var extension in storable.SelectMany(t => t.Entity.Members).Select(m => dialect.CreateExtension(m.Type)).Where(e => e is not null).Distinct(StringComparer.Ordinal))
        {
            statements.Add(extension!);
            enumTypes++;
        }

        foreach (var type in storable.SelectMany(t => t.Entity.Members).Select(m => m.Type).Where(t => t.NativeEnum is not null)
            .GroupBy(t => t.NativeEnum!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(t => t.NativeEnum, StringComparer.Ordinal))
        {
            if (dialect.CreateEnumType(type.NativeEnum!, type.EnumMembers) is { } create)
            {
                statements.Add(create);
                enumTypes++;
            }
        }

        var indexes = new List<string>();
        var cycles = new HashSet<(TableDeclaration, string)>();
        foreach (var table in Ordered(storable, byTable, cycles))
        {
            statements.Add(CreateTable(table, byTable, cycles, dialect, diagnostics, indexes));
        }

        statements.AddRange(indexes);
        var audit = storable.Where(t => t.Entity.IsAudited).Select(t => t.Entity.AuditTable ?? "neogen_audit").Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(a => a, StringComparer.Ordinal);
        return new DialectScript(dialect.Name, statements.ToEquatableArray(), audit.ToEquatableArray(), leftOut.ToEquatableArray(), enumTypes > 0);
    }

    /// <summary>Principals before the tables that reference them; <paramref name="cycles"/> gets each foreign key that closes a cycle.</summary>
    private static List<TableDeclaration> Ordered(List<TableDeclaration> tables, Dictionary<string, TableDeclaration> byTable, HashSet<(TableDeclaration, string)> cycles)
    {
        var ordered = new List<TableDeclaration>();
        var state = new Dictionary<TableDeclaration, bool>(); // false: being visited; true: done
        void Visit(TableDeclaration table)
        {
            if (state.ContainsKey(table))
            {
                return;
            }

            state[table] = false;
            foreach (var foreignKey in table.Entity.ForeignKeys)
            {
                if (byTable.TryGetValue(foreignKey.PrincipalTable, out var principal) && principal != table)
                {
                    if (state.TryGetValue(principal, out var done) && !done)
                    {
                        cycles.Add((table, foreignKey.Column));
                        continue;
                    }

                    Visit(principal);
                }
            }

            state[table] = true;
            ordered.Add(table);
        }

        foreach (var table in tables)
        {
            Visit(table);
        }

        return ordered;
    }

    private static string CreateTable(TableDeclaration declaration, Dictionary<string, TableDeclaration> byTable, HashSet<(TableDeclaration, string)> cycles, TargetDialect dialect, DiagnosticBag diagnostics, List<string> indexStatements)
    {
        var entity = declaration.Entity;
        var table = entity.Table!;
        var qualified = dialect.QualifiedName(table, entity.Schema);
        var keys = entity.Members.Where(m => m.IsKey).ToList();
        var foreignKeys = entity.ForeignKeys.Where(f => entity.MemberForColumn(f.Column) is not null).ToList();

        // Text and binary columns that a key, an index or a foreign key covers must be bounded on MySQL and SQL Server.
        var bounded = new HashSet<string>(keys.Select(k => k.Column), StringComparer.OrdinalIgnoreCase);
        bounded.UnionWith(entity.Indexes.SelectMany(i => i.Columns));
        bounded.UnionWith(foreignKeys.Select(f => f.Column));

        var definitions = new List<string>();
        foreach (var member in entity.Members)
        {
            definitions.Add(Column(entity, member, keys.Count == 1 && member.IsKey, bounded.Contains(member.Column), dialect, diagnostics, declaration));
        }

        if (keys.Count > 1)
        {
            definitions.Add($"PRIMARY KEY ({string.Join(", ", keys.Select(k => dialect.Quote(k.Column)))})");
        }

        foreach (var foreignKey in foreignKeys)
        {
            if (!byTable.TryGetValue(foreignKey.PrincipalTable, out var principal))
            {
                continue; // a table the script does not create (another database's, or left out): referenced by the migration that makes it
            }

            // SQLite resolves a foreign key when a row is written, so a reference to a later table is fine there.
            if (cycles.Contains((declaration, foreignKey.Column)) && dialect.Sql != NeoGen.Sql.SqlDialect.Sqlite)
            {
                diagnostics.AddForDialect(Rules.SchemaScriptIncomplete, declaration.Location, dialect.Sql,
                    $"the foreign key {entity.DisplayName}.{entity.MemberForColumn(foreignKey.Column)!.Name} closes a cycle of references between tables, so the script for {DiagnosticBag.DialectsPlaceholder} leaves it out (a table cannot reference one not created yet)");
                continue;
            }

            var principalKeys = principal.Entity.Members.Where(m => m.IsKey).ToList();
            if (principalKeys.Count != 1)
            {
                diagnostics.AddForDialect(Rules.SchemaScriptIncomplete, declaration.Location, dialect.Sql,
                    $"the foreign key {entity.DisplayName}.{entity.MemberForColumn(foreignKey.Column)!.Name} references {principal.Entity.DisplayName}, which has {(principalKeys.Count == 0 ? "no key" : "a composite key")}, so the script for {DiagnosticBag.DialectsPlaceholder} leaves it out");
                continue;
            }

            definitions.Add($"CONSTRAINT {dialect.Quote(Identifier("fk_" + table + "_" + foreignKey.Column))} FOREIGN KEY ({dialect.Quote(foreignKey.Column)}) REFERENCES {dialect.QualifiedName(principal.Entity.Table!, principal.Entity.Schema)} ({dialect.Quote(principalKeys[0].Column)})");
        }

        // Only the declared indexes, so the schema the analyzers check against is the one created: a foreign key without
        // an index is NG3002, whose code fix declares one.
        var indexes = entity.Indexes.Select(i => (Name: i.Name ?? Identifier("ix_" + table + "_" + string.Join("_", i.Columns)), Columns: i.Columns.ToList(), i.Unique)).ToList();

        foreach (var index in indexes)
        {
            var columns = index.Columns.Select(dialect.Quote).ToList();
            if (dialect.IndexesInCreateTable)
            {
                definitions.Add(dialect.IndexDefinition(index.Name, columns, index.Unique));
            }
            else
            {
                indexStatements.Add(dialect.CreateIndex(index.Name, qualified, columns, index.Unique));
            }
        }

        return dialect.CreateTable(table, qualified, definitions);
    }

    private static string Column(EntityModel entity, MemberModel member, bool soleKey, bool bounded, TargetDialect dialect, DiagnosticBag diagnostics, TableDeclaration declaration)
    {
        var name = dialect.Quote(member.Column);
        if (member.IsGenerated && soleKey && ColumnTypes.IsInteger(member.Type.Kind))
        {
            return name + " " + dialect.IdentityPrimaryKey(member.Type);
        }

        var definition = name + " " + dialect.ColumnType(member.Type, member.Facets, bounded || member.IsKey);
        if (!member.Type.IsNullable || member.IsKey)
        {
            definition += " NOT NULL";
        }

        if (member.IsGenerated)
        {
            if (dialect.GeneratedDefault(member.Type) is { } generated)
            {
                definition += " DEFAULT " + generated;
            }
            else
            {
                var what = ColumnTypes.IsInteger(member.Type.Kind)
                    ? $"{entity.DisplayName}.{member.Name} is a [Generated] integer but not the table's only key, which the script for {DiagnosticBag.DialectsPlaceholder} does not make an identity column"
                    : $"{entity.DisplayName}.{member.Name} is [Generated] but NeoGen knows no database default for a {member.Type.DisplayName} column on {DiagnosticBag.DialectsPlaceholder}, so the script creates it without one";
                diagnostics.AddForDialect(Rules.SchemaScriptIncomplete, declaration.Location, dialect.Sql, what);
            }
        }
        else if (member.Facets is { Default: not null } facets && !member.IsKey)
        {
            definition += " DEFAULT " + dialect.DefaultLiteral(member.Type, facets);
        }

        return soleKey ? definition + " PRIMARY KEY" : definition;
    }

    /// <summary>A name no database shortens or refuses: past 63 characters, cut and ended by a hash of the whole name.</summary>
    internal static string Identifier(string name)
    {
        if (name.Length <= MaxIdentifier)
        {
            return name;
        }

        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return name.Substring(0, MaxIdentifier - 9) + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
