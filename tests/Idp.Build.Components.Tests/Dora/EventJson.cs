using Idp.Build.Components.Dora;

namespace Idp.Build.Components.Tests.Dora;

/// <summary>The JSON of the events Idp.Dora ingests, byte for byte: subject content and custom data by their own types, nulls left out.</summary>
public sealed class EventJson
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 17, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void A_deployment_event_carries_its_content_and_custom_data()
    {
        var deployed = new CdEvent(
            new CdEventContext("0.5.1", "dep-1", "/idp/platform/hello", "dev.cdevents.service.deployed.0.3.0", At),
            new CdEventSubject("hello", Source: null, new ServiceContent(new EnvironmentRef("dev"), "pkg:oci/hello@sha256:ab")),
            new DeploymentData("hello", "platform", [new CommitInfo("abc1234", At.ToOffset(TimeSpan.FromHours(1)))], PipelineUrl: null, "ci", ManualIntervention: false));

        deployed.ToJson().ShouldBe(
            """{"context":{"specversion":"0.5.1","id":"dep-1","source":"/idp/platform/hello","type":"dev.cdevents.service.deployed.0.3.0","timestamp":"2026-11-29T17:00:00.5Z"}"""
            + ""","subject":{"id":"hello","content":{"environment":{"id":"dev"},"artifactId":"pkg:oci/hello@sha256:ab"}}"""
            + ""","customData":{"service":"hello","team":"platform","commits":[{"sha":"abc1234","timestamp":"2026-11-29T18:00:00.5\u002B01:00"}],"actor":"ci","manualIntervention":false}}""");
    }

    [Fact]
    public void A_pipeline_run_and_an_incident_keep_their_own_fields()
    {
        var finished = new CdEvent(
            new CdEventContext("0.5.1", "run-1", "/idp/platform/hello", "dev.cdevents.pipelinerun.finished.0.3.0", At),
            new CdEventSubject("run-1", "/gitlab", new PipelineRunContent("golden-path", Uri: null, "failure", "Deploy failed")),
            new FailedDeployData("hello", Team: null, "dev", []));
        var incident = new CdEvent(
            new CdEventContext("0.5.1", "inc-1", "/idp/platform/hello", "dev.cdevents.incident.detected.0.3.0", At),
            new CdEventSubject("inc-1", Source: null, new IncidentContent(new EnvironmentRef("prod"), "5xx")),
            CustomData: null);

        finished.ToJson().ShouldEndWith(
            ""","subject":{"id":"run-1","source":"/gitlab","content":{"pipelineName":"golden-path","outcome":"failure","errors":"Deploy failed"}}"""
            + ""","customData":{"service":"hello","environment":"dev","commits":[]}}""");
        incident.ToJson().ShouldEndWith(""","subject":{"id":"inc-1","content":{"environment":{"id":"prod"},"description":"5xx"}}}""");
    }
}
