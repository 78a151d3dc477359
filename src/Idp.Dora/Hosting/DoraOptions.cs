namespace Idp.Dora.Hosting;

/// <summary>
/// The endpoint's settings, read from the command line (<c>--sqlite</c>, <c>--postgres</c>, <c>--token</c>,
/// <c>--production-environments</c>) or from <c>IDP_DORA_*</c> environment variables.
/// </summary>
public sealed record DoraOptions
{
    /// <summary>The SQLite database file; used when no PostgreSQL connection string is given.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath();

    /// <summary>A PostgreSQL connection string; when set, PostgreSQL is the store.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The bearer token required for writes; null leaves writes open (a laptop's local instance).</summary>
    public string? WriteToken { get; init; }

    /// <summary>Environment ids that count as production (case-insensitive).</summary>
    public IReadOnlySet<string> ProductionEnvironments { get; init; } =
        new HashSet<string>(["production", "prod"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Reads the options from configuration (command line and environment).</summary>
    public static DoraOptions From(IConfiguration configuration)
    {
        var options = new DoraOptions();
        if (configuration["sqlite"] is { Length: > 0 } sqlite)
            options = options with { SqlitePath = Path.GetFullPath(sqlite) };
        if (configuration["postgres"] is { Length: > 0 } postgres)
            options = options with { PostgresConnectionString = postgres };
        if (configuration["token"] is { Length: > 0 } token)
            options = options with { WriteToken = token };
        if ((configuration["production-environments"] ?? configuration["productionEnvironments"]) is { Length: > 0 } environments)
        {
            var ids = environments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options = options with { ProductionEnvironments = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase) };
        }
        return options;
    }

    private static string DefaultSqlitePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".idp", "dora", "dora.db");
}
