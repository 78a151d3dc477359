namespace Idp.Dora.Storage;

/// <summary>One SQL statement with its named parameters (<c>@name</c>), run by a store in a batch.</summary>
internal sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>When set, the statement is prepared once and run once per row, the row's values bound to
    /// <c>@r0</c>, <c>@r1</c>, … (see <see cref="PreparedRowSource"/>).</summary>
    public IReadOnlyList<object?[]>? Rows { get; init; }

    public static Statement Of(string sql, params (string Name, object? Value)[] parameters) => new(sql, parameters);
}
