using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NeoGen.Generator.Dialects;
using NeoGen.Shared;

namespace NeoGen.Generator.Emitting;

/// <summary>
/// <c>IReEncryptable.ReEncryptAsync</c> for a table with encrypted columns and a single-column key: reads the rows in
/// key order, batch by batch, and rewrites each value that is under an older key with one conditional UPDATE (the
/// value is replaced only if it is still the one read). A maintenance job: plain commands, not kept prepared, no
/// tenant predicate (it serves every tenant), the stored bytes never decoded as a type.
/// </summary>
internal static class ReEncryptionEmitter
{
    public static bool CanEmit(EntityModel? entity) => entity is { IsTable: true, HasEncryptedMembers: true } && entity.Members.Count(m => m.IsKey) == 1;

    public static void Emit(CodeWriter w, EntityModel entity, TargetDialect dialect, string repositoryLiteral)
    {
        var key = entity.Members.Single(m => m.IsKey);
        var encrypted = entity.Members.Where(m => m.Type.IsEncrypted).ToList();
        var table = entity.Schema is null ? dialect.Quote(entity.Table!) : dialect.Quote(entity.Schema) + "." + dialect.Quote(entity.Table!);
        var keyColumn = dialect.Quote(key.Column);
        var columns = string.Join(", ", new[] { keyColumn }.Concat(encrypted.Select(m => dialect.Quote(m.Column))));
        var positional = dialect.Sql == NeoGen.Sql.SqlDialect.PostgreSql;
        string P(int index) => dialect.Placeholder(index);
        var first = dialect.Limit($"SELECT {columns} FROM {table} ORDER BY {keyColumn}", P(0));
        var next = dialect.Limit($"SELECT {columns} FROM {table} WHERE {keyColumn} > {P(0)} ORDER BY {keyColumn}", P(1));
        var keyType = key.Type.WithNullable(false);
        var row = "(" + keyType.TypeName + " Key, " + string.Join(", ", encrypted.Select((m, i) => StoredType(m.Type) + "? V" + i.ToString(CultureInfo.InvariantCulture))) + ")";

        w.Line($"private const string Sql_ReEncrypt_First = {CodeWriter.Literal(first)};");
        w.Line($"private const string Sql_ReEncrypt_Next = {CodeWriter.Literal(next)};");
        for (var i = 0; i < encrypted.Count; i++)
        {
            var column = dialect.Quote(encrypted[i].Column);
            w.Line($"private const string Sql_ReEncrypt_{i.ToString(CultureInfo.InvariantCulture)} = {CodeWriter.Literal($"UPDATE {table} SET {column} = {P(0)} WHERE {keyColumn} = {P(1)} AND {column} = {P(2)}")};");
        }

        w.Line();
        w.Open("private static void AddReEncryptParameter(global::System.Data.Common.DbCommand command, int index, object? value)");
        w.Line("var parameter = command.CreateParameter();");
        if (!positional)
        {
            w.Line("parameter.ParameterName = \"@p\" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        }

        w.Line("parameter.Value = value ?? global::System.DBNull.Value;");
        w.Line("command.Parameters.Add(parameter);");
        w.Close();
        w.Line();

        w.Line("/// <inheritdoc />");
        w.Open("public async global::System.Threading.Tasks.Task<global::NeoGen.ReEncryptionResult> ReEncryptAsync(int batchSize = 500, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Open("if (batchSize <= 0)");
        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(batchSize), \"A batch is at least one row.\");");
        w.Close();
        w.Line();
        w.Line("long rowsRead = 0, reEncrypted = 0, changedMeanwhile = 0;");
        w.Line($"var after = default({keyType.TypeName})!;");
        w.Line("var isFirst = true;");
        w.Open("while (true)");
        w.Line($"var batch = new global::System.Collections.Generic.List<{row}>(global::System.Math.Min(batchSize, 10_000));");
        w.Line("var lease = await _source.RentAsync(cancellationToken).ConfigureAwait(false);");
        w.Open("try");
        w.Open("using (var scan = lease.Connection.CreateCommand())");
        w.Line("scan.Transaction = lease.Transaction;");
        w.Line("scan.CommandText = isFirst ? Sql_ReEncrypt_First : Sql_ReEncrypt_Next;");
        w.Open("if (!isFirst)");
        w.Line($"AddReEncryptParameter(scan, 0, {TargetDialect.Stored(keyType, "after")});");
        w.Close();
        w.Line();
        w.Line("AddReEncryptParameter(scan, isFirst ? 0 : 1, batchSize);");
        w.Line("var reader = await scan.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);");
        w.Open("await using (global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(reader, false))");
        w.Open("while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))");
        var values = encrypted.Select((m, i) =>
        {
            var ordinal = (i + 1).ToString(CultureInfo.InvariantCulture);
            return $"reader.IsDBNull({ordinal}) ? null : {(m.Type.Protection!.AsText ? $"reader.GetString({ordinal})" : $"reader.GetFieldValue<byte[]>({ordinal})")}";
        });
        var keyContext = $"{repositoryLiteral}, \"ReEncryptAsync\", {CodeWriter.Literal(entity.Table!)}, {CodeWriter.Literal(key.Column)}";
        w.Line($"batch.Add(({ReaderExpressions.Read(keyType, "0", keyContext, "0", dialect)}, {string.Join(", ", values)}));");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("rowsRead += batch.Count;");
        w.Open("foreach (var row in batch)");
        w.Line("cancellationToken.ThrowIfCancellationRequested();");
        for (var i = 0; i < encrypted.Count; i++)
        {
            var protection = encrypted[i].Type.Protection!;
            var index = i.ToString(CultureInfo.InvariantCulture);
            var text = protection.AsText ? "Text" : string.Empty;
            w.Open($"if (row.V{index} is {{ }} old{index} && !global::NeoGen.Internal.ColumnEncryption.IsUnderCurrentKey{text}(_keys, old{index}))");
            w.Open("using (var update = lease.Connection.CreateCommand())");
            w.Line("update.Transaction = lease.Transaction;");
            w.Line($"update.CommandText = Sql_ReEncrypt_{index};");
            w.Line($"AddReEncryptParameter(update, 0, global::NeoGen.Internal.ColumnEncryption.Reencrypt{text}(_keys, old{index}, {EncryptionCode.LabelField(protection)}));");
            w.Line($"AddReEncryptParameter(update, 1, {TargetDialect.Stored(keyType, "row.Key")});");
            w.Line($"AddReEncryptParameter(update, 2, old{index});");
            w.Open("if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)");
            w.Line("reEncrypted++;");
            w.Close();
            w.Open("else");
            w.Line("changedMeanwhile++;");
            w.Close();
            w.Close();
            w.Close();
            w.Line();
        }

        w.Close();
        w.Close();
        w.Open("finally");
        w.Line("lease.Release();");
        w.Close();
        w.Line();
        w.Open("if (batch.Count < batchSize)");
        w.Line("return new global::NeoGen.ReEncryptionResult(rowsRead, reEncrypted, changedMeanwhile);");
        w.Close();
        w.Line();
        w.Line("after = batch[batch.Count - 1].Key;");
        w.Line("isFirst = false;");
        w.Close();
        w.Close();
    }

    private static string StoredType(ScalarType type) => type.Protection!.AsText ? "string" : "byte[]";
}
