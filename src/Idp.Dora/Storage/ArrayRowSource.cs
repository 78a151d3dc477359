using System.Globalization;

namespace Idp.Dora.Storage;

/// <summary>PostgreSQL: one typed array per column, zipped back into rows by <c>unnest</c>.</summary>
internal sealed class ArrayRowSource : IRowSource
{
    public Statement Select(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows)
    {
        var arrays = new List<(string, object?)>(columns.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = c;
            arrays.Add(("c" + c.ToString(CultureInfo.InvariantCulture), columns[c].IsText
                ? rows.Select(row => (string?)row[column]).ToArray()
                : rows.Select(row => row[column] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : (long?)null).ToArray()));
        }
        var parameters = string.Join(", ", columns.Select((column, c) => $"@c{c}::{(column.IsText ? "text" : "bigint")}[]"));
        return new Statement($"SELECT * FROM unnest({parameters})", arrays);
    }
}
