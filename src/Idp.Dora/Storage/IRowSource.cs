namespace Idp.Dora.Storage;

/// <summary>
/// How a dialect sends many rows with one statement whose SQL text and parameters do not grow with the batch (binding
/// a parameter per value of a multi-row VALUES list cost more than the writes themselves): PostgreSQL gets all rows in
/// one array parameter per column, one round trip; SQLite, in the process, runs one prepared statement per row.
/// </summary>
internal interface IRowSource
{
    /// <summary>A <c>SELECT</c> or <c>VALUES</c> that yields <paramref name="rows"/> as the <paramref name="columns"/>, in order.</summary>
    Statement Select(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows);
}
