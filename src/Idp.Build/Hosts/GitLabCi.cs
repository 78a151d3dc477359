using System.Globalization;

namespace Idp.Build;

/// <summary>GitLab CI (detected by <c>GITLAB_CI=true</c>): predefined variables and collapsible log sections.</summary>
public sealed class GitLabCi : Host
{
    internal GitLabCi(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
        Ci = new CiVariables(
            CommitSha: Variable("CI_COMMIT_SHA"),
            CommitTimestamp: DateTimeOffset.TryParse(Variable("CI_COMMIT_TIMESTAMP"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
            Branch: Variable("CI_COMMIT_BRANCH") ?? Variable("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") ?? Variable("CI_COMMIT_REF_NAME"),
            PipelineUrl: Variable("CI_PIPELINE_URL"),
            MergeRequestId: Variable("CI_MERGE_REQUEST_IID"),
            JobToken: Variable("CI_JOB_TOKEN"));
    }

    public override string Name => "GitLab";
    public override CiVariables Ci { get; }

    public string? ServerUrl => Variable("CI_SERVER_URL");
    public string? ApiV4Url => Variable("CI_API_V4_URL");
    public string? ProjectId => Variable("CI_PROJECT_ID");
    public string? ProjectPath => Variable("CI_PROJECT_PATH");
    public string? ProjectUrl => Variable("CI_PROJECT_URL");
    public string? DefaultBranch => Variable("CI_DEFAULT_BRANCH");
    public string? CommitTag => Variable("CI_COMMIT_TAG");
    public string? PipelineId => Variable("CI_PIPELINE_ID");
    public string? PipelineSource => Variable("CI_PIPELINE_SOURCE");
    public string? JobId => Variable("CI_JOB_ID");
    public string? JobName => Variable("CI_JOB_NAME");
    public string? JobUrl => Variable("CI_JOB_URL");
    public string? EnvironmentName => Variable("CI_ENVIRONMENT_NAME");
    public string? MergeRequestTargetBranch => Variable("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
    public string? UserLogin => Variable("GITLAB_USER_LOGIN");

    // https://docs.gitlab.com/ci/jobs/job_logs/#custom-collapsible-sections
    public override void BeginSection(TextWriter output, string name, string title, bool color) =>
        output.WriteLine($"\u001b[0Ksection_start:{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}:{SectionId(name)}\r\u001b[0K\u001b[1;36m{title}\u001b[0m");

    public override void EndSection(TextWriter output, string name) =>
        output.WriteLine($"\u001b[0Ksection_end:{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}:{SectionId(name)}\r\u001b[0K");

    private static string SectionId(string name) => "idp_" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
}
