namespace Idp.Adopt.Detection;

/// <summary>The CI files the repository already has; they are never overwritten.</summary>
public static class CiFileDetector
{
    /// <summary>Which of <c>.gitlab-ci.yml</c> and <c>Jenkinsfile</c> exist.</summary>
    public sealed record Result(bool GitLab, bool Jenkins)
    {
        /// <summary>The CI files to write: <paramref name="requested"/>, else the kinds present, else GitLab.</summary>
        public CiChoice Choose(CiChoice? requested) => requested ?? (GitLab, Jenkins) switch
        {
            (true, true) => CiChoice.Both,
            (false, true) => CiChoice.Jenkins,
            _ => CiChoice.GitLab,
        };
    }

    /// <summary>Which CI files exist at <paramref name="root"/>.</summary>
    public static Result Detect(string root) =>
        new(File.Exists(Path.Combine(root, ".gitlab-ci.yml")), File.Exists(Path.Combine(root, "Jenkinsfile")));
}
