using System.Globalization;
using System.Text.Json;

namespace Idp.Dora.Storage;

/// <summary>SQLite: keys as one JSON array of arrays, read back with <c>json_each</c>.</summary>
internal sealed class JsonRowSource : IRowSource
{
    public Statement Select(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows)
    {
        var values = string.Join(", ", columns.Select((_, i) => $"value ->> {i}"));
        // "WHERE true" tells SQLite's parser that a following ON CONFLICT belongs to the INSERT, not to a join.
        return Statement.Of($"SELECT {values} FROM json_each(@rows) WHERE true", ("rows", ToJson(columns, rows)));
    }

    private static string ToJson(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                for (var c = 0; c < columns.Count; c++)
                {
                    if (row[c] is null)
                        json.WriteNullValue();
                    else if (columns[c].IsText)
                        json.WriteStringValue((string)row[c]!);
                    else
                        json.WriteNumberValue(Convert.ToInt64(row[c], CultureInfo.InvariantCulture));
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
