namespace Idp.Dora.Storage;

/// <summary>The few places where SQLite's and PostgreSQL's SQL differ for this schema.</summary>
/// <param name="Name">"sqlite" or "postgres".</param>
/// <param name="Least">The two-argument minimum function.</param>
/// <param name="Greatest">The two-argument maximum function.</param>
/// <param name="Rows">How a batch of rows travels to the database in one statement.</param>
internal sealed record SqlDialect(string Name, string Least, string Greatest, IRowSource Rows)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "min", "max", new JsonRowSource());
    public static readonly SqlDialect Postgres = new("postgres", "LEAST", "GREATEST", new ArrayRowSource());
}
