using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Api;

/// <summary>Invalid requests get a 400 problem naming each bad field; no input, however random, gets a 500.</summary>
public abstract class BadInput(DoraBackend backend)
{
    [Fact]
    public async Task Malformed_json_is_a_problem_at_the_root()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var problem = await ProblemAsync(await server.PostAsync("{\"context\": "));
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        Paths(problem).ShouldBe(["$"]);
    }

    [Fact]
    public async Task Every_missing_field_is_listed_with_its_path()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var deploy = Deploy("d1", "12:00");
        deploy["context"]!.AsObject().Remove("id");
        deploy["subject"]!["content"]!.AsObject().Remove("artifactId");
        deploy["customData"]!.AsObject().Remove("service");
        var problem = await ProblemAsync(await server.PostAsync(new JsonArray(Deploy("ok", "11:00"), deploy)));
        Paths(problem).ShouldBe(["$[1].context.id", "$[1].subject.content.artifactId", "$[1].customData.service"], ignoreOrder: true);
        (await server.DoraAsync()).GetProperty("deployments").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("2024-03-05T12:00:00")]
    [InlineData("2024-03-05 12:00:00")]
    [InlineData("2024-03-05T12:00")]
    public async Task Naive_timestamps_are_rejected(string naive)
    {
        await using var server = await DoraServer.StartAsync(backend);
        var deploy = Deploy("d1", "12:00", Commit("c1", "10:00"));
        deploy["customData"]!["commits"]![0]!["timestamp"] = naive;
        var problem = await ProblemAsync(await server.PostAsync(new JsonArray(deploy)));
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("path").GetString().ShouldBe("$[0].customData.commits[0].timestamp");
        error.GetProperty("message").GetString()!.ShouldContain("offset");
    }

    [Fact]
    public async Task Wrong_types_are_named()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var deploy = Deploy("d1", "12:00");
        deploy["context"]!["id"] = 42;
        deploy["customData"]!["commits"] = "abc";
        deploy["customData"]!["manualIntervention"] = "yes";
        var problem = await ProblemAsync(await server.PostAsync(deploy));
        Paths(problem).ShouldBe(["$.context.id", "$.customData.commits", "$.customData.manualIntervention"], ignoreOrder: true);
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("found a number");
    }

    [Fact]
    public async Task Ten_thousand_random_payloads_never_cause_a_server_error()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var random = new Random(20240305);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 10_000; i++)
        {
            var response = await server.Http.PostAsync("/api/events", new ByteArrayContent(RandomPayloads.Next(random, i)));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                throw new ShouldAssertException($"Payload {i} got {status}: {await response.Content.ReadAsStringAsync()}");
        }
        statuses.Keys.ShouldBeSubsetOf([202, 400]);
        statuses.GetValueOrDefault(202).ShouldBeGreaterThan(100);
        statuses.GetValueOrDefault(400).ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task Writes_need_the_token_when_one_is_configured()
    {
        await using var server = await DoraServer.StartAsync(backend, "--token", "s3cret");
        var anonymous = await server.PostAsync(new JsonArray(Deploy("d1", "12:00")));
        ((int)anonymous.StatusCode).ShouldBe(401);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(new JsonArray(Deploy("d1", "12:00")).ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", "s3cret");
        ((int)(await server.Http.SendAsync(request)).StatusCode).ShouldBe(202);
        (await server.DoraAsync()).GetProperty("deployments").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413()
    {
        await using var server = await DoraServer.StartAsync(backend);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new StringContent("[" + new string(' ', 17 * 1024 * 1024) + "]", Encoding.UTF8, "application/json"),
        };
        // Kestrel answers 413 from the Content-Length alone; with 100-continue the client reads that answer instead of a broken pipe.
        request.Headers.ExpectContinue = true;
        var response = await server.Http.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(413);
    }

    [Fact]
    public async Task Bad_metrics_query_lists_each_parameter()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var response = await server.Http.GetAsync("/api/metrics/dora?from=2024-03-04&weekStart=friday&timeZone=Mars/Base");
        var problem = await ProblemAsync(response);
        Paths(problem).ShouldBe(["from", "to", "timeZone", "weekStart"], ignoreOrder: true);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string[] Paths(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToArray();
}

public sealed class BadInputOnSqlite(SqliteBackend backend) : BadInput(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class BadInputOnPostgres(PostgresBackend backend) : BadInput(backend);
