namespace Idp.Dora.Storage;

/// <summary>
/// Writes and matches many rows with one statement each (see <see cref="IRowSource"/>: sent once with all rows, or
/// prepared once and run per row) instead of SQL text that grows with the batch. Rows that share a key go into separate
/// rounds in their original order, so an upsert sees them one after another exactly as single-row statements would
/// (PostgreSQL refuses to update one row twice in a statement).
/// </summary>
internal static class MultiRow
{
    /// <summary><c>INSERT INTO table (columns) SELECT … tail</c>, one statement per round of <paramref name="key"/>.</summary>
    public static IEnumerable<Statement> Insert(SqlDialect dialect, string table, Column[] columns, IReadOnlyList<object?[]> rows, string tail, Func<object?[], string>? key = null) =>
        Insert(dialect.Rows, table, columns, rows, tail, key);

    /// <summary>As <see cref="Insert(SqlDialect, string, Column[], IReadOnlyList{object?[]}, string, Func{object?[], string}?)"/>,
    /// but the rows travel as keys do (<see cref="SqlDialect.Keys"/>): for many short rows of numbers and short text,
    /// where one statement over all of them costs SQLite less than a run of the prepared statement per row.</summary>
    public static IEnumerable<Statement> InsertShort(SqlDialect dialect, string table, Column[] columns, IReadOnlyList<object?[]> rows, string tail) =>
        Insert(dialect.Keys, table, columns, rows, tail, key: null);

    private static IEnumerable<Statement> Insert(IRowSource rowSource, string table, Column[] columns, IReadOnlyList<object?[]> rows, string tail, Func<object?[], string>? key)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        foreach (var round in Rounds(rows, key))
        {
            var source = rowSource.Select(columns, round);
            yield return source with { Sql = $"INSERT INTO {table} ({names}) {source.Sql} {tail}" };
        }
    }

    /// <summary><c>prefix (SELECT …) suffix</c>: a read or update of the rows whose key is one of <paramref name="keys"/>.</summary>
    public static IEnumerable<Statement> In(SqlDialect dialect, string prefix, Column[] keyColumns, IReadOnlyList<object?[]> keys, string suffix = "")
    {
        if (keys.Count == 0)
            yield break;
        var source = dialect.Keys.Select(keyColumns, keys);
        yield return source with { Sql = $"{prefix} ({source.Sql}){suffix}" };
    }

    private static List<List<object?[]>> Rounds(IReadOnlyList<object?[]> rows, Func<object?[], string>? key)
    {
        var rounds = new List<List<object?[]>>();
        if (rows.Count == 0)
            return rounds;
        if (key is null)
        {
            rounds.Add([.. rows]);
            return rounds;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var k = key(row);
            var round = seen.TryGetValue(k, out var n) ? n : 0;
            seen[k] = round + 1;
            if (round == rounds.Count)
                rounds.Add([]);
            rounds[round].Add(row);
        }
        return rounds;
    }
}
