using System.Data.Common;

namespace Idp.Dora.Storage;

/// <summary>Runs <see cref="Statement"/>s on any ADO.NET connection inside a transaction.</summary>
internal static class Db
{
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<Statement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task ReadAsync(DbConnection connection, DbTransaction transaction, IEnumerable<Statement> statements, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = Command(connection, transaction, statement);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                row(reader);
        }
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, Statement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
