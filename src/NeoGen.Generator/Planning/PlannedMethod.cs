using System.Collections.Generic;
using NeoGen.Generator.Model;
using NeoGen.Shared;

namespace NeoGen.Generator.Planning;

/// <summary>How one SQL parameter gets its value.</summary>
internal sealed class PlannedParameter
{
    public PlannedParameter(string sqlName, string expression, ScalarType type, bool isCollection, string displayName, LocationInfo? location = null)
    {
        SqlName = sqlName;
        Expression = expression;
        Type = type;
        IsCollection = isCollection;
        DisplayName = displayName;
        Location = location;
    }

    public string SqlName { get; }

    public string Expression { get; }

    /// <summary>For a collection, the element type.</summary>
    public ScalarType Type { get; }

    public bool IsCollection { get; }

    /// <summary>The name in messages: the C# parameter or member.</summary>
    public string DisplayName { get; }

    /// <summary>The C# parameter's declaration, when there is one.</summary>
    public LocationInfo? Location { get; }

    public PlannedParameter With(ScalarType type, bool isCollection) => new(SqlName, Expression, type, isCollection, DisplayName, Location);

    /// <summary>For SQLite: the provider parameter name, with its prefix.</summary>
    public string ProviderName { get; set; } = string.Empty;
}

/// <summary>One member filled from one result column.</summary>
internal sealed class ColumnRead
{
    public ColumnRead(int ordinal, string column, string target, ScalarType type, bool requiredValue, string? nested = null)
    {
        Ordinal = ordinal;
        Column = column;
        Target = target;
        Type = type;
        RequiredValue = requiredValue;
        Nested = nested;
    }

    /// <summary>The nested member (<see cref="NeoGen.Shared.NestedModel"/>) whose row <see cref="Target"/> is a member of; null for the row's own members.</summary>
    public string? Nested { get; }

    public int Ordinal { get; }

    public string Column { get; }

    /// <summary>The member name; for tuples, the element's position as text.</summary>
    public string Target { get; }

    public ScalarType Type { get; }

    /// <summary>True when a NULL cannot be stored (a non-nullable member).</summary>
    public bool RequiredValue { get; }
}

/// <summary>A method ready to emit: final provider SQL, parameter bindings, result reads.</summary>
internal sealed class PlannedMethod
{
    public PlannedMethod(MethodModel method)
    {
        Method = method;
        Shape = method.Shape;
    }

    public MethodModel Method { get; private set; }

    /// <summary>Reads the result as one value of the declared type (one array column into <c>string[]</c>) instead of a list of rows.</summary>
    public void ReadAsOneValue(ScalarType wholeValue)
    {
        Method = Method with { Shape = ResultShape.Scalar, Row = new RowModel(wholeValue, null, EquatableArray<TupleElementModel>.Empty, wholeValue.IsNullable) };
        Shape = ResultShape.Scalar;
    }

    public string Sql { get; set; } = string.Empty;

    public ResultShape Shape { get; set; }

    public List<PlannedParameter> Parameters { get; } = new();

    /// <summary>Reads of the row; null with a known row type means the columns are looked up by name at run time.</summary>
    public List<ColumnRead>? Reads { get; set; }

    /// <summary>Set when the method cannot be generated; the body throws and a diagnostic explains.</summary>
    public string? FailureReason { get; set; }

    /// <summary>GetMany whose keys cannot travel as one list parameter on this dialect: one prepared Get per key.</summary>
    public bool ReadsKeysOneByOne { get; set; }

    /// <summary>The rows come from a later statement of the command (a row read back where there is no RETURNING).</summary>
    public bool ReadsLaterResult { get; set; }

    /// <summary>
    /// For a method with switches (<see cref="MethodModel.Switches"/>): the statement of each combination, indexed by
    /// the bits of the switches that are null; the first is this method itself. Empty otherwise.
    /// </summary>
    public List<PlannedMethod> Variants { get; } = new();

    /// <summary>One-to-many: the parent's key read, by which consecutive rows are grouped into one parent.</summary>
    public ColumnRead? GroupKey { get; set; }

    /// <summary>One-to-many: the child rows' own read (a statement-less plan whose reader builds one child).</summary>
    public PlannedMethod? GroupChild { get; set; }

    /// <summary>One-to-many: the child columns whose NULL (all of them) means "no child" (an outer join that found none).</summary>
    public List<ColumnRead> GroupChildKeys { get; set; } = new();

    /// <summary>The method parameters the statement uses (NG1007 is reported over all the statements of a batch).</summary>
    public HashSet<string> UsedMethodParameters { get; } = new(System.StringComparer.Ordinal);

    /// <summary>For <see cref="ResultShape.Batch"/>: one planned statement per result, in order.</summary>
    public List<PlannedMethod> BatchParts { get; } = new();

    /// <summary>
    /// The same write as one statement with RETURNING, used instead of <see cref="Sql"/> on servers that have it
    /// (MariaDB 10.5+ for a dialect that also serves MySQL); same parameters, same columns.
    /// </summary>
    public string? AlternateSql { get; set; }

    /// <summary>The SQL is several statements (a write and the SELECT that reads its row back).</summary>
    public bool IsScript { get; set; }

    /// <summary>The main table, named in runtime errors.</summary>
    public string? Table { get; set; }

    /// <summary>What the (first) statement does, as bound: a write to <see cref="Table"/> is audited when its table is.</summary>
    public NeoGen.Sql.SqlStatementKind StatementKind { get; set; }

    /// <summary>The same statements and reads, emitted as another method (a per-key helper of a lookup by an encrypted column).</summary>
    public PlannedMethod WithMethod(MethodModel method)
    {
        var copy = new PlannedMethod(method)
        {
            Sql = Sql,
            Shape = Shape,
            Reads = Reads,
            FailureReason = FailureReason,
            ReadsKeysOneByOne = ReadsKeysOneByOne,
            ReadsLaterResult = ReadsLaterResult,
            AlternateSql = AlternateSql,
            IsScript = IsScript,
            Table = Table,
            StatementKind = StatementKind,
        };
        copy.Parameters.AddRange(Parameters);
        copy.Variants.AddRange(Variants);
        return copy;
    }

    public bool ReturnsRows => Shape is ResultShape.Scalar or ResultShape.Single or ResultShape.List or ResultShape.ReadOnlyList or ResultShape.Array or ResultShape.Stream;
}
