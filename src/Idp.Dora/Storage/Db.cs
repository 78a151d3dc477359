using System.Data.Common;
using System.Globalization;

namespace Idp.Dora.Storage;

/// <summary>Runs <see cref="Statement"/>s on any ADO.NET connection, inside a transaction (a read may go without one).</summary>
internal static class Db
{
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<Statement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = Command(connection, transaction, statement);
            foreach (var _ in Runs(command, statement))
                await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task ReadAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<Statement> statements, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = Command(connection, transaction, statement);
            foreach (var _ in Runs(command, statement))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    row(reader);
            }
        }
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, Statement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        Bind(command.Parameters, command.CreateParameter, statement.Parameters);
        return command;
    }

    /// <summary>Once for a plain statement; for one with <see cref="Statement.Rows"/>, once per row, its values bound.</summary>
    private static IEnumerable<DbCommand> Runs(DbCommand command, Statement statement)
    {
        if (statement.Rows is not { } rows)
        {
            yield return command;
            yield break;
        }
        if (rows.Count == 0)
            yield break;
        var parameters = Enumerable.Range(0, rows[0].Length).Select(c => Add(command, "r" + c.ToString(CultureInfo.InvariantCulture), null)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++)
                parameters[c].Value = row[c] ?? DBNull.Value;
            yield return command;
        }
    }

    /// <summary>Adds named values to the parameters of a command, or of a batch command (<paramref name="create"/> makes one).</summary>
    public static void Bind(DbParameterCollection target, Func<DbParameter> create, IEnumerable<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
            Add(target, create, name, value);
    }

    private static DbParameter Add(DbCommand command, string name, object? value) => Add(command.Parameters, command.CreateParameter, name, value);

    private static DbParameter Add(DbParameterCollection target, Func<DbParameter> create, string name, object? value)
    {
        var parameter = create();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        target.Add(parameter);
        return parameter;
    }
}
