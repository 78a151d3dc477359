using System.Net;
using Idp.Build.Components.Quality.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>5xx answers and connection failures are retried with bounded backoff; other errors are not.</summary>
public sealed class SonarQubeRetries
{
    [Fact]
    public async Task ServiceUnavailable_IsRetriedWithGrowingBackoffUntilTheServerAnswers()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        sonar.Server.FailNext(2, 503);
        using var client = sonar.Client();

        var result = await client.GetTaskAsync(task.TaskId);

        result.Status.ShouldBe(CeTaskStatus.Success);
        sonar.Server.Requests.Select(r => r.Status).ShouldBe([503, 503, 200]);
        sonar.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task ServerThatKeepsFailing_ThrowsAfterTheLastAttempt()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        sonar.Server.FailNext(10, 502);
        using var client = sonar.Client();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetQualityGateAsync("AY-any"));

        error.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        error.Message.ShouldContain("4 times in a row");
        sonar.Server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public void Backoff_StopsGrowingAtTheCeiling()
    {
        var policy = new SonarQubeRetryPolicy { BaseDelay = TimeSpan.FromSeconds(4), MaxDelay = TimeSpan.FromSeconds(10) };

        Enumerable.Range(1, 4).Select(policy.Backoff).ShouldBe([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)]);
    }

    [Fact]
    public async Task NotFound_IsNotRetried()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        using var client = sonar.Client();

        await Should.ThrowAsync<SonarQubeException>(() => client.GetTaskAsync("AY-no-such-task"));

        sonar.Server.Requests.Count.ShouldBe(1);
        sonar.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServerThatIsDown_ThrowsAfterRetriesNamingTheUrl()
    {
        Uri closed;
        await using (var gone = await SonarQubeTestSupport.StartAsync())
            closed = gone.Server.Url;
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        using var client = sonar.Client(url: closed);

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetTaskAsync("AY-any"));

        error.Message.ShouldContain($"SonarQube at {closed.AbsoluteUri.TrimEnd('/')} could not be reached");
        error.Message.ShouldContain("after 4 attempts");
        sonar.Delays.Count.ShouldBe(3);
    }
}
