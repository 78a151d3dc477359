namespace Idp.Build;

/// <summary>Jenkins (detected by <c>JENKINS_URL</c>): core, git-plugin and multibranch variables.</summary>
public sealed class Jenkins : Host
{
    internal Jenkins(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
        var branch = Variable("BRANCH_NAME") ?? Variable("GIT_LOCAL_BRANCH") ?? Variable("GIT_BRANCH");
        if (branch is not null && branch.StartsWith("origin/", StringComparison.Ordinal))
            branch = branch["origin/".Length..];
        Ci = new CiVariables(
            CommitSha: Variable("GIT_COMMIT"),
            CommitTimestamp: null, // Jenkins has no variable for it; read it from git.
            Branch: branch,
            PipelineUrl: Variable("BUILD_URL"),
            MergeRequestId: Variable("CHANGE_ID"),
            JobToken: null);
    }

    public override string Name => "Jenkins";
    public override CiVariables Ci { get; }

    public string? JenkinsUrl => Variable("JENKINS_URL");
    public string? BuildNumber => Variable("BUILD_NUMBER");
    public string? BuildTag => Variable("BUILD_TAG");
    public string? JobName => Variable("JOB_NAME");
    public string? Workspace => Variable("WORKSPACE");
    public string? ChangeTarget => Variable("CHANGE_TARGET");
    public string? ChangeUrl => Variable("CHANGE_URL");
    public string? GitUrl => Variable("GIT_URL");
}
