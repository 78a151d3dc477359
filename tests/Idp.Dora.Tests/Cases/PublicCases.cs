using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Cases;

/// <summary>
/// The public cases of dora-semantics.md §6, through the HTTP API. Window W = [2024-03-04, 2024-03-11) UTC; times
/// are on 2024-03-05 UTC unless stated. Each case starts its own server on an empty store.
/// </summary>
public abstract class PublicCases(DoraBackend backend)
{
    [Fact]
    public async Task T01_empty_window_has_zero_deployments_and_null_metrics()
    {
        var m = await MetricsAsync();
        m.GetProperty("deployments").GetInt32().ShouldBe(0);
        m.GetProperty("deploymentDays").GetInt32().ShouldBe(0);
        IsNull(m, "deploymentFrequency").ShouldBeTrue();
        IsNull(m, "leadTimeMinutes").ShouldBeTrue();
        IsNull(m, "changeFailureRate").ShouldBeTrue();
        IsNull(m, "timeToRestoreHours").ShouldBeTrue();
    }

    [Fact]
    public async Task T02_one_commit_one_deploy_gives_two_hours_lead_time()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "10:00")));
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task T03_several_commits_per_deploy_take_the_median_of_all_commits()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "09:00"), Commit("c2", "10:00"), Commit("c3", "11:00")));
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
    }

    [Fact]
    public async Task T04_even_sample_count_interpolates_the_median()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "11:00"), Commit("c2", "10:00"), Commit("c3", "09:00"), Commit("c4", "08:00")));
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(150);
    }

    [Fact]
    public async Task T05_redeployed_commit_counts_only_its_first_deployment()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "10:00")), Deploy("d2", "15:00", Commit("c1", "10:00")));
        m.GetProperty("deployments").GetInt32().ShouldBe(2);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
    }

    [Fact]
    public async Task T06_deploy_without_commits_counts_but_has_no_lead_time()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00"));
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
        IsNull(m, "leadTimeMinutes").ShouldBeTrue();
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task T07_failed_attempt_is_not_a_deployment_and_not_a_failure()
    {
        var m = await MetricsAsync(FailedRun("f1", "11:00", Commit("c1", "10:00")), Deploy("d1", "12:00", Commit("c1", "10:00")));
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task T08_non_production_deploy_is_ignored()
    {
        var m = await MetricsAsync(
            Deployment("service.deployed", "s1", "11:00", [Commit("c1", "10:00")], environment: "staging"),
            Deploy("d1", "13:00", Commit("c1", "10:00")));
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(180);
    }

    [Fact]
    public async Task T09_commit_after_its_deploy_is_dropped_as_clock_skew()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "12:05")));
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
        IsNull(m, "leadTimeMinutes").ShouldBeTrue();
    }

    [Fact]
    public async Task T10_sub_minute_lead_time_is_kept_in_seconds()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00", Commit("c1", "11:59:30")));
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(0.5);
    }

    [Fact]
    public async Task T15_several_deploys_on_one_day_are_three_deployments_on_one_day()
    {
        var m = await MetricsAsync(Deploy("d1", "09:00"), Deploy("d2", "12:00"), Deploy("d3", "18:00"));
        m.GetProperty("deployments").GetInt32().ShouldBe(3);
        m.GetProperty("deploymentDays").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task T25_offsets_are_normalised_including_gitlab_format()
    {
        var m = await MetricsAsync(Deploy("d1", "2024-03-05 11:00:00 +0200", Commit("c1", "2024-03-05T10:00:00+02:00")));
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(60);
    }

    [Fact]
    public async Task T27_window_is_half_open()
    {
        var m = await MetricsAsync(Deploy("d1", "2024-03-04T00:00:00Z"), Deploy("d3", "2024-03-10T23:59:59Z"), Deploy("d2", "2024-03-11T00:00:00Z"));
        m.GetProperty("deployments").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task T28_duplicate_delivery_is_counted_once()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var deploy = Deploy("d1", "12:00", Commit("c1", "10:00"));
        await server.SendAsync(deploy);
        var again = await server.PostAsync(new JsonArray(deploy.DeepClone()));
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"duplicates\":1");
        var m = await server.DoraAsync();
        m.GetProperty("deployments").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task T30a_adoption_is_onboarded_over_registered_teams()
    {
        await using var server = await DoraServer.StartAsync(backend);
        for (var team = 0; team < 20; team++)
            (await server.Http.PutAsync($"/api/teams/team-{team}", null)).IsSuccessStatusCode.ShouldBeTrue();
        for (var team = 0; team < 7; team++)
            await server.SendAsync(Deployment("service.deployed", $"d{team}", "12:00", [], service: $"svc-{team}", team: $"team-{team}"));
        (await server.PlatformAsync()).GetProperty("adoptionRate").GetDouble().ShouldBe(0.35);
    }

    [Fact]
    public async Task T30b_self_service_rate_excludes_runs_in_flight()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var events = new List<JsonNode>();
        for (var run = 0; run < 50; run++)
            events.Add(Run("pipelinerun.finished", $"run-{run}", "12:00", manual: run < 5, outcome: "success"));
        for (var run = 50; run < 53; run++)
            events.Add(Run("pipelinerun.started", $"run-{run}", "12:00"));
        await server.SendAsync([.. events]);
        var platform = await server.PlatformAsync();
        platform.GetProperty("selfServiceSuccessRate").GetDouble().ShouldBe(0.9);
        platform.GetProperty("completedRuns").GetInt32().ShouldBe(50);
    }

    [Theory]
    [InlineData(new[] { 10, 9, 9, 8, 7, 6, 3, 10, 0, 5 }, 0)]
    [InlineData(new[] { 10, 10, 10, 9, 8 }, 80)]
    public async Task T30c_nps_is_promoters_minus_detractors(int[] scores, double expected)
    {
        await using var server = await DoraServer.StartAsync(backend);
        foreach (var score in scores)
        {
            var response = await server.Http.PostAsync("/api/surveys/nps",
                new StringContent($$"""{"team":"alpha","score":{{score}}}""", System.Text.Encoding.UTF8, "application/json"));
            response.IsSuccessStatusCode.ShouldBeTrue();
        }
        (await server.PlatformAsync()).GetProperty("nps").GetDouble().ShouldBe(expected);
    }

    [Fact]
    public async Task T30d_platform_metrics_without_data_are_null_not_zero()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var platform = await server.PlatformAsync();
        IsNull(platform, "adoptionRate").ShouldBeTrue();
        IsNull(platform, "selfServiceSuccessRate").ShouldBeTrue();
        IsNull(platform, "nps").ShouldBeTrue();
    }

    [Fact]
    public async Task Rollback_is_a_deployment_and_marks_the_rolled_back_deployment_failed()
    {
        var m = await MetricsAsync(
            Deploy("d1", "12:00", Commit("c1", "10:00")),
            Deployment("service.rolledback", "r1", "12:30", [], rollbackOf: "d1"));
        m.GetProperty("deployments").GetInt32().ShouldBe(2);
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(0.5);
    }

    [Fact]
    public async Task Incident_linked_by_root_cause_fails_the_first_deployment_of_that_commit()
    {
        var m = await MetricsAsync(
            Deploy("d1", "12:00", Commit("c1", "10:00")),
            Deploy("d2", "14:00", Commit("c1", "10:00"), Commit("c2", "13:00")),
            Incident("incident.detected", "i1", "15:00", rootCause: "c1"),
            Incident("incident.resolved", "i1", "16:00"));
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(0.5);
        // Restore starts at the earlier of detection (15:00) and the root-cause deploy (12:00): 4 hours.
        m.GetProperty("timeToRestoreHours").GetDouble().ShouldBe(4);
    }

    [Fact]
    public async Task Incident_resolved_twice_counts_its_last_resolution()
    {
        var m = await MetricsAsync(
            Deploy("d1", "12:00"),
            Incident("incident.detected", "i1", "13:00", deploymentId: "d1"),
            Incident("incident.resolved", "i1", "13:30"),
            Incident("incident.resolved", "i1", "18:00"));
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(1);
        m.GetProperty("timeToRestoreHours").GetDouble().ShouldBe(6);
    }

    [Fact]
    public async Task Open_incident_has_no_time_to_restore()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00"), Incident("incident.detected", "i1", "13:00", deploymentId: "d1"));
        IsNull(m, "timeToRestoreHours").ShouldBeTrue();
        m.GetProperty("changeFailureRate").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task Service_and_team_filters_narrow_every_key()
    {
        await using var server = await DoraServer.StartAsync(backend);
        await server.SendAsync(
            Deployment("service.deployed", "a1", At("12:00"), [Commit("a", "10:00")], service: "api", team: "alpha"),
            Deployment("service.upgraded", "b1", At("12:00"), [Commit("b", "11:00")], service: "web", team: "beta"));
        (await server.DoraAsync(query: "&service=api")).GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
        (await server.DoraAsync(query: "&team=beta")).GetProperty("leadTimeMinutes").GetDouble().ShouldBe(60);
        (await server.DoraAsync(query: "&service=none")).GetProperty("deployments").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Deployment_days_follow_the_requested_time_zone()
    {
        await using var server = await DoraServer.StartAsync(backend);
        await server.SendAsync(Deploy("d1", "2024-03-05T23:30:00Z"), Deploy("d2", "2024-03-06T00:30:00Z"));
        (await server.DoraAsync()).GetProperty("deploymentDays").GetInt32().ShouldBe(2);
        (await server.DoraAsync(query: "&timeZone=Europe/Zurich")).GetProperty("deploymentDays").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Response_has_exactly_the_documented_fields()
    {
        var m = await MetricsAsync(Deploy("d1", "12:00"));
        m.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["from", "to", "deployments", "deploymentDays", "deploymentFrequency", "leadTimeMinutes", "changeFailureRate", "timeToRestoreHours"]);
        m.GetProperty("from").GetString().ShouldBe(WindowFrom);
    }

    private async Task<JsonElement> MetricsAsync(params JsonObject[] events)
    {
        await using var server = await DoraServer.StartAsync(backend);
        if (events.Length > 0)
            await server.SendAsync(events);
        return await server.DoraAsync();
    }

    private static bool IsNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null;
}

public sealed class PublicCasesOnSqlite(SqliteBackend backend) : PublicCases(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class PublicCasesOnPostgres(PostgresBackend backend) : PublicCases(backend);
