namespace Idp.Dora.Storage;

/// <summary>The few places where SQLite's and PostgreSQL's SQL differ for this schema.</summary>
/// <param name="Name">"sqlite" or "postgres".</param>
/// <param name="Least">The two-argument minimum function.</param>
/// <param name="Greatest">The two-argument maximum function.</param>
/// <param name="MaxParameters">Parameters per multi-row statement. Microsoft.Data.Sqlite looks each parameter up by
/// name in a list, so binding costs grow with the square of their number there; PostgreSQL pays per round trip.</param>
internal sealed record SqlDialect(string Name, string Least, string Greatest, int MaxParameters)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "min", "max", 100);
    public static readonly SqlDialect Postgres = new("postgres", "LEAST", "GREATEST", 5_000);
}
