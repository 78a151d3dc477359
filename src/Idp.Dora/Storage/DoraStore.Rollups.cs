using System.Data.Common;
using Idp.Dora.Events;

namespace Idp.Dora.Storage;

// Folds a batch into the derived tables and keeps the rollups (see Rollups) and each deployment's failed flag (rule R4)
// in step, from the rows as they were before and after the batch.
public abstract partial class DoraStore
{
    /// <summary>1 when the deployment <c>d</c> failed (rule R4): rolled back, or linked by an incident's deploymentId,
    /// or else by its root-cause SHA to the change's first deployment; else 0. Nested scalar subqueries, not EXISTS or a
    /// join: PostgreSQL turns a correlated EXISTS into one hash of the whole table, read at every batch, and without
    /// statistics may drive a join from all incidents; these can only probe an index per deployment the batch touched.</summary>
    internal const string FailedFlag =
        "COALESCE((SELECT 1 FROM deployments r WHERE r.rollback_of = d.id LIMIT 1), " +
        "(SELECT 1 FROM incidents i WHERE i.deployment_id = d.id AND i.production = 1 LIMIT 1), " +
        "(SELECT 1 FROM changes c WHERE c.first_deployment = d.id AND (SELECT 1 FROM incidents i " +
        "WHERE i.service = c.service AND i.root_cause_sha = c.sha AND i.production = 1 AND i.deployment_id IS NULL LIMIT 1) = 1 LIMIT 1), 0)";

    private async Task FoldAsync(DbConnection connection, DbTransaction transaction, List<DoraEvent> fresh, CancellationToken cancellationToken)
    {
        var deployments = fresh.OfType<DeploymentEvent>().ToList();
        var incidentIds = fresh.OfType<IncidentEvent>().Select(i => i.IncidentId).Distinct().ToList();
        var commits = deployments.Where(CountsAsDeployment)
            .SelectMany(d => d.Commits.Select(c => (d.Service, c.Sha))).Distinct().ToList();

        var incidentsBefore = await ReadIncidentsAsync(Dialect, connection, transaction, incidentIds, cancellationToken);
        var changesBefore = await ReadChangesAsync(Dialect, connection, transaction, [.. commits, .. RootCauses(incidentsBefore)], cancellationToken);
        await Db.ExecuteAsync(connection, transaction, _plan.For(fresh), cancellationToken);
        var incidentsAfter = await ReadIncidentsAsync(Dialect, connection, transaction, incidentIds, cancellationToken);
        var changesAfter = await ReadChangesAsync(Dialect, connection, transaction, [.. commits, .. RootCauses(incidentsAfter)], cancellationToken);

        var leadTimes = new Dictionary<(string Scope, long Day, int Bucket), long>();
        foreach (var key in commits)
        {
            var after = changesAfter[key];
            if (changesBefore.TryGetValue(key, out var before) && before == after)
                continue;
            if (before is not null)
                Rollups.CountLeadTime(leadTimes, key.Service, before.Team, before.CommittedMs, before.FirstDeployedMs, -1);
            Rollups.CountLeadTime(leadTimes, key.Service, after.Team, after.CommittedMs, after.FirstDeployedMs, +1);
        }

        var days = new Dictionary<(string Scope, long Day), DeploymentDay>();
        foreach (var d in deployments.Where(CountsAsDeployment))
            Rollups.CountDeployment(days, d.Service, d.Team, d.At.ToUnixTimeMilliseconds(), 1, 0);

        // A deployment's flag can change when it arrives, when a rollback or an incident names it, and when a change an
        // incident blames gets an earlier first deployment: recompute it for every id this batch touched.
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in deployments)
        {
            affected.Add(d.Id);
            if (d.RollbackOf is { } target)
                affected.Add(target);
        }
        foreach (var incident in incidentsBefore.Values.Concat(incidentsAfter.Values))
        {
            if (incident.DeploymentId is { } id)
                affected.Add(id);
        }
        foreach (var change in changesBefore.Values.Concat(changesAfter.Values))
            affected.Add(change.FirstDeployment);

        var flips = new Dictionary<int, List<object?[]>> { [0] = [], [1] = [] };
        await Db.ReadAsync(connection, transaction, MultiRow.In(Dialect,
                $"SELECT d.source, d.id, d.failed, {FailedFlag}, d.production, d.succeeded, d.finished_ms, d.service, d.team " +
                "FROM deployments d WHERE d.id IN", [Column.Text("id")], [.. affected.Select(id => new object?[] { id })]),
            row =>
            {
                var was = Convert.ToInt32(row.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
                var now = Convert.ToInt32(row.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
                if (was == now)
                    return;
                flips[now].Add([row.GetString(1), row.GetString(0)]);
                if (Convert.ToInt32(row.GetValue(4), System.Globalization.CultureInfo.InvariantCulture) == 1 &&
                    Convert.ToInt32(row.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) == 1)
                    Rollups.CountDeployment(days, row.GetString(7), row.GetString(8), row.GetInt64(6), 0, now - was);
            }, cancellationToken);
        foreach (var (failed, keys) in flips)
            await Db.ExecuteAsync(connection, transaction, MultiRow.In(Dialect, $"UPDATE deployments SET failed = {failed} WHERE (id, source) IN", [Column.Text("id"), Column.Text("source")], keys), cancellationToken);
        await Db.ExecuteAsync(connection, transaction, Rollups.Write(Dialect, days, leadTimes), cancellationToken);
    }

    private bool CountsAsDeployment(DeploymentEvent d) => d.Succeeded && _plan.IsProduction(d.Environment);

    private static IEnumerable<(string Service, string Sha)> RootCauses(Dictionary<string, IncidentRow> incidents) =>
        incidents.Values.Where(i => i.RootCauseSha is not null).Select(i => (i.Service, i.RootCauseSha!));

    private static async Task<Dictionary<string, IncidentRow>> ReadIncidentsAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, List<string> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, IncidentRow>(StringComparer.Ordinal);
        await Db.ReadAsync(connection, transaction,
            MultiRow.In(dialect, "SELECT incident_id, service, deployment_id, root_cause_sha FROM incidents WHERE incident_id IN", [Column.Text("incident_id")], [.. ids.Select(id => new object?[] { id })]),
            row => rows[row.GetString(0)] = new IncidentRow(row.GetString(1), Db.NullableString(row, 2), Db.NullableString(row, 3)),
            cancellationToken);
        return rows;
    }

    private static async Task<Dictionary<(string Service, string Sha), ChangeRow>> ReadChangesAsync(
        SqlDialect dialect, DbConnection connection, DbTransaction transaction, List<(string Service, string Sha)> keys, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string, string), ChangeRow>();
        await Db.ReadAsync(connection, transaction,
            MultiRow.In(dialect, "SELECT service, sha, team, committed_ms, first_deployed_ms, first_deployment FROM changes WHERE (service, sha) IN", [Column.Text("service"), Column.Text("sha")],
                [.. keys.Distinct().Select(k => new object?[] { k.Service, k.Sha })]),
            row => rows[(row.GetString(0), row.GetString(1))] = new ChangeRow(row.GetString(2), row.GetInt64(3), row.GetInt64(4), row.GetString(5)),
            cancellationToken);
        return rows;
    }

    private sealed record IncidentRow(string Service, string? DeploymentId, string? RootCauseSha);

    private sealed record ChangeRow(string Team, long CommittedMs, long FirstDeployedMs, string FirstDeployment);
}
