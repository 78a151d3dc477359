using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Idp.Testing.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>
/// The fake SonarQube on its own, against shared/reference/api-contracts.md §3 ("What a faithful fake SonarQube must
/// implement"), spoken to with a plain HttpClient so the SDK's client cannot hide a mistake of the fake.
/// </summary>
public sealed class FakeSonarQubeContract : IAsyncLifetime
{
    private FakeSonarQube _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await FakeSonarQube.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Binds_ToLoopbackOnAFreePort()
    {
        _server.Url.Host.ShouldBe("127.0.0.1");
        _server.Url.Port.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("Bearer", HttpStatusCode.OK)]
    [InlineData("Basic", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData("password", HttpStatusCode.Unauthorized)]
    public async Task Authentication_AcceptsBearerAndBasicTokenOnly(string how, HttpStatusCode expected)
    {
        var task = _server.AddTask("p", ["SUCCESS"]);
        var header = how switch
        {
            "Bearer" => new AuthenticationHeaderValue("Bearer", FakeSonarQube.Token),
            "Basic" => Basic(FakeSonarQube.Token + ":"),
            "wrong" => new AuthenticationHeaderValue("Bearer", "squ_unknown"),
            "password" => Basic("admin:" + FakeSonarQube.Token),
            _ => null,
        };

        var (status, _) = await GetAsync($"/api/ce/task?id={task.TaskId}", header);

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task OldServerMode_RefusesBearerButAcceptsBasic()
    {
        _server.AcceptsBearer = false;
        var task = _server.AddTask("p", ["SUCCESS"]);

        (await GetAsync($"/api/ce/task?id={task.TaskId}", new AuthenticationHeaderValue("Bearer", FakeSonarQube.Token))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync($"/api/ce/task?id={task.TaskId}", Basic(FakeSonarQube.Token + ":"))).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenWithoutPermission_Gets403WithSonarQubesBody()
    {
        var (status, body) = await GetAsync("/api/qualitygates/project_status?analysisId=x", new AuthenticationHeaderValue("Bearer", FakeSonarQube.TokenWithoutPermission));

        status.ShouldBe(HttpStatusCode.Forbidden);
        body.ShouldBe("""{"errors":[{"msg":"Insufficient privileges"}]}""");
    }

    [Fact]
    public async Task ComputeEngineTask_WalksItsScriptWithAnalysisIdOnlyOnSuccess()
    {
        var task = _server.AddTask("hello", ["PENDING", "IN_PROGRESS", "SUCCESS"]);

        var polls = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
            polls.Add(JsonDocument.Parse((await GetAsync($"/api/ce/task?id={task.TaskId}")).Body).RootElement.GetProperty("task"));

        polls.Select(p => p.GetProperty("status").GetString()).ShouldBe(["PENDING", "IN_PROGRESS", "SUCCESS", "SUCCESS"]);
        polls.Select(p => p.TryGetProperty("analysisId", out var id) ? id.GetString() : null).ShouldBe([null, null, task.AnalysisId, task.AnalysisId]);
        polls[0].GetProperty("componentKey").GetString().ShouldBe("hello");
        polls[0].GetProperty("submittedAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$");
    }

    [Fact]
    public async Task FailedTask_CarriesErrorMessageAndNoAnalysisId()
    {
        var task = _server.AddTask("hello", ["FAILED"], errorMessage: "Report processing failed");

        var json = JsonDocument.Parse((await GetAsync($"/api/ce/task?id={task.TaskId}")).Body).RootElement.GetProperty("task");

        json.GetProperty("status").GetString().ShouldBe("FAILED");
        json.GetProperty("errorMessage").GetString().ShouldBe("Report processing failed");
        json.TryGetProperty("analysisId", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownTask_Is404WithSonarQubesBody()
    {
        var (status, body) = await GetAsync("/api/ce/task?id=AY-nope");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldBe("""{"errors":[{"msg":"No activity found for task 'AY-nope'"}]}""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?analysisId=a&projectKey=p")]
    [InlineData("?projectId=1&projectKey=p")]
    public async Task ProjectStatus_WantsExactlyOneOfAnalysisProjectIdOrProjectKey(string query)
    {
        var (status, body) = await GetAsync("/api/qualitygates/project_status" + query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldBe("""{"errors":[{"msg":"Either 'analysisId', 'projectId' or 'projectKey' must be provided"}]}""");
    }

    [Fact]
    public async Task ProjectStatus_AcceptsBranchOnlyWithProjectKey()
    {
        (await GetAsync("/api/qualitygates/project_status?analysisId=a&branch=main")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ProjectStatus_Is404ForAnUnknownAnalysis()
    {
        var (status, body) = await GetAsync("/api/qualitygates/project_status?analysisId=AY-nope");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldBe("""{"errors":[{"msg":"Analysis with id 'AY-nope' is not found"}]}""");
    }

    [Fact]
    public async Task ProjectStatus_IsNotFoundUntilTheTaskSucceeded()
    {
        var task = _server.AddTask("hello", ["PENDING", "SUCCESS"]);
        _server.SetQualityGate(task.AnalysisId, "OK");

        (await GetAsync($"/api/qualitygates/project_status?analysisId={task.AnalysisId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        await GetAsync($"/api/ce/task?id={task.TaskId}");
        await GetAsync($"/api/ce/task?id={task.TaskId}");
        (await GetAsync($"/api/qualitygates/project_status?analysisId={task.AnalysisId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync("/api/qualitygates/project_status?projectKey=hello")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("OK")]
    [InlineData("WARN")]
    [InlineData("ERROR")]
    [InlineData("NONE")]
    public async Task ProjectStatus_AnswersTheScriptedStatusWithStringValuedConditions(string gateStatus)
    {
        _server.AddAnalysis("AY-analysis", "hello");
        _server.SetQualityGate("AY-analysis", gateStatus, new FakeCondition("new_coverage", "LT", "85", "82.5", "ERROR"), new FakeCondition("reopened_issues", "GT", null, "0", "OK"));

        var json = JsonDocument.Parse((await GetAsync("/api/qualitygates/project_status?analysisId=AY-analysis")).Body).RootElement.GetProperty("projectStatus");

        json.GetProperty("status").GetString().ShouldBe(gateStatus);
        var conditions = json.GetProperty("conditions").EnumerateArray().ToArray();
        conditions[0].GetProperty("errorThreshold").ValueKind.ShouldBe(JsonValueKind.String);
        conditions[0].GetProperty("actualValue").GetString().ShouldBe("82.5");
        conditions[1].TryGetProperty("errorThreshold", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ReportTaskHelper_WritesTheScannersKeysPointingAtTheFake()
    {
        var task = _server.AddTask("hello", ["SUCCESS"]);
        var directory = Path.Combine(Path.GetTempPath(), "idp-fake-sonar-" + Guid.NewGuid().ToString("N"));
        try
        {
            var lines = File.ReadAllLines(_server.WriteReportTask(directory, task));

            lines.Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ShouldBe(["projectKey", "serverUrl", "serverVersion", "dashboardUrl", "ceTaskId", "ceTaskUrl"]);
            lines.ShouldContain($"ceTaskUrl={_server.Url.AbsoluteUri.TrimEnd('/')}/api/ce/task?id={task.TaskId}");
            File.Exists(Path.Combine(directory, ".sonarqube", "out", ".sonar", "report-task.txt")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task VersionAndStatus_AnswerWithoutAToken()
    {
        var version = await GetAsync("/api/server/version", authorization: null);
        var status = await GetAsync("/api/system/status", authorization: null);

        version.Body.ShouldBe(_server.ServerVersion);
        JsonDocument.Parse(status.Body).RootElement.GetProperty("status").GetString().ShouldBe("UP");
    }

    [Fact]
    public async Task InjectedFaults_AnswerFirstAndEveryRequestIsRecorded()
    {
        _server.FailNext(1, 503);

        (await GetAsync("/api/system/status")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await GetAsync("/api/system/status")).Status.ShouldBe(HttpStatusCode.OK);

        _server.Requests.Select(r => r.ToString()).ShouldBe(["GET /api/system/status [Bearer] → 503", "GET /api/system/status [Bearer] → 200"]);
    }

    [Fact]
    public async Task Stopping_ClosesThePort()
    {
        var url = _server.Url;
        await _server.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(() => _http.GetAsync(new Uri(url, "/api/system/status")));
    }

    private static AuthenticationHeaderValue Basic(string pair) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));

    private Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery) =>
        GetAsync(pathAndQuery, new AuthenticationHeaderValue("Bearer", FakeSonarQube.Token));

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Url, pathAndQuery));
        request.Headers.Authorization = authorization;
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
