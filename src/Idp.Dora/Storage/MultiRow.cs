namespace Idp.Dora.Storage;

/// <summary>
/// Writes many rows with a few multi-row statements instead of one statement per row. Rows that share a key go into
/// separate rounds in their original order, so an upsert sees them one after another exactly as single-row statements
/// would (PostgreSQL refuses to update one row twice in a statement).
/// </summary>
internal static class MultiRow
{

    /// <summary><c>INSERT INTO table (columns) VALUES (…), (…) tail</c>, in rounds by <paramref name="key"/> and in chunks.</summary>
    public static IEnumerable<Statement> Insert(SqlDialect dialect, string table, string[] columns, IReadOnlyList<object?[]> rows, string tail, Func<object?[], string>? key = null)
    {
        foreach (var round in Rounds(rows, key))
        {
            foreach (var chunk in round.Chunk(Math.Max(1, dialect.MaxParameters / columns.Length)))
                yield return Values($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ", chunk, " " + tail);
        }
    }

    /// <summary><c>prefix (VALUES (…), (…)) suffix</c> for reads keyed by tuples, in chunks small enough for any planner.</summary>
    public static IEnumerable<Statement> In(SqlDialect dialect, string prefix, IReadOnlyList<object?[]> keys, string suffix = "")
    {
        if (keys.Count == 0)
            yield break;
        foreach (var chunk in keys.Chunk(Math.Max(1, dialect.MaxParameters / keys[0].Length)))
        {
            var statement = Values("", chunk, "");
            yield return statement with { Sql = $"{prefix} (VALUES {statement.Sql}){suffix}" };
        }
    }

    private static Statement Values(string prefix, object?[][] rows, string suffix)
    {
        var sql = new System.Text.StringBuilder(prefix);
        var parameters = new List<(string, object?)>(rows.Length * rows[0].Length);
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var name = "p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "@" : ", @").Append(name);
                parameters.Add((name, rows[r][c]));
            }
            sql.Append(')');
        }
        return new Statement(sql.Append(suffix).ToString(), parameters);
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
