namespace Idp.Dora.Storage;

/// <summary>
/// How a dialect sends many rows in one statement: as a <c>SELECT</c> over one or a few parameters that hold all the
/// rows, so neither the SQL text nor the number of parameters grows with the batch (binding a parameter per value
/// cost more than the writes themselves).
/// </summary>
internal interface IRowSource
{
    /// <summary>A <c>SELECT</c> that yields <paramref name="rows"/> as the <paramref name="columns"/>, in order.</summary>
    Statement Select(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows);
}
