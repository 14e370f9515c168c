using System;
using System.Collections.Generic;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Binding;

/// <summary>
/// Resolves a statement's names against a <see cref="SqlSchema"/>: tables, aliases, joins, derived tables, CTEs
/// (recursive too) and set operations; infers result column and parameter types and nullability; collects what index
/// and safety analysis needs. Never throws. Tables missing from the schema give one <see cref="SqlBindingProblemKind.UnknownTable"/>
/// and no column problems.
/// </summary>
public static partial class SqlBinder
{
    private const int MaxDepth = 400;

    /// <summary>Binds the first statement of <paramref name="sql"/>.</summary>
    public static BoundStatement Bind(string? sql, SqlDialect dialect, SqlSchema? schema)
    {
        var script = SqlParser.Parse(sql, dialect);
        return WithPassThroughParameters(Bind(script, dialect, schema), sql, dialect);
    }

    /// <summary>Binds the first statement of an already parsed script.</summary>
    public static BoundStatement Bind(SqlScript script, SqlDialect dialect, SqlSchema? schema) => Bind(script, 0, dialect, schema);

    /// <summary>Binds every statement of <paramref name="sql"/>, in order (parse errors are on each result).</summary>
    public static IReadOnlyList<BoundStatement> BindAll(string? sql, SqlDialect dialect, SqlSchema? schema)
    {
        var script = SqlParser.Parse(sql, dialect);
        var list = new List<BoundStatement>(script.Statements.Count);
        for (var i = 0; i < script.Statements.Count; i++)
        {
            list.Add(WithPassThroughParameters(Bind(script, i, dialect, schema), sql, dialect));
        }

        return list;
    }

    /// <summary>
    /// A statement NeoGen passes through without a tree (<c>EXEC proc @a</c>, <c>CALL f(@x)</c>) still has parameters:
    /// they are found in its tokens, with no role or column. A statement that failed to parse has none (its error stops
    /// the caller).
    /// </summary>
    private static BoundStatement WithPassThroughParameters(BoundStatement bound, string? sql, SqlDialect dialect)
    {
        if (sql == null || bound.Statement is not OpaqueStatement || bound.Parameters.Count > 0)
        {
            return bound;
        }

        var span = bound.Statement.Span;
        if (span.Start < 0 || span.End > sql.Length)
        {
            return bound;
        }

        var parameters = new List<BoundParameter>();
        foreach (var token in Lexing.SqlLexer.Lex(sql.Substring(span.Start, span.Length), dialect).Tokens)
        {
            if (token.Kind == Lexing.SqlTokenKind.Parameter)
            {
                parameters.Add(new BoundParameter(token.Value, span.Start + token.Start, token.Length) { Role = SqlParameterRole.Other, IsNullable = true, ListStart = span.Start + token.Start });
            }
        }

        bound.Parameters = parameters;
        return bound;
    }

    /// <summary>Binds statement number <paramref name="index"/> of an already parsed script (none when out of range).</summary>
    public static BoundStatement Bind(SqlScript script, int index, SqlDialect dialect, SqlSchema? schema)
    {
        if (script == null)
        {
            script = SqlParser.Parse(string.Empty, dialect);
        }

        var statement = index >= 0 && index < script.Statements.Count ? script.Statements[index] : null;
        var result = new BoundStatement(script, statement);
        if (statement == null)
        {
            return result;
        }

        var binder = new Binder(schema ?? SqlSchema.Empty, dialect);
        try
        {
            binder.BindStatement(statement, result);
        }
        catch (Exception) when (!SqlDiagnosticsSwitch.Rethrow)
        {
            // Never let a bug in the binder reach the compiler; keep what was found so far.
        }

        result.Problems = binder.Problems;
        result.Parameters = binder.Parameters;
        result.Literals = binder.Literals;
        result.Tables = binder.Tables;
        result.ColumnReferences = binder.References;
        result.PredicateUses = binder.Uses;
        result.Assignments = binder.Assignments;
        result.StarSpans = binder.Stars;
        return result;
    }

    /// <summary>The output columns of a query (for views and CREATE TABLE .. AS); null when it cannot be bound.</summary>
    internal static IReadOnlyList<Col>? BindQueryColumns(SqlQuery query, SqlDialect dialect, SqlSchema schema)
    {
        try
        {
            var binder = new Binder(schema, dialect);
            return binder.BindQuery(query, null, 0);
        }
        catch (Exception) when (!SqlDiagnosticsSwitch.Rethrow)
        {
            return null;
        }
    }

    /// <summary>What the binder knows about a value: a column of a source, a result column or an expression.</summary>
    internal sealed class Col
    {
        public string? Name;
        public SqlType Type;
        public SqlType ElementType;
        public bool IsNullable = true;
        public string? EnumTypeName;
        public SqlSchemaColumn? SourceColumn;
        public SqlSchemaTable? SourceTable;
        public SqlSpan Span;
        public bool FromStar;
        public string? StarQualifier;

        /// <summary>The alias (or name) of the FROM table a plain reference or a star read this column from.</summary>
        public string? SourceAlias;

        /// <summary>A column of a table whose columns are not known: its type and nullability are not known either.</summary>
        public bool IsUnresolved;

        public static Col Unknown(bool nullable = true) => new() { IsNullable = nullable };

        public static Col Unresolved(string name) => new() { Name = name, IsUnresolved = true };

        public static Col Of(SqlType type, bool nullable) => new() { Type = type, IsNullable = nullable };

        public static Col FromSchema(SqlSchemaTable table, SqlSchemaColumn column) => new()
        {
            Name = column.Name,
            Type = column.Type,
            ElementType = column.ElementType,
            IsNullable = column.IsNullable,
            EnumTypeName = column.EnumTypeName,
            SourceColumn = column,
            SourceTable = table,
        };

        public Col Copy() => (Col)MemberwiseClone();

        public Col Named(string? name)
        {
            var c = Copy();
            c.Name = name;
            return c;
        }

        public Col Nullable(bool nullable)
        {
            if (IsNullable == nullable)
            {
                return this;
            }

            var c = Copy();
            c.IsNullable = nullable;
            return c;
        }

        public Col Value()
        {
            // An expression result: keeps the type, forgets the column.
            var c = Copy();
            c.Name = null;
            c.SourceColumn = null;
            c.SourceTable = null;
            c.SourceAlias = null;
            return c;
        }
    }
}
