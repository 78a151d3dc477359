using Idp.Dora.Events;

namespace Idp.Dora.Storage;

/// <summary>
/// The statements that fold one new event into the derived tables. Every upsert is order-independent (it keeps the
/// minimum or maximum), so the metrics do not depend on the order events arrive in.
/// </summary>
internal sealed class IngestPlan(SqlDialect dialect, Func<string, bool> isProduction)
{
    public const long SlotMs = 15 * 60 * 1000;

    /// <summary>The 15-minute UTC slot holding <paramref name="ms"/> (floor division, also before 1970).</summary>
    public static long SlotOf(long ms) => ms >= 0 ? ms / SlotMs : ((ms + 1) / SlotMs) - 1;

    public static Statement InsertEvent(DoraEvent e, long receivedMs) => Statement.Of(
        "INSERT INTO events (source, id, type, at_ms, received_ms, body) VALUES (@source, @id, @type, @at, @received, @body) ON CONFLICT (source, id) DO NOTHING",
        ("source", e.Source), ("id", e.Id), ("type", e.Type), ("at", e.At.ToUnixTimeMilliseconds()), ("received", receivedMs), ("body", e.Body));

    public IEnumerable<Statement> For(DoraEvent e) => e switch
    {
        DeploymentEvent d => Deployment(d),
        PipelineRunEvent r => [Run("run:" + r.RunId, r.Team, r.Finished, r.ManualIntervention)],
        IncidentEvent i => [Incident(i)],
        _ => [],
    };

    private IEnumerable<Statement> Deployment(DeploymentEvent d)
    {
        var production = isProduction(d.Environment);
        var at = d.At.ToUnixTimeMilliseconds();
        yield return Statement.Of(
            "INSERT INTO deployments (source, id, service, team, environment, production, succeeded, rollback_of, finished_ms) " +
            "VALUES (@source, @id, @service, @team, @environment, @production, @succeeded, @rollbackOf, @at) ON CONFLICT (source, id) DO NOTHING",
            ("source", d.Source), ("id", d.Id), ("service", d.Service), ("team", d.Team), ("environment", d.Environment),
            ("production", production ? 1 : 0), ("succeeded", d.Succeeded ? 1 : 0), ("rollbackOf", d.RollbackOf), ("at", at));
        yield return Run($"deployment:{d.Source}\n{d.Id}", d.Team, finished: true, d.ManualIntervention);
        if (!production || !d.Succeeded)
            yield break;

        yield return Statement.Of(
            "INSERT INTO deployment_slots (slot, service, team, deployments) VALUES (@slot, @service, @team, 1) " +
            "ON CONFLICT (slot, service, team) DO UPDATE SET deployments = deployment_slots.deployments + 1",
            ("slot", SlotOf(at)), ("service", d.Service), ("team", d.Team));
        yield return Statement.Of("INSERT INTO catalog (service, team) VALUES (@service, @team) ON CONFLICT (service, team) DO NOTHING",
            ("service", d.Service), ("team", d.Team));
        if (d.Team.Length > 0)
            yield return Statement.Of("INSERT INTO production_teams (team) VALUES (@team) ON CONFLICT (team) DO NOTHING", ("team", d.Team));

        const string earlier = "(excluded.first_deployed_ms < changes.first_deployed_ms OR (excluded.first_deployed_ms = changes.first_deployed_ms AND excluded.first_deployment < changes.first_deployment))";
        foreach (var commit in d.Commits.DistinctBy(c => c.Sha))
        {
            yield return Statement.Of(
                "INSERT INTO changes (service, sha, team, committed_ms, first_deployed_ms, first_deployment) " +
                "VALUES (@service, @sha, @team, @committed, @at, @deployment) ON CONFLICT (service, sha) DO UPDATE SET " +
                $"team = CASE WHEN {earlier} THEN excluded.team ELSE changes.team END, " +
                $"committed_ms = CASE WHEN {earlier} THEN excluded.committed_ms ELSE changes.committed_ms END, " +
                $"first_deployment = CASE WHEN {earlier} THEN excluded.first_deployment ELSE changes.first_deployment END, " +
                $"first_deployed_ms = {dialect.Least}(changes.first_deployed_ms, excluded.first_deployed_ms)",
                ("service", d.Service), ("sha", commit.Sha), ("team", d.Team),
                ("committed", commit.Timestamp.ToUnixTimeMilliseconds()), ("at", at), ("deployment", d.Id));
        }
    }

    private Statement Incident(IncidentEvent i)
    {
        var at = i.At.ToUnixTimeMilliseconds();
        return Statement.Of(
            "INSERT INTO incidents (incident_id, service, team, environment, production, created_ms, resolved_ms, deployment_id, root_cause_sha) " +
            "VALUES (@incident, @service, @team, @environment, @production, @created, @resolved, @deployment, @sha) ON CONFLICT (incident_id) DO UPDATE SET " +
            $"created_ms = {dialect.Least}(COALESCE(incidents.created_ms, excluded.created_ms), COALESCE(excluded.created_ms, incidents.created_ms)), " +
            $"resolved_ms = {dialect.Greatest}(COALESCE(incidents.resolved_ms, excluded.resolved_ms), COALESCE(excluded.resolved_ms, incidents.resolved_ms)), " +
            "deployment_id = COALESCE(incidents.deployment_id, excluded.deployment_id), " +
            "root_cause_sha = COALESCE(incidents.root_cause_sha, excluded.root_cause_sha)",
            ("incident", i.IncidentId), ("service", i.Service), ("team", i.Team), ("environment", i.Environment),
            ("production", isProduction(i.Environment) ? 1 : 0),
            ("created", i.Resolved ? null : at), ("resolved", i.Resolved ? at : null),
            ("deployment", i.DeploymentId), ("sha", i.RootCauseSha));
    }

    private Statement Run(string key, string? team, bool finished, bool? manual) => Statement.Of(
        "INSERT INTO pipeline_runs (run_key, team, finished, manual) VALUES (@key, @team, @finished, @manual) ON CONFLICT (run_key) DO UPDATE SET " +
        $"finished = {dialect.Greatest}(pipeline_runs.finished, excluded.finished), manual = {dialect.Greatest}(pipeline_runs.manual, excluded.manual), " +
        "team = COALESCE(pipeline_runs.team, excluded.team)",
        ("key", key), ("team", string.IsNullOrEmpty(team) ? null : team), ("finished", finished ? 1 : 0), ("manual", manual == true ? 1 : 0));
}
