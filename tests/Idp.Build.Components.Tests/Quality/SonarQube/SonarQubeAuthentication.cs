using System.Net;
using Idp.Build.Components.Quality.SonarQube;
using Idp.Testing.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>Bearer first, Basic(token:) for servers before 10.0, and errors that say which parameter or permission to fix.</summary>
public sealed class SonarQubeAuthentication
{
    [Fact]
    public async Task CurrentServer_IsAskedWithBearerOnly()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        using var client = sonar.Client();

        await client.GetTaskAsync(task.TaskId);

        sonar.Server.Requests.Select(r => r.AuthorizationScheme).ShouldBe(["Bearer"]);
        client.UsesBasicAuthentication.ShouldBeFalse();
    }

    [Fact]
    public async Task ServerBefore10_FallsBackToBasicOnceAndKeepsIt()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        sonar.Server.AcceptsBearer = false;
        var task = sonar.Server.AddTask("hello-service", ["PENDING", "SUCCESS"]);
        using var client = sonar.Client();

        var done = await client.WaitForTaskAsync(task.TaskId, SonarQubeTestSupport.Poll, TimeSpan.FromSeconds(10));

        done.Status.ShouldBe(CeTaskStatus.Success);
        client.UsesBasicAuthentication.ShouldBeTrue();
        sonar.Server.Requests.Select(r => $"{r.AuthorizationScheme} {r.Status}").ShouldBe(["Bearer 401", "Basic 200", "Basic 200"]);
    }

    [Fact]
    public async Task InvalidToken_Throws401NamingTheParameterWithoutTheToken()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        const string wrong = "squ_wrong000000000000000000000000000000000";
        using var client = sonar.Client(wrong);

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetTaskAsync(task.TaskId));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("--sonar-token");
        error.Message.ShouldContain("invalid, expired or revoked");
        error.Message.ShouldNotContain(wrong);
        sonar.Server.Requests.Select(r => r.AuthorizationScheme).ShouldBe(["Bearer", "Basic"]);
    }

    [Fact]
    public async Task MissingToken_Throws401SayingNoTokenWasGiven()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        using var client = sonar.Client(token: null);

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetQualityGateAsync("AY-any"));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("no token was given");
        error.Message.ShouldContain("--sonar-token");
        sonar.Server.Requests.Single().AuthorizationScheme.ShouldBeNull();
    }

    [Fact]
    public async Task TokenWithoutPermission_Throws403NamingThePermissionNeeded()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        using var client = sonar.Client(FakeSonarQube.TokenWithoutPermission);

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetTaskAsync(task.TaskId));

        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Message.ShouldContain("Insufficient privileges");
        error.Message.ShouldContain("'Browse' permission");
        error.Message.ShouldNotContain(FakeSonarQube.TokenWithoutPermission);
    }
}
