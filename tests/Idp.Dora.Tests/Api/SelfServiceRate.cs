using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Api;

/// <summary>
/// The self-service success rate counts every deployment as a finished run, beside the finished runs that pipelinerun
/// events report; a manual step in either kind, and only there, takes the run out of the unattended ones. A deployment
/// sent twice is one run.
/// </summary>
public abstract class SelfServiceRate(DoraBackend backend)
{
    [Fact]
    public async Task Deployments_and_reported_runs_are_runs_and_a_manual_step_in_either_counts_against_the_rate()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var events = new List<JsonNode>();
        for (var i = 0; i < 12; i++)
            events.Add(Deployment("service.upgraded", $"d{i}", "12:00", [], manual: i < 3 ? true : i < 6 ? false : null));
        events.Add(Deployment("service.upgraded", "d0", "12:00", [], manual: true));
        for (var run = 0; run < 8; run++)
            events.Add(Run("pipelinerun.finished", $"run-{run}", "12:00", manual: run < 1, outcome: "success"));
        events.Add(Run("pipelinerun.started", "run-8", "12:00", manual: true));
        await server.SendAsync([.. events]);

        var platform = await server.PlatformAsync();

        platform.GetProperty("completedRuns").GetInt32().ShouldBe(20);
        platform.GetProperty("selfServiceSuccessRate").GetDouble().ShouldBe(16 / 20.0);
    }
}

public sealed class SelfServiceRateOnSqlite(SqliteBackend backend) : SelfServiceRate(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class SelfServiceRateOnPostgres(PostgresBackend backend) : SelfServiceRate(backend);
