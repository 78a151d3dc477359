namespace Idp.Build.Hosts;

/// <summary>Picks the host from <c>--host</c>, else from the environment.</summary>
internal static class HostDetector
{
    public static readonly string[] Names = ["Terminal", "GitLab", "Jenkins"];

    public static Host Detect(IReadOnlyDictionary<string, string> environment, string? requested, bool outputIsTerminal = false)
    {
        var name = requested ?? (
            environment.GetValueOrDefault("GITLAB_CI") == "true" ? "GitLab"
            : !string.IsNullOrEmpty(environment.GetValueOrDefault("JENKINS_URL")) ? "Jenkins"
            : "Terminal");
        return name.ToLowerInvariant() switch
        {
            "terminal" => new Terminal(environment, outputIsTerminal),
            "gitlab" => new GitLabCi(environment),
            "jenkins" => new Jenkins(environment),
            _ => throw new BuildException($"Unknown host '{requested}' given with --host. Valid hosts: {string.Join(", ", Names)}."),
        };
    }
}
