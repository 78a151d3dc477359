namespace Idp.Dora.Storage;

/// <summary>One SQL statement with its named parameters (<c>@name</c>), run by a store in a batch.</summary>
internal sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public static Statement Of(string sql, params (string Name, object? Value)[] parameters) => new(sql, parameters);
}
