using System.Data.Common;

namespace Idp.Dora.Storage;

/// <summary>
/// The keys of the rollup tables that let a metrics query read a few thousand rows instead of every deployment and
/// change. Each fact is counted in three scopes: all, its team, and its service and team together; a query reads one
/// scope, or for one service the (service, team) scopes the catalog lists. Deployments are counted per UTC day, with
/// the 15-minute slots of the day that hold any (see <see cref="DeploymentDay"/>). Lead-time samples are counted per UTC
/// day in log-scale buckets of about 4 % width (exact below 32 ms); the median is then read exactly from the one bucket
/// that holds it.
/// </summary>
internal static class Rollups
{
    public const long SlotMs = 15 * 60 * 1000;
    public const long DayMs = 24 * 60 * 60 * 1000;
    public const int SlotsPerDay = (int)(DayMs / SlotMs);
    public const string All = "*";

    /// <summary>The 15-minute UTC slot holding <paramref name="ms"/> (floor division, also before 1970).</summary>
    public static long SlotOf(long ms) => FloorDiv(ms, SlotMs);

    /// <summary>The UTC day (days since 1970-01-01) holding <paramref name="ms"/>.</summary>
    public static long DayOf(long ms) => FloorDiv(ms, DayMs);

    public static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : ((value + 1) / divisor) - 1;

    /// <summary>The scopes a fact of <paramref name="service"/> and <paramref name="team"/> is counted in: all, its team,
    /// and its service and team together. A query for one service reads the (service, team) scopes the catalog lists for
    /// it (see <see cref="ScopesRead"/>), nearly always one: a scope of its own for each service added a quarter to the
    /// rows each ingest updates, for no fewer rows read. A team's scope stays, as a team may own many services.</summary>
    public static string[] ScopesOf(string service, string team) => [All, "t\n" + team, ServiceAndTeam(service, team)];

    /// <summary>The scope of the facts of <paramref name="service"/> deployed by <paramref name="team"/>.</summary>
    public static string ServiceAndTeam(string service, string team) => $"st\n{service}\n{team}";

    /// <summary>What goes into <c>scope IN (…)</c> for <paramref name="filter"/>: the parameter <c>@scope</c> (see
    /// <see cref="ScopeOf"/>), or for one service the catalog's (service, team) scopes of it, built with <c>@newline</c>.</summary>
    public static string ScopesRead(DoraFilter filter) => filter is { Service: not null, Team: null }
        ? "SELECT 'st' || @newline || service || @newline || team FROM catalog WHERE service = @service"
        : "@scope";

    /// <summary>The one scope of a query for all services, one team, or one service and team.</summary>
    public static string ScopeOf(DoraFilter filter) => (filter.Service, filter.Team) switch
    {
        ({ } service, { } team) => ServiceAndTeam(service, team),
        (null, { } team) => "t\n" + team,
        _ => All,
    };

    /// <summary>The lead-time bucket of a positive <paramref name="ms"/>: 16 buckets per power of two.</summary>
    public static int BucketOf(long ms)
    {
        if (ms < 32)
            return (int)ms;
        var exponent = System.Numerics.BitOperations.Log2((ulong)ms);
        return (exponent * 16) + (int)((ms >> (exponent - 4)) & 15);
    }

    /// <summary>The values <c>[From, To)</c> that fall into <paramref name="bucket"/>.</summary>
    public static (long From, long To) RangeOf(int bucket)
    {
        if (bucket < 32)
            return (bucket, bucket + 1);
        var exponent = bucket / 16;
        var from = (16L + (bucket % 16)) << (exponent - 4);
        return (from, from + (1L << (exponent - 4)));
    }

    /// <summary>Adds <paramref name="delta"/> lead-time samples for a change (only a positive lead time is a sample, rule R3).</summary>
    public static void CountLeadTime(Dictionary<(string Scope, long Day, int Bucket), long> into, string service, string team, long committedMs, long firstDeployedMs, long delta)
    {
        var lead = firstDeployedMs - committedMs;
        if (lead <= 0)
            return;
        foreach (var scope in ScopesOf(service, team))
        {
            var key = (scope, DayOf(firstDeployedMs), BucketOf(lead));
            into[key] = into.GetValueOrDefault(key) + delta;
        }
    }

    /// <summary>Adds deployments and failed deployments on the day of <paramref name="finishedMs"/>.</summary>
    public static void CountDeployment(Dictionary<(string Scope, long Day), DeploymentDay> into, string service, string team, long finishedMs, long deployments, long failed)
    {
        var counted = DeploymentDay.Of(finishedMs, deployments, failed);
        foreach (var scope in ScopesOf(service, team))
        {
            var key = (scope, DayOf(finishedMs));
            into[key] = into.GetValueOrDefault(key).Add(counted);
        }
    }

    /// <summary>Adds the counted deltas to the rollup tables.</summary>
    public static IEnumerable<Statement> Write(SqlDialect dialect, Dictionary<(string Scope, long Day), DeploymentDay> days, Dictionary<(string Scope, long Day, int Bucket), long> leadTimes) =>
    [
        .. MultiRow.InsertShort(dialect, "deployment_days",
            [Column.Text("scope"), Column.Integer("day"), Column.Integer("deployments"), Column.Integer("failed"), Column.Integer("slots_low"), Column.Integer("slots_high")],
            [.. days.Where(d => d.Value != default).Select(d => new object?[] { d.Key.Scope, d.Key.Day, d.Value.Deployments, d.Value.Failed, d.Value.SlotsLow, d.Value.SlotsHigh })],
            "ON CONFLICT (scope, day) DO UPDATE SET deployments = deployment_days.deployments + excluded.deployments, " +
            "failed = deployment_days.failed + excluded.failed, slots_low = deployment_days.slots_low | excluded.slots_low, " +
            "slots_high = deployment_days.slots_high | excluded.slots_high"),
        .. MultiRow.InsertShort(dialect, "lead_time_rollups", [Column.Text("scope"), Column.Integer("day"), Column.Integer("bucket"), Column.Integer("samples")],
            [.. leadTimes.Where(l => l.Value != 0).Select(l => new object?[] { l.Key.Scope, l.Key.Day, l.Key.Bucket, l.Value })],
            "ON CONFLICT (scope, day, bucket) DO UPDATE SET samples = lead_time_rollups.samples + excluded.samples"),
    ];

    /// <summary>Recomputes every deployment's failed flag and both rollup tables from the derived tables.</summary>
    public static async Task RebuildAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await Db.ExecuteAsync(connection, transaction,
        [
            Statement.Of("DELETE FROM deployment_days"),
            Statement.Of("DELETE FROM lead_time_rollups"),
            Statement.Of($"UPDATE deployments SET failed = {DoraStore.FailedFlag.Replace("d.id", "deployments.id", StringComparison.Ordinal)}"),
        ], cancellationToken);
        var days = new Dictionary<(string Scope, long Day), DeploymentDay>();
        await Db.ReadAsync(connection, transaction,
            [Statement.Of("SELECT service, team, finished_ms, failed FROM deployments WHERE production = 1 AND succeeded = 1")],
            row => CountDeployment(days, row.GetString(0), row.GetString(1), row.GetInt64(2), 1, Convert.ToInt64(row.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        var leadTimes = new Dictionary<(string Scope, long Day, int Bucket), long>();
        await Db.ReadAsync(connection, transaction,
            [Statement.Of("SELECT service, team, committed_ms, first_deployed_ms FROM changes WHERE first_deployed_ms > committed_ms")],
            row => CountLeadTime(leadTimes, row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetInt64(3), 1), cancellationToken);
        await Db.ExecuteAsync(connection, transaction, Write(dialect, days, leadTimes), cancellationToken);
    }
}
