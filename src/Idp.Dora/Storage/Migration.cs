namespace Idp.Dora.Storage;

/// <summary>One step of <see cref="Schema.Migrations"/>: its SQL, with the dialect's words in braces (see
/// <see cref="SqlDialect.Specialise"/>), for both stores or <paramref name="OnlyFor"/> one of them; one that
/// <paramref name="RebuildsRollups"/> is followed by <see cref="Rollups.RebuildAsync"/>, which fills new rollup tables
/// from the facts already stored.</summary>
internal sealed record Migration(string Sql, SqlDialect? OnlyFor = null, bool RebuildsRollups = false)
{
    public static implicit operator Migration(string sql) => new(sql);
}
