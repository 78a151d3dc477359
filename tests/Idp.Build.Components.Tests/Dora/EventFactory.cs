using System.Text.Json;
using Idp.Build.Components.Dora;

namespace Idp.Build.Components.Tests.Dora;

public sealed class EventFactory
{
    private readonly DoraEvents _events = new("/idp-build/hello", () => "id-1");

    [Fact]
    public void Deployment_event_follows_the_cdevents_profile()
    {
        var json = JsonDocument.Parse(_events.Deployed(Sample.Deploy("hello", 12, ("abc1234", 10)), firstInEnvironment: false).ToJson()).RootElement;

        json.GetProperty("context").GetProperty("specversion").GetString().ShouldBe("0.5.1");
        json.GetProperty("context").GetProperty("type").GetString().ShouldBe("dev.cdevents.service.upgraded.0.3.0");
        json.GetProperty("context").GetProperty("id").GetString().ShouldBe("id-1");
        json.GetProperty("context").GetProperty("timestamp").GetString().ShouldBe("2024-03-05T12:00:00Z");
        json.GetProperty("subject").GetProperty("content").GetProperty("environment").GetProperty("id").GetString().ShouldBe("production");
        json.GetProperty("subject").GetProperty("content").GetProperty("artifactId").GetString().ShouldStartWith("pkg:oci/hello@sha256:");
        var commit = json.GetProperty("customData").GetProperty("commits")[0];
        commit.GetProperty("sha").GetString().ShouldBe("abc1234");
        commit.GetProperty("timestamp").GetString().ShouldBe("2024-03-05T10:00:00Z");
        json.GetProperty("customData").TryGetProperty("rollbackOf", out _).ShouldBeFalse();
    }

    [Fact]
    public void First_deployment_in_an_environment_is_deployed_and_a_rollback_names_what_it_undoes()
    {
        _events.Deployed(Sample.Deploy("hello", 12), firstInEnvironment: true).Context.Type.ShouldBe("dev.cdevents.service.deployed.0.3.0");
        var rollback = JsonDocument.Parse(_events.RolledBack(Sample.Deploy("hello", 13), rollbackOf: "dep-9").ToJson()).RootElement;
        rollback.GetProperty("context").GetProperty("type").GetString().ShouldBe("dev.cdevents.service.rolledback.0.3.0");
        rollback.GetProperty("customData").GetProperty("rollbackOf").GetString().ShouldBe("dep-9");
    }

    [Fact]
    public void Failed_deploy_is_a_failed_pipeline_run_with_its_environment_and_commits()
    {
        var json = JsonDocument.Parse(_events.DeployFailed(Sample.Deploy("hello", 12, ("abc1234", 10)), "run-5", "rollout timed out").ToJson()).RootElement;
        json.GetProperty("context").GetProperty("type").GetString().ShouldBe("dev.cdevents.pipelinerun.finished.0.3.0");
        json.GetProperty("subject").GetProperty("id").GetString().ShouldBe("run-5");
        json.GetProperty("subject").GetProperty("content").GetProperty("outcome").GetString().ShouldBe("failure");
        json.GetProperty("customData").GetProperty("environment").GetString().ShouldBe("production");
        json.GetProperty("customData").GetProperty("commits").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Every_event_kind_is_accepted_by_the_real_endpoint_and_counts()
    {
        var events = new DoraEvents("/idp-build/factory");
        var deploy = events.Deployed(Sample.Deploy("factory-svc", 12, (Sample.Sha(1), 10)), firstInEnvironment: true);
        CdEvent[] all =
        [
            deploy,
            events.DeployFailed(Sample.Deploy("factory-svc", 13), "run-1"),
            events.RolledBack(Sample.Deploy("factory-svc", 14), deploy.Context.Id),
            events.IncidentDetected("inc-1", "factory-svc", "alpha", "production", Sample.At(15), deploymentId: deploy.Context.Id),
            events.IncidentResolved("inc-1", "factory-svc", "alpha", "production", Sample.At(16)),
        ];
        await using var dora = await LocalDora.StartAsync();
        using var http = new HttpClient();
        (await new DoraSender(http, dora.Address, null).SendAsync(all.Select(e => e.ToJson()).ToList())).Outcome.ShouldBe(SendOutcome.Delivered);

        var metrics = await dora.DoraAsync("factory-svc");
        metrics.GetProperty("deployments").GetInt32().ShouldBe(2);
        metrics.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
        metrics.GetProperty("changeFailureRate").GetDouble().ShouldBe(0.5);
        metrics.GetProperty("timeToRestoreHours").GetDouble().ShouldBe(4);
    }
}
