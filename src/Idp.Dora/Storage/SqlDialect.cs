namespace Idp.Dora.Storage;

/// <summary>The few places where SQLite's and PostgreSQL's SQL differ for this schema.</summary>
/// <param name="Name">"sqlite" or "postgres".</param>
/// <param name="Least">The two-argument minimum function.</param>
/// <param name="Greatest">The two-argument maximum function.</param>
/// <param name="Rows">How a batch of rows travels to the database to be written.</param>
/// <param name="Keys">How a batch of keys travels to the database to be matched (read or updated).</param>
/// <param name="IndexHint">How a query names the index to read (SQLite's INDEXED BY; SQLite keeps no statistics and
/// would otherwise take the primary key for an equality on its first column), or "" where the planner's statistics decide.</param>
/// <param name="WithoutRowId">What ends a CREATE TABLE whose rows live in its primary key (SQLite's WITHOUT ROWID;
/// PostgreSQL has no such choice).</param>
/// <param name="CollateC">What follows TEXT for a column compared byte by byte: PostgreSQL's COLLATE "C" (see migration
/// 6); nothing in SQLite, which compares so by default.</param>
internal sealed record SqlDialect(string Name, string Least, string Greatest, IRowSource Rows, IRowSource Keys, string IndexHint, string WithoutRowId, string CollateC)
{
    public static readonly SqlDialect Sqlite = new("sqlite", "min", "max", new PreparedRowSource(), new JsonRowSource(), "INDEXED BY", "WITHOUT ROWID", "");
    public static readonly SqlDialect Postgres = new("postgres", "LEAST", "GREATEST", new ArrayRowSource(), new ArrayRowSource(), "", "", " COLLATE \"C\"");

    /// <summary>" INDEXED BY <paramref name="index"/>" in SQLite, nothing in PostgreSQL: goes right after the table name.</summary>
    public string IndexedBy(string index) => IndexHint.Length == 0 ? "" : $" {IndexHint} {index}";

    /// <summary>Fills the dialect's words into a migration's SQL (<c>{without_rowid}</c>, <c>{collate_c}</c>).</summary>
    public string Specialise(string sql) => sql
        .Replace("{without_rowid}", WithoutRowId, StringComparison.Ordinal)
        .Replace("{collate_c}", CollateC, StringComparison.Ordinal);
}
