namespace Idp.Dora.Storage;

/// <summary>One step of <see cref="Schema.Migrations"/>: its SQL, with the dialect's words in braces (see
/// <see cref="SqlDialect.Specialise"/>), for both stores or only for the one named (<see cref="SqlDialect.Name"/>).</summary>
internal sealed record Migration(string Sql, string? OnlyFor = null)
{
    public static implicit operator Migration(string sql) => new(sql);
}
