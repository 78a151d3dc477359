namespace Idp.Dora.Storage;

/// <summary>The few places where SQLite's and PostgreSQL's SQL differ for this schema.</summary>
internal sealed record SqlDialect(string Name, string Least, string Greatest)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "min", "max");
    public static readonly SqlDialect Postgres = new("postgres", "LEAST", "GREATEST");
}
