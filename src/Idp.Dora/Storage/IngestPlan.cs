using Idp.Dora.Events;
using static Idp.Dora.Storage.Column;

namespace Idp.Dora.Storage;

/// <summary>
/// The statements that fold a batch of new events into the derived tables, a few multi-row statements per table.
/// Every upsert is order-independent (it keeps the minimum or maximum), so the metrics do not depend on the order
/// events arrive in; rows of one key are applied in arrival order (see <see cref="MultiRow"/>).
/// </summary>
internal sealed class IngestPlan(SqlDialect dialect, Func<string, bool> isProduction)
{
    /// <summary>What starts the <c>run_key</c> of a deployment's run record (other runs' keys start with "run:").</summary>
    public const string DeploymentRunPrefix = "deployment:";

    public bool IsProduction(string environment) => isProduction(environment);

    /// <summary>Inserts the events that are new and returns (source, id) of each inserted one.</summary>
    public IEnumerable<Statement> InsertEvents(IEnumerable<DoraEvent> events, long receivedMs) => MultiRow.Insert(dialect,
        "events", [Text("source"), Text("id"), Text("type"), Integer("at_ms"), Integer("received_ms"), Text("body")],
        events.Select(e => new object?[] { e.Source, e.Id, e.Type, e.At.ToUnixTimeMilliseconds(), receivedMs, e.Body }).ToList(),
        "ON CONFLICT (source, id) DO NOTHING RETURNING source, id");

    /// <summary>The derived rows of <paramref name="fresh"/> (events stored for the first time), table by table.</summary>
    public IEnumerable<Statement> For(IReadOnlyList<DoraEvent> fresh)
    {
        var deployments = new List<object?[]>();
        var runs = new List<object?[]>();
        var catalog = new List<object?[]>();
        var teams = new List<object?[]>();
        var changes = new List<object?[]>();
        var incidents = new List<object?[]>();
        foreach (var e in fresh)
        {
            switch (e)
            {
                case DeploymentEvent d:
                    var production = isProduction(d.Environment);
                    var at = d.At.ToUnixTimeMilliseconds();
                    deployments.Add([d.Source, d.Id, d.Service, d.Team, d.Environment, production ? 1 : 0, d.Succeeded ? 1 : 0, d.RollbackOf, at]);
                    // Every deployment is a finished run, counted from its own row; a run record is kept only for a
                    // deployment that needed a manual step (see ReadPlatformAsync).
                    if (d.ManualIntervention == true)
                        runs.Add(Run(DeploymentRunPrefix + $"{d.Source}\n{d.Id}", d.Team, finished: true, manual: true));
                    if (!production || !d.Succeeded)
                        break;
                    catalog.Add([d.Service, d.Team]);
                    if (d.Team.Length > 0)
                        teams.Add([d.Team]);
                    foreach (var commit in d.Commits.DistinctBy(c => c.Sha))
                        changes.Add([d.Service, commit.Sha, d.Team, commit.Timestamp.ToUnixTimeMilliseconds(), at, d.Id]);
                    break;
                case PipelineRunEvent r:
                    runs.Add(Run("run:" + r.RunId, r.Team, r.Finished, r.ManualIntervention));
                    break;
                case IncidentEvent i:
                    var when = i.At.ToUnixTimeMilliseconds();
                    incidents.Add([i.IncidentId, i.Service, i.Team, i.Environment, isProduction(i.Environment) ? 1 : 0,
                        i.Resolved ? null : when, i.Resolved ? when : null, i.DeploymentId, i.RootCauseSha]);
                    break;
            }
        }

        const string earlier = "(excluded.first_deployed_ms < changes.first_deployed_ms OR (excluded.first_deployed_ms = changes.first_deployed_ms AND excluded.first_deployment < changes.first_deployment))";
        return
        [
            .. MultiRow.Insert(dialect, "deployments",
                [Text("source"), Text("id"), Text("service"), Text("team"), Text("environment"), Integer("production"), Integer("succeeded"), Text("rollback_of"), Integer("finished_ms")],
                deployments, "ON CONFLICT (id, source) DO NOTHING"),
            .. MultiRow.Insert(dialect, "pipeline_runs", [Text("run_key"), Text("team"), Integer("finished"), Integer("manual")], runs,
                "ON CONFLICT (run_key) DO UPDATE SET " +
                $"finished = {dialect.Greatest}(pipeline_runs.finished, excluded.finished), manual = {dialect.Greatest}(pipeline_runs.manual, excluded.manual), " +
                "team = COALESCE(pipeline_runs.team, excluded.team)",
                row => (string)row[0]!),
            .. MultiRow.Insert(dialect, "catalog", [Text("service"), Text("team")], catalog.DistinctBy(Key2).ToList(), "ON CONFLICT (service, team) DO NOTHING"),
            .. MultiRow.Insert(dialect, "production_teams", [Text("team")], teams.DistinctBy(row => (string)row[0]!).ToList(), "ON CONFLICT (team) DO NOTHING"),
            .. MultiRow.Insert(dialect, "changes",
                [Text("service"), Text("sha"), Text("team"), Integer("committed_ms"), Integer("first_deployed_ms"), Text("first_deployment")], changes,
                "ON CONFLICT (service, sha) DO UPDATE SET " +
                $"team = CASE WHEN {earlier} THEN excluded.team ELSE changes.team END, " +
                $"committed_ms = CASE WHEN {earlier} THEN excluded.committed_ms ELSE changes.committed_ms END, " +
                $"first_deployment = CASE WHEN {earlier} THEN excluded.first_deployment ELSE changes.first_deployment END, " +
                $"first_deployed_ms = {dialect.Least}(changes.first_deployed_ms, excluded.first_deployed_ms)",
                Key2),
            .. MultiRow.Insert(dialect, "incidents",
                [Text("incident_id"), Text("service"), Text("team"), Text("environment"), Integer("production"), Integer("created_ms"), Integer("resolved_ms"), Text("deployment_id"), Text("root_cause_sha")], incidents,
                "ON CONFLICT (incident_id) DO UPDATE SET " +
                $"created_ms = {dialect.Least}(COALESCE(incidents.created_ms, excluded.created_ms), COALESCE(excluded.created_ms, incidents.created_ms)), " +
                $"resolved_ms = {dialect.Greatest}(COALESCE(incidents.resolved_ms, excluded.resolved_ms), COALESCE(excluded.resolved_ms, incidents.resolved_ms)), " +
                "deployment_id = COALESCE(incidents.deployment_id, excluded.deployment_id), " +
                "root_cause_sha = COALESCE(incidents.root_cause_sha, excluded.root_cause_sha)",
                row => (string)row[0]!),
        ];
    }

    private static string Key2(object?[] row) => $"{row[0]}\n{row[1]}";

    private static object?[] Run(string key, string? team, bool finished, bool? manual) =>
        [key, string.IsNullOrEmpty(team) ? null : team, finished ? 1 : 0, manual == true ? 1 : 0];
}
