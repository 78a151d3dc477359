using Idp.Build.Components.GitLab;
using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>A started fake GitLab with one project (42, platform/orders), one commit and merge request 7, per test.</summary>
public abstract class FakeGitLabScope : IAsyncLifetime
{
    protected const string Sha = "18f3e63d05582537db6d183d9d557be09e1f90c8";
    protected const string ProjectPath = "platform/orders";
    protected const long MergeRequestIid = 7;

    protected FakeGitLab GitLab { get; private set; } = null!;

    protected FakeProject Project { get; private set; } = null!;

    /// <summary>The waits the client asked for, instead of sleeping through them.</summary>
    protected List<TimeSpan> Delays { get; } = [];

    protected List<string> Information { get; } = [];

    protected List<string> Warnings { get; } = [];

    protected GitLabRetryPolicy RecordingRetry => new() { Delay = (wait, _) => { Delays.Add(wait); return Task.CompletedTask; } };

    public async Task InitializeAsync()
    {
        GitLab = await FakeGitLab.StartAsync();
        Project = GitLab.AddProject(42, ProjectPath).WithCommit(Sha).WithMergeRequest(MergeRequestIid);
    }

    public async Task DisposeAsync() => await GitLab.DisposeAsync();

    protected GitLabClient Client(string token = FakeGitLab.AccessToken) => new(GitLab.ApiUrl, token, RecordingRetry);

    protected GitLabReporterSettings Settings(string? token = FakeGitLab.AccessToken, long? mergeRequest = MergeRequestIid, bool jobRecordsDeployments = false) =>
        new(GitLab.ApiUrl.AbsoluteUri, token, ProjectPath, Sha, "main", RefIsTag: false, mergeRequest, "https://jenkins.example.internal/job/orders/12/", jobRecordsDeployments);

    protected GitLabReporter Reporter(GitLabReporterSettings? settings = null) =>
        new(settings ?? Settings(), Information.Add, Warnings.Add, RecordingRetry);
}
