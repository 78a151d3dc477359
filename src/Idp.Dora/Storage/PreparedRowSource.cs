namespace Idp.Dora.Storage;

/// <summary>
/// SQLite: one prepared statement run once per row. SQLite runs in the process, so a run costs no round trip, and
/// binding a few values to a prepared statement costs less than packing the rows into one JSON parameter, which SQLite
/// parses again for every value it extracts (ten times slower for the events' bodies). Keys to match still travel as
/// JSON (<see cref="JsonRowSource"/>): they are short, and one read beats a reader per key.
/// </summary>
internal sealed class PreparedRowSource : IRowSource
{
    public Statement Select(IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows) =>
        new($"VALUES ({string.Join(", ", columns.Select((_, c) => $"@r{c}"))})", []) { Rows = rows };
}
